import { MultiBar, Presets, SingleBar } from 'cli-progress';

/** A progress bar per table while seeding: a million-trainee load takes minutes, so show it. */
export function createProgress() {
  let bars: MultiBar | undefined;
  const byTable = new Map<string, ReturnType<MultiBar['create']>>();
  return {
    update(table: string, done: number, total: number): void {
      if (total < 20_000) return; // the default demo loads in a blink; no bars
      bars ??= new MultiBar({ format: ' {table} [{bar}] {percentage}% {value}/{total}', hideCursor: true }, Presets.shades_classic);
      let bar = byTable.get(table);
      if (!bar) {
        bar = bars.create(total, 0, { table: table.padEnd(28) });
        byTable.set(table, bar);
      }
      bar.update(done);
    },
    stop(): void {
      bars?.stop();
    },
  };
}

/** One bar for a file being sent: bytes sent of the file's size, and the rows the department has handled. */
export function createUploadProgress(totalBytes: number) {
  const bar = new SingleBar(
    { format: ' {file} [{bar}] {percentage}% | {rows} rows, {imported} imported, {unchanged} unchanged, {rejected} rejected', hideCursor: true },
    Presets.shades_classic,
  );
  return {
    start(file: string): void {
      bar.start(Math.max(totalBytes, 1), 0, { file, rows: 0, imported: 0, unchanged: 0, rejected: 0 });
    },
    sent(bytes: number): void {
      bar.update(bytes);
    },
    rows(counts: { rows: number; imported: number; unchanged: number; rejected: number }): void {
      bar.update(counts);
    },
    stop(): void {
      bar.stop();
    },
  };
}

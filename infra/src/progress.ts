import { MultiBar, Presets } from 'cli-progress';

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

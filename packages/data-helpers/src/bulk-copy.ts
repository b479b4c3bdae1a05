import type { DataSource } from 'typeorm';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One field of a COPY row: null becomes \N; text is escaped for COPY's text format. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  // Numbers and plain text (almost every field of a million rows) are written as they are.
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string' && !NEEDS_ESCAPE.test(value)) return value;
  if (Array.isArray(value)) return copyField(`{${value.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Memory for the grouping a statement-level trigger (a tally) does over a whole COPY's rows. */
const TRIGGER_WORK_MEM = '256MB';

export interface CopyOptions {
  /**
   * The table must be empty (else the COPY is refused): it is emptied again in the COPY's own
   * transaction, which gives it a new file, so that a server running with `wal_level=minimal`
   * writes its rows once, to the table, instead of to the WAL too. The table is locked
   * against every other session until the COPY commits.
   */
  intoEmptyTable?: boolean;
}

/**
 * Bulk-loads rows with COPY FROM STDIN: the only way to seed a million trainees in a
 * reasonable time. `onProgress` is told how many rows went so far.
 */
export async function copyRows<T>(
  dataSource: DataSource,
  table: string,
  columns: string[],
  rows: Iterable<T>,
  toRow: (row: T) => unknown[],
  onProgress?: (done: number) => void,
  options: CopyOptions = {},
): Promise<number> {
  return timedStep(dataSource, `COPY ${table}`, () => copyRowsNow(dataSource, table, columns, rows, toRow, onProgress, options));
}

async function copyRowsNow<T>(
  dataSource: DataSource,
  table: string,
  columns: string[],
  rows: Iterable<T>,
  toRow: (row: T) => unknown[],
  onProgress: ((done: number) => void) | undefined,
  options: CopyOptions,
): Promise<number> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let done = 0;
  try {
    await runner.startTransaction();
    await runner.query(`SET LOCAL work_mem = '${TRIGGER_WORK_MEM}'`);
    if (options.intoEmptyTable) {
      await runner.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const [{ empty }] = await runner.query(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`);
      if (!empty) throw new Error(`${table} already has rows: only an empty table is seeded`);
      await runner.query(`TRUNCATE ${table}`);
    }
    const client = (await runner.connect()) as { query: (stream: unknown) => NodeJS.WritableStream };
    const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    function* lines(): Generator<string> {
      let batch: string[] = [];
      for (const row of rows) {
        batch.push(toRow(row).map(copyField).join('\t'));
        done++;
        if (batch.length === 5000) {
          yield batch.join('\n') + '\n';
          batch = [];
          onProgress?.(done);
        }
      }
      if (batch.length) yield batch.join('\n') + '\n';
      onProgress?.(done);
    }
    await pipeline(Readable.from(lines()), sink);
    await runner.commitTransaction();
    return done;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Runs one step of a seeding and records its duration on the process's performance timeline
 * (`seed <database>: <step>`), where a benchmark reads it: which COPY, index build or key check
 * the time went to, without threading a reporter through every department's seed.
 */
export async function timedStep<T>(dataSource: DataSource, step: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    performance.measure(`seed ${String(dataSource.driver.database)}: ${step}`, { start, end: performance.now() });
  }
}

/** After COPY with explicit ids, moves the id sequence past them. */
export async function resetIdSequence(dataSource: DataSource, table: string): Promise<void> {
  await dataSource.query(
    `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
  );
}

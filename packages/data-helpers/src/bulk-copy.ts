import type { DataSource } from 'typeorm';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { BulkTally } from './tally';
import { fillTally } from './bulk-tally';
import { copyField, copyFieldBound, writeCopyField } from './bulk-copy-text';

/** The COPY's rows go to the server in chunks of this many bytes (and progress is told every PROGRESS_ROWS rows). */
const CHUNK_BYTES = 512 * 1024;
const PROGRESS_ROWS = 5000;
const TAB = 0x09;
const NEWLINE = 0x0a;

/** Memory for the grouping a tally does over a whole COPY's rows, and for the unique constraints' sorted builds. */
const TRIGGER_WORK_MEM = '256MB';

export interface CopyOptions {
  /**
   * The table must be empty (else the COPY is refused): it is emptied again in the COPY's own
   * transaction, which gives it a new file, so that a server running with `wal_level=minimal`
   * writes its rows once, to the table, instead of to the WAL too. The table is locked
   * against every other session until the COPY commits. Its unique constraints (those no
   * foreign key rests on) are dropped in that transaction and added back, each checked by one
   * sorted index build, once the rows are in: a million keys in random order (citizen IDs,
   * person keys) would otherwise each descend a growing index that no longer fits in memory.
   * A duplicate fails the COPY's transaction, which leaves the table empty and its constraints
   * as they were; no other session ever sees the table without them.
   */
  intoEmptyTable?: boolean;
  /**
   * Tallies kept, for this COPY into an empty table, by one statement over the loaded table
   * instead of by their insert trigger: the trigger is disabled for the COPY alone and enabled
   * again, and the statement run, before the COPY's transaction commits, so no other session
   * ever sees the table without its trigger or its rows without their tally.
   */
  tallies?: BulkTally[];
  /** Settles when the tallies' fills may run (the tables they read are in); the rows are copied meanwhile. */
  beforeTallies?: () => Promise<void>;
}

/**
 * Bulk-loads rows with COPY FROM STDIN: the only way to seed a million trainees in a
 * reasonable time. `onProgress` is told how many rows went so far.
 */
export async function copyRows<T>(
  dataSource: DataSource,
  table: string,
  columns: string[],
  rows: Iterable<T> | AsyncIterable<readonly T[]>,
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
  rows: Iterable<T> | AsyncIterable<readonly T[]>,
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
    await runner.query(`SET LOCAL maintenance_work_mem = '${TRIGGER_WORK_MEM}'`);
    let uniques: Array<{ name: string; definition: string }> = [];
    if (options.intoEmptyTable) {
      await runner.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const [{ empty }] = await runner.query(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`);
      if (!empty) throw new Error(`${table} already has rows: only an empty table is seeded`);
      await runner.query(`TRUNCATE ${table}`);
      uniques = await runner.query(
        `SELECT quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
         WHERE c.conrelid = $1::regclass AND c.contype = 'u'
           AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)
         ORDER BY c.conname`, [table]);
      for (const unique of uniques) await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${unique.name}`);
    }
    const tallies = options.tallies ?? [];
    if (tallies.length && !options.intoEmptyTable) throw new Error(`${table}: a tally is filled in one statement only for a COPY into an empty table`);
    for (const tally of tallies) await runner.query(`ALTER TABLE ${table} DISABLE TRIGGER ${tally.trigger}`);
    const client = (await runner.connect()) as { query: (stream: unknown) => NodeJS.WritableStream };
    // Into a table emptied in this transaction, the rows go in frozen: no later statement of the
    // seeding (index builds, key checks, tallies, ANALYZE) rewrites every page to set hint bits,
    // and the first vacuum has nothing to freeze. No other session can see the table meanwhile.
    const freeze = options.intoEmptyTable ? ' WITH (FREEZE)' : '';
    const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN${freeze}`));
    // Each field is written as UTF-8 straight into a chunk of memory handed to the stream once
    // full (see bulk-copy-text.ts): no string is made for a row or a number. A chunk may end
    // inside a row; COPY reads its input as one stream.
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    let reported = 0;
    function take(): Buffer {
      const full = chunk.subarray(0, used);
      chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      used = 0;
      return full;
    }
    function* linesOf(some: Iterable<T>): Generator<Buffer> {
      for (const row of some) {
        const fields = toRow(row);
        for (let i = 0; i < fields.length; i++) {
          const field = copyField(fields[i]);
          // The field and the tab or newline after it.
          const room = copyFieldBound(field) + 1;
          if (used + room > chunk.length) {
            if (used) yield take();
            if (room > chunk.length) chunk = Buffer.allocUnsafe(room);
          }
          used = writeCopyField(chunk, used, field);
          chunk[used++] = i === fields.length - 1 ? NEWLINE : TAB;
        }
        done++;
        if (done - reported >= PROGRESS_ROWS) {
          reported = done;
          onProgress?.(done);
        }
      }
    }
    function* rest(): Generator<Buffer> {
      if (used) yield take();
      onProgress?.(done);
    }
    function* lines(some: Iterable<T>): Generator<Buffer> {
      yield* linesOf(some);
      yield* rest();
    }
    // Rows that arrive in batches (a generation still running) are written as each batch comes.
    async function* linesAsTheyCome(batches: AsyncIterable<readonly T[]>): AsyncGenerator<Buffer> {
      for await (const some of batches) yield* linesOf(some);
      yield* rest();
    }
    const source = Symbol.asyncIterator in rows ? linesAsTheyCome(rows) : lines(rows as Iterable<T>);
    await pipeline(Readable.from(source), sink);
    for (const unique of uniques) {
      await timedStep(dataSource, `unique ${unique.name}`, () => runner.query(`ALTER TABLE ${table} ADD CONSTRAINT ${unique.name} ${unique.definition}`));
    }
    if (tallies.length) await options.beforeTallies?.();
    for (const tally of tallies) await runner.query(`ALTER TABLE ${table} ENABLE TRIGGER ${tally.trigger}`);
    for (const tally of tallies) {
      await fillTally((sql, parameters) => runner.query(sql, parameters), tally, (step, run) => timedStep(dataSource, step, run));
    }
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

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
): Promise<number> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let done = 0;
  try {
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
    return done;
  } finally {
    await runner.release();
  }
}

/** After COPY with explicit ids, moves the id sequence past them. */
export async function resetIdSequence(dataSource: DataSource, table: string): Promise<void> {
  await dataSource.query(
    `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
  );
}

/** Memory for one index build or foreign-key check after a bulk load: sorts a million keys in memory, not on disk. */
const MAINTENANCE_WORK_MEM = '256MB';

/**
 * Runs a bulk load with the tables' secondary indexes and foreign keys dropped, then builds
 * the indexes again from their own definitions and adds the foreign keys back: one sorted
 * build per index is several times cheaper than a million single-row insertions into it, and
 * one join of each table against the rows it references (what ADD CONSTRAINT runs to validate)
 * is several times cheaper than a lookup per loaded row. Every row is still checked: a row
 * that references nothing makes the load fail when its key is added back. Primary keys and
 * unique constraints stay, so the load is refused on the same duplicates as before. For
 * seeding empty tables; a failure still rebuilds every index and key.
 */
export async function withIndexesBuiltAfter(dataSource: DataSource, tables: string[], load: () => Promise<void>): Promise<void> {
  const indexes: Array<{ name: string; definition: string }> = await dataSource.query(
    `SELECT quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  const foreignKeys: Array<{ table: string; name: string; definition: string }> = await dataSource.query(
    `SELECT quote_ident(t.relname) AS table, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.contype = 'f' AND t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
     ORDER BY t.relname, c.conname`,
    [tables],
  );
  for (const key of foreignKeys) await dataSource.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await dataSource.query(`DROP INDEX ${index.name}`);
  let failure: { error: unknown } | undefined;
  try {
    await load();
  } catch (error) {
    failure = { error };
  }
  try {
    // One session, so the memory setting applies to every build and check.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
      await runner.query(`SET work_mem = '${MAINTENANCE_WORK_MEM}'`); // the foreign keys' validating joins
      for (const index of indexes) await runner.query(index.definition);
      for (const key of foreignKeys) await runner.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
    } finally {
      await runner.release();
    }
  } catch (error) {
    // A half-done load cannot satisfy its keys: report why the load failed, not the key it broke.
    throw failure ? failure.error : error;
  }
  if (failure) throw failure.error;
}

/**
 * Waits for every load of a group, then fails with the first failure: a load that failed must
 * not let the indexes and keys be added back while the others are still writing.
 */
export async function allLoaded(loads: Array<Promise<unknown>>): Promise<void> {
  const results = await Promise.allSettled(loads);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

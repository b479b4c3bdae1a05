import type { DataSource } from 'typeorm';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';

/** One field of a COPY row: null becomes \N; text is escaped for COPY's text format. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
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

/**
 * Runs a bulk load with the tables' secondary indexes dropped, then builds them again from
 * their own definitions: one sorted build per index is several times cheaper than a million
 * single-row insertions into it. Primary keys (which foreign keys check during the load) and
 * unique constraints stay, so the load is refused on the same duplicates as before. For
 * seeding empty tables; a failure still rebuilds every index.
 */
export async function withIndexesBuiltAfter(dataSource: DataSource, tables: string[], load: () => Promise<void>): Promise<void> {
  const indexes: Array<{ name: string; definition: string }> = await dataSource.query(
    `SELECT quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const index of indexes) await dataSource.query(`DROP INDEX ${index.name}`);
  try {
    await load();
  } finally {
    for (const index of indexes) await dataSource.query(index.definition);
  }
}

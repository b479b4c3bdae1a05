import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { Pool, PoolClient } from 'pg';

/**
 * Statements PostgreSQL parses and plans once per connection: the same text is sent as a
 * named statement (node-postgres `{ name, text, values }`), which a connection prepares the
 * first time it runs it and afterwards only binds and executes. An unnamed statement, what
 * TypeORM's `query` sends, is parsed, analysed and planned again on every execution, and the
 * loaders' reads of a page's relations (`… WHERE x = ANY($1)`, the same text on every request)
 * spent more of PostgreSQL's CPU there than in reading rows.
 *
 * For fixed texts whose best plan does not depend on the values (keys looked up by an index):
 * after five executions PostgreSQL may keep one generic plan for all values. A statement whose
 * plan should follow its values (a filtered page with a LIMIT) stays a plain `query`.
 *
 * A name is the hash of its text, so every connection of the pool prepares the same name for
 * the same text, and a connection opened later (after the database restarted, say) prepares
 * it again on its first use. At most `MAX_NAMED_TEXTS` texts per data source are named, so a
 * caller that builds texts with values in them cannot fill PostgreSQL's memory with
 * statements; further texts run unnamed. What TypeORM's `query` does around a statement is
 * done here too: counted by the data source's logger (`db_statements_total`), slow ones and
 * failures logged, a failure thrown as TypeORM's QueryFailedError with the driver's error in it.
 */
export const MAX_NAMED_TEXTS = 256;

const namesBySource = new WeakMap<DataSource, Map<string, string>>();

/** The statement name of `text` in `db`, or undefined once `MAX_NAMED_TEXTS` texts are named. */
export function statementName(db: DataSource, text: string): string | undefined {
  let names = namesBySource.get(db);
  if (!names) namesBySource.set(db, (names = new Map()));
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_TEXTS) {
    name = `rg_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

function poolOf(db: DataSource): Pool {
  const pool = (db.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('preparedQuery: the data source is not connected to PostgreSQL');
  return pool;
}

/**
 * Runs `text` with its positional parameters as a named statement of one pooled connection
 * (outside any transaction) and returns its rows, as `db.query(text, parameters)` would: a
 * connection that cannot be had fails as it does there, and one that breaks meanwhile is not
 * given back to be reused.
 */
export async function preparedQuery<T = Record<string, unknown>>(db: DataSource, text: string, parameters: unknown[]): Promise<T[]> {
  const name = statementName(db, text);
  const client: PoolClient = await poolOf(db).connect();
  let broken: Error | undefined;
  const onError = (error: Error) => { broken = error; };
  client.on('error', onError);
  db.logger.logQuery(text, parameters);
  const started = Date.now();
  try {
    const result = await client.query({ name, text, values: parameters });
    const ms = Date.now() - started;
    const slowMs = db.options.maxQueryExecutionTime;
    if (slowMs && ms > slowMs) db.logger.logQuerySlow(ms, text, parameters);
    return result.rows as T[];
  } catch (error) {
    db.logger.logQueryError(error as Error, text, parameters);
    throw new QueryFailedError(text, parameters, error as Error);
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

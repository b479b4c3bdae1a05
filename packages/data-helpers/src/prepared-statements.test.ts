import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Counter, Registry } from 'prom-client';
import { QueryFailedError, type DataSource } from 'typeorm';
import { createDataSource, ensureDatabase } from './database';
import { MAX_NAMED_TEXTS, preparedQuery, statementName } from './prepared-statements';

/** Named statements against a real PostgreSQL, through the pool TypeORM opened. */
describe('preparedQuery', () => {
  let db: DataSource;
  let statements: Counter;
  const BY_OWNER = 'SELECT id, owner_id, note FROM prepared_record WHERE owner_id = ANY($1::int[]) ORDER BY id';

  beforeAll(async () => {
    const url = `${process.env.TEST_POSTGRES_URL}/prepared_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(url);
    statements = new Counter({ name: 'db_statements_total', help: 'statements', registers: [new Registry()] });
    db = createDataSource({ url, entities: [], migrations: [], statements, poolSize: 4 });
    await db.initialize();
    await db.query(`CREATE TABLE prepared_record (id serial PRIMARY KEY, owner_id int NOT NULL, note text);
      INSERT INTO prepared_record (owner_id, note) SELECT i % 5, CASE WHEN i % 3 <> 0 THEN 'note ' || i END FROM generate_series(1, 50) AS i`);
  });

  afterAll(() => db?.destroy());

  /** The statements each backend of this database has prepared, by backend pid. */
  async function preparedByBackend(): Promise<Map<number, string[]>> {
    // Every connection of the pool is asked at once, so each answers for itself.
    const clients = await Promise.all(Array.from({ length: 4 }, () => (db.driver as any).master.connect()));
    try {
      const found = new Map<number, string[]>();
      for (const client of clients) {
        const { rows } = await client.query('SELECT pg_backend_pid() AS pid, array(SELECT name FROM pg_prepared_statements ORDER BY name) AS names');
        found.set(rows[0].pid, rows[0].names);
      }
      return found;
    } finally {
      clients.forEach((client) => client.release());
    }
  }

  it('answers the rows db.query answers, for any values, and counts each statement', async () => {
    for (const owners of [[1], [0, 3], [2, 4, 9], []]) {
      const before = (await statements.get()).values[0]?.value ?? 0;
      const prepared = await preparedQuery(db, BY_OWNER, [owners]);
      expect((await statements.get()).values[0].value).toBe(before + 1);
      expect(prepared).toEqual(await db.query(BY_OWNER, [owners]));
    }
    expect(await preparedQuery(db, BY_OWNER, [[1]])).toHaveLength(10);
  });

  it('prepares the statement on every pooled connection that runs it, once each, under one name', async () => {
    // Twelve at once on a pool of four: every connection is busy, so each runs some of them.
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => preparedQuery<{ id: number }>(db, BY_OWNER, [[i % 5]])));
    answers.forEach((rows, i) => expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 10 }, (_, k) => (k * 5) + (i % 5 || 5)).sort((a, b) => a - b)));
    const name = statementName(db, BY_OWNER)!;
    expect(name).toMatch(/^rg_[0-9a-f]{32}$/);
    const backends = await preparedByBackend();
    expect(backends.size).toBe(4);
    for (const names of backends.values()) expect(names.filter((n) => n === name)).toHaveLength(1);
  });

  it('prepares again on a connection opened after the old ones were closed', async () => {
    await db.destroy();
    await db.initialize();
    expect(await preparedQuery(db, BY_OWNER, [[2]])).toEqual(await db.query(BY_OWNER, [[2]]));
  });

  it('fails as db.query fails: a QueryFailedError carrying the driver error, the connection reusable', async () => {
    const text = 'SELECT 1 / $1::int AS quotient';
    const failure = await preparedQuery(db, text, [0]).catch((error) => error);
    const plain = await db.query(text, [0]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(failure.driverError.code).toBe('22012');
    expect(failure.message).toBe((plain as Error).message);
    expect(await preparedQuery(db, text, [4])).toEqual([{ quotient: 0 }]);
  });

  it('names at most MAX_NAMED_TEXTS texts per data source; further texts still run, unnamed', async () => {
    const texts = Array.from({ length: MAX_NAMED_TEXTS + 5 }, (_, i) => `SELECT ${i}::int AS n, $1::int AS v`);
    const names = texts.map((text) => statementName(db, text));
    const named = names.filter((name) => name !== undefined);
    expect(named.length).toBeLessThanOrEqual(MAX_NAMED_TEXTS);
    expect(names.at(-1)).toBeUndefined();
    expect(new Set(named).size).toBe(named.length);
    expect(await preparedQuery(db, texts.at(-1)!, [7])).toEqual([{ n: MAX_NAMED_TEXTS + 4, v: 7 }]);
  });
});

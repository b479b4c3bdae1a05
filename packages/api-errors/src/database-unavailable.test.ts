import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { Client, Pool, DatabaseError } from 'pg';
import { GraphQLError } from 'graphql';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDataSource, ensureDatabase } from '@rg/data-helpers';
import { isDatabaseUnavailable } from './database-unavailable';
import { formatError } from './format-error';

/** The errors real PostgreSQL, pg and pg-pool raise when the database is away, and some that are not that. */
let url: string;
beforeAll(async () => {
  // The kit cannot depend on the test harness package (it depends on the kit): the jest run's server directly.
  url = `${process.env.TEST_POSTGRES_URL}/kit_unavailable_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(url);
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** Runs pg_sleep on one connection and terminates it from another, as a server shutdown does. */
async function terminatedMidQuery(run: (sql: string) => Promise<unknown>, pidOf: () => Promise<number>): Promise<unknown> {
  const pid = await pidOf();
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const pending = failureOf(() => run('SELECT pg_sleep(10)'));
    // Terminated only once the statement runs: on a busy machine 200 ms was sometimes before it
    // was sent, and a connection killed while idle fails its next statement without the 57P01.
    for (let waited = 0; ; waited += 20) {
      const [{ running }] = (await admin.query(
        "SELECT count(*)::int AS running FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND query LIKE 'SELECT pg_sleep%'", [pid])).rows;
      if (running) break;
      if (waited > 10_000) throw new Error(`backend ${pid} never ran the statement`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    return await pending;
  } finally {
    await admin.end();
  }
}

describe('isDatabaseUnavailable', () => {
  it('recognises a refused connection', async () => {
    const client = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${await closedPort()}/none` });
    const error = await failureOf(() => client.connect());
    expect((error as { code?: string }).code ?? String(error)).toMatch(/ECONNREFUSED/);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('recognises a server whose Unix socket is gone (ENOENT), through pg and through TypeORM, as it does a refused port', async () => {
    // A socket directory PostgreSQL is not in, as while a local server is stopped: no socket file to connect to.
    const dir = mkdtempSync(path.join(tmpdir(), 'no-postgres-'));
    try {
      const direct = await failureOf(() => new Client({ host: dir, port: 5432, user: 'postgres', database: 'none' }).connect());
      expect(direct).toMatchObject({ code: 'ENOENT', syscall: 'connect' });
      expect(isDatabaseUnavailable(direct)).toBe(true);
      const db = createDataSource({ url: `postgres://postgres:postgres@${encodeURIComponent(dir)}:5432/none`, entities: [], migrations: [] });
      const viaTypeOrm = await failureOf(() => db.initialize());
      expect(String((viaTypeOrm as Error).message)).toContain(path.join(dir, '.s.PGSQL.5432'));
      expect(isDatabaseUnavailable(viaTypeOrm)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A missing file that is not a connection's is no outage.
    const missingFile = await failureOf(async () => readFileSync(path.join(tmpdir(), `absent-${randomBytes(4).toString('hex')}`)));
    expect(missingFile).toMatchObject({ code: 'ENOENT' });
    expect(isDatabaseUnavailable(missingFile)).toBe(false);
  });

  it('recognises a connection the server terminated mid-query (57P01), as TypeORM reports it', async () => {
    const db = createDataSource({ url, entities: [], migrations: [] });
    await db.initialize();
    const runner = db.createQueryRunner();
    try {
      const error = await terminatedMidQuery((sql) => runner.query(sql), async () => (await runner.query('SELECT pg_backend_pid() AS pid'))[0].pid);
      expect((error as { driverError?: { code?: string } }).driverError?.code).toBe('57P01');
      expect(isDatabaseUnavailable(error)).toBe(true);
      // The pool replaced the dead connection: the next statement works. Released before pg has
      // read the end of the socket (its 'end' event), the connection would still count as usable
      // and be handed out once more: on a busy machine the 57P01 can arrive before the close.
      const connection = (runner as unknown as { databaseConnection: Client & { _ended?: boolean } }).databaseConnection;
      if (!connection._ended) await new Promise((resolve) => connection.once('end', resolve));
      await runner.release();
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
    }
  });

  it.each([
    ['its provider', () => new QueryRunnerProviderAlreadyReleasedError()],
    ['its query runner', () => new QueryRunnerAlreadyReleasedError()],
  ])('recognises a transaction whose connection TypeORM already released after it broke (%s)', (_which, make) => {
    const error = make();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('wrapped', { originalError: error }))).toBe(true);
  });

  it('recognises a pool that could not hand out a connection in time', async () => {
    const pool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1000 });
    const held = await pool.connect();
    try {
      const error = await failureOf(() => pool.query('SELECT 1'));
      expect(String(error)).toMatch(/timeout exceeded when trying to connect/);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it.each([['57P03', 'the database system is starting up'], ['57P02', 'terminating connection due to crash of another server process'], ['08006', 'connection failure']])(
    'recognises SQLSTATE %s', (code, message) => {
      const error = Object.assign(new DatabaseError(message, 0, 'error'), { code });
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

  it('does not mistake a bad statement or a broken rule for an outage', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const syntax = await failureOf(() => client.query('SELEC 1'));
      const division = await failureOf(() => client.query('SELECT 1 / 0'));
      expect(isDatabaseUnavailable(syntax)).toBe(false);
      expect(isDatabaseUnavailable(division)).toBe(false);
      expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    } finally {
      await client.end();
    }
  });
});

describe('formatError', () => {
  it('answers an outage inside a resolver as retryable SERVICE_UNAVAILABLE, anything else as INTERNAL_SERVER_ERROR', async () => {
    const port = await closedPort();
    const refused = await failureOf(() => new Client({ connectionString: `postgres://x:y@127.0.0.1:${port}/none` }).connect());
    const outage = new GraphQLError('connect ECONNREFUSED', { path: ['registerTrainee'], originalError: refused as Error });
    const answer = formatError({ message: outage.message, path: ['registerTrainee'] }, outage);
    expect(answer).toEqual({
      message: expect.stringMatching(/retry/), path: ['registerTrainee'], locations: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
    // The same server away over its Unix socket gets the very same answer, the path in it unnamed.
    const dir = mkdtempSync(path.join(tmpdir(), 'no-postgres-'));
    try {
      const gone = await failureOf(() => new Client({ host: dir, port, user: 'x', password: 'y', database: 'none' }).connect());
      const socketOutage = new GraphQLError(`connect ENOENT ${dir}`, { path: ['registerTrainee'], originalError: gone as Error });
      expect(formatError({ message: socketOutage.message, path: ['registerTrainee'] }, socketOutage)).toEqual(answer);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const bug = new GraphQLError('x is undefined', { originalError: new TypeError('x is undefined') });
    expect(formatError({ message: bug.message }, bug).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it("passes a department's SERVICE_UNAVAILABLE through the gateway unchanged", () => {
    const fromDepartment = { message: 'The database is unavailable', path: ['trainee'], extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, serviceName: 'hr' } };
    expect(formatError(fromDepartment, new GraphQLError(fromDepartment.message))).toEqual(fromDepartment);
  });
});

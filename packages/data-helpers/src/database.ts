import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema } from 'typeorm';
import { Client } from 'pg';
import type { Counter } from 'prom-client';
import type { Logger } from '@rg/observability';
import { wholeNumber } from '@rg/settings';

type EntityList = MixedList<Function | string | EntitySchema>;
type MigrationList = MixedList<Function | string>;

export interface DataSourceOptions {
  url: string;
  entities: EntityList;
  migrations: MigrationList;
  /** Counts every statement sent, for `db_statements_total`. */
  statements?: Counter;
  logger?: Logger;
  poolSize?: number;
}

/** TypeORM calls `logQuery` for every statement, whatever the logging level: the one place to count them. */
class StatementCountingLogger implements TypeOrmLogger {
  constructor(private readonly statements?: Counter, private readonly logger?: Logger) {}
  logQuery(): void {
    this.statements?.inc();
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger?.error({ err: error instanceof Error ? error.message : error, query: query.slice(0, 200) }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ ms: time, query: query.slice(0, 200) }, 'slow query');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger?.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn(String(message));
  }
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    synchronize: false,
    migrationsRun: false,
    maxQueryExecutionTime: 1000,
    logger: new StatementCountingLogger(options.statements, options.logger),
    // After PostgreSQL restarts, pg's pool drops the broken connections (an idle one reports its
    // error here, a busy one fails its query) and opens new ones on demand: no reconnect logic needed.
    poolErrorHandler: (error: Error) => options.logger?.warn({ err: error.message }, 'idle database connection lost; the pool replaces it'),
    extra: {
      max: options.poolSize ?? 10,
      // While the database is down, a request waits this long for a connection and then fails
      // as SERVICE_UNAVAILABLE (retryable) instead of hanging until the client gives up.
      connectionTimeoutMillis: wholeNumber(process.env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000, 0),
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    },
  });
}

/** Creates the database named in `url` if it does not exist (connecting to `postgres`). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Applies pending migrations, all in one transaction. */
export async function migrate(dataSource: DataSource): Promise<void> {
  await dataSource.runMigrations({ transaction: 'all' });
}

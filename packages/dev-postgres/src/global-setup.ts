import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from './embedded-postgres';
import { unixSocketsFromEnv } from './unix-sockets';

/** Jest globalSetup: one real PostgreSQL for the whole run; each test file makes its own databases. */
export default async function globalSetup(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'returnee-graph-test-'));
  chmodSync(root, 0o755);
  const sockets = unixSocketsFromEnv();
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'postgres'), port: await freePort(), persistent: false, socketDir: sockets ? path.join(root, 'socket') : undefined,
  });
  Object.assign(globalThis, { __EMBEDDED_POSTGRES__: server, __EMBEDDED_POSTGRES_ROOT__: root });
  // The tests reach it as npm start's departments do: over its Unix socket unless UNIX_SOCKETS=off.
  process.env.TEST_POSTGRES_URL = server.socketBaseUrl ?? server.baseUrl;
}

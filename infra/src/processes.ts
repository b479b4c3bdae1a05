import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Every line the service printed (kept for the personal-data scan of the logs). */
  output: string[];
  stop(): Promise<void>;
}

/**
 * V8 flags of every service. A semi-space of 32 MB instead of 16: a request for a page of 500
 * trainees with their relations makes tens of megabytes of short-lived rows, entities and
 * answer text, and with the default young generation hr spent 44 % of its CPU on such a page
 * in minor garbage collections, several a request, each pausing the whole process. At 32 MB
 * it collected half as often and its CPU per page fell from 133 to 81 ms (profiled at 20,000
 * trainees), for up to 32 MB more memory per process (the two semi-spaces).
 */
const SERVICE_NODE_FLAGS = ['--max-semi-space-size=32'];

/** Runs a compiled service as its own process, its output prefixed with its name. */
export function spawnService(name: string, entry: string, env: NodeJS.ProcessEnv, quiet = false): ServiceProcess {
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const prefix = (chunk: Buffer) => {
    const lines = chunk.toString().split('\n').filter(Boolean);
    output.push(...lines);
    if (output.length > 50_000) output.splice(0, output.length - 50_000);
    return lines.map((line) => `[${name}] ${line}\n`).join('');
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = prefix(chunk);
    if (!quiet) process.stdout.write(text);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(prefix(chunk)); // failures are always shown
  });
  return {
    name,
    child,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Polls a URL until it answers 200, or the deadline passes. Given the child process, an answer
 * that names another `pid` does not count (the project's /ready endpoints name theirs): a free
 * port is free when asked, not when bound, and a process of a parallel run that took the port
 * in between must not pass for ours. An answer naming no pid (an endpoint that does not say,
 * such as a plain gateway's /graphql) is taken as it is.
 */
export async function waitUntilReady(url: string, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok && (!child || isOurs(await answeredBy(response), child))) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

const isOurs = (pid: number | undefined, child: ChildProcess) => pid === undefined || pid === child.pid;

async function answeredBy(response: Response): Promise<number | undefined> {
  const body = (await response.json().catch(() => ({}))) as { pid?: unknown };
  return typeof body.pid === 'number' ? body.pid : undefined;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphQL } from '@rg/dev-postgres';
import { freePort } from '@rg/dev-postgres';
import { generateWorld } from '@rg/demo-province';
import { classifyConnects } from './outbound-connections';

/**
 * Nothing leaves the machine uninvited: the real `npm start` (npm, the turbo build, embedded
 * PostgreSQL, five subgraphs and the gateway) runs under strace, answers a query, stops, and
 * every connect() any of its processes made went to a loopback address.
 */
const TRAINEES = 200;
const repoRoot = path.resolve(__dirname, '..', '..');

const portIsFree = (port: number) => new Promise<boolean>((resolve) => {
  const server = net.createServer().once('error', () => resolve(false));
  server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
});

/** npm start puts the five departments on consecutive ports from FIRST_SUBGRAPH_PORT. */
async function freePortRun(length: number): Promise<number> {
  for (;;) {
    const first = 20_000 + Math.floor(Math.random() * 40_000);
    const ports = Array.from({ length }, (_, i) => first + i);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return first;
  }
}

const portOpen = (port: number) => new Promise<boolean>((resolve) => {
  const socket = net.connect(port, '127.0.0.1').once('connect', () => { socket.destroy(); resolve(true); }).once('error', () => resolve(false));
});

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the connect() parser', () => {
  it('tells loopback from everything else', () => {
    const report = classifyConnects([
      '101 connect(21, {sa_family=AF_INET, sin_port=htons(4001), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
      '102 connect(22, {sa_family=AF_INET6, sin6_port=htons(4000), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '103 connect(5, {sa_family=AF_UNIX, sun_path="/tmp/.s.PGSQL.5432"}, 110) = 0',
      '104 connect(23, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("76.76.21.21")}, 16) = -1 ENETUNREACH',
      '105 connect(24, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 0',
      '106 connect(25, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::1", &sin6_addr), sin6_scope_id=0}, 28) = -1',
    ].join('\n'));
    expect(report.loopback).toBe(2);
    expect(report.outside.map((line) => line.split(' ')[0])).toEqual(['104', '105', '106']);
  });
});

describe('npm start', () => {
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'no-outbound-'));
  chmodSync(dataDir, 0o755); // run as root, PostgreSQL runs as its own user, which must reach the data directory
  const traceFile = path.join(dataDir, 'connect.trace');
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens no connection to a non-loopback address', async () => {
    const [postgresPort, gatewayPort, firstSubgraphPort] = [await freePort(), await freePort(), await freePortRun(5)];
    const ports = [postgresPort, gatewayPort, ...Array.from({ length: 5 }, (_, i) => firstSubgraphPort + i)];
    // Its own process group, so the test can press Ctrl-C on the whole of it, as a user would.
    child = spawn('strace', ['-f', '--seccomp-bpf', '-qq', '-e', 'trace=connect', '-o', traceFile, 'npm', 'start'], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DEMO_TRAINEES: String(TRAINEES),
        POSTGRES_DATA_DIR: path.join(dataDir, 'pg'),
        POSTGRES_PORT: String(postgresPort),
        GATEWAY_PORT: String(gatewayPort),
        FIRST_SUBGRAPH_PORT: String(firstSubgraphPort),
      },
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));

    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    await until(async () => {
      if (child!.exitCode !== null) throw new Error(`npm start exited early:\n${output.join('')}`);
      return output.join('').includes('Ctrl-C stops everything');
    }, 120_000, 'npm start was not ready');
    const answer = await postGraphQL(gatewayUrl, '{ region(code: "320000") { traineeCount } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.region.traineeCount).toBe(generateWorld({ trainees: TRAINEES }).hr.trainees.length);

    process.kill(-child.pid!, 'SIGINT');
    await exited;
    await until(async () => !(await Promise.all(ports.map(portOpen))).some(Boolean), 20_000, 'the stack did not stop');

    const report = classifyConnects(readFileSync(traceFile, 'utf8'));
    expect(report.loopback).toBeGreaterThan(10); // the check saw the stack's own connections
    expect(report.outside).toEqual([]);
  }, 180_000);
});

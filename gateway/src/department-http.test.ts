import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DepartmentHttp, departmentReady } from './department-http';
import { describeFailure } from './department-failure';

/** A real HTTP server on a free port, answering as `handle` says. */
async function server(handle: http.RequestListener): Promise<{ url: string; connections(): number; close(): Promise<void> }> {
  const listening = http.createServer(handle);
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const { port } = listening.address() as AddressInfo;
  let connections = 0;
  listening.on('connection', () => connections++);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    connections: () => connections,
    close: () => new Promise((resolve) => { listening.closeAllConnections(); listening.close(() => resolve()); }),
  };
}

describe('DepartmentHttp', () => {
  it('posts the exact body and headers, and answers with status, headers and a fresh parse each time', async () => {
    const seen: Array<{ body: string; headers: http.IncomingHttpHeaders }> = [];
    const department = await server((req, res) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        seen.push({ body, headers: req.headers });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { n: seen.length } }));
      });
    });
    const client = new DepartmentHttp(department.url);
    try {
      const body = JSON.stringify({ query: '{ n }', variables: { text: '徐州' } });
      const answer = await client.post(body, { authorization: 'Bearer t', 'content-type': 'application/json' }, 5000);
      expect(seen[0]).toMatchObject({ body, headers: { authorization: 'Bearer t', 'content-length': String(Buffer.byteLength(body)) } });
      expect(answer).toMatchObject({ ok: true, status: 200 });
      expect(answer.headers.get('Content-Type')).toBe('application/json');
      const [first, second] = [await answer.json(), await answer.json()];
      expect(first).toEqual({ data: { n: 1 } });
      expect(first).not.toBe(second);
      await client.post(body, {}, 5000); // the kept-alive connection carries the next one
      expect(seen).toHaveLength(2);
    } finally {
      client.close();
      await department.close();
    }
  });

  it('keeps a connection alive for the next request, and opens a fresh one when asked', async () => {
    const department = await server((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    const client = new DepartmentHttp(department.url);
    try {
      for (let i = 0; i < 10; i++) await client.post('{}', {}, 5000);
      // The pool may open a second connection while its first is still connecting, never one per request.
      const kept = department.connections();
      expect(kept).toBeLessThanOrEqual(2);
      for (let i = 0; i < 10; i++) await client.post('{}', {}, 5000);
      expect(department.connections()).toBe(kept);
      await client.post('{}', {}, 5000, true);
      expect(department.connections()).toBe(kept + 1);
    } finally {
      client.close();
      await department.close();
    }
  });

  it('fails as fetch does: a deadline is a timeout, no connection or a cut-off answer is unreachable', async () => {
    const hanging = await server(() => {});
    const cutOff = await server((_req, res) => { res.writeHead(200, { 'content-length': '100' }).write('{"da'); setTimeout(() => res.destroy(), 20); });
    const gone = await server(() => {});
    const goneUrl = gone.url;
    await gone.close();
    const failure = async (url: string, timeoutMs: number) => new DepartmentHttp(url).post('{}', {}, timeoutMs).then(() => undefined, (error: unknown) => error);
    try {
      expect(describeFailure('hr', await failure(hanging.url, 100)).reason).toBe('timeout');
      expect(describeFailure('hr', await failure(cutOff.url, 5000)).reason).toBe('unreachable');
      expect(describeFailure('hr', await failure(goneUrl, 5000)).reason).toBe('unreachable');
    } finally {
      await hanging.close();
      await cutOff.close();
    }
  });
});

describe('DepartmentHttp over a Unix socket', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'department-socket-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A real HTTP server on a socket file only: whatever answers came through the socket. */
  async function onSocket(handle: http.RequestListener): Promise<{ socketPath: string; close(): Promise<void> }> {
    const socketPath = path.join(dir, 'hr.sock');
    const listening = http.createServer(handle);
    await new Promise<void>((resolve) => listening.listen(socketPath, resolve));
    return { socketPath, close: () => new Promise((resolve) => { listening.closeAllConnections(); listening.close(() => resolve()); }) };
  }

  it("sends the URL's path and host over the socket, and probes /ready there", async () => {
    const seen: Array<{ url?: string; host?: string; body: string }> = [];
    const department = await onSocket((req, res) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        seen.push({ url: req.url, host: req.headers.host, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end(req.url === '/ready' ? '{"status":"ready"}' : '{"data":{"n":1}}');
      });
    });
    // Nothing listens on the URL's port: only the socket can have answered.
    const client = new DepartmentHttp('http://127.0.0.1:9/graphql', department.socketPath);
    try {
      const answer = await client.post('{"query":"{ n }"}', { 'content-type': 'application/json' }, 5000);
      expect(await answer.json()).toEqual({ data: { n: 1 } });
      expect(await departmentReady('http://127.0.0.1:9/ready', department.socketPath, 1000)).toBe(true);
      expect(seen).toEqual([
        { url: '/graphql', host: '127.0.0.1:9', body: '{"query":"{ n }"}' },
        { url: '/ready', host: '127.0.0.1:9', body: '' },
      ]);
    } finally {
      client.close();
      await department.close();
    }
  });

  it('fails as a closed port does when the socket file is gone, and its /ready reads unreachable', async () => {
    const department = await onSocket((_req, res) => res.writeHead(200).end('{}'));
    const { socketPath } = department;
    await department.close();
    expect(existsSync(socketPath)).toBe(false);
    const error = await new DepartmentHttp('http://127.0.0.1:9/graphql', socketPath).post('{}', {}, 5000).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(describeFailure('hr', error)).toEqual({ reason: 'unreachable', message: 'The hr department is unavailable' });
    expect(await departmentReady('http://127.0.0.1:9/ready', socketPath, 1000)).toBe(false);
  });
});

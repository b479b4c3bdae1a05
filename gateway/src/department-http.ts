import type { IncomingHttpHeaders } from 'node:http';
import { Client, Pool } from 'undici';

/**
 * What a department answered: the status, the headers and the whole body as text. It has what
 * @apollo/gateway's RemoteGraphQLDataSource reads of a fetch Response (ok, status, headers.get,
 * json, text), and each json() parses afresh, so no two requests share a parsed object.
 */
export class DepartmentAnswer {
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: IncomingHttpHeaders,
    readonly body: string,
  ) {
    this.headers = {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

/**
 * An idle connection is closed here after 4 s, before a department (Node's default
 * keepAliveTimeout, 5 s) closes it just as it is reused; undici would otherwise trust the
 * department's Keep-Alive hint less a margin.
 */
const IDLE_CONNECTION_MS = 4000;
const idleSettings = { keepAliveTimeout: IDLE_CONNECTION_MS, keepAliveMaxTimeout: IDLE_CONNECTION_MS };

/** No answer within the deadline; named as fetch's AbortSignal.timeout names it. */
export class DepartmentTimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * POSTs to one department over a pool of kept-alive connections with undici's request API.
 * The gateway sends several fetches per request: the fetch API (a Request, web streams for
 * the body both ways) and then Node's own http client cost it more CPU than the rest of each
 * fetch; undici's pool takes about half the CPU per fetch of Node's client. Failures keep
 * fetch's shape, which the circuit breaker and the error messages rely on: no answer at all
 * (refused, reset, closed, cut off) is a TypeError, the deadline a TimeoutError.
 */
export class DepartmentHttp {
  private readonly pool: Pool;
  private readonly target: URL;
  private readonly path: string;
  private readonly settings: { keepAliveTimeout: number; keepAliveMaxTimeout: number; socketPath?: string };

  /**
   * `socketPath`: the department's Unix socket on this machine. The requests stay the same
   * (the URL's path and Host header); only the connection is the socket's, which spares both
   * ends loopback TCP's per-write cost.
   */
  constructor(url: string, socketPath?: string) {
    this.target = new URL(url);
    this.path = `${this.target.pathname}${this.target.search}`;
    this.settings = socketPath ? { ...idleSettings, socketPath } : idleSettings;
    this.pool = new Pool(this.target.origin, this.settings);
  }

  /** `fresh`: on a new connection, not a kept-alive one (the retry of a read whose connection was closed). */
  async post(body: string, headers: Record<string, string>, timeoutMs: number, fresh = false): Promise<DepartmentAnswer> {
    const connection = fresh ? new Client(this.target.origin, this.settings) : this.pool;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      const response = await connection.request({ path: this.path, method: 'POST', headers, body, signal: deadline.signal });
      const text = await response.body.text();
      return new DepartmentAnswer(this.target.href, response.statusCode, response.statusText ?? '', response.headers, text);
    } catch (error) {
      if (deadline.signal.aborted) throw new DepartmentTimeoutError(`no answer within ${timeoutMs} ms`);
      throw new TypeError(`fetch failed: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
      if (fresh) void connection.close();
    }
  }

  close(): void {
    void this.pool.destroy();
  }
}

/**
 * Whether a department's /ready answers 200 within the deadline, asked the way its GraphQL
 * requests go (over its socket when it has one): the health report and the circuit breaker's
 * probe then judge the same path the traffic takes. A socket file gone (ENOENT) or refused
 * counts as unreachable, exactly as a closed port does.
 */
export async function departmentReady(readyUrl: string, socketPath: string | undefined, timeoutMs: number): Promise<boolean> {
  const ready = new URL(readyUrl);
  const client = new Client(ready.origin, socketPath ? { socketPath } : {});
  try {
    const response = await client.request({ path: `${ready.pathname}${ready.search}`, method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    await response.body.dump();
    return response.statusCode === 200;
  } catch {
    return false;
  } finally {
    void client.destroy();
  }
}

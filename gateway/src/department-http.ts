import type { IncomingHttpHeaders } from 'node:http';
import { Client, Pool, type Dispatcher } from 'undici';

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
 * Collects one answer as undici's dispatcher hands it over, and settles once: with the answer,
 * or with why there was none. Undici's own `request()` wraps each answer in a stream, an async
 * resource and an abort listener on an AbortSignal; the gateway reads every answer whole, so
 * the chunks are kept as they come and joined at the end.
 */
class AnswerCollector implements Dispatcher.DispatchHandler {
  private readonly chunks: Buffer[] = [];
  private status = 0;
  private statusText = '';
  private headers: IncomingHttpHeaders = {};
  private controller?: Dispatcher.DispatchController;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    timeoutMs: number,
    private readonly resolve: (answer: DepartmentAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.timer = setTimeout(() => this.fail(new DepartmentTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled) controller.abort(new DepartmentTimeoutError('no answer within the deadline')); // timed out while queued
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders, statusText?: string): void {
    if (status < 200) return; // an informational answer: the real one follows
    this.status = status;
    this.statusText = statusText ?? '';
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    const body = this.chunks.length === 1 ? this.chunks[0].toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    this.resolve(new DepartmentAnswer(this.url, this.status, this.statusText, this.headers, body));
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error instanceof DepartmentTimeoutError ? error : new TypeError(`fetch failed: ${error.message}`, { cause: error }));
  }

  /** The deadline passed or the connection failed: settled with why, and the request given up. */
  private fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.reject(error);
    if (this.controller && !this.controller.aborted) this.controller.abort(error);
  }
}

/**
 * POSTs to one department over a pool of kept-alive connections through undici's dispatcher.
 * The gateway sends several fetches per request: the fetch API (a Request, web streams for
 * the body both ways), then Node's own http client, then undici's `request()` (a stream per
 * answer, an AbortController and its listener per deadline) each cost CPU the gateway does
 * not need; the dispatcher hands the answer over in chunks, which are kept and joined.
 * Failures keep fetch's shape, which the circuit breaker and the error messages rely on: no
 * answer at all (refused, reset, closed, cut off) is a TypeError, the deadline a TimeoutError.
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

  /**
   * `fresh`: on a new connection, not a kept-alive one (the retry of a read whose connection was
   * closed). `path`: another path of the department than its GraphQL URL's (its audit replays).
   */
  post(body: string, headers: Record<string, string>, timeoutMs: number, fresh = false, path = this.path): Promise<DepartmentAnswer> {
    const connection = fresh ? new Client(this.target.origin, this.settings) : this.pool;
    const answer = new Promise<DepartmentAnswer>((resolve, reject) => {
      connection.dispatch({ path, method: 'POST', headers, body }, new AnswerCollector(this.target.href, timeoutMs, resolve, reject));
    });
    if (fresh) void answer.finally(() => connection.close()).catch(() => {});
    return answer;
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

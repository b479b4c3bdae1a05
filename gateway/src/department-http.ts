import http from 'node:http';

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
    headers: http.IncomingHttpHeaders,
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

const IDLE_CONNECTION_MS = 4000;

/** No answer within the deadline; named as fetch's AbortSignal.timeout names it. */
export class DepartmentTimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * POSTs to one department over kept-alive connections with Node's own HTTP client. The
 * gateway sends several fetches per request, and the fetch API (a Request, an AbortSignal,
 * web streams for the body both ways) cost it more CPU than the rest of each fetch. Failures
 * keep fetch's shape, which the circuit breaker and the error messages rely on: no answer at
 * all (refused, reset, closed) is a TypeError, the deadline a TimeoutError.
 */
export class DepartmentHttp {
  /**
   * An idle connection is closed here after 4 s, before a department (Node's default
   * keepAliveTimeout, 5 s) closes it just as it is reused.
   */
  private readonly agent = new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
  private readonly target: URL;

  constructor(url: string) {
    this.target = new URL(url);
  }

  /** `fresh`: on a new connection, not a kept-alive one (the retry of a read whose connection was closed). */
  post(body: string, headers: Record<string, string>, timeoutMs: number, fresh = false): Promise<DepartmentAnswer> {
    return new Promise((resolve, reject) => {
      const request = http.request({
        agent: fresh ? false : this.agent,
        protocol: this.target.protocol,
        hostname: this.target.hostname,
        port: this.target.port,
        path: `${this.target.pathname}${this.target.search}`,
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('the answer was cut off')));
        response.on('end', () => {
          clearTimeout(timer);
          resolve(new DepartmentAnswer(this.target.href, response.statusCode ?? 0, response.statusMessage ?? '', response.headers, Buffer.concat(chunks).toString('utf8')));
        });
      });
      const timer = setTimeout(() => {
        const error = new DepartmentTimeoutError(`no answer within ${timeoutMs} ms`);
        request.destroy(error);
        reject(error);
      }, timeoutMs);
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error instanceof DepartmentTimeoutError ? error : new TypeError(`fetch failed: ${error.message}`, { cause: error }));
      }
      request.on('error', fail);
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

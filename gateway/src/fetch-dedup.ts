/**
 * The gateway's fetch bodies are JSON whose first member is the operation text: a query
 * starts with "query" or, unnamed, with "{"; anything else (a mutation) is a write.
 */
export const isQueryBody = (body: string) => /^\{"query":"(query\b|\{)/.test(body);

/**
 * Identical subgraph fetches in flight at the same moment go out once: the same department,
 * the same body (query and variables) and the same caller (Authorization header). The key
 * holds the caller, so one person's answer never reaches another. Only queries are shared;
 * a mutation always goes out. The answer's text is read once and each waiter gets its own
 * Response of it, so no two requests share a parsed object.
 */
export class InFlightFetches {
  private readonly inFlight = new Map<string, Promise<{ text: string; init: ResponseInit }>>();

  constructor(private readonly onShared: (department: string) => void) {}

  async fetch(department: string, body: string, authorization: string | undefined, send: () => Promise<Response>): Promise<Response> {
    if (!isQueryBody(body)) return send(); // a write always goes out
    const key = `${department}\n${authorization ?? ''}\n${body}`;
    let answer = this.inFlight.get(key);
    if (answer) {
      this.onShared(department);
    } else {
      answer = send().then(async (response) => ({
        text: await response.text(),
        init: { status: response.status, statusText: response.statusText, headers: response.headers },
      }));
      this.inFlight.set(key, answer);
      const forget = () => this.inFlight.delete(key);
      answer.then(forget, forget);
    }
    const { text, init } = await answer;
    return new Response(text, init);
  }
}

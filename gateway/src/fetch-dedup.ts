import type { DepartmentAnswer } from './department-http';

/**
 * The gateway's fetch bodies are JSON whose first member is the operation text: a query
 * starts with "query" or, unnamed, with "{"; anything else (a mutation) is a write.
 */
export const isQueryBody = (body: string) => body.startsWith('{"query":"{') || /^\{"query":"query\b/.test(body);

/** The same rule on an operation's text: a read is a query, named or not; anything else writes. */
export const isQueryText = (query: string) => /^(query\b|\{)/.test(query.trimStart());

/**
 * Identical subgraph fetches in flight at the same moment go out once: the same department,
 * the same body (query and variables) and the same caller (Authorization header). The key
 * holds the caller, so one person's answer never reaches another. Only queries are shared;
 * a mutation always goes out. The waiters share the answer's text, which cannot change, and
 * each parses its own copy of it (DepartmentAnswer.json), so no two requests share a parsed object.
 */
export class InFlightFetches {
  /**
   * By department and caller, then by body: the body is the key as it is, not a copy joined to
   * the other two (a fetch body is kilobytes, and each lookup would copy and hash it again).
   */
  private readonly inFlight = new Map<string, Map<string, Promise<DepartmentAnswer>>>();

  constructor(private readonly onShared: (department: string) => void) {}

  async fetch(department: string, body: string, authorization: string | undefined, send: () => Promise<DepartmentAnswer>): Promise<DepartmentAnswer> {
    if (!isQueryBody(body)) return send(); // a write always goes out
    const caller = `${department}\n${authorization ?? ''}`;
    let bodies = this.inFlight.get(caller);
    const running = bodies?.get(body);
    if (running) {
      this.onShared(department);
      return running;
    }
    const answer = send();
    if (!bodies) this.inFlight.set(caller, (bodies = new Map()));
    bodies.set(body, answer);
    const forget = () => {
      bodies.delete(body);
      if (!bodies.size && this.inFlight.get(caller) === bodies) this.inFlight.delete(caller);
    };
    answer.then(forget, forget);
    return answer;
  }
}

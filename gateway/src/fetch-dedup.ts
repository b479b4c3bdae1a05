import type { DepartmentAnswer } from './department-http';

/**
 * The gateway's fetch bodies are JSON whose first member is the operation text: a query
 * starts with "query" or, unnamed, with "{"; anything else (a mutation) is a write.
 */
export const isQueryBody = (body: string) => /^\{"query":"(query\b|\{)/.test(body);

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
  private readonly inFlight = new Map<string, Promise<DepartmentAnswer>>();

  constructor(private readonly onShared: (department: string) => void) {}

  async fetch(department: string, body: string, authorization: string | undefined, send: () => Promise<DepartmentAnswer>): Promise<DepartmentAnswer> {
    if (!isQueryBody(body)) return send(); // a write always goes out
    const key = `${department}\n${authorization ?? ''}\n${body}`;
    const running = this.inFlight.get(key);
    if (running) {
      this.onShared(department);
      return running;
    }
    const answer = send();
    this.inFlight.set(key, answer);
    const forget = () => this.inFlight.delete(key);
    answer.then(forget, forget);
    return answer;
  }
}

import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from './context';
import type { SpeedMetrics } from './speed-metrics';

interface Entry {
  expires: number;
  result: FormattedExecutionResult;
  status?: number;
  /** The departments the answer came from: a write to any of them drops it. */
  departments: Set<string>;
}

/**
 * Answers to anonymous queries, reused for a short while. An anonymous caller sees only
 * public aggregates under disclosure control, the same for every anonymous caller, so one
 * answer serves all of them; a caller with a token is never answered from here. An answer is
 * dropped when a write through this gateway reaches a department it came from, and is not
 * kept at all when such a write happened while it was being computed. Writes this gateway
 * does not see (an import, another gateway) show after at most the TTL.
 */
export class PublicAnswerCache {
  private readonly entries = new Map<string, Entry>();
  /** Counts writes seen; an answer begun before a write is not kept. */
  private writes = 0;

  constructor(private readonly ttlMs: number, private readonly maxEntries = 500) {}

  get writeCount(): number {
    return this.writes;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires > Date.now()) return entry;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  /** Keeps an answer unless a write was seen since `writesAtStart`; says whether it kept it. */
  keep(key: string, entry: Omit<Entry, 'expires'>, writesAtStart: number): boolean {
    if (this.writes !== writesAtStart) return false;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...entry, expires: Date.now() + this.ttlMs });
    return true;
  }

  departmentWrote(department: string): void {
    this.writes++;
    for (const [key, entry] of this.entries) if (entry.departments.has(department)) this.entries.delete(key);
  }
}

export function operationKey(queryHash: string, operationName: string | null | undefined, variables: unknown): string {
  return `${queryHash}\n${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
}

/** Answers anonymous queries from the cache, after limits and cost have passed, and keeps new ones. */
export function publicAnswerCachePlugin(cache: PublicAnswerCache, metrics: SpeedMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.authorization) return; // only anonymous callers share answers
      let key: string | undefined;
      let writesAtStart = 0;
      return {
        async responseForOperation(request): Promise<GraphQLResponse | null> {
          if (request.operation?.operation !== 'query') return null;
          key = operationKey(request.queryHash ?? request.request.query ?? '', request.operationName, request.request.variables);
          const hit = cache.get(key);
          if (!hit) {
            writesAtStart = cache.writeCount;
            return null;
          }
          metrics.publicAnswers.inc({ outcome: 'hit' });
          key = undefined;
          return { http: { status: hit.status, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit.result } };
        },
        async willSendResponse({ response, contextValue: context }) {
          if (!key) return;
          const answered = response.body.kind === 'single' && !response.body.singleResult.errors?.length;
          const kept = answered && response.body.kind === 'single' && cache.keep(key, {
            result: response.body.singleResult,
            status: response.http.status,
            departments: context.departmentsAsked ?? new Set(),
          }, writesAtStart);
          metrics.publicAnswers.inc({ outcome: kept ? 'miss' : 'not_kept' });
        },
      };
    },
  };
}

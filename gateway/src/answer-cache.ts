import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from './context';
import type { SpeedMetrics } from './speed-metrics';
import type { KeptAnswerTexts } from './kept-answer-text';
import type { AnswerReceipts } from './audit-replays';

interface Entry {
  expires: number;
  result: FormattedExecutionResult;
  status?: number;
  /** The departments the answer came from: a write to any of them drops it. */
  departments: Set<string>;
  /** For one caller's personal answer: the departments' receipts for its reads (kept-personal-answers.ts). */
  receipts?: AnswerReceipts;
}

/**
 * Answers without personal records, reused for a short while by callers entitled to the same
 * view (the same role and scopes; anonymous callers are the public role). Such an answer is
 * made of aggregates under disclosure control and reference records, which depend on what a
 * caller may see, never on who the caller is: one answer serves an analysts' dashboard opened
 * by fifty analysts. An answer in which any department read a personal record (it says so,
 * PERSONAL_RECORDS_HEADER) is never kept here, for anyone, so every read of a person still goes
 * to its department and is audited there (kept-personal-answers.ts keeps one for its own caller,
 * when switched on, and has it audited again at each reuse). An answer is dropped when a write through this gateway
 * reaches a department it came from, and is not kept at all when such a write happened while
 * it was being computed. Writes this gateway does not see (an import, another gateway) show
 * after at most the TTL.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  /** Counts writes seen; an answer begun before a write is not kept. */
  private writes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    /** Serialises each kept answer once (kept-answer-text.ts). */
    private readonly texts?: KeptAnswerTexts,
  ) {}

  get writeCount(): number {
    return this.writes;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires > Date.now()) return entry;
    if (entry) this.delete(key, entry);
    return undefined;
  }

  /** Keeps an answer unless a write was seen since `writesAtStart`; says whether it kept it. */
  keep(key: string, entry: Omit<Entry, 'expires'>, writesAtStart: number): boolean {
    if (this.writes !== writesAtStart) return false;
    if (this.entries.size >= this.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.delete(oldestKey, oldest);
    }
    const replaced = this.entries.get(key);
    if (replaced) this.delete(key, replaced);
    this.entries.set(key, { ...entry, expires: Date.now() + this.ttlMs });
    this.texts?.keep(entry.result);
    return true;
  }

  /** Drops an answer that can no longer be sent (its reads could not be audited again). */
  forget(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.delete(key, entry);
  }

  departmentWrote(department: string): void {
    this.writes++;
    for (const [key, entry] of this.entries) if (entry.departments.has(department)) this.delete(key, entry);
  }

  private delete(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.texts?.drop(entry.result);
  }
}

export function operationKey(queryHash: string, operationName: string | null | undefined, variables: unknown): string {
  return `${queryHash}\n${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
}

/** The operation a request asks, as every keeper of answers keys it: the document, the operation name, the variables. */
export function requestedOperationKey(request: GraphQLRequestContext<GatewayContext>): string {
  return operationKey(request.queryHash ?? request.request.query ?? '', request.operationName, request.request.variables);
}

/** A kept answer as Apollo Server sends it. */
export function keptResponse(entry: Pick<Entry, 'result' | 'status'>): GraphQLResponse {
  return { http: { status: entry.status, headers: new HeaderMap() }, body: { kind: 'single', singleResult: entry.result } };
}

/**
 * Answers queries from the cache, after limits and cost have passed, and keeps new answers
 * that read no personal record. Only an answer this request computed itself is kept: one
 * taken from an identical operation in flight (shared-operations.ts) asked no department here,
 * so nothing would say whether it was personal.
 */
export function answerCachePlugin(cache: AnswerCache, metrics: SpeedMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const caller = contextValue.authorization ? 'token' : 'anonymous';
      let key: string | undefined;
      let writesAtStart = 0;
      return {
        async responseForOperation(request): Promise<GraphQLResponse | null> {
          if (request.operation?.operation !== 'query') return null;
          key = `${request.contextValue.entitlement}\n${requestedOperationKey(request)}`;
          const hit = cache.get(key);
          if (!hit) {
            writesAtStart = cache.writeCount;
            return null;
          }
          metrics.keptAnswers.inc({ caller, outcome: 'hit' });
          key = undefined;
          return keptResponse(hit);
        },
        async willSendResponse({ response, contextValue: context }) {
          if (!key) return;
          if (context.personalRecordsRead) return void metrics.keptAnswers.inc({ caller, outcome: 'personal' });
          const asked = context.departmentsAsked ?? new Set<string>();
          const answered = response.body.kind === 'single' && !response.body.singleResult.errors?.length && asked.size > 0;
          const kept = answered && response.body.kind === 'single' && cache.keep(key, {
            result: response.body.singleResult,
            status: response.http.status,
            departments: asked,
          }, writesAtStart);
          metrics.keptAnswers.inc({ caller, outcome: kept ? 'miss' : 'not_kept' });
        },
      };
    },
  };
}

import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { GatewayContext } from './context';
import type { SpeedMetrics } from './speed-metrics';
import { keptResponse, requestedOperationKey, type AnswerCache } from './answer-cache';
import type { AuditReplays } from './audit-replays';

/**
 * Answers that show a person, kept for the caller they were made for and nobody else
 * (GATEWAY_PERSONAL_ANSWER_MS; off by default): the key holds the caller's Authorization
 * header, so another caller — of the same role or not — never reaches them. The same person
 * paging back and forth through a list, or a dashboard refreshed, gets the page again without
 * its departments reading it again, but never without the audit: each department that
 * audited the answer gave a receipt for its read events, and before a kept answer leaves,
 * every one of them writes those events again under the caller's name (audit-replays.ts). If
 * any does not (restarted, receipt expired, database down), the answer is dropped and the
 * query runs in full. An answer is kept only when every department that showed a person said
 * what it audited (a receipt, or `none` for its own staff's unaudited reads) and no fetch of
 * it went out merged with another request's, whose reads a receipt would also name. Writes
 * through the gateway drop it as they drop public answers; other writes show after the TTL.
 */
export function keptPersonalAnswersPlugin(cache: AnswerCache, replays: AuditReplays, metrics: SpeedMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let writesAtStart = 0;
      return {
        async responseForOperation(request): Promise<GraphQLResponse | null> {
          const context = request.contextValue;
          if (request.operation?.operation !== 'query' || !context.authorization) return null;
          key = `${context.authorization}\n${requestedOperationKey(request)}`;
          const hit = cache.get(key);
          writesAtStart = cache.writeCount;
          if (!hit) return null;
          if (!(await replays.replay(hit.receipts ?? new Map(), context))) {
            metrics.keptPersonalAnswers.inc({ outcome: 'replay_refused' });
            cache.forget(key);
            writesAtStart = cache.writeCount;
            return null;
          }
          metrics.keptPersonalAnswers.inc({ outcome: 'hit' });
          key = undefined;
          context.personalRecordsRead = true; // what it shows is personal: nothing else may keep it
          return keptResponse(hit);
        },
        async willSendResponse({ response, contextValue: context }) {
          if (!key || !context.personalRecordsRead) return; // not personal: the public answers' to keep
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const kept = !!result && !result.errors?.length && !context.receiptsIncomplete && cache.keep(key, {
            result,
            status: response.http.status,
            departments: context.departmentsAsked ?? new Set(),
            receipts: context.auditReceipts ?? new Map(),
          }, writesAtStart);
          metrics.keptPersonalAnswers.inc({ outcome: kept ? 'miss' : 'not_kept' });
        },
      };
    },
  };
}

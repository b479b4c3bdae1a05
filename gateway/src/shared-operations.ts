import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { GatewayContext } from './context';
import type { SpeedMetrics } from './speed-metrics';
import { requestedOperationKey } from './answer-cache';

/**
 * The same caller asking the same query with the same variables while an identical one is
 * still running (ten tabs of one dashboard, a client retrying) gets that one's answer rather
 * than a second execution. The key holds the caller's Authorization header, so one person's
 * answer never reaches another; mutations always run. The departments see (and audit) one
 * read for the shared requests: docs/ACCESS.md#audit says why that is the record.
 */
export function sharedOperationsPlugin(metrics: SpeedMetrics, waitLimitMs: number): ApolloServerPlugin<GatewayContext> {
  const inFlight = new Map<string, Promise<GraphQLResponse | null>>();
  return {
    async requestDidStart() {
      let lead: { key: string; settle: (answer: GraphQLResponse | null) => void } | undefined;
      return {
        async responseForOperation(request): Promise<GraphQLResponse | null> {
          if (request.operation?.operation !== 'query') return null;
          const key = `${request.contextValue.authorization ?? ''}\n${requestedOperationKey(request)}`;
          const running = inFlight.get(key);
          if (running) {
            // Should the first one never finish, this one runs by itself after the fetch deadline.
            let timer: NodeJS.Timeout | undefined;
            const answer = await Promise.race([running, new Promise<null>((resolve) => { timer = setTimeout(resolve, waitLimitMs, null); })]);
            clearTimeout(timer);
            if (answer) metrics.sharedOperations.inc();
            else if (inFlight.get(key) === running) inFlight.delete(key); // never finished: forget it
            return answer;
          }
          let settle!: (answer: GraphQLResponse | null) => void;
          inFlight.set(key, new Promise((resolve) => { settle = resolve; }));
          lead = { key, settle };
          return null;
        },
        async willSendResponse({ response }) {
          if (!lead) return;
          inFlight.delete(lead.key);
          lead.settle(response.body.kind === 'single'
            ? { http: { status: response.http.status, headers: new HeaderMap() }, body: response.body }
            : null);
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { ServiceMetrics } from './metrics';
import { flatLineLogger, type Logger } from './logger';

/** Duration per operation for /metrics, and one log line per request (never its variables). */
export function metricsPlugin(metrics: ServiceMetrics, logger?: Logger): ApolloServerPlugin {
  // The line is flat (operation, role, ms, error codes): see flatLineLogger.
  const lines = logger && flatLineLogger(logger);
  return {
    async requestDidStart(request) {
      const end = metrics.requestDuration.startTimer();
      return {
        async willSendResponse({ response, contextValue }) {
          const operation = request.request.operationName ?? 'anonymous';
          const seconds = end({ operation });
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
          lines?.info({
            operation,
            role: (contextValue as { viewer?: { role: string }; role?: string }).viewer?.role ?? (contextValue as { role?: string }).role,
            ms: Math.round(seconds * 1000),
            errors: errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
          }, 'graphql request');
        },
      };
    },
  };
}

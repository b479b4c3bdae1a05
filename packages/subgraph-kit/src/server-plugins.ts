import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { ServiceMetrics } from './metrics';

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Errors the caller caused keep their message; anything else (a failed SQL statement, a bug)
 * becomes an opaque INTERNAL_SERVER_ERROR outside development, so no SQL or stack leaves.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code === 'UNAUTHORIZED') {
    return { ...formatted, message: 'not allowed for your role', extensions: { code: 'FORBIDDEN' } };
  }
  if (code && CLIENT_CODES.has(code)) return formatted;
  if (process.env.NODE_ENV === 'development') return formatted;
  void unwrapResolverError(error);
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export function metricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    async requestDidStart(request) {
      const end = metrics.requestDuration.startTimer();
      return {
        async willSendResponse() {
          end({ operation: request.request.operationName ?? 'anonymous' });
        },
      };
    },
  };
}

import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DATABASE_UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE, isDatabaseUnavailable } from './database-unavailable';

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
  // Said by the gateway of a department, or by a department already masked at its source.
  'SUBGRAPH_UNAVAILABLE', 'AUDIT_UNAVAILABLE', 'DOWNSTREAM_SERVICE_ERROR', SERVICE_UNAVAILABLE,
]);

/**
 * Errors the caller caused keep their message; a database that is down or restarting becomes a
 * retryable SERVICE_UNAVAILABLE; anything else (a failed SQL statement, a bug) becomes an opaque
 * INTERNAL_SERVER_ERROR outside development, so no SQL or stack leaves.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code === 'UNAUTHORIZED') {
    return { ...formatted, message: 'not allowed for your role', extensions: { code: 'FORBIDDEN' } };
  }
  if (code && CLIENT_CODES.has(code)) return formatted;
  if (isDatabaseUnavailable(unwrapResolverError(error))) {
    return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, locations: formatted.locations, extensions: { code: SERVICE_UNAVAILABLE, retryable: true } };
  }
  if (process.env.NODE_ENV === 'development') return formatted;
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

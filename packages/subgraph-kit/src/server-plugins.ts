import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { ServiceMetrics } from './metrics';
import type { DepartmentContext } from './context';
import type { Logger } from './logger';
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

/** Duration per operation for /metrics, and one log line per request (never its variables). */
export function metricsPlugin(metrics: ServiceMetrics, logger?: Logger): ApolloServerPlugin {
  return {
    async requestDidStart(request) {
      const end = metrics.requestDuration.startTimer();
      return {
        async willSendResponse({ response, contextValue }) {
          const operation = request.request.operationName ?? 'anonymous';
          const seconds = end({ operation });
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
          logger?.info({
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

const AUDIT_ATTEMPTS_AFTER_WRITE = 4;

async function flushReadsWithRetry(contextValue: DepartmentContext, dataSource: DataSource): Promise<void> {
  // A committed write's answer is worth waiting a little for: retry a database that is restarting.
  const attempts = contextValue.audit.committedWrite ? AUDIT_ATTEMPTS_AFTER_WRITE : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await contextValue.audit.flushReads(dataSource);
    } catch (error) {
      if (attempt >= attempts || !isDatabaseUnavailable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

function auditFailure(error: unknown, committedWrite: boolean): GraphQLFormattedError {
  const unavailable = isDatabaseUnavailable(error);
  const code = unavailable ? SERVICE_UNAVAILABLE : 'AUDIT_UNAVAILABLE';
  if (committedWrite) {
    return {
      message: 'The write was committed, but reading its answer back could not be audited; send the same request with the same Idempotency-Key to receive it',
      extensions: { code, retryable: true, committed: true },
    };
  }
  return { message: 'The audit trail could not be written; the read was refused', extensions: unavailable ? { code, retryable: true } : { code } };
}

/**
 * Writes the request's audited reads before the answer leaves. If the audit cannot be
 * written, the read is refused: personal data never goes out unrecorded. (A mutation's
 * returned record is read-audited inside the write's own transaction, so this step only
 * concerns other records its answer shows.) The answer that leaves is then recorded under the
 * request's Idempotency-Key — after the audit, so a refused answer is never replayed.
 */
export function auditPlugin(dataSource: DataSource, logger: Logger): ApolloServerPlugin<DepartmentContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const { audit, idempotency } = contextValue;
          try {
            await flushReadsWithRetry(contextValue, dataSource);
          } catch (error) {
            logger.error({ err: (error as Error).message }, 'audit write failed; read refused');
            if (response.body.kind === 'single') response.body.singleResult = { errors: [auditFailure(error, audit.committedWrite)] };
            return;
          }
          if (!idempotency?.committed || response.body.kind !== 'single') return;
          try {
            await idempotency.recordAnswer(dataSource, response.body.singleResult, audit.answeredReads());
          } catch (error) {
            // The key and the write are committed: a retry finds the record and answers from it.
            logger.warn({ err: (error as Error).message }, 'answer of an idempotent write not recorded');
          }
        },
      };
    },
  };
}

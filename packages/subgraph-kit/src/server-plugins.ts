import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { DepartmentContext } from './context';
import type { Logger } from '@rg/observability';
import { AUDIT_RECEIPT_HEADER, PERSONAL_RECORDS_HEADER } from '@rg/access';
import type { AuditReceipts, AuditRow } from '@rg/audit';
import { SERVICE_UNAVAILABLE, formatError, isDatabaseUnavailable } from '@rg/api-errors';

const AUDIT_ATTEMPTS_AFTER_WRITE = 4;

async function flushReadsWithRetry(contextValue: DepartmentContext, dataSource: DataSource): Promise<AuditRow[]> {
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
 * request's Idempotency-Key — after the audit, so a refused answer is never replayed. An
 * answer that shows any personal record says so (PERSONAL_RECORDS_HEADER), for the gateway,
 * and names a receipt for its read events when the gateway asked for one (AUDIT_RECEIPT_HEADER).
 */
export function auditPlugin(dataSource: DataSource, logger: Logger, receipts?: AuditReceipts): ApolloServerPlugin<DepartmentContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, request }) {
          const { audit, idempotency } = contextValue;
          if (audit.personalRecordsRead) response.http.headers.set(PERSONAL_RECORDS_HEADER, 'read');
          try {
            const written = await flushReadsWithRetry(contextValue, dataSource);
            if (receipts && audit.personalRecordsRead && request.http?.headers.get(AUDIT_RECEIPT_HEADER) === 'want') {
              response.http.headers.set(AUDIT_RECEIPT_HEADER, written.length ? receipts.issue(contextValue.viewer, written) : 'none');
            }
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

/**
 * The answer masks an unexpected error as INTERNAL_SERVER_ERROR; the department's own log keeps
 * what it was (the error's class, code and message, with ID- and phone-shaped strings masked by
 * the logger), so an operator can tell a bug from a failure nobody classified yet.
 */
export function unexpectedErrorLogPlugin(logger: Logger): ApolloServerPlugin<DepartmentContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const cause = (error.originalError ?? error) as Error & { code?: unknown; driverError?: { code?: unknown } };
            const masked = formatError({ message: error.message, extensions: error.extensions }, error);
            if (masked.extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
            logger.error(`unexpected error in ${operationName ?? 'anonymous'} at ${(error.path ?? []).join('.')}: ` +
              `${cause.name} ${String(cause.code ?? cause.driverError?.code ?? '')} ${cause.message}`);
          }
        },
      };
    },
  };
}

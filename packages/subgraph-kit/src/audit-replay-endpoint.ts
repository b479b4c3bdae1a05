import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { GATEWAY_SIGNATURE_HEADER, InvalidTokenError, viewerFromHeader } from '@rg/access';
import { appendReadsAgain, type AuditReceipts } from '@rg/audit';
import { SERVICE_UNAVAILABLE, isDatabaseUnavailable } from '@rg/api-errors';
import type { Logger } from '@rg/observability';
import { wholeNumber } from '@rg/settings';
import type { ChannelNext, ChannelRequest } from './federation-channel';

/** The most receipts one replay presents: one per fetch the kept answer made to this department. */
const MAX_RECEIPTS = 64;

/** AUDIT_RECEIPT_MS (60 s) and AUDIT_RECEIPT_RECORDS (200,000 record ids across all receipts kept). */
export function receiptSettingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    ttlMs: wholeNumber(env, 'AUDIT_RECEIPT_MS', 60_000, 0),
    maxRecords: wholeNumber(env, 'AUDIT_RECEIPT_RECORDS', 200_000, 0),
  };
}

function answer(res: Response, status: number, message: string, extensions: Record<string, unknown>): void {
  res.status(status).json({ errors: [{ message, extensions }] });
}

function receiptsOf(body: unknown): string[] | undefined {
  const receipts = (body as { receipts?: unknown } | undefined)?.receipts;
  if (!Array.isArray(receipts) || !receipts.length || receipts.length > MAX_RECEIPTS) return undefined;
  return receipts.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 64) ? receipts : undefined;
}

export interface AuditReplayOptions {
  department: string;
  receipts: AuditReceipts;
  dataSource: DataSource;
  /** The federation channel's guard: it verifies the gateway's signature over the exact body. */
  guard: (req: ChannelRequest, res: Response, next: ChannelNext) => Promise<void>;
  logger: Logger;
}

/**
 * POST AUDIT_REPLAY_PATH: the gateway is about to send a caller an answer it kept, and
 * presents the receipts this department gave for that answer's reads; the department writes
 * those read events again, in one statement, under the caller's name, before it says yes. Only
 * the gateway may ask (a signed request: nobody else can fill a caller's trail), only with the
 * caller's own token, and only for receipts issued to that caller. Any refusal makes the
 * gateway ask the query again in full.
 */
export function auditReplayHandler(options: AuditReplayOptions) {
  return (req: Request, res: Response): void => {
    if (typeof req.headers[GATEWAY_SIGNATURE_HEADER] !== 'string') {
      return answer(res, 401, 'Audit replays are taken from the gateway only: the request carries no gateway signature', { code: 'UNAUTHENTICATED', reason: 'missing' });
    }
    void options.guard(req as ChannelRequest, res, (error) => {
      if (error) return answer(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
      replay(options, req, res).catch((failure) => {
        options.logger.error({ err: (failure as Error).message }, 'audit replay failed');
        if (!res.headersSent) answer(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
      });
    });
  };
}

async function replay(options: AuditReplayOptions, req: Request, res: Response): Promise<void> {
  const ids = receiptsOf(req.body);
  if (!ids) return answer(res, 400, `receipts must be a list of 1 to ${MAX_RECEIPTS} receipt names`, { code: 'BAD_USER_INPUT', field: 'receipts' });
  let viewer;
  try {
    viewer = await viewerFromHeader(req.headers.authorization);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    return answer(res, 401, `Invalid bearer token: ${error.message}`, { code: 'UNAUTHENTICATED' });
  }
  const rows = options.receipts.recall(ids, viewer);
  if (typeof rows === 'string') {
    return answer(res, 409, rows === 'unknown'
      ? `A receipt is not one ${options.department} holds now (expired, or issued before a restart)`
      : `A receipt was issued to another caller`, { code: 'AUDIT_RECEIPT_REFUSED', reason: rows });
  }
  try {
    await appendReadsAgain(options.dataSource, rows);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return answer(res, 503, 'The audit trail could not be written', { code: SERVICE_UNAVAILABLE, retryable: true });
  }
  res.json({ recorded: rows.length });
}

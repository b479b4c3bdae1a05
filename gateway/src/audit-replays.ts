import type { GatewayContext } from './context';

/** Sends one replay to a department (a signed POST to its AUDIT_REPLAY_PATH); resolves to whether it recorded it. */
export type ReplaySender = (body: string, headers: Record<string, string>) => Promise<boolean>;

/** The receipts one answer's departments gave for its reads, by department. */
export type AnswerReceipts = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Has the departments write again the read events of an answer the gateway kept for a caller,
 * before it is sent to that caller again (@rg/access AUDIT_RECEIPT_HEADER). Every department
 * that audited the answer is asked at once, with the caller's own token (a receipt is honoured for its caller only);
 * the answer may go out only when each of them has recorded the reads. A department that read
 * no audited record for it (its own staff's reads) gave no receipt and is not asked.
 */
export class AuditReplays {
  private readonly senders = new Map<string, ReplaySender>();

  /** Each department's data source registers how to reach it (again after a supergraph reload). */
  register(department: string, send: ReplaySender): void {
    this.senders.set(department, send);
  }

  async replay(receipts: AnswerReceipts, context: GatewayContext): Promise<boolean> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (context.authorization) headers.authorization = context.authorization;
    const recorded = await Promise.all([...receipts].map(([department, ids]) => {
      const send = this.senders.get(department);
      return send ? send(JSON.stringify({ receipts: [...ids] }), headers).catch(() => false) : false;
    }));
    return recorded.every(Boolean);
  }
}

import { randomBytes } from 'node:crypto';
import type { Viewer } from '@rg/access';
import type { AuditRow } from './audit';

/** What a receipt stands for: the read events one answer left, and whose they are. */
interface Receipt {
  subject: string;
  role: string;
  rows: AuditRow[];
  /** How many record ids its rows name: what the store's bound counts. */
  records: number;
  expires: number;
}

/** Why a receipt was not honoured; the gateway then asks the query again in full. */
export type ReceiptRefusal = 'unknown' | 'another-caller';

export interface ReceiptSettings {
  /** How long a receipt can be replayed (AUDIT_RECEIPT_MS). */
  ttlMs: number;
  /** Most record ids all kept receipts may name together; the oldest go first (AUDIT_RECEIPT_RECORDS). */
  maxRecords: number;
}

/**
 * Receipts for the read events a department wrote for one answer, kept in this process's
 * memory for a short while. A gateway that keeps a caller's personal answer holds the receipts
 * of the departments that audited it; each time it sends that answer again it first has each
 * of them record the same reads again (`recall`, then `appendReadsAgain`), under that caller's name
 * and the same operation, before anything leaves. A receipt is an opaque random name: it
 * carries nothing about the records, it is honoured only for the caller whose reads it names,
 * and it is gone after the TTL, past the bound, or when the department restarts — then the
 * gateway asks the query again in full, which reads and audits as any request does.
 */
export class AuditReceipts {
  private readonly receipts = new Map<string, Receipt>();
  private records = 0;

  constructor(private readonly settings: ReceiptSettings) {}

  /** A receipt for the read events just written for `viewer`. */
  issue(viewer: Viewer, rows: AuditRow[]): string {
    const id = randomBytes(16).toString('base64url');
    const records = rows.reduce((sum, row) => sum + row.recordIds.length, 0);
    this.receipts.set(id, { subject: viewer.subject, role: viewer.role, rows, records, expires: Date.now() + this.settings.ttlMs });
    this.records += records;
    for (const [oldest, receipt] of this.receipts) {
      if (this.records <= this.settings.maxRecords && receipt.expires > Date.now()) break;
      this.forget(oldest, receipt);
    }
    return id;
  }

  /**
   * The read events the receipts stand for, to be written again for `viewer`, or why not: every
   * receipt must be known, live, and the same caller's (subject and role) — a receipt is never
   * honoured for anyone else, so it cannot put a read in another person's name.
   */
  recall(ids: readonly string[], viewer: Viewer): AuditRow[] | ReceiptRefusal {
    const rows: AuditRow[] = [];
    for (const id of ids) {
      const receipt = this.receipts.get(id);
      if (!receipt || receipt.expires <= Date.now()) return 'unknown';
      if (receipt.subject !== viewer.subject || receipt.role !== viewer.role) return 'another-caller';
      rows.push(...receipt.rows);
    }
    return rows;
  }

  private forget(id: string, receipt: Receipt): void {
    this.receipts.delete(id);
    this.records -= receipt.records;
  }
}

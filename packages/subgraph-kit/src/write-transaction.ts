import type { DataSource, EntityManager } from 'typeorm';
import type { AuditRecorder } from '@rg/audit';
import type { IdempotencyClaim } from '@rg/idempotency';

export type WriteTransaction = <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>;

/**
 * The transaction every mutation runs its writes in (`ctx.transaction`). Besides the write and
 * its audit row it claims the request's Idempotency-Key, so key and write commit together, and
 * tells the audit whether the write committed.
 */
export function writeTransaction(dataSource: DataSource, audit: AuditRecorder, claim: IdempotencyClaim | null): WriteTransaction {
  return async (work) => {
    try {
      const result = claim?.requestHash ? await claim.write(dataSource, work) : await dataSource.transaction(work);
      audit.settleWrite(true);
      if (claim) claim.committed = true;
      return result;
    } catch (error) {
      audit.settleWrite(false);
      throw error;
    }
  };
}

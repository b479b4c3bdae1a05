import type { DataSource } from 'typeorm';
import type { Logger } from '@rg/observability';
import type { Viewer } from '@rg/access';
import type { AuditRecorder } from '@rg/audit';
import type { IdempotencyClaim } from '@rg/idempotency';
import type { WriteTransaction } from './write-transaction';

/** What every resolver receives: who asks, this request's loaders, and the department's database. */
export interface DepartmentContext<Loaders = unknown> {
  viewer: Viewer;
  loaders: Loaders;
  dataSource: DataSource;
  logger: Logger;
  /** The operation name the gateway forwarded, for the audit trail. */
  operationName: string | null;
  /** This request's audit events, kept at this department. */
  audit: AuditRecorder;
  /** The request's Idempotency-Key header, scoped by the caller; null when none was sent. */
  idempotency: IdempotencyClaim | null;
  /**
   * The transaction every mutation writes in: the write, its audit row and the request's
   * Idempotency-Key commit together. A retry of a committed write gets the record it wrote.
   */
  transaction: WriteTransaction;
}

import type { DataSource } from 'typeorm';
import type { Logger } from './logger';
import type { Viewer } from './roles';
import type { AuditRecorder } from './audit';

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
}

import type { DataSource } from 'typeorm';
import type { Logger } from '@rg/observability';
import type { Viewer } from '@rg/access';
import type { AuditRecorder } from '@rg/audit';
import type { IdempotencyClaim } from '@rg/idempotency';
import type { DepartmentContext } from './context';
import { writeTransaction, type WriteTransaction } from './write-transaction';

/**
 * One request's context, before its loaders. Apollo Server hands each operation a shallow
 * copy of the context (Object.assign), which reads every own property: a lazy `logger`
 * getter on the object itself was run by that copy on every request, and made the child
 * logger (bindings serialised through the redaction rules) that lazy getter was meant to
 * save. On the prototype, the copy keeps the getter and it runs only when a resolver logs.
 */
export class RequestContext implements Omit<DepartmentContext, 'loaders'> {
  readonly transaction: WriteTransaction;
  /** The child logger, once made; on whichever copy first asked for it. */
  private requestLogger?: Logger;

  constructor(
    readonly viewer: Viewer,
    readonly dataSource: DataSource,
    private readonly serviceLogger: Logger,
    readonly operationName: string | null,
    readonly audit: AuditRecorder,
    readonly idempotency: IdempotencyClaim | null,
  ) {
    this.transaction = writeTransaction(dataSource, audit, idempotency);
  }

  get logger(): Logger {
    return (this.requestLogger ??= this.serviceLogger.child({ subject: this.viewer.subject, role: this.viewer.role }));
  }
}

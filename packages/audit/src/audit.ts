import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { isCrossDepartmentRead } from '@rg/access';
import type { Department, Viewer } from '@rg/access';
import { preparedQuery } from '@rg/data-helpers';

export type AuditAction = 'READ' | 'WRITE';
const GENESIS = '0'.repeat(64);

/** One event as it is chained: who read or wrote which records of one type, and when. */
export interface AuditRow {
  occurredAt: string;
  subject: string;
  role: string;
  action: AuditAction;
  operation: string | null;
  recordType: string;
  recordIds: string[];
}

export function auditHash(id: string, row: AuditRow, prevHash: string): string {
  const content = JSON.stringify([id, row.occurredAt, row.subject, row.role, row.action, row.operation, row.recordType, row.recordIds, prevHash]);
  return createHash('sha256').update(content).digest('hex');
}

const APPEND = 'SELECT audit_append($1::jsonb)';

/**
 * One statement, whatever the batch: the chain is extended by `audit_append` (see its
 * migration). A request's reads are appended outside any transaction, as a statement each
 * pooled connection prepares once (prepared-statements.ts); a write's events go in its own
 * transaction, with the write.
 */
async function append(db: EntityManager | DataSource, rows: AuditRow[]): Promise<void> {
  const events = JSON.stringify(rows);
  if (isDataSource(db)) await preparedQuery(db, APPEND, [events]);
  else await db.query(APPEND, [events]);
}

/**
 * Writes read events again, as they were but for the time: the same caller was sent the same
 * records once more (a kept answer sent again). One statement, like any request's reads.
 */
export async function appendReadsAgain(db: DataSource, rows: readonly AuditRow[]): Promise<void> {
  const occurredAt = new Date().toISOString();
  await append(db, rows.map((row) => ({ ...row, occurredAt })));
}

/** A data source has a manager; an entity manager (a transaction's) is one. */
const isDataSource = (db: EntityManager | DataSource): db is DataSource => 'manager' in db;

/**
 * One request's audit events, kept by the department that owns the data. Reads are gathered
 * while the request resolves and written in one batch before the answer leaves (a page of 500
 * costs what a page of 20 does); writes are appended inside the mutation's own transaction.
 */
export class AuditRecorder {
  private readonly reads = new Map<string, Set<string>>();
  /** Records whose read-back was audited inside the transaction that wrote them (`Type:id`). */
  private readonly readWithWrite = new Set<string>();
  private uncommittedReads: string[] = [];
  /** Whether this request committed a write: its answer must then not become an error lightly. */
  committedWrite = false;
  /**
   * Whether the answer shows any personal record, whoever reads it (the owning department's
   * own staff are not audited, but their answer is still personal): the gateway keeps no such
   * answer for anyone else (PERSONAL_RECORDS_HEADER).
   */
  personalRecordsRead = false;

  constructor(
    private readonly owner: Department,
    private readonly viewer: Viewer,
    private readonly operation: string | null,
    /** GraphQL types whose reads are audited; a write of one also records the read of its answer. */
    private readonly auditedTypes: ReadonlySet<string> = new Set(),
  ) {}

  /** Notes a read of personal records when the reader is another department (or an admin). */
  read(recordType: string, id: string | number): void {
    this.personalRecordsRead = true;
    if (!isCrossDepartmentRead(this.viewer.role, this.owner)) return;
    if (this.readWithWrite.has(`${recordType}:${id}`)) return;
    let ids = this.reads.get(recordType);
    if (!ids) this.reads.set(recordType, (ids = new Set()));
    ids.add(String(id));
  }

  get pendingReads(): number {
    return this.reads.size;
  }

  /** The reads this answer carries, including those recorded with the write, to audit again when it is replayed. */
  answeredReads(): Record<string, string[]> {
    const all: Record<string, string[]> = {};
    for (const [type, ids] of this.reads) all[type] = [...ids];
    for (const entry of this.readWithWrite) {
      const at = entry.indexOf(':');
      (all[entry.slice(0, at)] ??= []).push(entry.slice(at + 1));
    }
    return all;
  }

  /** Notes the reads of a stored answer that is sent again (an idempotent replay). */
  readAgain(reads: Record<string, string[]>): void {
    for (const [type, ids] of Object.entries(reads)) for (const id of ids) this.read(type, id);
  }

  /**
   * Writes the gathered reads; called once per request, before the response is sent. Returns
   * the events written (none when nothing needed auditing), for a receipt (audit-receipts.ts).
   */
  async flushReads(db: DataSource): Promise<AuditRow[]> {
    if (!this.reads.size) return [];
    const occurredAt = new Date().toISOString();
    const rows = [...this.reads.entries()].map(([recordType, ids]) => this.row('READ', recordType, [...ids], occurredAt));
    await append(db, rows);
    this.reads.clear();
    return rows;
  }

  /**
   * Appends a write event inside the caller's transaction: no write without its audit row. When
   * the writer is audited for reading this type, the read of the record it gets back is recorded
   * in the same transaction, so a committed write never waits on a later audit to be answered.
   */
  async write(tx: EntityManager, recordType: string, ids: Array<string | number>): Promise<void> {
    const occurredAt = new Date().toISOString();
    const recordIds = ids.map(String);
    const rows = [this.row('WRITE', recordType, recordIds, occurredAt)];
    if (this.auditedTypes.has(recordType) && isCrossDepartmentRead(this.viewer.role, this.owner)) {
      rows.push(this.row('READ', recordType, recordIds, occurredAt));
      this.uncommittedReads.push(...recordIds.map((id) => `${recordType}:${id}`));
    }
    await append(tx, rows);
  }

  /** Called by the kit's write transaction once it committed (or rolled back). */
  settleWrite(committed: boolean): void {
    if (committed) {
      for (const entry of this.uncommittedReads) this.readWithWrite.add(entry);
      this.committedWrite = true;
    }
    this.uncommittedReads = [];
  }

  private row(action: AuditAction, recordType: string, recordIds: string[], occurredAt: string): AuditRow {
    return { occurredAt, subject: this.viewer.subject, role: this.viewer.role, action, operation: this.operation, recordType, recordIds };
  }
}

/**
 * Notes every personal record a field is read from: each field of an audited type first
 * notes its record (`auditedTypes` maps a GraphQL type name to the property that identifies
 * its records), then resolves as before. Synchronous and on those types only: a type-graphql
 * global middleware would make every field of every type, down to each scalar, resolve
 * through a promise, which cost the departments more CPU per request than the rest of their
 * GraphQL execution. Throws for a type the schema lacks, so a renamed type cannot drop out of
 * the audit unnoticed.
 */
export function auditReadsOf(schema: GraphQLSchema, auditedTypes: Record<string, string>): GraphQLSchema {
  for (const [typeName, key] of Object.entries(auditedTypes)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`audited type ${typeName} is not an object type of the schema`);
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context: { audit: AuditRecorder }, info) => {
        if (root && root[key] !== undefined) context.audit.read(typeName, root[key]);
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}

export interface ChainVerification {
  events: number;
  intact: boolean;
  problem?: string;
}

/** Recomputes the chain row by row: an edited row breaks its own hash, a removed one the next row's link. */
export async function verifyAuditChain(db: DataSource, batchSize = 5000): Promise<ChainVerification> {
  let prev = GENESIS;
  let lastId = '0';
  let events = 0;
  for (;;) {
    const rows: any[] = await db.query(
      `SELECT id::text AS id, occurred_at, subject, role, action, operation, record_type, record_ids, prev_hash, hash
       FROM audit_event WHERE audit_event.id > $1 ORDER BY audit_event.id LIMIT $2`, [lastId, batchSize]);
    for (const r of rows) {
      events++;
      if (r.prev_hash !== prev) return { events, intact: false, problem: `event ${r.id} does not follow the one before it (a row was removed or reordered)` };
      const row: AuditRow = {
        occurredAt: new Date(r.occurred_at).toISOString(), subject: r.subject, role: r.role, action: r.action,
        operation: r.operation, recordType: r.record_type, recordIds: r.record_ids,
      };
      if (auditHash(r.id, row, r.prev_hash) !== r.hash) return { events, intact: false, problem: `event ${r.id} was changed after it was written` };
      prev = r.hash;
      lastId = r.id;
    }
    if (rows.length < batchSize) return { events, intact: true };
  }
}

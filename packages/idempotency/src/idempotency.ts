import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { badUserInput, notFound } from '@rg/api-errors';
import { isDatabaseUnavailable, serviceUnavailable } from '@rg/api-errors';
import type { Logger } from '@rg/observability';

/** The HTTP header a client sends with a write it may retry; the gateway forwards it. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
/** How long a key answers for its first request; after that it may be used afresh. */
export const IDEMPOTENCY_KEY_LIFETIME = '24 hours';

/** What is wrong with a key, or null when it is usable. */
export function idempotencyKeyProblem(key: string): string | null {
  if (key.trim() === '') return 'must not be empty';
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) return `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters (got ${key.length})`;
  return null;
}

export function keyReusedError() {
  return badUserInput(IDEMPOTENCY_HEADER, 'was already used for a different request; use a new key for a new write');
}

/** JSON with object keys sorted, so the same variables always hash alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** "The same request": the same role, operation text and variables (the subject is part of the key's scope). */
export function requestHash(role: string, document: string, variables: Record<string, unknown> | undefined): string {
  return createHash('sha256').update(canonicalJson([role, document, variables ?? {}])).digest('hex');
}

export interface StoredKey {
  request_hash: string;
  result_type: string | null;
  result_id: string | null;
  response: Record<string, unknown> | null;
  audited_reads: Record<string, string[]> | null;
}

/** Thrown inside the write's transaction when another attempt already committed under the key. */
class KeyAlreadyCommitted extends Error {}

/**
 * One request's Idempotency-Key, scoped by the caller's subject. The plugin sets `requestHash`
 * once it knows the operation is a mutation; from then on the kit's write transaction claims the
 * key in the same transaction as the write.
 */
export class IdempotencyClaim {
  requestHash: string | null = null;
  /** The write committed under this key in this request: its answer is recorded after the audit. */
  committed = false;
  private used = false;

  constructor(readonly subject: string, readonly key: string) {}

  /** The live (not expired) record of this key, if any. */
  async find(db: DataSource | EntityManager): Promise<StoredKey | undefined> {
    const [row] = await db.query(
      `SELECT request_hash, result_type, result_id, response, audited_reads FROM idempotency_key
       WHERE subject = $1 AND key = $2 AND created_at > now() - interval '${IDEMPOTENCY_KEY_LIFETIME}'`, [this.subject, this.key]);
    return row;
  }

  /**
   * Runs a write with the key claimed in its transaction. The INSERT waits for a concurrent
   * attempt holding the same key; if that one committed, this one rolls back (having written
   * nothing) and answers with the record the first attempt wrote.
   */
  async write<T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (this.used) throw badUserInput(IDEMPOTENCY_HEADER, 'covers one write; send each write as its own request');
    this.used = true;
    try {
      return await dataSource.transaction(async (tx) => {
        const claimed = await tx.query(
          `INSERT INTO idempotency_key (subject, key, request_hash) VALUES ($1, $2, $3)
           ON CONFLICT (subject, key) DO UPDATE
             SET request_hash = EXCLUDED.request_hash, created_at = now(), result_type = NULL, result_id = NULL, response = NULL, audited_reads = NULL
             WHERE idempotency_key.created_at <= now() - interval '${IDEMPOTENCY_KEY_LIFETIME}'
           RETURNING key`, [this.subject, this.key, this.requestHash]);
        if (claimed.length === 0) throw new KeyAlreadyCommitted();
        const result = await work(tx);
        const [type, id] = recordOf(tx, result);
        await tx.query('UPDATE idempotency_key SET result_type = $3, result_id = $4 WHERE subject = $1 AND key = $2', [this.subject, this.key, type, id]);
        return result;
      });
    } catch (error) {
      if (!(error instanceof KeyAlreadyCommitted)) throw error;
      return this.recordWrittenEarlier(dataSource);
    }
  }

  /** The record a committed attempt wrote, read now: the answer when its own answer was not recorded. */
  private async recordWrittenEarlier<T>(dataSource: DataSource): Promise<T> {
    const stored = await this.find(dataSource);
    // The first attempt's row outlived its lifetime between the two statements: let the client send it afresh.
    if (!stored) throw serviceUnavailable('The Idempotency-Key expired while this request ran; retry the request');
    if (stored.request_hash !== this.requestHash) throw keyReusedError();
    const repository = dataSource.getRepository<ObjectLiteral>(stored.result_type!);
    const record = await repository.findOneBy({ [repository.metadata.primaryColumns[0].propertyName]: stored.result_id });
    if (!record) throw notFound(stored.result_type!, stored.result_id!);
    return record as T;
  }

  /** Stores the answer that left, so a later retry gets exactly it. */
  async recordAnswer(db: DataSource, response: unknown, reads: Record<string, string[]>): Promise<void> {
    await db.query(
      'UPDATE idempotency_key SET response = $3, audited_reads = $4 WHERE subject = $1 AND key = $2 AND response IS NULL',
      [this.subject, this.key, JSON.stringify(response), JSON.stringify(reads)]);
  }
}

/** The entity name and primary key of what a write returned, to find it again on a retry. */
function recordOf(tx: EntityManager, result: unknown): [string, string] {
  const target = (result as object | null)?.constructor;
  if (!target || !tx.connection.hasMetadata(target)) {
    throw new Error('a write under an Idempotency-Key must return the record it wrote');
  }
  const metadata = tx.connection.getMetadata(target);
  return [metadata.name, String(metadata.primaryColumns[0].getEntityValue(result as object))];
}

/**
 * Deletes keys past their lifetime now and every hour, so the table holds about a day of
 * writes. Returns the function that stops it.
 */
export function purgeExpiredKeysHourly(db: DataSource, logger: Logger): () => void {
  const purge = () => db.query(`DELETE FROM idempotency_key WHERE created_at <= now() - interval '${IDEMPOTENCY_KEY_LIFETIME}'`).catch((error) => {
    // A database that is away is said elsewhere; the next hour tries again.
    if (!isDatabaseUnavailable(error)) logger.warn({ err: (error as Error).message }, 'expired idempotency keys not purged');
  });
  void purge();
  const timer = setInterval(purge, 60 * 60 * 1000).unref();
  return () => clearInterval(timer);
}

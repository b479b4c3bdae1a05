import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Idempotency-Key records every department keeps in its own database, one per caller and
 * key. A row is inserted in the same transaction as the write it guards, so the key and the
 * write commit together or not at all; the primary key makes a concurrent retry wait for the
 * first attempt and then find its row instead of writing a second time.
 */
export class CreateIdempotencyKeys1764200000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_key (
        subject text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        result_type text,
        result_id text,
        response jsonb,
        audited_reads jsonb,
        PRIMARY KEY (subject, key)
      );
      CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_key');
  }
}

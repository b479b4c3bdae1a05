import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail every department keeps in its own database: append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE) and hash-chained (each row holds the previous row's hash and
 * its own), so an edit or a removal made around the trigger is still detected by `verify`.
 */
export class CreateAuditTrail1764100000000 implements MigrationInterface {
  name = 'CreateAuditTrail1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        subject text NOT NULL,
        role text NOT NULL,
        action text NOT NULL CHECK (action IN ('READ', 'WRITE')),
        operation text,
        record_type text NOT NULL,
        record_ids text[] NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      );
      CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
      CREATE INDEX audit_event_subject_idx ON audit_event (subject);
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$;
      CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_event; DROP FUNCTION audit_event_is_append_only()');
  }
}

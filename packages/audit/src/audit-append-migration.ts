import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appends a request's audit events in one statement: `SELECT audit_append($1::jsonb)`. The
 * function takes the chain's lock, reads the last hash with a snapshot taken after the lock
 * (each statement of a PL/pgSQL function sees what committed before it), and chains the new
 * rows with the same hash `auditHash` computes: SHA-256 of the JSON array
 * [id, occurredAt, subject, role, action, operation, recordType, recordIds, prevHash]
 * written exactly as JSON.stringify writes it. One round trip instead of six per batch keeps
 * the audit's cost at a single statement per department per request.
 */
export class CreateAuditAppend1764300000000 implements MigrationInterface {
  name = 'CreateAuditAppend1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION audit_append(events jsonb) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        prev text;
        event jsonb;
        new_id bigint;
        ids_json text;
        content text;
        next_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(746211);
        SELECT hash INTO prev FROM audit_event ORDER BY id DESC LIMIT 1;
        prev := coalesce(prev, repeat('0', 64));
        FOR event IN SELECT value FROM jsonb_array_elements(events) WITH ORDINALITY AS e(value, ord) ORDER BY ord LOOP
          new_id := nextval(pg_get_serial_sequence('audit_event', 'id'));
          SELECT '[' || coalesce(string_agg(to_json(x)::text, ',' ORDER BY ord), '') || ']' INTO ids_json
            FROM jsonb_array_elements_text(event->'recordIds') WITH ORDINALITY AS r(x, ord);
          content := '[' || to_json(new_id::text)::text
            || ',' || to_json(event->>'occurredAt')::text
            || ',' || to_json(event->>'subject')::text
            || ',' || to_json(event->>'role')::text
            || ',' || to_json(event->>'action')::text
            || ',' || coalesce(to_json(event->>'operation')::text, 'null')
            || ',' || to_json(event->>'recordType')::text
            || ',' || ids_json
            || ',' || to_json(prev)::text || ']';
          next_hash := encode(sha256(convert_to(content, 'UTF8')), 'hex');
          INSERT INTO audit_event (id, occurred_at, subject, role, action, operation, record_type, record_ids, prev_hash, hash)
          VALUES (new_id, (event->>'occurredAt')::timestamptz, event->>'subject', event->>'role', event->>'action',
            event->>'operation', event->>'recordType',
            ARRAY(SELECT x FROM jsonb_array_elements_text(event->'recordIds') WITH ORDINALITY AS r(x, ord) ORDER BY ord),
            prev, next_hash);
          prev := next_hash;
        END LOOP;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION audit_append(jsonb)');
  }
}

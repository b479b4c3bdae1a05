import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Awards to enterprises as well as to people: an award names either a person (person key and
 * name, as before) or hr's venture (its id, kept without a foreign key like a story's venture).
 */
export class EnterpriseAwards1765300000000 implements MigrationInterface {
  name = 'EnterpriseAwards1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE award
        ADD COLUMN recipient_kind text NOT NULL DEFAULT 'PERSON' CHECK (recipient_kind IN ('PERSON', 'VENTURE')),
        ADD COLUMN venture_id int CHECK (venture_id > 0),
        ALTER COLUMN person_key DROP NOT NULL,
        ALTER COLUMN recipient_name DROP NOT NULL,
        ADD CONSTRAINT award_recipient_check CHECK (CASE recipient_kind
          WHEN 'PERSON' THEN person_key IS NOT NULL AND recipient_name IS NOT NULL AND venture_id IS NULL
          ELSE venture_id IS NOT NULL AND person_key IS NULL AND recipient_name IS NULL END),
        -- An enterprise holds a given title at most once a year; the index also serves Venture.awards.
        ADD CONSTRAINT award_venture_id_title_year_key UNIQUE (venture_id, title, year);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM award WHERE recipient_kind = 'VENTURE';
      ALTER TABLE award DROP CONSTRAINT award_venture_id_title_year_key, DROP CONSTRAINT award_recipient_check,
        DROP COLUMN venture_id, DROP COLUMN recipient_kind,
        ALTER COLUMN person_key SET NOT NULL, ALTER COLUMN recipient_name SET NOT NULL;
    `);
  }
}

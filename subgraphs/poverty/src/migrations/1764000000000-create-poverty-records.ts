import type { MigrationInterface, QueryRunner } from 'typeorm';

/** poverty's registry: poor households and their members. */
export class CreatePovertyRecords1764000000000 implements MigrationInterface {
  name = 'CreatePovertyRecords1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE poor_household (
        id serial PRIMARY KEY,
        household_no text NOT NULL CONSTRAINT poor_household_household_no_key UNIQUE CHECK (btrim(household_no) <> ''),
        region_code char(6) NOT NULL,
        size smallint NOT NULL CHECK (size >= 1),
        cause text NOT NULL CHECK (cause IN (
          'ILLNESS', 'DISABILITY', 'LACK_OF_SKILLS', 'LACK_OF_CAPITAL', 'LACK_OF_LABOUR', 'DISASTER', 'OTHER')),
        registered_year smallint NOT NULL CHECK (registered_year BETWEEN 2010 AND 2100),
        exited_year smallint CHECK (exited_year IS NULL OR exited_year >= registered_year),
        per_capita_income_yuan int NOT NULL CHECK (per_capita_income_yuan >= 0)
      );
      CREATE INDEX poor_household_region_idx ON poor_household (region_code);
      CREATE INDEX poor_household_cause_idx ON poor_household (cause);
      CREATE INDEX poor_household_registered_year_idx ON poor_household (registered_year);
      CREATE INDEX poor_household_exited_year_idx ON poor_household (exited_year);

      CREATE TABLE household_member (
        id serial PRIMARY KEY,
        household_id int NOT NULL REFERENCES poor_household (id),
        citizen_id char(18) NOT NULL CONSTRAINT household_member_citizen_id_key UNIQUE,
        person_key char(35) NOT NULL CONSTRAINT household_member_person_key_key UNIQUE,
        person_key_prefix bigint NOT NULL,
        name text NOT NULL CHECK (btrim(name) <> ''),
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_year smallint NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
        relation text NOT NULL CHECK (relation IN ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'OTHER'))
      );
      CREATE INDEX household_member_household_idx ON household_member (household_id);
      CREATE INDEX household_member_person_key_prefix_idx ON household_member (person_key_prefix);
      -- One head per household.
      CREATE UNIQUE INDEX household_member_head_key ON household_member (household_id) WHERE relation = 'HEAD';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE household_member, poor_household');
  }
}

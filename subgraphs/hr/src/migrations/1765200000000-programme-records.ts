import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme's wider record: the returnee survey, the institutions' designation,
 * evaluation, subsidies and debarment, loan guarantee and outcome, and what follow-up
 * visits measure (employment, jobs, output value).
 */
export class CreateProgrammeRecords1765200000000 implements MigrationInterface {
  name = 'CreateProgrammeRecords1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_response (
        id serial PRIMARY KEY,
        person_key char(35) NOT NULL,
        person_key_prefix bigint NOT NULL,
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        region_code char(6) NOT NULL,
        surveyed_on date NOT NULL,
        surveyed_by text NOT NULL CHECK (btrim(surveyed_by) <> ''),
        returned_on date CHECK (returned_on IS NULL OR returned_on <= surveyed_on),
        intends_to_start boolean NOT NULL,
        intends_to_train boolean NOT NULL,
        desired_industry text,
        needs text,
        UNIQUE (person_key, surveyed_on)
      );
      CREATE INDEX survey_response_region_surveyed_idx ON survey_response (region_code, surveyed_on);
      CREATE INDEX survey_response_person_key_idx ON survey_response (person_key);

      CREATE TABLE institution_designation (
        id serial PRIMARY KEY,
        institution_id int NOT NULL REFERENCES training_institution (id),
        designated_from date NOT NULL,
        designated_to date CHECK (designated_to IS NULL OR designated_to >= designated_from),
        reviewing_body text NOT NULL CHECK (btrim(reviewing_body) <> '')
      );
      CREATE INDEX institution_designation_institution_idx ON institution_designation (institution_id);

      CREATE TABLE institution_evaluation (
        id serial PRIMARY KEY,
        institution_id int NOT NULL REFERENCES training_institution (id),
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        completions int NOT NULL CHECK (completions >= 0),
        passes int NOT NULL CHECK (passes >= 0 AND passes <= completions),
        ventures_within_6m int NOT NULL CHECK (ventures_within_6m >= 0),
        satisfaction numeric(3, 2) CHECK (satisfaction BETWEEN 1 AND 5),
        UNIQUE (institution_id, year)
      );

      CREATE TABLE institution_debarment (
        id serial PRIMARY KEY,
        institution_id int NOT NULL REFERENCES training_institution (id),
        debarred_on date NOT NULL,
        reason text NOT NULL CHECK (btrim(reason) <> '')
      );
      CREATE INDEX institution_debarment_institution_idx ON institution_debarment (institution_id);

      CREATE TABLE training_subsidy (
        id serial PRIMARY KEY,
        enrolment_id int NOT NULL REFERENCES enrolment (id),
        kind text NOT NULL CHECK (kind IN ('COMPLETION', 'RESULT')),
        amount_yuan int NOT NULL CHECK (amount_yuan > 0),
        paid_on date NOT NULL
      );
      CREATE INDEX training_subsidy_enrolment_idx ON training_subsidy (enrolment_id);
      CREATE INDEX training_subsidy_paid_on_idx ON training_subsidy (paid_on);

      ALTER TABLE loan
        ADD COLUMN guarantee_type text CHECK (guarantee_type IN ('INSTITUTION', 'NATURAL_PERSON', 'PARK', 'TWO_RIGHTS_MORTGAGE', 'CREDIT_ONLY')),
        ADD COLUMN interest_subsidy_yuan int CHECK (interest_subsidy_yuan >= 0),
        ADD COLUMN defaulted_on date,
        ADD CONSTRAINT loan_repaid_or_defaulted_check CHECK (repaid_on IS NULL OR defaulted_on IS NULL);

      ALTER TABLE follow_up
        ADD COLUMN employed boolean,
        ADD COLUMN jobs int CHECK (jobs >= 0),
        ADD COLUMN output_value_yuan bigint CHECK (output_value_yuan >= 0);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE follow_up DROP COLUMN employed, DROP COLUMN jobs, DROP COLUMN output_value_yuan;
      ALTER TABLE loan DROP CONSTRAINT loan_repaid_or_defaulted_check,
        DROP COLUMN guarantee_type, DROP COLUMN interest_subsidy_yuan, DROP COLUMN defaulted_on;
      DROP TABLE training_subsidy, institution_debarment, institution_evaluation, institution_designation, survey_response;
    `);
  }
}

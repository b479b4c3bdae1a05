import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Women's Federation's records: support cases for women entrepreneurs. */
export class CreateWomensFederationRecords1764000000000 implements MigrationInterface {
  name = 'CreateWomensFederationRecords1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE women_support_case (
        id serial PRIMARY KEY,
        -- GB 11643: the 17th character is the sequence's last digit, even for women.
        citizen_id char(18) NOT NULL CHECK (citizen_id ~ '^[0-9]{16}[02468][0-9X]$'),
        person_key char(35) NOT NULL CHECK (person_key ~ '^pk_[0-9a-f]{32}$'),
        person_key_prefix bigint NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        region_code char(6) NOT NULL CHECK (region_code = substr(citizen_id, 1, 6)),
        support_type text NOT NULL
          CHECK (support_type IN ('MENTORING', 'MICRO_CREDIT_REFERRAL', 'ECOMMERCE_TRAINING', 'CHILDCARE', 'OTHER')),
        opened_on date NOT NULL,
        closed_on date CHECK (closed_on >= opened_on),
        outcome text NOT NULL CHECK (outcome IN ('VENTURE_OPENED', 'EMPLOYED', 'ONGOING', 'WITHDRAWN')),
        poor_priority boolean NOT NULL,
        -- A case is open exactly while its outcome is ONGOING.
        CHECK ((closed_on IS NULL) = (outcome = 'ONGOING'))
      );
      CREATE INDEX women_support_case_person_key_idx ON women_support_case (person_key);
      CREATE INDEX women_support_case_person_key_prefix_idx ON women_support_case (person_key_prefix);
      CREATE INDEX women_support_case_region_opened_idx ON women_support_case (region_code, opened_on);
      CREATE INDEX women_support_case_opened_on_idx ON women_support_case (opened_on);
      CREATE INDEX women_support_case_support_type_idx ON women_support_case (support_type);
      CREATE INDEX women_support_case_outcome_idx ON women_support_case (outcome);
      CREATE INDEX women_support_case_open_idx ON women_support_case (region_code) WHERE closed_on IS NULL;
      CREATE INDEX women_support_case_poor_priority_idx ON women_support_case (region_code) WHERE poor_priority;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE women_support_case');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** agriculture's records: incubator parks, residencies of ventures in them, the project library. */
export class CreateAgricultureRecords1764000000000 implements MigrationInterface {
  name = 'CreateAgricultureRecords1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE incubator_park (
        id serial PRIMARY KEY,
        name text NOT NULL CHECK (btrim(name) <> ''),
        region_code char(6) NOT NULL,
        level text NOT NULL CHECK (level IN ('COUNTY', 'CITY', 'PROVINCE', 'NATIONAL')),
        opened_on date NOT NULL,
        capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        industries text[] NOT NULL CHECK (cardinality(industries) BETWEEN 1 AND 10 AND array_position(industries, NULL) IS NULL)
      );
      CREATE INDEX incubator_park_region_idx ON incubator_park (region_code);
      CREATE INDEX incubator_park_level_idx ON incubator_park (level);
      CREATE INDEX incubator_park_opened_on_idx ON incubator_park (opened_on);
      CREATE INDEX incubator_park_industries_idx ON incubator_park USING gin (industries);

      -- venture_id is hr's Venture: another department's database, so no foreign key.
      CREATE TABLE residency (
        id serial PRIMARY KEY,
        park_id int NOT NULL REFERENCES incubator_park (id),
        venture_id int NOT NULL CHECK (venture_id > 0),
        entered_on date NOT NULL,
        left_on date CHECK (left_on IS NULL OR left_on >= entered_on)
      );
      CREATE INDEX residency_park_idx ON residency (park_id);
      CREATE INDEX residency_venture_idx ON residency (venture_id);
      -- Occupancy counts and resident lists read only the open residencies of a park.
      CREATE INDEX residency_open_park_idx ON residency (park_id) WHERE left_on IS NULL;
      -- A venture resides in one park at a time, even when two admissions race.
      CREATE UNIQUE INDEX residency_open_venture_key ON residency (venture_id) WHERE left_on IS NULL;

      CREATE TABLE recommended_project (
        id serial PRIMARY KEY,
        title text NOT NULL CHECK (btrim(title) <> ''),
        industry text NOT NULL,
        region_code char(6) NOT NULL,
        investment_yuan int NOT NULL CHECK (investment_yuan > 0),
        payback_months int NOT NULL CHECK (payback_months > 0)
      );
      CREATE INDEX recommended_project_region_idx ON recommended_project (region_code);
      CREATE INDEX recommended_project_industry_idx ON recommended_project (industry);
      CREATE INDEX recommended_project_investment_idx ON recommended_project (investment_yuan);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE recommended_project, residency, incubator_park');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demonstration designations (001 §6, 002) and their yearly reviews. A park is agriculture's:
 * hr keeps its id without a foreign key, as youth-league keeps hr's venture ids. Ventures and
 * trainees are hr's own, so they are foreign keys.
 */
export class CreateDesignations1765300000000 implements MigrationInterface {
  name = 'CreateDesignations1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE designation (
        id serial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('COUNTY', 'PARK', 'PROJECT', 'POVERTY_RELIEF_PROJECT', 'VENTURE', 'PERSON')),
        level text NOT NULL CHECK (level IN ('CITY', 'PROVINCE', 'NATIONAL')),
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 50),
        reviewing_body text NOT NULL CHECK (btrim(reviewing_body) <> ''),
        region_code char(6) NOT NULL,
        park_id int CHECK (park_id > 0),
        venture_id int REFERENCES venture (id),
        trainee_id int REFERENCES trainee (id),
        project_name text,
        -- Each kind names exactly its own subject.
        CONSTRAINT designation_subject_check CHECK (
          (park_id IS NOT NULL) = (kind = 'PARK')
          AND (venture_id IS NOT NULL) = (kind = 'VENTURE')
          AND (trainee_id IS NOT NULL) = (kind = 'PERSON')
          AND (project_name IS NOT NULL) = (kind IN ('PROJECT', 'POVERTY_RELIEF_PROJECT')))
      );
      CREATE UNIQUE INDEX designation_subject_title_year_key ON designation
        (kind, region_code, coalesce(park_id, 0), coalesce(venture_id, 0), coalesce(trainee_id, 0), coalesce(project_name, ''), title, year);
      CREATE INDEX designation_region_year_idx ON designation (region_code, year);
      CREATE INDEX designation_park_idx ON designation (park_id);
      CREATE INDEX designation_venture_idx ON designation (venture_id);
      CREATE INDEX designation_trainee_idx ON designation (trainee_id);

      CREATE TABLE designation_review (
        id serial PRIMARY KEY,
        designation_id int NOT NULL REFERENCES designation (id),
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        result text NOT NULL CHECK (result IN ('PASSED', 'RECTIFY', 'REVOKED')),
        note text,
        UNIQUE (designation_id, year)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE designation_review, designation');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tally's key: what the trainees list filters by, apart from gender, stage and personKey. */
const KEY = `region_code, category, extract(year FROM registered_on)::smallint,
  coalesce(extract(year FROM first_completed_on)::smallint, 0::smallint)`;
const UPSERT = `INSERT INTO trainee_tally AS tally (region_code, category, registered_year, trained_year, trainees)`;
const ON_CONFLICT = `ON CONFLICT (region_code, category, registered_year, trained_year)
  DO UPDATE SET trainees = tally.trainees + excluded.trainees`;

/**
 * How many trainees each county has, by category, year of registration and year of first
 * completed course (0: none yet): exact counts kept by the same statement that writes trainees
 * (statement-level triggers over the statement's transition tables, so a COPY of a million rows
 * costs one grouped upsert), so `trainees.totalCount` sums a few thousand rows instead of
 * counting a million. Rows are locked in key order; writers that insert many trainees in one
 * transaction do so one batch at a time (the roster import's concurrency is 1).
 */
export class CreateTraineeTally1764400000000 implements MigrationInterface {
  name = 'CreateTraineeTally1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE trainee_tally (
        region_code char(6) NOT NULL,
        category text NOT NULL,
        registered_year smallint NOT NULL,
        trained_year smallint NOT NULL,
        trainees int NOT NULL,
        PRIMARY KEY (region_code, category, registered_year, trained_year)
      );
      CREATE FUNCTION trainee_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${UPSERT} SELECT ${KEY}, count(*) FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 ${ON_CONFLICT};
        ELSIF TG_OP = 'DELETE' THEN
          ${UPSERT} SELECT ${KEY}, -count(*) FROM old_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 ${ON_CONFLICT};
        ELSE
          ${UPSERT} SELECT k.* FROM (
            SELECT ${KEY}, sum(change)::int FROM (
              SELECT *, 1 AS change FROM new_rows UNION ALL SELECT *, -1 AS change FROM old_rows) moved
            GROUP BY 1, 2, 3, 4 HAVING sum(change) <> 0 ORDER BY 1, 2, 3, 4) k
          ${ON_CONFLICT};
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER trainee_tally_insert AFTER INSERT ON trainee REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION trainee_tally_apply();
      CREATE TRIGGER trainee_tally_update AFTER UPDATE ON trainee REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION trainee_tally_apply();
      CREATE TRIGGER trainee_tally_delete AFTER DELETE ON trainee REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION trainee_tally_apply();
      ${UPSERT} SELECT ${KEY}, count(*) FROM trainee GROUP BY 1, 2, 3, 4 ${ON_CONFLICT};
      CREATE INDEX trainee_region_category_idx ON trainee (region_code, category);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX trainee_region_category_idx; DROP TABLE trainee_tally;
      DROP TRIGGER trainee_tally_insert ON trainee; DROP TRIGGER trainee_tally_update ON trainee;
      DROP TRIGGER trainee_tally_delete ON trainee; DROP FUNCTION trainee_tally_apply()`);
  }
}

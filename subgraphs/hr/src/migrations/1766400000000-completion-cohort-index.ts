import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scorecard's trained cohort read from an index alone: completion_tally's completed rows by
 * year, county and person-key prefix, carrying what the cohort's counts use. A province-year is
 * an index-only scan of its 250,000 entries instead of a parallel scan of every row of every
 * year (1.2 million at a million trainees), and each county-year comes out in prefix order, so
 * its key set needs no sort.
 */
export class CreateCompletionCohortIndex1766400000000 implements MigrationInterface {
  name = 'CreateCompletionCohortIndex1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX completion_tally_cohort_idx ON completion_tally (completed_year, region_code, person_key_prefix)
      INCLUDE (gender, completions, passes) WHERE completions > 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX completion_tally_cohort_idx');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Three indexes whose column is the first column of another index on the same table, which
 * serves every read they served (the planner uses the wider index for the same lookup):
 * a trainee's county (trainee_region_category_idx, trainee_region_first_completed_idx), an
 * enrolment's trainee (the unique trainee and course) and a survey answer's person key (the
 * unique person key and survey day). Each was built again at every seeding and written at
 * every insert for nothing: the survey's alone sorted a million person keys.
 */
export class DropRedundantIndexes1766300000000 implements MigrationInterface {
  name = 'DropRedundantIndexes1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX trainee_region_idx; DROP INDEX enrolment_trainee_idx; DROP INDEX survey_response_person_key_idx');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX trainee_region_idx ON trainee (region_code);
      CREATE INDEX enrolment_trainee_idx ON enrolment (trainee_id);
      CREATE INDEX survey_response_person_key_idx ON survey_response (person_key);`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTallySql, dropTallySql, type TallySpec } from '@rg/data-helpers';

/**
 * How many trainees each county has, by category, year of registration and year of first
 * completed course (0: none yet): what the trainees list filters by, apart from gender, stage
 * and personKey. `trainees.totalCount` sums a few thousand rows instead of counting a million.
 */
export const TRAINEE_TALLY: TallySpec = {
  source: 'trainee',
  tally: 'trainee_tally',
  keys: [
    { name: 'region_code', type: 'char(6)', expression: 'region_code' },
    { name: 'category', type: 'text', expression: 'category' },
    { name: 'registered_year', type: 'smallint', expression: 'extract(year FROM registered_on)::smallint' },
    { name: 'trained_year', type: 'smallint', expression: 'coalesce(extract(year FROM first_completed_on)::smallint, 0::smallint)' },
  ],
  measures: [{ name: 'trainees', type: 'int', expression: '1' }],
};

export class CreateTraineeTally1764400000000 implements MigrationInterface {
  name = 'CreateTraineeTally1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(createTallySql(TRAINEE_TALLY));
    // The trainees list filtered by county and category.
    await db.query('CREATE INDEX trainee_region_category_idx ON trainee (region_code, category)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX trainee_region_category_idx; ${dropTallySql(TRAINEE_TALLY)}`);
  }
}

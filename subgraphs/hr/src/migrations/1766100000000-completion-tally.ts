import { tallyMigration, type TallySpec } from '@rg/data-helpers';

/**
 * Each trainee's completed courses and passes by county and year completed (0: enrolled, not
 * completed yet), with the trainee's person-key prefix and gender: the scorecard's trained
 * cohort, its completions and passes, and the key sets poverty matches, read from a range of
 * this table's primary key instead of joining a year's enrolments to a million trainees.
 * A trainee's county, person key and gender never change, so the keys taken from them stay right.
 */
export const COMPLETION_TALLY: TallySpec = {
  source: 'enrolment',
  tally: 'completion_tally',
  join: 'JOIN trainee t ON t.id = src.trainee_id',
  keys: [
    { name: 'region_code', type: 'char(6)', expression: 't.region_code' },
    { name: 'completed_year', type: 'smallint', expression: 'coalesce(extract(year FROM src.completed_on)::smallint, 0::smallint)' },
    { name: 'person_key_prefix', type: 'bigint', expression: 't.person_key_prefix' },
    { name: 'trainee_id', type: 'int', expression: 'src.trainee_id' },
    { name: 'gender', type: 'text', expression: 't.gender' },
  ],
  measures: [
    { name: 'completions', type: 'int', expression: '(src.completed_on IS NOT NULL)::int' },
    { name: 'passes', type: 'int', expression: 'coalesce(src.passed, false)::int' },
  ],
};

export const CreateCompletionTally1766100000000 = tallyMigration('CreateCompletionTally1766100000000', COMPLETION_TALLY);

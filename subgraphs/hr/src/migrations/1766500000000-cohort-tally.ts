import { tallyMigration, type TallySpec } from '@rg/data-helpers';

/**
 * The trained cohort's counts by county and year completed: how many trainees completed a
 * course in the year, their completions and passes. A tally of completion_tally (a row per
 * trainee and year), kept by triggers on it, so the scorecard reads a row per county-year
 * instead of counting a province-year's 250,000 trainees on every question. A trainee's row
 * moves between `trained` 0 and 1 as its completions do (recorded, deleted), which the
 * update trigger carries over.
 */
export const COHORT_TALLY: TallySpec = {
  source: 'completion_tally',
  tally: 'cohort_tally',
  keys: [
    { name: 'region_code', type: 'char(6)', expression: 'region_code' },
    { name: 'completed_year', type: 'smallint', expression: 'completed_year' },
  ],
  measures: [
    { name: 'trained', type: 'int', expression: '(completions > 0)::int' },
    { name: 'completions', type: 'int', expression: 'completions' },
    { name: 'passes', type: 'int', expression: 'passes' },
  ],
};

export const CreateCohortTally1766500000000 = tallyMigration('CreateCohortTally1766500000000', COHORT_TALLY);

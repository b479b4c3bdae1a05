import { keySetTallyMigration, type KeySetTallySpec } from '@rg/data-helpers';

/**
 * Each county-year's trained cohort (completion_tally's rows with a completion) as the bytes of
 * a key set, and its women as another, kept by triggers on completion_tally: the key sets
 * poverty matches for a province-year are a hundred rows of bytes, not 250,000 index entries
 * aggregated on every question. A county-year is built again from completion_tally's cohort
 * index (its rows in prefix order) when a write touches it.
 */
export const COHORT_KEY_SETS: KeySetTallySpec = {
  source: 'completion_tally',
  tally: 'cohort_key_set',
  keys: [
    { name: 'region_code', type: 'char(6)' },
    { name: 'completed_year', type: 'smallint' },
  ],
  prefix: 'person_key_prefix',
  where: 's.completions > 0',
  sets: [
    { name: 'trainees' },
    { name: 'women', filter: "s.gender = 'FEMALE'" },
  ],
};

export const CreateCohortKeySets1766510000000 = keySetTallyMigration('CreateCohortKeySets1766510000000', COHORT_KEY_SETS);

import { tallyMigration, type TallySpec } from '@rg/data-helpers';

/**
 * Registered households by county: how many, how many people (a household's size is its
 * member count, kept in the same transaction as its members), how many have exited poverty.
 * The registry's region figures sum a row a county instead of reading its households.
 */
export const HOUSEHOLD_TALLY: TallySpec = {
  source: 'poor_household',
  tally: 'household_tally',
  keys: [{ name: 'region_code', type: 'char(6)', expression: 'region_code' }],
  measures: [
    { name: 'households', type: 'int', expression: '1' },
    { name: 'population', type: 'bigint', expression: 'size' },
    { name: 'exited', type: 'int', expression: '(exited_year IS NOT NULL)::int' },
  ],
};

export const CreateHouseholdTally1766000000000 = tallyMigration('CreateHouseholdTally1766000000000', HOUSEHOLD_TALLY);

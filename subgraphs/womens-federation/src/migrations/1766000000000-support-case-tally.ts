import { tallyMigration, type TallySpec } from '@rg/data-helpers';

/**
 * Support cases by county and year opened: how many, how many still open. The federation's
 * region figures sum a few rows a county instead of counting its cases.
 */
export const SUPPORT_CASE_TALLY: TallySpec = {
  source: 'women_support_case',
  tally: 'support_case_tally',
  keys: [
    { name: 'region_code', type: 'char(6)', expression: 'region_code' },
    { name: 'opened_year', type: 'smallint', expression: 'extract(year FROM opened_on)::smallint' },
  ],
  measures: [
    { name: 'cases', type: 'int', expression: '1' },
    { name: 'open', type: 'int', expression: '(closed_on IS NULL)::int' },
  ],
};

export const CreateSupportCaseTally1766000000000 = tallyMigration('CreateSupportCaseTally1766000000000', SUPPORT_CASE_TALLY);

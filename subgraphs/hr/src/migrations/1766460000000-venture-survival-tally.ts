import { tallyMigration, type TallySpec } from '@rg/data-helpers';
import { SURVIVAL_DAYS } from '@rg/scorecard';

/**
 * Ventures by county and day opened: how many, how many lasted a year (still operating, or
 * closed more than SURVIVAL_DAYS after opening), the jobs they created. The scorecard's
 * survival rate judges only ventures a year old at its reference date, a day that moves, so the
 * tally keeps the day opened: a card sums its counties' days, those old enough apart. Whether a
 * venture lasted a year does not depend on that date (a venture still operating has, once it
 * is a year old), so it is kept with the writes like any count. venture_tally (by year) cannot
 * answer it; scanning the year's ventures for every card took seconds for a province.
 */
export const VENTURE_SURVIVAL_TALLY: TallySpec = {
  source: 'venture',
  tally: 'venture_survival_tally',
  keys: [
    { name: 'region_code', type: 'char(6)', expression: 'region_code' },
    { name: 'opened_on', type: 'date', expression: 'opened_on' },
  ],
  measures: [
    { name: 'ventures', type: 'int', expression: '1' },
    { name: 'survived', type: 'int', expression: `(closed_on IS NULL OR closed_on > opened_on + ${SURVIVAL_DAYS})::int` },
    { name: 'jobs', type: 'bigint', expression: 'jobs_created' },
  ],
};

export const CreateVentureSurvivalTally1766460000000 = tallyMigration('CreateVentureSurvivalTally1766460000000', VENTURE_SURVIVAL_TALLY);

import { findRegion } from '@rg/regions';
import { badUserInput } from '@rg/api-errors';
import { checkYear } from './scorecard';
import { wholeNumber } from '@rg/settings';

/**
 * `scorecards(regionCodes, years)` answers every region for every year. The product is bounded:
 * each region-year costs every department work (a city's cohort key set, a province's roll-up),
 * and the comparisons analysts make (a city's counties, the 13 cities, over the plan's five
 * years) stay well under it. `SCORECARDS_MAX_REGION_YEARS` raises or lowers it, like the
 * gateway's other query limits.
 */
export const DEFAULT_MAX_REGION_YEARS = 200;

export function maxRegionYears(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env, 'SCORECARDS_MAX_REGION_YEARS', DEFAULT_MAX_REGION_YEARS, 1);
}

/** Every region for every year, regions first (the order the answer lists them in). */
export function regionYears(regionCodes: readonly string[], years: readonly number[]): Array<{ regionCode: string; year: number }> {
  return regionCodes.flatMap((regionCode) => years.map((year) => ({ regionCode, year })));
}

/** Refuses an empty list, an unknown code, a year the scorecard does not answer and a product over the limit. */
export function checkScorecardsArgs(regionCodes: readonly string[], years: readonly number[], limit = maxRegionYears()): void {
  if (regionCodes.length === 0) throw badUserInput('regionCodes', 'must name at least one region');
  const unknown = regionCodes.find((code) => !findRegion(code));
  if (unknown !== undefined) throw badUserInput('regionCodes', `${unknown} is not a Jiangsu GB/T 2260 region code`);
  if (years.length === 0) throw badUserInput('years', 'must name at least one year');
  for (const year of years) checkYear(year, 'years');
  const count = regionCodes.length * years.length;
  if (count > limit) {
    throw badUserInput('regionCodes', `${regionCodes.length} regions × ${years.length} years is ${count} region-years; at most ${limit} in one request`);
  }
}

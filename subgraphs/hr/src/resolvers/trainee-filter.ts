import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import { rowFilter, type RowFilter } from '@rg/data-helpers';
import type { TraineeFilter } from './trainee-types';

/**
 * The trainees list's filter as conditions on the trainee table, each served by its indexes
 * (a county with category, in id order, or with year of training; category, gender, stage,
 * person key, date of registration). Arrays and keys are typed as the columns are (char), so
 * the indexes apply.
 */
export function traineeFilter(filter: TraineeFilter | null): RowFilter {
  const rows = rowFilter();
  if (filter?.regionCode) {
    const counties = countyCodesFor(filter.regionCode);
    // One county as an equality: only then can the planner read a page off the (county,
    // category, id) index in id order; a list of counties (a city's) cannot be read in order.
    if (counties.length === 1) rows.where('region_code = ?::bpchar', counties[0]);
    else rows.where('region_code = ANY(?::bpchar[])', counties);
  }
  if (filter?.category) rows.where('category = ?', filter.category);
  if (filter?.gender) rows.where('gender = ?', filter.gender);
  if (filter?.stage) rows.where('stage = ?', filter.stage);
  if (filter?.personKey) rows.where('person_key = ?::bpchar', filter.personKey);
  if (filter?.registeredYear) rows.where('registered_on >= ?::date AND registered_on < ?::date', ...yearRange(filter.registeredYear));
  if (filter?.trainedYear) rows.where('first_completed_on >= ?::date AND first_completed_on < ?::date', ...yearRange(filter.trainedYear));
  return rows;
}

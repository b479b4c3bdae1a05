import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import { rowFilter, type RowFilter } from '@rg/data-helpers';
import type { TraineeFilter } from './trainee-types';

/**
 * The trainees list's filter as conditions on the trainee table, each served by its indexes
 * (region with category or year of training, category, gender, stage, person key, date of
 * registration). Arrays and keys are typed as the columns are (char), so the indexes apply.
 */
export function traineeFilter(filter: TraineeFilter | null): RowFilter {
  const rows = rowFilter();
  if (filter?.regionCode) rows.where('region_code = ANY(?::bpchar[])', countyCodesFor(filter.regionCode));
  if (filter?.category) rows.where('category = ?', filter.category);
  if (filter?.gender) rows.where('gender = ?', filter.gender);
  if (filter?.stage) rows.where('stage = ?', filter.stage);
  if (filter?.personKey) rows.where('person_key = ?::bpchar', filter.personKey);
  if (filter?.registeredYear) rows.where('registered_on >= ?::date AND registered_on < ?::date', ...yearRange(filter.registeredYear));
  if (filter?.trainedYear) rows.where('first_completed_on >= ?::date AND first_completed_on < ?::date', ...yearRange(filter.trainedYear));
  return rows;
}

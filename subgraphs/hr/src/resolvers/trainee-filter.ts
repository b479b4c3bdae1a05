import { countyCodesFor, yearRange } from '@rg/region-scorecard';
import type { RowFilter } from '@rg/data-helpers';
import type { TraineeFilter } from './trainee-types';

/**
 * The trainees list's filter as conditions on the trainee table, each served by its indexes
 * (region with category or year of training, category, gender, stage, person key, date of
 * registration). Arrays and keys are typed as the columns are (char), so the indexes apply.
 */
export function traineeFilter(filter: TraineeFilter | null): RowFilter {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    let text = condition;
    for (const value of values) {
      parameters.push(value);
      text = text.replace('?', `$${parameters.length}`);
    }
    conditions.push(text);
  };
  if (filter?.regionCode) add('region_code = ANY(?::bpchar[])', countyCodesFor(filter.regionCode));
  if (filter?.category) add('category = ?', filter.category);
  if (filter?.gender) add('gender = ?', filter.gender);
  if (filter?.stage) add('stage = ?', filter.stage);
  if (filter?.personKey) add('person_key = ?::bpchar', filter.personKey);
  if (filter?.registeredYear) add('registered_on >= ?::date AND registered_on < ?::date', ...yearRange(filter.registeredYear));
  if (filter?.trainedYear) add('first_completed_on >= ?::date AND first_completed_on < ?::date', ...yearRange(filter.trainedYear));
  return { conditions, parameters };
}

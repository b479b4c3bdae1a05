import type { DataSource } from 'typeorm';
import { countyCodesFor } from '@rg/region-scorecard';
import type { TraineeFilter } from './trainee-types';

/**
 * The trainees list's totalCount from `trainee_tally` (kept exact by the trainee table's
 * triggers): a sum over at most a few thousand rows instead of a count over a million. The
 * tally is keyed by county, category, year of registration and year of training; a filter on
 * anything else (gender, stage, personKey) is counted on the trainee table itself (null here).
 */
export function countFromTally(db: DataSource, filter: TraineeFilter | null): (() => Promise<number>) | null {
  if (filter?.gender || filter?.stage || filter?.personKey) return null;
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace('?', `$${params.length}`));
  };
  if (filter?.regionCode) add('region_code = ANY(?)', countyCodesFor(filter.regionCode));
  if (filter?.category) add('category = ?', filter.category);
  if (filter?.registeredYear) add('registered_year = ?', filter.registeredYear);
  if (filter?.trainedYear) add('trained_year = ?', filter.trainedYear);
  return async () => {
    const [{ total }] = await db.query(
      `SELECT coalesce(sum(trainees), 0)::int AS total FROM trainee_tally ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return total;
  };
}

import type { DataSource } from 'typeorm';
import { countByRegionAndYear } from '@rg/region-scorecard';

export { scorecardKey } from '@rg/region-scorecard';

export interface AgricultureScorecardFigures {
  newParks: number;
}

/**
 * Returnee parks opened per region and year (the plan counts those, not every incubator):
 * every scorecard of a request in one grouped statement.
 */
export async function scorecardFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, AgricultureScorecardFigures>> {
  const counts = await countByRegionAndYear(db, keys, { table: 'incubator_park', dateColumn: 'opened_on', condition: "kind = 'RETURNEE_PARK'" });
  return new Map([...counts].map(([key, newParks]) => [key, { newParks }]));
}

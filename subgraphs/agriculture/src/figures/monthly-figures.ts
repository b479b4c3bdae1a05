import type { DataSource } from 'typeorm';
import { countByMonth } from '@rg/region-scorecard';

export interface AgricultureMonthFigures {
  parksOpened: number;
}

/**
 * Returnee parks opened in each month of every region-year asked for, in one grouped
 * statement: the parks the scorecard's newParks counts, so the twelve months add up to it.
 */
export async function monthlyFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, AgricultureMonthFigures[]>> {
  const counts = await countByMonth(db, keys, { table: 'incubator_park', dateColumn: 'opened_on', condition: "kind = 'RETURNEE_PARK'" });
  return new Map([...counts].map(([key, months]) => [key, months.map((parksOpened) => ({ parksOpened }))]));
}

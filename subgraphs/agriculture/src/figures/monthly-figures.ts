import type { DataSource } from 'typeorm';
import { countByMonth } from '@rg/region-scorecard';

export interface AgricultureMonthFigures {
  parksOpened: number;
}

/** Parks opened in each month of every region-year asked for: one grouped statement. */
export async function monthlyFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, AgricultureMonthFigures[]>> {
  const counts = await countByMonth(db, keys, { table: 'incubator_park', dateColumn: 'opened_on' });
  return new Map([...counts].map(([key, months]) => [key, months.map((parksOpened) => ({ parksOpened }))]));
}

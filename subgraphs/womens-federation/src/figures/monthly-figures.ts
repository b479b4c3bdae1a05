import type { DataSource } from 'typeorm';
import { countByMonth } from '@rg/region-scorecard';

export interface WomensFederationMonthFigures extends Record<string, number> {
  womenSupportCasesOpened: number;
  womenSupportCasesClosed: number;
}

/** Support cases opened and closed in each month of every region-year asked for: two grouped statements. */
export async function monthlyFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, WomensFederationMonthFigures[]>> {
  const [opened, closed] = await Promise.all([
    countByMonth(db, keys, { table: 'women_support_case', dateColumn: 'opened_on' }),
    countByMonth(db, keys, { table: 'women_support_case', dateColumn: 'closed_on' }),
  ]);
  return new Map([...opened].map(([key, months]) => [key, months.map((womenSupportCasesOpened, i) => ({
    womenSupportCasesOpened, womenSupportCasesClosed: closed.get(key)![i],
  }))]));
}

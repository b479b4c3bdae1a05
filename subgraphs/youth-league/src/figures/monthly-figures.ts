import type { DataSource } from 'typeorm';
import { countByMonth } from '@rg/region-scorecard';

export interface YouthLeagueMonthFigures {
  storiesPublished: number;
}

/** Stories published in each month of every region-year asked for (drafts have no date): one grouped statement. */
export async function monthlyFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, YouthLeagueMonthFigures[]>> {
  const counts = await countByMonth(db, keys, { table: 'success_story', dateColumn: 'published_on' });
  return new Map([...counts].map(([key, months]) => [key, months.map((storiesPublished) => ({ storiesPublished }))]));
}

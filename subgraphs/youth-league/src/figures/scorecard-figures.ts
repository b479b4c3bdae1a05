import type { DataSource } from 'typeorm';
import { countByRegionAndYear } from '@rg/region-scorecard';

export { scorecardKey } from '@rg/region-scorecard';

export interface YouthLeagueScorecardFigures {
  storiesPublished: number;
}

/** Stories published per region and year: every scorecard of a request in one grouped statement. */
export async function scorecardFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, YouthLeagueScorecardFigures>> {
  const counts = await countByRegionAndYear(db, keys, { table: 'success_story', dateColumn: 'published_on' });
  return new Map([...counts].map(([key, storiesPublished]) => [key, { storiesPublished }]));
}

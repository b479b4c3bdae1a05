import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp } from '@rg/region-scorecard';

export interface YouthLeagueRegionFigures extends Record<string, number> {
  storyCount: number;
  awardCount: number;
}

const zero = (): YouthLeagueRegionFigures => ({ storyCount: 0, awardCount: 0 });

/** youth-league's all-time figures for each region: one grouped statement for any number of regions. */
export async function regionFigures(
  db: DataSource,
  codes: readonly string[],
): Promise<Map<string, YouthLeagueRegionFigures>> {
  const rows: Array<YouthLeagueRegionFigures & { county: string }> = await db.query(
    `WITH counties AS (SELECT unnest($1::char(6)[]) AS county)
     SELECT c.county,
       (SELECT count(*) FROM success_story s WHERE s.region_code = c.county AND s.published_on IS NOT NULL) AS "storyCount",
       (SELECT count(*) FROM award a WHERE a.region_code = c.county) AS "awardCount"
     FROM counties c`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

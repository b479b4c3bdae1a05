import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp, yearRange } from '@rg/subgraph-kit';

export interface YouthLeagueScorecardFigures extends Record<string, number> {
  storiesPublished: number;
}

const zero = (): YouthLeagueScorecardFigures => ({ storiesPublished: 0 });

/** Scorecard keys are "regionCode:year". */
export function scorecardKey(regionCode: string, year: number): string {
  return `${regionCode}:${year}`;
}

/**
 * Every requested (region, year) in one statement grouped by county and year; each year's
 * county rows are then rolled up to the regions asked for in that year.
 */
export async function scorecardFigures(
  db: DataSource,
  keys: readonly string[],
): Promise<Map<string, YouthLeagueScorecardFigures>> {
  const wanted = keys.map((key) => {
    const [regionCode, year] = key.split(':');
    return { key, regionCode, year: Number(year) };
  });
  const years = wanted.map((w) => w.year);
  const [from] = yearRange(Math.min(...years));
  const [, to] = yearRange(Math.max(...years));
  const rows: Array<YouthLeagueScorecardFigures & { county: string; year: number }> = await db.query(
    `SELECT region_code AS county, date_part('year', published_on)::int AS year, count(*) AS "storiesPublished"
     FROM success_story
     WHERE region_code = ANY($1) AND published_on >= $2 AND published_on < $3
     GROUP BY 1, 2`,
    [countiesUnderAll(wanted.map((w) => w.regionCode)), from, to],
  );
  const result = new Map<string, YouthLeagueScorecardFigures>();
  for (const year of new Set(years)) {
    const counties = new Map(rows.filter((r) => r.year === year).map((r) => [r.county.trim(), r]));
    const regions = wanted.filter((w) => w.year === year);
    const totals = rollUp(regions.map((w) => w.regionCode), counties, zero);
    for (const w of regions) result.set(w.key, totals.get(w.regionCode)!);
  }
  return result;
}

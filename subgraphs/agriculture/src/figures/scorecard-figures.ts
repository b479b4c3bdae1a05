import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp, yearRange } from '@rg/subgraph-kit';

export interface AgricultureScorecardFigures extends Record<string, number> {
  newParks: number;
}

const zero = (): AgricultureScorecardFigures => ({ newParks: 0 });

/** Scorecard keys are "regionCode:year". */
export function scorecardKey(regionCode: string, year: number): string {
  return `${regionCode}:${year}`;
}

/**
 * Parks opened per region and year, for every scorecard of a request in one grouped
 * statement: counts per county and year, rolled up to each card's region in memory.
 */
export async function scorecardFigures(
  db: DataSource, keys: readonly string[],
): Promise<Map<string, AgricultureScorecardFigures>> {
  const cards = keys.map((key) => {
    const [regionCode, year] = key.split(':');
    return { key, regionCode, year: Number(year) };
  });
  const years = cards.map((c) => c.year);
  const [from] = yearRange(Math.min(...years));
  const [, to] = yearRange(Math.max(...years));
  const rows: Array<{ county: string; year: number; newParks: string }> = await db.query(
    `SELECT region_code AS county, extract(year FROM opened_on)::int AS year, count(*) AS "newParks"
     FROM incubator_park
     WHERE region_code = ANY($1) AND opened_on >= $2 AND opened_on < $3
     GROUP BY region_code, extract(year FROM opened_on)`,
    [countiesUnderAll(cards.map((c) => c.regionCode)), from, to],
  );
  const byYear = new Map<number, Map<string, AgricultureScorecardFigures>>();
  for (const row of rows) {
    const counties = byYear.get(row.year) ?? new Map<string, AgricultureScorecardFigures>();
    counties.set(row.county.trim(), { newParks: Number(row.newParks) });
    byYear.set(row.year, counties);
  }
  const result = new Map<string, AgricultureScorecardFigures>();
  for (const card of cards) {
    const counties = byYear.get(card.year) ?? new Map<string, AgricultureScorecardFigures>();
    result.set(card.key, rollUp([card.regionCode], counties, zero).get(card.regionCode)!);
  }
  return result;
}

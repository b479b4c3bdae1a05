import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp, yearRange } from './roll-up';

/** A scorecard's DataLoader key: "regionCode:year". */
export function scorecardKey(regionCode: string, year: number): string {
  return `${regionCode}:${year}`;
}

export function parseScorecardKey(key: string): { regionCode: string; year: number } {
  const [regionCode, year] = key.split(':');
  return { regionCode, year: Number(year) };
}

export interface YearlyCount {
  /** The department's table (a constant of its own code, never input). */
  table: string;
  /** The date column that places a record in a year. */
  dateColumn: string;
  /** Which records count (a constant of the department's own code, never input); all when absent. */
  condition?: string;
}

/**
 * Records per region and year for every scorecard of a request, in one statement: counted
 * per county and year, then rolled up to each card's region.
 */
export async function countByRegionAndYear(db: DataSource, keys: readonly string[], spec: YearlyCount): Promise<Map<string, number>> {
  const cards = keys.map((key) => ({ key, ...parseScorecardKey(key) }));
  const years = cards.map((c) => c.year);
  const [from] = yearRange(Math.min(...years));
  const [, to] = yearRange(Math.max(...years));
  const rows: Array<{ county: string; year: number; count: string }> = await db.query(
    `SELECT region_code AS county, extract(year FROM ${spec.dateColumn})::int AS year, count(*) AS count
     FROM ${spec.table}
     WHERE region_code = ANY($1) AND ${spec.dateColumn} >= $2 AND ${spec.dateColumn} < $3 ${spec.condition ? `AND (${spec.condition})` : ''}
     GROUP BY 1, 2`,
    [countiesUnderAll(cards.map((c) => c.regionCode)), from, to],
  );
  const byYear = new Map<number, Map<string, { count: number }>>();
  for (const row of rows) {
    const counties = byYear.get(row.year) ?? new Map<string, { count: number }>();
    counties.set(row.county.trim(), { count: Number(row.count) });
    byYear.set(row.year, counties);
  }
  return new Map(cards.map((card) => {
    const counties = byYear.get(card.year) ?? new Map<string, { count: number }>();
    return [card.key, rollUp([card.regionCode], counties, () => ({ count: 0 })).get(card.regionCode)!.count];
  }));
}

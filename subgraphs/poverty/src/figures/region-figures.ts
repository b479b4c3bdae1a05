import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp } from '@rg/region-scorecard';

export interface PovertyRegionFigures extends Record<string, number> {
  poorHouseholdCount: number;
  poorPopulation: number;
  exitedHouseholdCount: number;
}

const zero = (): PovertyRegionFigures => ({ poorHouseholdCount: 0, poorPopulation: 0, exitedHouseholdCount: 0 });

/** The registry's all-time figures for each region: one grouped statement for any number of regions. */
export async function regionFigures(db: DataSource, codes: readonly string[]): Promise<Map<string, PovertyRegionFigures>> {
  // size is the household's member count: registerHousehold and addMember keep it so in the
  // same transaction that writes the member. Summing it reads only the region's households,
  // where counting member rows would scan the province's members for a province question.
  const rows: Array<PovertyRegionFigures & { county: string }> = await db.query(
    `SELECT region_code AS county,
       count(*) AS "poorHouseholdCount",
       sum(size) AS "poorPopulation",
       count(*) FILTER (WHERE exited_year IS NOT NULL) AS "exitedHouseholdCount"
     FROM poor_household
     WHERE region_code = ANY($1)
     GROUP BY region_code`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

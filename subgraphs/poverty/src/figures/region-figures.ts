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
  // household_tally is kept by the writes: a row a county, summed, instead of the county's
  // households (a household's size is its member count: registerHousehold and addMember keep
  // it so in the same transaction that writes the member).
  const rows: Array<PovertyRegionFigures & { county: string }> = await db.query(
    `SELECT region_code AS county,
       sum(households) AS "poorHouseholdCount",
       sum(population) AS "poorPopulation",
       sum(exited) AS "exitedHouseholdCount"
     FROM household_tally
     WHERE region_code = ANY($1::char(6)[])
     GROUP BY region_code`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

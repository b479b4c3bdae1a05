import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp } from '@rg/subgraph-kit';

export interface PovertyRegionFigures extends Record<string, number> {
  poorHouseholdCount: number;
  poorPopulation: number;
  exitedHouseholdCount: number;
}

const zero = (): PovertyRegionFigures => ({ poorHouseholdCount: 0, poorPopulation: 0, exitedHouseholdCount: 0 });

/** The registry's all-time figures for each region: one grouped statement for any number of regions. */
export async function regionFigures(db: DataSource, codes: readonly string[]): Promise<Map<string, PovertyRegionFigures>> {
  // Members are counted per household through the household index (LATERAL), so a county's
  // question reads that county's members only, not the whole registry's.
  const rows: Array<PovertyRegionFigures & { county: string }> = await db.query(
    `SELECT h.region_code AS county,
       count(*) AS "poorHouseholdCount",
       coalesce(sum(m.members), 0) AS "poorPopulation",
       count(*) FILTER (WHERE h.exited_year IS NOT NULL) AS "exitedHouseholdCount"
     FROM poor_household h
     CROSS JOIN LATERAL (SELECT count(*) AS members FROM household_member m WHERE m.household_id = h.id) m
     WHERE h.region_code = ANY($1)
     GROUP BY h.region_code`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

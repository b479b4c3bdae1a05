import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp } from '@rg/region-scorecard';

export interface WomensFederationRegionFigures extends Record<string, number> {
  womenSupportCaseCount: number;
  openWomenSupportCaseCount: number;
}

const zero = (): WomensFederationRegionFigures => ({ womenSupportCaseCount: 0, openWomenSupportCaseCount: 0 });

/** The federation's all-time figures for each region: one grouped statement for any number of regions. */
export async function regionFigures(
  db: DataSource,
  codes: readonly string[],
): Promise<Map<string, WomensFederationRegionFigures>> {
  // support_case_tally is kept by the writes: a few rows a county (one a year), not its cases.
  const rows: Array<WomensFederationRegionFigures & { county: string }> = await db.query(
    `SELECT region_code AS county,
       sum(cases) AS "womenSupportCaseCount",
       sum(open) AS "openWomenSupportCaseCount"
     FROM support_case_tally
     WHERE region_code = ANY($1::char(6)[])
     GROUP BY region_code`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp } from '@rg/region-scorecard';

export interface HrRegionFigures extends Record<string, number> {
  traineeCount: number;
  ventureCount: number;
  operatingVentureCount: number;
  jobsCreated: number;
  loansIssuedYuan: number;
  /** People who borrowed: how many the loan total rests on (disclosure control). */
  borrowerCount: number;
}

export const zero = (): HrRegionFigures => ({
  traineeCount: 0, ventureCount: 0, operatingVentureCount: 0, jobsCreated: 0, loansIssuedYuan: 0, borrowerCount: 0,
});

/** hr's all-time figures for each region: one grouped statement for any number of regions. */
export async function regionFigures(db: DataSource, codes: readonly string[]): Promise<Map<string, HrRegionFigures>> {
  const rows: Array<HrRegionFigures & { county: string }> = await db.query(
    `WITH counties AS (SELECT unnest($1::text[]) AS county)
     SELECT c.county,
       (SELECT coalesce(sum(trainees), 0) FROM trainee_tally WHERE region_code = c.county) AS "traineeCount",
       v."ventureCount", v."operatingVentureCount", v."jobsCreated",
       (SELECT coalesce(sum(l.amount_yuan), 0) FROM loan l JOIN trainee t ON t.id = l.borrower_id
         WHERE t.region_code = c.county) AS "loansIssuedYuan",
       (SELECT count(DISTINCT l.borrower_id) FROM loan l JOIN trainee t ON t.id = l.borrower_id
         WHERE t.region_code = c.county) AS "borrowerCount"
     FROM counties c
     -- Counts kept by the writes (trainee_tally, venture_tally): a few rows a county, not its records.
     CROSS JOIN LATERAL (SELECT coalesce(sum(ventures), 0) AS "ventureCount", coalesce(sum(operating), 0) AS "operatingVentureCount",
       coalesce(sum(jobs), 0) AS "jobsCreated" FROM venture_tally WHERE region_code = c.county) v`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

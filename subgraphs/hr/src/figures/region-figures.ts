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
  // Counts kept by the writes (trainee_tally, venture_tally, loan_tally): a few rows a county,
  // not its records. The counties travel as char(6), the columns' type, so each is an index lookup.
  const rows: Array<HrRegionFigures & { county: string }> = await db.query(
    `WITH counties AS (SELECT unnest($1::char(6)[]) AS county)
     SELECT c.county,
       (SELECT coalesce(sum(trainees), 0) FROM trainee_tally WHERE region_code = c.county) AS "traineeCount",
       v."ventureCount", v."operatingVentureCount", v."jobsCreated", l."loansIssuedYuan", l."borrowerCount"
     FROM counties c
     CROSS JOIN LATERAL (SELECT coalesce(sum(ventures), 0) AS "ventureCount", coalesce(sum(operating), 0) AS "operatingVentureCount",
       coalesce(sum(jobs), 0) AS "jobsCreated" FROM venture_tally WHERE region_code = c.county) v
     CROSS JOIN LATERAL (SELECT coalesce(sum(amount_yuan), 0) AS "loansIssuedYuan", count(DISTINCT borrower_id) AS "borrowerCount"
       FROM loan_tally WHERE region_code = c.county AND loans > 0) l`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

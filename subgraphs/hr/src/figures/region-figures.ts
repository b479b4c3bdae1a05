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
       (SELECT count(*) FROM trainee t WHERE t.region_code = c.county) AS "traineeCount",
       (SELECT count(*) FROM venture v WHERE v.region_code = c.county) AS "ventureCount",
       (SELECT count(*) FROM venture v WHERE v.region_code = c.county AND v.closed_on IS NULL) AS "operatingVentureCount",
       (SELECT coalesce(sum(v.jobs_created), 0) FROM venture v WHERE v.region_code = c.county) AS "jobsCreated",
       (SELECT coalesce(sum(l.amount_yuan), 0) FROM loan l JOIN trainee t ON t.id = l.borrower_id
         WHERE t.region_code = c.county) AS "loansIssuedYuan",
       (SELECT count(DISTINCT l.borrower_id) FROM loan l JOIN trainee t ON t.id = l.borrower_id
         WHERE t.region_code = c.county) AS "borrowerCount"
     FROM counties c`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp } from '@rg/region-scorecard';
import { DesignationKind } from '../entities/designation-enums';

/** Designations in force per kind (a record with a count for each kind). */
export type DesignationCounts = Record<DesignationKind, number>;

const zero = (): DesignationCounts =>
  Object.fromEntries(Object.values(DesignationKind).map((kind) => [kind, 0])) as DesignationCounts;

/**
 * Designations in force in each region, per kind: designated and never revoked (a revocation
 * ends one; RECTIFY keeps it). One grouped statement for any number of regions.
 */
export async function activeDesignationCounts(db: DataSource, codes: readonly string[]): Promise<Map<string, DesignationCounts>> {
  const rows: Array<{ county: string; kind: DesignationKind; n: number }> = await db.query(
    `SELECT d.region_code AS county, d.kind, count(*)::int AS n FROM designation d
     WHERE d.region_code = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM designation_review r WHERE r.designation_id = d.id AND r.result = 'REVOKED')
     GROUP BY d.region_code, d.kind`,
    [countiesUnderAll(codes)],
  );
  const byCounty = new Map<string, DesignationCounts>();
  for (const row of rows) {
    const county = row.county.trim();
    const counts = byCounty.get(county) ?? zero();
    counts[row.kind] = row.n;
    byCounty.set(county, counts);
  }
  return rollUp(codes, byCounty, zero);
}

import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp } from '@rg/region-scorecard';

export interface AgricultureRegionFigures extends Record<string, number> {
  parkCount: number;
  parkCapacity: number;
  residentVentureCount: number;
}

const zero = (): AgricultureRegionFigures => ({ parkCount: 0, parkCapacity: 0, residentVentureCount: 0 });

/** agriculture's current figures for each region: one grouped statement for any number of regions. */
export async function regionFigures(
  db: DataSource, codes: readonly string[],
): Promise<Map<string, AgricultureRegionFigures>> {
  const rows: Array<AgricultureRegionFigures & { county: string }> = await db.query(
    `SELECT p.region_code AS county,
       count(*) AS "parkCount",
       sum(p.capacity) AS "parkCapacity",
       coalesce(sum(o.residents), 0) AS "residentVentureCount"
     FROM incubator_park p
     LEFT JOIN (SELECT park_id, count(*) AS residents FROM residency WHERE left_on IS NULL GROUP BY park_id) o
       ON o.park_id = p.id
     WHERE p.region_code = ANY($1)
     GROUP BY p.region_code`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}

import type { DataSource } from 'typeorm';
import { countiesUnder } from '@rg/regions';
import { yearRange } from '@rg/region-scorecard';
import { OPENING_WINDOW_DAYS } from '@rg/scorecard';

/** One institution's year as its records show it: what the league table ranks. */
export interface InstitutionYear {
  institutionId: number;
  completions: number;
  passes: number;
  /** Completions followed by a business the trainee opened within six months. */
  venturesWithin6m: number;
  /** Mean satisfaction of the completions that gave one; null if none did. */
  satisfaction: number | null;
  /** Barred on or before the year's end. */
  debarred: boolean;
}

/**
 * Every institution of the region with a completion in the year, from the enrolments: the
 * evaluation's three measures (000 §3.7) counted the same way for all, not as each reports them.
 */
export async function institutionYears(db: DataSource, regionCode: string, year: number): Promise<InstitutionYear[]> {
  const [from, to] = yearRange(year);
  const rows: Array<Record<string, string | null>> = await db.query(
    `WITH done AS MATERIALIZED (
       SELECT c.institution_id, e.trainee_id, e.passed, e.satisfaction, e.completed_on
       FROM enrolment e JOIN course c ON c.id = e.course_id JOIN training_institution i ON i.id = c.institution_id
       WHERE i.region_code = ANY($1) AND e.completed_on >= $2 AND e.completed_on < $3)
     SELECT d.institution_id AS "institutionId", count(*) AS completions,
       count(*) FILTER (WHERE d.passed) AS passes,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = d.trainee_id
         AND v.opened_on >= d.completed_on AND v.opened_on <= d.completed_on + ${OPENING_WINDOW_DAYS})) AS "venturesWithin6m",
       avg(d.satisfaction)::float8 AS satisfaction,
       EXISTS (SELECT 1 FROM institution_debarment b WHERE b.institution_id = d.institution_id AND b.debarred_on < $3) AS debarred
     FROM done d GROUP BY d.institution_id`,
    [countiesUnder(regionCode), from, to],
  );
  return rows.map((r) => ({
    institutionId: Number(r.institutionId),
    completions: Number(r.completions),
    passes: Number(r.passes),
    venturesWithin6m: Number(r.venturesWithin6m),
    satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
    debarred: Boolean(r.debarred),
  }));
}

import type { DataSource } from 'typeorm';
import { countiesUnder } from '@rg/regions';
import { encodeKeySet, parseScorecardKey, yearRange } from '@rg/subgraph-kit';
import { OPENING_WINDOW_DAYS, SURVIVAL_DAYS } from '@rg/scorecard';

export interface HrScorecardFigures {
  trained: number;
  completions: number;
  passes: number;
  openingCohort: number;
  openedWithinWindow: number;
  ventures: number;
  jobsCreated: number;
  survivedOneYear: number;
  loansIssuedYuan: number;
  /** The trained cohort's person-key prefixes, for poverty to match against its registry. */
  traineeKeySet: string;
  womenTraineeKeySet: string;
}

export { scorecardKey } from '@rg/subgraph-kit';

async function figuresFor(db: DataSource, regionCode: string, year: number): Promise<HrScorecardFigures> {
  const counties = countiesUnder(regionCode);
  const [from, to] = yearRange(year);
  const params = [counties, from, to];
  // The trained cohort: trainees of the region with a course completed in the year.
  const cohort = `SELECT DISTINCT t.id, t.person_key_prefix, t.gender FROM trainee t
    JOIN enrolment e ON e.trainee_id = t.id
    WHERE t.region_code = ANY($1) AND e.completed_on >= $2 AND e.completed_on < $3`;
  const [trained, completions, opening, ventures, loans] = await Promise.all([
    db.query(`SELECT person_key_prefix AS prefix, gender FROM (${cohort}) c`, params),
    db.query(
      `SELECT count(*) AS completions, count(*) FILTER (WHERE e.passed) AS passes
       FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
       WHERE t.region_code = ANY($1) AND e.completed_on >= $2 AND e.completed_on < $3`,
      params,
    ),
    db.query(
      `SELECT count(*) AS cohort,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id
           AND v.opened_on >= t.first_completed_on AND v.opened_on <= t.first_completed_on + ${OPENING_WINDOW_DAYS})) AS opened
       FROM trainee t
       WHERE t.region_code = ANY($1) AND t.first_completed_on >= $2 AND t.first_completed_on < $3`,
      params,
    ),
    db.query(
      `SELECT count(*) AS ventures, coalesce(sum(jobs_created), 0) AS jobs,
         count(*) FILTER (WHERE closed_on IS NULL OR closed_on > opened_on + ${SURVIVAL_DAYS}) AS survived
       FROM venture WHERE region_code = ANY($1) AND opened_on >= $2 AND opened_on < $3`,
      params,
    ),
    db.query(
      `SELECT coalesce(sum(l.amount_yuan), 0) AS total FROM loan l JOIN trainee t ON t.id = l.borrower_id
       WHERE t.region_code = ANY($1) AND l.issued_on >= $2 AND l.issued_on < $3`,
      params,
    ),
  ]);
  const prefixes = trained as Array<{ prefix: string; gender: string }>;
  return {
    trained: prefixes.length,
    completions: Number(completions[0].completions),
    passes: Number(completions[0].passes),
    openingCohort: Number(opening[0].cohort),
    openedWithinWindow: Number(opening[0].opened),
    ventures: Number(ventures[0].ventures),
    jobsCreated: Number(ventures[0].jobs),
    survivedOneYear: Number(ventures[0].survived),
    loansIssuedYuan: Number(loans[0].total),
    traineeKeySet: encodeKeySet(prefixes.map((p) => p.prefix)),
    womenTraineeKeySet: encodeKeySet(prefixes.filter((p) => p.gender === 'FEMALE').map((p) => p.prefix)),
  };
}

export async function scorecardFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, HrScorecardFigures>> {
  const entries = await Promise.all(
    keys.map(async (key) => {
      const { regionCode, year } = parseScorecardKey(key);
      return [key, await figuresFor(db, regionCode, year)] as const;
    }),
  );
  return new Map(entries);
}

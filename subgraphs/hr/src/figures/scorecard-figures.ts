import type { DataSource } from 'typeorm';
import { countiesUnder } from '@rg/regions';
import { aggregateCache } from '@rg/data-helpers';
import { parseScorecardKey, yearRange } from '@rg/region-scorecard';
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
  /** People who borrowed in the year: how many the loan total rests on (disclosure control). */
  borrowers: number;
  /** The trained cohort's person-key prefixes, for poverty to match against its registry. */
  traineeKeySet: string;
  womenTraineeKeySet: string;
}

export { scorecardKey } from '@rg/region-scorecard';

/** Key sets are built by PostgreSQL: sorted 8-byte big-endian prefixes, base64 (see kit key-set.ts). */
const KEY_SET = `translate(encode(string_agg(int8send(prefix), ''::bytea ORDER BY prefix), 'base64'), E'\\n', '')`;

async function figuresFor(db: DataSource, regionCode: string, year: number): Promise<HrScorecardFigures> {
  const counties = countiesUnder(regionCode);
  const [from, to] = yearRange(year);
  const params = [counties, from, to];
  const [training, opening, ventures, loans] = await Promise.all([
    // The year's completions and, from them, the trained cohort with its key sets: one scan.
    db.query(
      `WITH done AS MATERIALIZED (
         SELECT e.trainee_id, e.passed, t.person_key_prefix AS prefix, t.gender
         FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
         WHERE e.completed_on >= $2 AND e.completed_on < $3 AND t.region_code = ANY($1)),
       cohort AS MATERIALIZED (SELECT DISTINCT trainee_id, prefix, gender FROM done)
       SELECT (SELECT count(*) FROM done) AS completions,
         (SELECT count(*) FROM done WHERE passed) AS passes,
         (SELECT count(*) FROM cohort) AS trained,
         (SELECT ${KEY_SET} FROM cohort) AS key_set,
         (SELECT ${KEY_SET} FROM cohort WHERE gender = 'FEMALE') AS women_key_set`,
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
      `SELECT coalesce(sum(l.amount_yuan), 0) AS total, count(DISTINCT l.borrower_id) AS borrowers FROM loan l JOIN trainee t ON t.id = l.borrower_id
       WHERE t.region_code = ANY($1) AND l.issued_on >= $2 AND l.issued_on < $3`,
      params,
    ),
  ]);
  const t = training[0];
  return {
    trained: Number(t.trained),
    completions: Number(t.completions),
    passes: Number(t.passes),
    openingCohort: Number(opening[0].cohort),
    openedWithinWindow: Number(opening[0].opened),
    ventures: Number(ventures[0].ventures),
    jobsCreated: Number(ventures[0].jobs),
    survivedOneYear: Number(ventures[0].survived),
    loansIssuedYuan: Number(loans[0].total),
    borrowers: Number(loans[0].borrowers),
    traineeKeySet: t.key_set ?? '',
    womenTraineeKeySet: t.women_key_set ?? '',
  };
}

export async function scorecardFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, HrScorecardFigures>> {
  const entries = await Promise.all(
    keys.map(async (key) => {
      const { regionCode, year } = parseScorecardKey(key);
      return [key, await aggregateCache<HrScorecardFigures>(db, 'scorecard').get(key, () => figuresFor(db, regionCode, year))] as const;
    }),
  );
  return new Map(entries);
}

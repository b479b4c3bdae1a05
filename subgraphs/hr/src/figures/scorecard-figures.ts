import type { DataSource } from 'typeorm';
import { countiesUnder } from '@rg/regions';
import { aggregateCache } from '@rg/data-helpers';
import { parseScorecardKey, scorecardReferenceDate, yearRange } from '@rg/region-scorecard';
import { OPENING_WINDOW_DAYS, SURVIVAL_DAYS } from '@rg/scorecard';

export interface HrScorecardFigures {
  trained: number;
  completions: number;
  passes: number;
  /** First trained in the year and whose six months had passed by the reference date: the opening rate's cohort. */
  openingCohort: number;
  openedWithinWindow: number;
  /** First trained in the year, six months not yet passed: left out of the opening rate. */
  openingTooRecent: number;
  ventures: number;
  jobsCreated: number;
  /** Ventures opened in the year at least a year before the reference date: the survival rate's cohort. */
  survivalCohort: number;
  survivedOneYear: number;
  /** Ventures opened in the year less than a year before the reference date. */
  survivalTooRecent: number;
  /** The day the figures are as of. */
  referenceDate: string;
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

async function figuresFor(db: DataSource, regionCode: string, year: number, referenceDate: string): Promise<HrScorecardFigures> {
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
    // Only trainees whose window had closed by the reference date are judged: one still inside
    // it may yet open, so counting them would understate the rate.
    db.query(
      `SELECT count(*) FILTER (WHERE mature) AS cohort,
         count(*) FILTER (WHERE mature AND EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id
           AND v.opened_on >= t.first_completed_on AND v.opened_on <= t.first_completed_on + ${OPENING_WINDOW_DAYS})) AS opened,
         count(*) FILTER (WHERE NOT mature) AS too_recent
       FROM trainee t, LATERAL (SELECT t.first_completed_on + ${OPENING_WINDOW_DAYS} <= $4::date AS mature) m
       WHERE t.region_code = ANY($1) AND t.first_completed_on >= $2 AND t.first_completed_on < $3`,
      [...params, referenceDate],
    ),
    // Likewise survival: a venture less than a year old has not survived a year yet, whatever its state.
    db.query(
      `SELECT count(*) AS ventures, coalesce(sum(jobs_created), 0) AS jobs,
         count(*) FILTER (WHERE mature) AS survival_cohort,
         count(*) FILTER (WHERE mature AND (closed_on IS NULL OR closed_on > opened_on + ${SURVIVAL_DAYS})) AS survived,
         count(*) FILTER (WHERE NOT mature) AS too_recent
       FROM venture, LATERAL (SELECT opened_on + ${SURVIVAL_DAYS} <= $4::date AS mature) m
       WHERE region_code = ANY($1) AND opened_on >= $2 AND opened_on < $3`,
      [...params, referenceDate],
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
    openingTooRecent: Number(opening[0].too_recent),
    ventures: Number(ventures[0].ventures),
    jobsCreated: Number(ventures[0].jobs),
    survivalCohort: Number(ventures[0].survival_cohort),
    survivedOneYear: Number(ventures[0].survived),
    survivalTooRecent: Number(ventures[0].too_recent),
    referenceDate,
    loansIssuedYuan: Number(loans[0].total),
    borrowers: Number(loans[0].borrowers),
    traineeKeySet: t.key_set ?? '',
    womenTraineeKeySet: t.women_key_set ?? '',
  };
}

export async function scorecardFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, HrScorecardFigures>> {
  const referenceDate = scorecardReferenceDate();
  const entries = await Promise.all(
    keys.map(async (key) => {
      const { regionCode, year } = parseScorecardKey(key);
      const cached = aggregateCache<HrScorecardFigures>(db, 'scorecard').get(`${key}@${referenceDate}`, () => figuresFor(db, regionCode, year, referenceDate));
      return [key, await cached] as const;
    }),
  );
  return new Map(entries);
}

import type { DataSource } from 'typeorm';
import { aggregateCache } from '@rg/data-helpers';
import { byCard, cardBatch, cardParameters, CARDS_CTE, scorecardReferenceDate } from '@rg/region-scorecard';
import { SURVIVAL_DAYS } from '@rg/scorecard';
import { openingRates } from './opening-rate';

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
const keySet = (filter = '') =>
  `translate(encode(string_agg(int8send(prefix), ''::bytea ORDER BY prefix)${filter}, 'base64'), E'\\n', '')`;

const zeroRow = () => ({
  completions: 0, passes: 0, trained: 0, key_set: null, women_key_set: null, ventures: 0, jobs: 0, survival_cohort: 0,
  survived: 0, too_recent: 0, total: 0, borrowers: 0,
});

/**
 * Every scorecard of a request in four statements, however many region-years it asks for:
 * each statement joins the records to the batch's cards (region-year spread over its
 * counties, see cardBatch) and groups by card.
 */
async function figuresFor(db: DataSource, keys: readonly string[], referenceDate: string): Promise<Map<string, HrScorecardFigures>> {
  const batch = cardBatch(keys);
  const params = cardParameters(batch);
  const [training, opening, ventures, loans] = await Promise.all([
    // The year's completions and the trained cohort with its key sets, from completion_tally
    // (a row per trainee, county and year completed): a range of its key per county, not the
    // year's enrolments joined to a million trainees.
    db.query(
      `WITH ${CARDS_CTE},
       cohort AS (
         SELECT c.card, k.person_key_prefix AS prefix, k.gender, k.completions, k.passes
         FROM completion_tally k JOIN cards c ON c.county = k.region_code AND c.year = k.completed_year
         WHERE k.region_code = ANY($4) AND k.completed_year = ANY($3::smallint[]) AND k.completions > 0)
       SELECT card, sum(completions) AS completions, sum(passes) AS passes, count(*) AS trained,
         ${keySet()} AS key_set, ${keySet(" FILTER (WHERE gender = 'FEMALE')")} AS women_key_set
       FROM cohort GROUP BY card`,
      params.slice(0, 4),
    ),
    // Kept with the writes in opening_tally (see opening-rate.ts).
    openingRates(db, batch, referenceDate),
    // Likewise survival: a venture less than a year old has not survived a year yet, whatever its state.
    db.query(
      `WITH ${CARDS_CTE}
       SELECT c.card, count(*) AS ventures, coalesce(sum(v.jobs_created), 0) AS jobs,
         count(*) FILTER (WHERE m.mature) AS survival_cohort,
         count(*) FILTER (WHERE m.mature AND (v.closed_on IS NULL OR v.closed_on > v.opened_on + ${SURVIVAL_DAYS})) AS survived,
         count(*) FILTER (WHERE NOT m.mature) AS too_recent
       FROM venture v JOIN cards c ON c.county = v.region_code AND c.year = extract(year FROM v.opened_on)::int,
         LATERAL (SELECT v.opened_on + ${SURVIVAL_DAYS} <= $7::date AS mature) m
       WHERE v.region_code = ANY($4) AND v.opened_on >= $5 AND v.opened_on < $6
       GROUP BY c.card`,
      [...params, referenceDate],
    ),
    // From the loans kept by borrower's county and year (loan_tally), not every loan joined to its borrower.
    db.query(
      `WITH ${CARDS_CTE}
       SELECT c.card, coalesce(sum(l.amount_yuan), 0) AS total, count(DISTINCT l.borrower_id) AS borrowers
       FROM loan_tally l JOIN cards c ON c.county = l.region_code AND c.year = l.issued_year
       WHERE l.region_code = ANY($4) AND l.issued_year = ANY($3::smallint[]) AND l.loans > 0
       GROUP BY c.card`,
      params.slice(0, 4),
    ),
  ]);
  const [t, v, l] = [training, ventures, loans].map((rows) => byCard(batch, rows, zeroRow));
  return new Map(keys.map((key) => {
    const [tk, ok, vk, lk] = [t.get(key)!, opening.get(key)!, v.get(key)!, l.get(key)!];
    return [key, {
      trained: Number(tk.trained),
      completions: Number(tk.completions),
      passes: Number(tk.passes),
      ...ok,
      ventures: Number(vk.ventures),
      jobsCreated: Number(vk.jobs),
      survivalCohort: Number(vk.survival_cohort),
      survivedOneYear: Number(vk.survived),
      survivalTooRecent: Number(vk.too_recent),
      referenceDate,
      loansIssuedYuan: Number(lk.total),
      borrowers: Number(lk.borrowers),
      traineeKeySet: tk.key_set ?? '',
      womenTraineeKeySet: tk.women_key_set ?? '',
    }];
  }));
}

/**
 * Cached across requests (see aggregateCache) under the key and the reference date the
 * cohorts were judged on; the cards a batch misses are computed together.
 */
export async function scorecardFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, HrScorecardFigures>> {
  const referenceDate = scorecardReferenceDate();
  const asOf = (key: string) => `${key}@${referenceDate}`;
  const cached = await aggregateCache<HrScorecardFigures>(db, 'scorecard').getMany(keys.map(asOf), async (missing) => {
    const computed = await figuresFor(db, missing.map((key) => key.slice(0, key.lastIndexOf('@'))), referenceDate);
    return new Map([...computed].map(([key, figures]) => [asOf(key), figures]));
  });
  return new Map(keys.map((key) => [key, cached.get(asOf(key))!]));
}

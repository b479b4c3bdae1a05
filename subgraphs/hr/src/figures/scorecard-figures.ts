import type { DataSource } from 'typeorm';
import { aggregateCache } from '@rg/data-helpers';
import { byCard, cardBatch, cardParameters, summedPerCard, scorecardReferenceDate } from '@rg/region-scorecard';
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
}

export { scorecardKey } from '@rg/region-scorecard';

const zeroRow = () => ({
  completions: 0, passes: 0, trained: 0, ventures: 0, jobs: 0, survival_cohort: 0,
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
    // The year's completions, passes and trained cohort per county-year from cohort_tally (kept
    // with the writes off completion_tally's row a trainee and year), then summed per card: a
    // row per county-year, not the province-year's 250,000 trainees counted per question. Its
    // distinct years ($5): the cards' year per county ($3) would make the planner expect every
    // row. The cohort's key sets are asked for apart (cohort-key-sets.ts).
    db.query(
      summedPerCard(
        `SELECT region_code, completed_year, sum(completions) AS completions, sum(passes) AS passes, sum(trained) AS trained
         FROM cohort_tally
         WHERE region_code = ANY($4) AND completed_year = ANY($5::smallint[]) AND trained > 0
         GROUP BY completed_year, region_code`,
        'completed_year', ['completions', 'passes', 'trained']),
      [...params.slice(0, 4), [...new Set(batch.year)]],
    ),
    // Kept with the writes in opening_tally (see opening-rate.ts).
    openingRates(db, batch, referenceDate),
    // Ventures, jobs and survival from venture_survival_tally (county × day opened, kept with
    // the writes), summed per county-year first and then per card: a venture less than a year
    // old at the reference date has not survived a year yet, whatever its state, so the days
    // opened too recently are counted apart.
    db.query(
      summedPerCard(
        `SELECT region_code, extract(year FROM opened_on)::int AS year, sum(ventures) AS ventures, sum(jobs) AS jobs,
           coalesce(sum(ventures) FILTER (WHERE opened_on + ${SURVIVAL_DAYS} <= $7::date), 0) AS survival_cohort,
           coalesce(sum(survived) FILTER (WHERE opened_on + ${SURVIVAL_DAYS} <= $7::date), 0) AS survived,
           coalesce(sum(ventures) FILTER (WHERE opened_on + ${SURVIVAL_DAYS} > $7::date), 0) AS too_recent
         FROM venture_survival_tally
         WHERE region_code = ANY($4) AND opened_on >= $5 AND opened_on < $6 AND ventures <> 0
         GROUP BY 1, 2`,
        'year', ['ventures', 'jobs', 'survival_cohort', 'survived', 'too_recent']),
      [...params, referenceDate],
    ),
    // From borrower_tally: borrowers and their loans' amount by county and year issued, kept
    // with the writes off loan_tally (a row per borrower and year): a row per county-year, not
    // every loan joined to its borrower nor the province's 47,000 borrowers counted per
    // question. A trainee's county never changes, so a card's borrowers are its county-years'
    // summed.
    db.query(
      summedPerCard(
        `SELECT region_code, issued_year, sum(amount_yuan) AS total, sum(borrowers) AS borrowers
         FROM borrower_tally
         WHERE region_code = ANY($4) AND issued_year = ANY($5::smallint[]) AND borrowers > 0
         GROUP BY issued_year, region_code`,
        'issued_year', ['total', 'borrowers']),
      [...params.slice(0, 4), [...new Set(batch.year)]],
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

import type { DataSource } from 'typeorm';
import { byCard, cardParameters, summedPerCard, type CardBatch } from '@rg/region-scorecard';
import { OPENING_WINDOW_DAYS } from '@rg/scorecard';

/** The six-month opening rate's counts of one scorecard (region-year). */
export interface OpeningRateCounts {
  /** First trained in the year and whose six months had passed by the reference date. */
  openingCohort: number;
  /** Of them, founders of a venture opened within the six months. */
  openedWithinWindow: number;
  /** First trained in the year, six months not yet passed: left out of the rate. */
  openingTooRecent: number;
}

const zeroRow = () => ({ cohort: 0, opened: 0, too_recent: 0 });

/**
 * The opening-rate counts of every card of a batch in one statement, from opening_tally
 * (trainees by county and day of first completion, with how many opened within the window,
 * kept with the writes): a range of its key per county, not each first-trained trainee probing
 * their ventures. Only trainees whose window had closed by the reference date are judged: one
 * still inside it may yet open, so counting them would understate the rate.
 */
export async function openingRates(db: DataSource, batch: CardBatch, referenceDate: string): Promise<Map<string, OpeningRateCounts>> {
  // Summed per county-year first, then per card: a grouping of the province-year's (up to 38,000)
  // county-days instead of a hash join and sort of them by card.
  const rows = await db.query(
    summedPerCard(
      `SELECT region_code, extract(year FROM first_completed_on)::int AS year,
         coalesce(sum(trainees) FILTER (WHERE first_completed_on + ${OPENING_WINDOW_DAYS} <= $7::date), 0) AS cohort,
         coalesce(sum(opened) FILTER (WHERE first_completed_on + ${OPENING_WINDOW_DAYS} <= $7::date), 0) AS opened,
         coalesce(sum(trainees) FILTER (WHERE first_completed_on + ${OPENING_WINDOW_DAYS} > $7::date), 0) AS too_recent
       FROM opening_tally
       WHERE region_code = ANY($4) AND first_completed_on >= $5 AND first_completed_on < $6 AND trainees <> 0
       GROUP BY 1, 2`,
      'year', ['cohort', 'opened', 'too_recent']),
    [...cardParameters(batch), referenceDate],
  );
  return new Map([...byCard(batch, rows, zeroRow)].map(([key, row]) => [key, {
    openingCohort: Number(row.cohort),
    openedWithinWindow: Number(row.opened),
    openingTooRecent: Number(row.too_recent),
  }]));
}

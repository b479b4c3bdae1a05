import type { DataSource } from 'typeorm';
import { byCardAndMonth, cardBatch, cardParameters, CARDS_CTE } from '@rg/region-scorecard';

/** One month of hr's records in a region. */
export interface HrMonthFigures {
  /** People who completed a course in the month (one who completes two courses in it counts once). */
  trained: number;
  /** Their person-key prefixes, for poverty's registry match (see scorecard-figures.ts). */
  traineeKeySet: string;
  venturesOpened: number;
  jobsCreated: number;
  loansIssuedYuan: number;
  /** People lent to in the month: how many the loan total rests on (disclosure control). */
  borrowers: number;
}

const KEY_SET = `translate(encode(string_agg(int8send(prefix), ''::bytea ORDER BY prefix), 'base64'), E'\\n', '')`;

/**
 * The twelve months of every region-year asked for ("regionCode:year"), in three statements
 * grouped by card and month. Dates are Beijing calendar days, so the month is the date's own.
 * The same records and rules as the scorecard's: the months' loans add up to its yearly total.
 */
export async function monthlyFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, HrMonthFigures[]>> {
  const batch = cardBatch(keys);
  const params = cardParameters(batch);
  const [training, ventures, loans] = await Promise.all([
    db.query(
      `WITH ${CARDS_CTE},
       cohort AS (
         SELECT DISTINCT c.card, extract(month FROM e.completed_on)::int AS month, e.trainee_id, t.person_key_prefix AS prefix
         FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
         JOIN cards c ON c.county = t.region_code AND c.year = extract(year FROM e.completed_on)::int
         WHERE e.completed_on >= $5 AND e.completed_on < $6 AND t.region_code = ANY($4))
       SELECT card, month, count(*) AS trained, ${KEY_SET} AS key_set FROM cohort GROUP BY card, month`,
      params,
    ),
    db.query(
      `WITH ${CARDS_CTE}
       SELECT c.card, extract(month FROM v.opened_on)::int AS month, count(*) AS ventures, coalesce(sum(v.jobs_created), 0) AS jobs
       FROM venture v JOIN cards c ON c.county = v.region_code AND c.year = extract(year FROM v.opened_on)::int
       WHERE v.region_code = ANY($4) AND v.opened_on >= $5 AND v.opened_on < $6
       GROUP BY 1, 2`,
      params,
    ),
    db.query(
      `WITH ${CARDS_CTE}
       SELECT c.card, extract(month FROM l.issued_on)::int AS month, coalesce(sum(l.amount_yuan), 0) AS total,
         count(DISTINCT l.borrower_id) AS borrowers
       FROM loan l JOIN trainee t ON t.id = l.borrower_id
       JOIN cards c ON c.county = t.region_code AND c.year = extract(year FROM l.issued_on)::int
       WHERE t.region_code = ANY($4) AND l.issued_on >= $5 AND l.issued_on < $6
       GROUP BY 1, 2`,
      params,
    ),
  ]);
  const t = byCardAndMonth(batch, training, () => ({ trained: 0, key_set: null }));
  const v = byCardAndMonth(batch, ventures, () => ({ ventures: 0, jobs: 0 }));
  const l = byCardAndMonth(batch, loans, () => ({ total: 0, borrowers: 0 }));
  return new Map(keys.map((key) => [key, t.get(key)!.map((month, i) => ({
    trained: Number(month.trained),
    traineeKeySet: month.key_set ?? '',
    venturesOpened: Number(v.get(key)![i].ventures),
    jobsCreated: Number(v.get(key)![i].jobs),
    loansIssuedYuan: Number(l.get(key)![i].total),
    borrowers: Number(l.get(key)![i].borrowers),
  }))]));
}

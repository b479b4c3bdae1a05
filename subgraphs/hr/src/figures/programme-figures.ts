import type { DataSource } from 'typeorm';
import { aggregateCache } from '@rg/data-helpers';
import { byCard, cardBatch, cardParameters, CARDS_CTE } from '@rg/region-scorecard';
import { FOLLOW_UP_WAVE_DAYS } from '@rg/scorecard';

/**
 * The survey and follow-up side of a region's year. The follow-up cohort is the year's
 * first-trained (as for openingRate6m); a wave is the trainee's latest visit up to 6 months
 * after the first completed course, or from then up to 12 months.
 */
export interface HrProgrammeFigures {
  /** Distinct people surveyed in the year who said they want training. */
  wishingToTrain: number;
  /** Of them, those who completed a course in the same year. */
  wishingToTrainTrained: number;
  followUpCohort: number;
  visitedWithin6m: number;
  visitedWithin12m: number;
  /** The cohort's trainees who never opened a business, and those of them found in work at a visit. */
  nonFounders: number;
  nonFoundersEmployed: number;
  /** Jobs and output value reported at each wave's latest visit, and how many trainees they rest on. */
  jobs6m: number;
  output6m: number;
  reported6m: number;
  jobs12m: number;
  output12m: number;
  reported12m: number;
}

const { sixMonths: SIX, twelveMonths: TWELVE } = FOLLOW_UP_WAVE_DAYS;

const zeroRow = () => ({
  wishing: 0, trained: 0, cohort: 0, within6: 0, within12: 0, non_founders: 0, employed: 0,
  jobs6: 0, output6: 0, reported6: 0, jobs12: 0, output12: 0, reported12: 0,
});

/**
 * The programme figures of every scorecard of a request in two statements, however many
 * region-years it asks for: each joins the records to the batch's cards (see cardBatch) and
 * groups by card, as the other scorecard figures do.
 */
async function figuresFor(db: DataSource, keys: readonly string[]): Promise<Map<string, HrProgrammeFigures>> {
  const batch = cardBatch(keys);
  const params = cardParameters(batch);
  const [survey, followUp] = await Promise.all([
    db.query(
      `WITH ${CARDS_CTE},
       wishing AS (
         SELECT DISTINCT c.card, c.year, s.person_key
         FROM survey_response s JOIN cards c ON c.county = s.region_code AND c.year = extract(year FROM s.surveyed_on)::int
         WHERE s.region_code = ANY($4) AND s.surveyed_on >= $5 AND s.surveyed_on < $6 AND s.intends_to_train)
       SELECT w.card, count(*) AS wishing,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM trainee t JOIN enrolment e ON e.trainee_id = t.id
           WHERE t.person_key = w.person_key
             AND e.completed_on >= make_date(w.year, 1, 1) AND e.completed_on < make_date(w.year + 1, 1, 1))) AS trained
       FROM wishing w GROUP BY w.card`,
      params,
    ),
    db.query(
      `WITH ${CARDS_CTE},
       cohort AS MATERIALIZED (
         SELECT c.card, t.id, t.first_completed_on AS day0, EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id) AS founder
         FROM trainee t JOIN cards c ON c.county = t.region_code AND c.year = extract(year FROM t.first_completed_on)::int
         WHERE t.region_code = ANY($4) AND t.first_completed_on >= $5 AND t.first_completed_on < $6),
       visits AS MATERIALIZED (
         SELECT c.card, c.founder, f.id, f.trainee_id, f.visited_on, f.employed, f.jobs, f.output_value_yuan,
           CASE WHEN f.visited_on <= c.day0 + ${SIX} THEN 6 ELSE 12 END AS wave
         FROM cohort c JOIN follow_up f ON f.trainee_id = c.id
         WHERE f.visited_on >= c.day0 AND f.visited_on <= c.day0 + ${TWELVE}),
       latest AS (
         SELECT DISTINCT ON (card, trainee_id, wave) card, trainee_id, wave, jobs, output_value_yuan
         FROM visits ORDER BY card, trainee_id, wave, visited_on DESC, id DESC),
       cohorts AS (SELECT card, count(*) AS cohort, count(*) FILTER (WHERE NOT founder) AS non_founders FROM cohort GROUP BY card),
       visited AS (
         SELECT card, count(DISTINCT trainee_id) FILTER (WHERE wave = 6) AS within6, count(DISTINCT trainee_id) AS within12,
           count(DISTINCT trainee_id) FILTER (WHERE NOT founder AND employed) AS employed
         FROM visits GROUP BY card),
       waves AS (
         SELECT card,
           coalesce(sum(jobs) FILTER (WHERE wave = 6), 0) AS jobs6,
           coalesce(sum(output_value_yuan) FILTER (WHERE wave = 6), 0) AS output6,
           count(*) FILTER (WHERE wave = 6 AND jobs IS NOT NULL) AS reported6,
           coalesce(sum(jobs) FILTER (WHERE wave = 12), 0) AS jobs12,
           coalesce(sum(output_value_yuan) FILTER (WHERE wave = 12), 0) AS output12,
           count(*) FILTER (WHERE wave = 12 AND jobs IS NOT NULL) AS reported12
         FROM latest GROUP BY card)
       SELECT k.card, k.cohort, k.non_founders,
         coalesce(v.within6, 0) AS within6, coalesce(v.within12, 0) AS within12, coalesce(v.employed, 0) AS employed,
         coalesce(w.jobs6, 0) AS jobs6, coalesce(w.output6, 0) AS output6, coalesce(w.reported6, 0) AS reported6,
         coalesce(w.jobs12, 0) AS jobs12, coalesce(w.output12, 0) AS output12, coalesce(w.reported12, 0) AS reported12
       FROM cohorts k LEFT JOIN visited v ON v.card = k.card LEFT JOIN waves w ON w.card = k.card`,
      params,
    ),
  ]);
  const [sv, fu] = [survey, followUp].map((rows) => byCard(batch, rows, zeroRow));
  return new Map(keys.map((key) => {
    const [s, f] = [sv.get(key)!, fu.get(key)!];
    return [key, {
      wishingToTrain: Number(s.wishing),
      wishingToTrainTrained: Number(s.trained),
      followUpCohort: Number(f.cohort),
      visitedWithin6m: Number(f.within6),
      visitedWithin12m: Number(f.within12),
      nonFounders: Number(f.non_founders),
      nonFoundersEmployed: Number(f.employed),
      jobs6m: Number(f.jobs6),
      output6m: Number(f.output6),
      reported6m: Number(f.reported6),
      jobs12m: Number(f.jobs12),
      output12m: Number(f.output12),
      reported12m: Number(f.reported12),
    }];
  }));
}

/** Cached across requests (see aggregateCache); the cards a batch misses are computed together. */
export async function programmeFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, HrProgrammeFigures>> {
  return aggregateCache<HrProgrammeFigures>(db, 'scorecard-programme').getMany(keys, (missing) => figuresFor(db, missing));
}

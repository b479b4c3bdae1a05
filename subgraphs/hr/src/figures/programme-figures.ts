import type { DataSource } from 'typeorm';
import { countiesUnder } from '@rg/regions';
import { aggregateCache } from '@rg/data-helpers';
import { parseScorecardKey, yearRange } from '@rg/region-scorecard';
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

async function figuresFor(db: DataSource, regionCode: string, year: number): Promise<HrProgrammeFigures> {
  const params = [countiesUnder(regionCode), ...yearRange(year)];
  const [survey, followUp] = await Promise.all([
    db.query(
      `WITH wishing AS (SELECT DISTINCT person_key FROM survey_response
         WHERE region_code = ANY($1) AND surveyed_on >= $2 AND surveyed_on < $3 AND intends_to_train)
       SELECT count(*) AS wishing,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM trainee t JOIN enrolment e ON e.trainee_id = t.id
           WHERE t.person_key = w.person_key AND e.completed_on >= $2 AND e.completed_on < $3)) AS trained
       FROM wishing w`,
      params,
    ),
    db.query(
      `WITH cohort AS MATERIALIZED (
         SELECT t.id, t.first_completed_on AS day0, EXISTS (SELECT 1 FROM venture v WHERE v.founder_id = t.id) AS founder
         FROM trainee t WHERE t.region_code = ANY($1) AND t.first_completed_on >= $2 AND t.first_completed_on < $3),
       visits AS MATERIALIZED (
         SELECT f.*, c.founder, CASE WHEN f.visited_on <= c.day0 + ${SIX} THEN 6 ELSE 12 END AS wave
         FROM cohort c JOIN follow_up f ON f.trainee_id = c.id
         WHERE f.visited_on >= c.day0 AND f.visited_on <= c.day0 + ${TWELVE}),
       latest AS (
         SELECT DISTINCT ON (trainee_id, wave) trainee_id, wave, jobs, output_value_yuan
         FROM visits ORDER BY trainee_id, wave, visited_on DESC, id DESC)
       SELECT (SELECT count(*) FROM cohort) AS cohort,
         (SELECT count(DISTINCT trainee_id) FROM visits WHERE wave = 6) AS within6,
         (SELECT count(DISTINCT trainee_id) FROM visits) AS within12,
         (SELECT count(*) FROM cohort WHERE NOT founder) AS non_founders,
         (SELECT count(DISTINCT trainee_id) FROM visits WHERE NOT founder AND employed) AS employed,
         (SELECT coalesce(sum(jobs), 0) FROM latest WHERE wave = 6) AS jobs6,
         (SELECT coalesce(sum(output_value_yuan), 0) FROM latest WHERE wave = 6) AS output6,
         (SELECT count(*) FROM latest WHERE wave = 6 AND jobs IS NOT NULL) AS reported6,
         (SELECT coalesce(sum(jobs), 0) FROM latest WHERE wave = 12) AS jobs12,
         (SELECT coalesce(sum(output_value_yuan), 0) FROM latest WHERE wave = 12) AS output12,
         (SELECT count(*) FROM latest WHERE wave = 12 AND jobs IS NOT NULL) AS reported12`,
      params,
    ),
  ]);
  const f = followUp[0];
  return {
    wishingToTrain: Number(survey[0].wishing),
    wishingToTrainTrained: Number(survey[0].trained),
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
  };
}

export async function programmeFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, HrProgrammeFigures>> {
  const entries = await Promise.all(keys.map(async (key) => {
    const { regionCode, year } = parseScorecardKey(key);
    return [key, await aggregateCache<HrProgrammeFigures>(db, 'scorecard-programme').get(key, () => figuresFor(db, regionCode, year))] as const;
  }));
  return new Map(entries);
}

import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { entityRows, loaderByGroup, loaderByKey, loaderOfValues } from '@rg/data-helpers';
import { Award, SuccessStory } from './entities';
import { regionFigures, type YouthLeagueRegionFigures } from './figures/region-figures';
import { monthlyFigures, type YouthLeagueMonthFigures } from './figures/monthly-figures';
import { scorecardFigures, type YouthLeagueScorecardFigures } from './figures/scorecard-figures';

export function createLoaders(db: DataSource) {
  const stories = () => db.getRepository(SuccessStory);
  const storyRows = entityRows(db, SuccessStory);
  return {
    storyById: loaderByKey((ids: readonly number[]) => stories().findBy({ id: In([...ids]) }), (s) => s.id),
    // Relations show published stories only: drafts are youth-league's work in progress. Every
    // page of trainees asks both, so in plain SQL (entity-rows.ts).
    publishedStoriesByPersonKey: loaderByGroup(
      (keys: readonly string[]) => storyRows.select('WHERE protagonist_person_key = ANY($1::bpchar[]) AND published_on IS NOT NULL ORDER BY id', [keys]),
      (s) => s.protagonistPersonKey,
    ),
    publishedStoriesByVenture: loaderByGroup(
      (ids: readonly number[]) => storyRows.select('WHERE venture_id = ANY($1::int[]) AND published_on IS NOT NULL ORDER BY id', [ids]),
      (s) => s.ventureId,
    ),
    awardsByPersonKey: loaderByGroup(
      (keys: readonly string[]) => db.getRepository(Award).find({ where: { personKey: In([...keys]) }, order: { id: 'ASC' } }),
      (a) => a.personKey!,
    ),
    awardsByVenture: loaderByGroup(
      (ids: readonly number[]) => db.getRepository(Award).find({ where: { ventureId: In([...ids]) }, order: { id: 'ASC' } }),
      (a) => a.ventureId!,
    ),
    regionFigures: loaderOfValues<string, YouthLeagueRegionFigures | null>((codes) => regionFigures(db, codes), null),
    /** Keyed by region-year ("regionCode:year"): the twelve months at once. */
    monthlyFigures: loaderOfValues<string, YouthLeagueMonthFigures[] | null>((keys) => monthlyFigures(db, keys), null),
    scorecardFigures: loaderOfValues<string, YouthLeagueScorecardFigures | null>((keys) => scorecardFigures(db, keys), null),
  };
}

export type YouthLeagueLoaders = ReturnType<typeof createLoaders>;

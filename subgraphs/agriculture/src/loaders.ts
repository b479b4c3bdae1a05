import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { LINK_KEY, entityRows, preparedQuery, loaderByGroup, loaderByKey, loaderOfValues, loaderThroughRows } from '@rg/data-helpers';
import { IncubatorPark, Residency } from './entities';
import { regionFigures, type AgricultureRegionFigures } from './figures/region-figures';
import { monthlyFigures, type AgricultureMonthFigures } from './figures/monthly-figures';
import { scorecardFigures, type AgricultureScorecardFigures } from './figures/scorecard-figures';
import { parkEntrantVentureIds } from './figures/park-entrant-figures';

export function createLoaders(db: DataSource) {
  const repo = <T extends object>(entity: new () => T) => db.getRepository(entity);
  const parks = entityRows(db, IncubatorPark);
  const parkById = loaderByKey((ids: readonly number[]) => repo(IncubatorPark).findBy({ id: In([...ids]) }), (p) => p.id);
  return {
    parkById,
    residenciesByPark: loaderByGroup(
      (ids: readonly number[]) => repo(Residency).find({ where: { parkId: In([...ids]) }, order: { id: 'ASC' } }),
      (r) => r.parkId,
    ),
    /** A venture's stays in parks, ended ones included, in the order it entered them. */
    residenciesByVenture: loaderByGroup(
      (ids: readonly number[]) => repo(Residency).find({ where: { ventureId: In([...ids]) }, order: { enteredOn: 'ASC', id: 'ASC' } }),
      (r) => r.ventureId,
    ),
    /** A count, not the rows: a busy park's occupancy should not load its residents. */
    occupancyByPark: loaderOfValues<number, number>(async (ids) => {
      const rows: Array<{ park_id: number; occupancy: string }> = await db.query(
        `SELECT park_id, count(*) AS occupancy FROM residency
         WHERE park_id = ANY($1) AND left_on IS NULL GROUP BY park_id`,
        [[...ids]],
      );
      return new Map(rows.map((r) => [r.park_id, Number(r.occupancy)]));
    }, 0),
    /** The park a venture resides in now: its open residency and the park joined in one statement (plain SQL, entity-rows.ts). */
    parkOfVenture: loaderThroughRows(parks, (ids: readonly number[]) => preparedQuery(db,
      `SELECT ${parks.columns('p')}, r.venture_id AS ${LINK_KEY}
       FROM ${parks.table} p JOIN residency r ON r.park_id = p.id AND r.left_on IS NULL
       WHERE r.venture_id = ANY($1::int[])`,
      [ids],
    ), parkById),
    regionFigures: loaderOfValues<string, AgricultureRegionFigures | null>((codes) => regionFigures(db, codes), null),
    /** Keyed by region-year ("regionCode:year"): the twelve months at once. */
    monthlyFigures: loaderOfValues<string, AgricultureMonthFigures[] | null>((keys) => monthlyFigures(db, keys), null),
    scorecardFigures: loaderOfValues<string, AgricultureScorecardFigures | null>((keys) => scorecardFigures(db, keys), null),
    /** Keyed by region-year: the ventures that entered a park of the region in the year. */
    parkEntrantVentureIds: loaderOfValues<string, number[]>((keys) => parkEntrantVentureIds(db, keys), []),
  };
}

export type AgricultureLoaders = ReturnType<typeof createLoaders>;

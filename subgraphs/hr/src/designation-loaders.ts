import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { loaderByGroup, loaderByKey, loaderOfValues } from '@rg/data-helpers';
import { Designation, DesignationReview } from './entities';
import { activeDesignationCounts, type DesignationCounts } from './figures/designation-figures';

/** The per-request loaders of the demonstration designations (merged into hr's loaders). */
export function createDesignationLoaders(db: DataSource) {
  const designations = () => db.getRepository(Designation);
  const byYear = { year: 'ASC', id: 'ASC' } as const;
  return {
    designationById: loaderByKey((ids: readonly number[]) => designations().findBy({ id: In([...ids]) }), (d) => d.id),
    designationsByVenture: loaderByGroup(
      (ids: readonly number[]) => designations().find({ where: { ventureId: In([...ids]) }, order: byYear }),
      (d) => d.ventureId!,
    ),
    designationsByPark: loaderByGroup(
      (ids: readonly number[]) => designations().find({ where: { parkId: In([...ids]) }, order: byYear }),
      (d) => d.parkId!,
    ),
    reviewsByDesignation: loaderByGroup(
      (ids: readonly number[]) => db.getRepository(DesignationReview).find({ where: { designationId: In([...ids]) }, order: { year: 'ASC' } }),
      (r) => r.designationId,
    ),
    /** Keyed by region code: designations in force per kind. */
    activeDesignationCounts: loaderOfValues<string, DesignationCounts | null>((codes) => activeDesignationCounts(db, codes), null),
  };
}

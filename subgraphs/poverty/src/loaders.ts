import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { LINK_KEY, entityRows, preparedQuery, loaderByGroup, loaderByKey, loaderOfValues, loaderThroughRows } from '@rg/data-helpers';
import { HouseholdMember, PoorHousehold } from './entities';
import { regionFigures, type PovertyRegionFigures } from './figures/region-figures';
import { registryMatches, type RegistryMatch } from './figures/registry-match';

export function createLoaders(db: DataSource) {
  const repo = <T extends object>(entity: new () => T) => db.getRepository(entity);
  const households = entityRows(db, PoorHousehold);
  const householdById = loaderByKey((ids: readonly number[]) => repo(PoorHousehold).findBy({ id: In([...ids]) }), (h) => h.id);
  return {
    householdById,
    membersByHousehold: loaderByGroup(
      (ids: readonly number[]) =>
        repo(HouseholdMember).find({ where: { householdId: In([...ids]) }, order: { id: 'ASC' } }),
      (m) => m.householdId,
    ),
    memberByPersonKey: loaderByKey(
      (keys: readonly string[]) => repo(HouseholdMember).findBy({ personKey: In([...keys]) }),
      (m) => m.personKey,
    ),
    /** The household a person key is a member of, member and household joined in one statement (plain SQL, entity-rows.ts). */
    householdByPersonKey: loaderThroughRows(households, (keys: readonly string[]) => preparedQuery(db,
      `SELECT ${households.columns('h')}, m.person_key AS ${LINK_KEY}
       FROM ${households.table} h JOIN household_member m ON m.household_id = h.id
       WHERE m.person_key = ANY($1::bpchar[])`,
      [keys],
    ), householdById),
    regionFigures: loaderOfValues<string, PovertyRegionFigures | null>((codes) => regionFigures(db, codes), null),
    /** Keyed by year and key set, so fields asking the same question of one card share a statement. */
    registryMatches: loaderOfValues<string, RegistryMatch | null>((keys) => registryMatches(db, keys), null),
    /** Support cases: members of a household in the registry during the year (not exited before it). */
    registryStandings: loaderOfValues<string, RegistryMatch | null>((keys) => registryMatches(db, keys, 'IN_REGISTRY_IN_YEAR'), null),
  };
}

export type PovertyLoaders = ReturnType<typeof createLoaders>;

import type { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { aggregateCache } from '@rg/data-helpers';
import { decodeKeySet, refusesKeySet, toBigintArrayParameter } from '@rg/region-scorecard';

/** A key set from hr matched against the registry as of a year. */
export interface RegistryMatch {
  /** Prefixes in the set. */
  size: number;
  /** Prefixes of the set that belong to a member of a household registered in or before the year. */
  poor: string[];
  /** The set named too few people to be matched (disclosure control): the registry was not read. */
  refused: boolean;
}

/**
 * Which households count. REGISTERED_BY_YEAR: registered in or before the year, whatever
 * happened since (the training shares: who the programme reached among those the registry
 * found poor). IN_REGISTRY_IN_YEAR: registered by the year and not exited before it, i.e. in
 * the registry during the year; a household that exits in the year still counts for it, since
 * exits are decided at the year's review (the support-case priority check).
 */
export type RegistryStanding = 'REGISTERED_BY_YEAR' | 'IN_REGISTRY_IN_YEAR';

const EXITED_AFTER = ' AND (h.exited_year IS NULL OR h.exited_year >= ($3::int[])[k.position])';

/** The same standing for one household, in code. */
export function inRegistryInYear(household: { registeredYear: number; exitedYear: number | null }, year: number): boolean {
  return household.registeredYear <= year && (household.exitedYear === null || household.exitedYear >= year);
}

/** Loader keys are "year:keySet" (a key set is base64, so it has no colon). */
export function registryMatchKey(year: number, keySet: string): string {
  return `${year}:${keySet}`;
}

/**
 * One statement for every set of a request, whatever their number and size: each set's
 * prefixes travel tagged with the set's position as two array parameters (not one bind value
 * per key), are joined on the indexed prefix, and each set's year is looked up by its position.
 * So 200,000 trainees are one hash join, and 200 scorecards are still one statement. An
 * undecodable set answers null; a set of fewer people than the disclosure threshold is refused
 * unread.
 */
async function matchAll(db: DataSource, keys: readonly string[], standing: RegistryStanding): Promise<Map<string, RegistryMatch | null>> {
  const sets = keys.map((key) => {
    const colon = key.indexOf(':');
    let prefixes: bigint[] | null;
    try {
      prefixes = decodeKeySet(key.slice(colon + 1));
    } catch {
      prefixes = null;
    }
    // A set of a handful of people would make the answer a membership test of the registry.
    return { year: Number(key.slice(0, colon)), prefixes, refused: prefixes !== null && refusesKeySet(prefixes) };
  });
  const positions: bigint[] = [];
  const prefixes: bigint[] = [];
  sets.forEach((set, i) => set.prefixes && !set.refused && set.prefixes.forEach((prefix) => {
    positions.push(BigInt(i + 1));
    prefixes.push(prefix);
  }));
  const rows: Array<{ position: number; prefix: string }> = prefixes.length === 0 ? [] : await db.query(
    `SELECT DISTINCT k.position, m.person_key_prefix AS prefix
     FROM unnest($1::int[], $2::bigint[]) AS k(position, prefix)
     JOIN household_member m ON m.person_key_prefix = k.prefix
     JOIN poor_household h ON h.id = m.household_id
     WHERE h.registered_year <= ($3::int[])[k.position]${standing === 'IN_REGISTRY_IN_YEAR' ? EXITED_AFTER : ''}`,
    [toBigintArrayParameter(positions), toBigintArrayParameter(prefixes), sets.map((set) => set.year)],
  );
  const poor = new Map<number, string[]>();
  for (const row of rows) {
    const list = poor.get(row.position) ?? [];
    list.push(row.prefix);
    poor.set(row.position, list);
  }
  return new Map(keys.map((key, i) => {
    const set = sets[i];
    if (set.prefixes === null) return [key, null];
    return [key, { size: set.prefixes.length, poor: set.refused ? [] : poor.get(i + 1) ?? [], refused: set.refused }];
  }));
}

/** Cached across requests by year and the set's digest; the sets a batch misses are matched together. */
export async function registryMatches(
  db: DataSource, keys: readonly string[], standing: RegistryStanding = 'REGISTERED_BY_YEAR',
): Promise<Map<string, RegistryMatch | null>> {
  const digestOf = (key: string) => {
    const colon = key.indexOf(':');
    return `${key.slice(0, colon)}:${createHash('sha256').update(key.slice(colon + 1)).digest('hex')}`;
  };
  const byDigest = new Map(keys.map((key) => [digestOf(key), key]));
  const cacheName = standing === 'REGISTERED_BY_YEAR' ? 'registry-match' : 'registry-standing';
  const matches = await aggregateCache<RegistryMatch | null>(db, cacheName).getMany([...byDigest.keys()], async (missing) => {
    const found = await matchAll(db, missing.map((digest) => byDigest.get(digest)!), standing);
    return new Map(missing.map((digest) => [digest, found.get(byDigest.get(digest)!) ?? null]));
  });
  return new Map(keys.map((key) => [key, matches.get(digestOf(key)) ?? null]));
}

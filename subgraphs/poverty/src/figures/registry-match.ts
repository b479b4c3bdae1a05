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

/** Loader keys are "year:keySet" (a key set is base64, so it has no colon). */
export function registryMatchKey(year: number, keySet: string): string {
  return `${year}:${keySet}`;
}

/**
 * One statement per set, whatever its size: the set travels as a single bigint[] parameter
 * and is joined on the indexed prefix, so 200,000 trainees are one hash join, not 200,000
 * bind values. An undecodable set answers null; a set of fewer people than the disclosure
 * threshold is refused unread.
 */
async function matchOne(db: DataSource, year: number, keySet: string): Promise<RegistryMatch | null> {
  let prefixes: bigint[];
  try {
    prefixes = decodeKeySet(keySet);
  } catch {
    return null;
  }
  if (prefixes.length === 0) return { size: 0, poor: [], refused: false };
  // A set of a handful of people would make the answer a membership test of the registry.
  if (refusesKeySet(prefixes)) return { size: prefixes.length, poor: [], refused: true };
  const rows: Array<{ prefix: string }> = await db.query(
    `SELECT DISTINCT m.person_key_prefix AS prefix
     FROM unnest($1::bigint[]) k(prefix)
     JOIN household_member m ON m.person_key_prefix = k.prefix
     JOIN poor_household h ON h.id = m.household_id
     WHERE h.registered_year <= $2`,
    [toBigintArrayParameter(prefixes), year],
  );
  return { size: prefixes.length, poor: rows.map((r) => r.prefix), refused: false };
}

export async function registryMatches(db: DataSource, keys: readonly string[]): Promise<Map<string, RegistryMatch | null>> {
  const entries = await Promise.all(
    keys.map(async (key) => {
      const colon = key.indexOf(':');
      const year = Number(key.slice(0, colon));
      const keySet = key.slice(colon + 1);
      const cacheKey = `${year}:${createHash('sha256').update(keySet).digest('hex')}`;
      return [key, await aggregateCache<RegistryMatch | null>(db, 'registry-match').get(cacheKey, () => matchOne(db, year, keySet))] as const;
    }),
  );
  return new Map(entries);
}

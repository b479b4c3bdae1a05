import type { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { aggregateCache } from '@rg/data-helpers';
import {
  bigintArrayParameter, distinctSortedPrefixes, forEachPersonsRecords, keySetBytes, recordsInPrefixOrder, refusesKeySetOf,
  unionOfPrefixes,
} from '@rg/region-scorecard';

/** A key set from hr matched against the registry as of a year. */
export interface RegistryMatch {
  /** Prefixes in the set. */
  size: number;
  /** How many distinct prefixes of the set belong to a member of a household registered in or before the year. */
  poorCount: number;
  /** Those prefixes, ascending, 8 bytes each: `poor.toString('base64')` is their key set. */
  poor: Buffer;
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

/** The same standing for one household, in code. */
export function inRegistryInYear(household: { registeredYear: number; exitedYear: number | null }, year: number): boolean {
  return household.registeredYear <= year && (household.exitedYear === null || household.exitedYear >= year);
}

/** Loader keys are "year:keySet" (a key set is base64, so it has no colon). */
export function registryMatchKey(year: number, keySet: string): string {
  return `${year}:${keySet}`;
}

/**
 * The registry's rows for the asked prefixes, as one bytea of 12-byte records in the index's
 * order, the prefix's (checked, see recordsInPrefixOrder):
 * prefix (8 bytes), year registered, last year in the registry (2 bytes each), from the index of
 * registry_prefix_tally alone. The asked prefixes arrive as one binary bigint[]; PostgreSQL's
 * btree walks its leaves once in the array's order (a scalar-array index scan), so a province's
 * 250,000 prefixes cost one pass over the index and a city's 20,000 a few thousand descents.
 * The array is read through a sub-select so the planner does not estimate the selectivity of
 * each of its elements (a custom plan would spend longer on that than the scan takes). The
 * bytes come back as base64 text, not as a bytea: node-postgres reads a bytea's text form, hex,
 * twice the bytes, and decoding a province's 4.5 MB of hex cost 80 ms of this process's CPU,
 * base64's 3 MB about half that.
 */
const REGISTRY_ROWS = `SELECT encode(string_agg(int8send(person_key_prefix) || int2send(registered_year) || int2send(in_registry_until),
    ''::bytea), 'base64') AS rows
  FROM registry_prefix_tally
  WHERE person_key_prefix = ANY (coalesce((SELECT $1::bigint[]), '{}')) AND members > 0`;
const RECORD_BYTES = 12;

/** The set's prefixes (distinct, ascending) whose registry rows put them in the standing for the year. */
function poorOf(people: Buffer, registry: Buffer, year: number, standing: RegistryStanding): Buffer {
  const poor = Buffer.allocUnsafe(people.length);
  let length = 0;
  forEachPersonsRecords(people, registry, RECORD_BYTES, (p, first, end) => {
    for (let k = first; k < end; k += RECORD_BYTES) {
      if (registry.readInt16BE(k + 8) <= year && (standing === 'REGISTERED_BY_YEAR' || registry.readInt16BE(k + 10) >= year)) {
        // Byte by byte: a subarray a poor person (a Buffer object each) cost more than the walk.
        for (let b = 0; b < 8; b++) poor[length + b] = people[p + b];
        length += 8;
        return;
      }
    }
  });
  return poor.subarray(0, length);
}

/** A loader key taken apart: the year, and the set's bytes (null when they are not a key set). */
interface AskedSet {
  year: number;
  bytes: Buffer | null;
}

function askedSet(key: string): AskedSet {
  const colon = key.indexOf(':');
  let bytes: Buffer | null;
  try {
    bytes = keySetBytes(key.slice(colon + 1));
  } catch {
    bytes = null;
  }
  return { year: Number(key.slice(0, colon)), bytes };
}

/**
 * One statement for every set of a request, whatever their number and size: the sets'
 * prefixes are merged into one ascending array (a cohort and its women are asked once), the
 * registry answers each asked prefix's households' years, and each set is judged against its
 * own year here. So 200,000 trainees are one index pass, and 200 scorecards are still one
 * statement. An undecodable set answers null; a set of fewer people than the disclosure
 * threshold is refused unread.
 */
async function matchAll(db: DataSource, asked: readonly AskedSet[], standing: RegistryStanding): Promise<Array<RegistryMatch | null>> {
  const sets = asked.map(({ year, bytes }) => {
    const people = bytes && distinctSortedPrefixes(bytes);
    // A set of a handful of people would make the answer a membership test of the registry.
    const refused = people !== null && refusesKeySetOf(people.length / 8);
    return { year, size: bytes ? bytes.length / 8 : 0, people, refused };
  });
  const union = unionOfPrefixes(sets.flatMap((set) => (set.people && !set.refused ? [set.people] : [])));
  const [{ rows }]: Array<{ rows: string | null }> = union.length === 0
    ? [{ rows: null }]
    : await db.query(REGISTRY_ROWS, [bigintArrayParameter(union)]);
  const registry = recordsInPrefixOrder(Buffer.from(rows ?? '', 'base64'), RECORD_BYTES); // base64's line breaks are skipped
  return sets.map((set) => {
    if (set.people === null) return null;
    const poor = set.refused ? Buffer.alloc(0) : poorOf(set.people, registry, set.year, standing);
    return { size: set.size, poorCount: poor.length / 8, poor, refused: set.refused };
  });
}

/**
 * Cached across requests by year and the digest of the set's bytes; the sets a batch misses
 * are matched together. Each key set is decoded once, and its bytes digested, not its base64
 * text: turning a province's 3.5 MB of base64 into bytes to hash them cost more than the match.
 */
export async function registryMatches(
  db: DataSource, keys: readonly string[], standing: RegistryStanding = 'REGISTERED_BY_YEAR',
): Promise<Map<string, RegistryMatch | null>> {
  const byDigest = new Map<string, AskedSet>();
  const digests = keys.map((key) => {
    const set = askedSet(key);
    const digest = `${set.year}:${set.bytes ? createHash('sha256').update(set.bytes).digest('hex') : 'not a key set'}`;
    byDigest.set(digest, set);
    return digest;
  });
  const cacheName = standing === 'REGISTERED_BY_YEAR' ? 'registry-match' : 'registry-standing';
  const matches = await aggregateCache<RegistryMatch | null>(db, cacheName).getMany(digests, async (missing) => {
    const found = await matchAll(db, missing.map((digest) => byDigest.get(digest)!), standing);
    return new Map(missing.map((digest, i) => [digest, found[i]]));
  });
  return new Map(keys.map((key, i) => [key, matches.get(digests[i]) ?? null]));
}

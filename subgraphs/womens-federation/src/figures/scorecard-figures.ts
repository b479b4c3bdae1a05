import type { DataSource } from 'typeorm';
import { badUserInput } from '@rg/api-errors';
import {
  bigintArrayParameter, countByRegionAndYear, distinctSortedPrefixes, forEachPersonsRecords, keySetBytes, refusesKeySetOf,
  unionOfPrefixes,
} from '@rg/region-scorecard';

export { scorecardKey } from '@rg/region-scorecard';

export interface WomensFederationScorecardFigures {
  womenSupportCasesOpened: number;
}

/** Support cases opened per region and year: every scorecard of a request in one grouped statement. */
export async function scorecardFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, WomensFederationScorecardFigures>> {
  const counts = await countByRegionAndYear(db, keys, { table: 'women_support_case', dateColumn: 'opened_on' });
  return new Map([...counts].map(([key, womenSupportCasesOpened]) => [key, { womenSupportCasesOpened }]));
}

/** The set's people, each once, ascending, as 8-byte prefixes (key-set-bytes.ts). */
function decodeOrRefuse(keySet: string): Buffer {
  try {
    return distinctSortedPrefixes(keySetBytes(keySet));
  } catch {
    throw badUserInput('poorWomenTraineeKeySet', 'is not a key set of 64-bit person-key prefixes');
  }
}

export interface SupportedShare {
  /** Distinct people in the key set. */
  people: number;
  /** Of them, those with a case opened on or before the end of the year. */
  supported: number;
  /** The set named too few people to be matched (disclosure control): no case was read for it. */
  refused: boolean;
}

/** A key set and the year it is measured in: "year:base64". */
export function supportedShareKey(year: number, keySet: string): string {
  return `${year}:${keySet}`;
}

/**
 * Each asked person's first year with a support case, as one bytea of 10-byte records in prefix
 * order: prefix (8 bytes) and that year (2). The asked prefixes arrive as one binary bigint[]
 * read through a sub-select, so PostgreSQL walks the prefix index once in their order (a
 * scalar-array index scan) instead of hashing every case or probing once a row of an unnested
 * list (432 ms for a province's poor women at a million trainees).
 */
const FIRST_SUPPORTED = `SELECT string_agg(int8send(person_key_prefix) || int2send(first_year), ''::bytea ORDER BY person_key_prefix) AS records
  FROM (SELECT person_key_prefix, min(extract(year FROM opened_on))::smallint AS first_year
    FROM women_support_case
    WHERE person_key_prefix = ANY (coalesce((SELECT $1::bigint[]), '{}'))
    GROUP BY person_key_prefix) supported`;
const RECORD_BYTES = 10;

/**
 * How many of each key set (poverty's poor women trainees) the federation has supported by
 * the end of the year: a case opened in the year or before. One statement for every set in the
 * request (the union of their prefixes), each set then counted against its own year here. A set
 * of fewer people than the disclosure threshold is refused: its prefixes are not looked up.
 */
export async function supportedShares(db: DataSource, keys: readonly string[]): Promise<Map<string, SupportedShare>> {
  const sets = keys.map((key) => {
    const colon = key.indexOf(':');
    const prefixes = decodeOrRefuse(key.slice(colon + 1));
    return { year: Number(key.slice(0, colon)), prefixes, people: prefixes.length / 8, refused: refusesKeySetOf(prefixes.length / 8) };
  });
  const asked = unionOfPrefixes(sets.flatMap((set) => (set.refused ? [] : [set.prefixes])));
  const [{ records }]: Array<{ records: Buffer | null }> = asked.length === 0
    ? [{ records: null }]
    : await db.query(FIRST_SUPPORTED, [bigintArrayParameter(asked)]);
  const firstSupported = records ?? Buffer.alloc(0);
  return new Map(keys.map((key, i) => {
    const set = sets[i];
    let supported = 0;
    if (!set.refused) {
      forEachPersonsRecords(set.prefixes, firstSupported, RECORD_BYTES, (_, first, end) => {
        if (first < end && firstSupported.readInt16BE(first + 8) <= set.year) supported++;
      });
    }
    return [key, { people: set.people, supported, refused: set.refused }];
  }));
}

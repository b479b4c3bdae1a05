import type { DataSource } from 'typeorm';
import { badUserInput } from '@rg/api-errors';
import { countByRegionAndYear, decodeKeySet, refusesKeySet, toBigintArrayParameter, yearRange } from '@rg/region-scorecard';

export { scorecardKey } from '@rg/region-scorecard';

export interface WomensFederationScorecardFigures {
  womenSupportCasesOpened: number;
}

/** Support cases opened per region and year: every scorecard of a request in one grouped statement. */
export async function scorecardFigures(db: DataSource, keys: readonly string[]): Promise<Map<string, WomensFederationScorecardFigures>> {
  const counts = await countByRegionAndYear(db, keys, { table: 'women_support_case', dateColumn: 'opened_on' });
  return new Map([...counts].map(([key, womenSupportCasesOpened]) => [key, { womenSupportCasesOpened }]));
}

function decodeOrRefuse(keySet: string): bigint[] {
  try {
    return decodeKeySet(keySet);
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
 * How many of each key set (poverty's poor women trainees) the federation has supported by
 * the end of the year. One statement for every set in the request: each prefix travels
 * tagged with its set's position, and the year's end is looked up by that position. A set of
 * fewer people than the disclosure threshold is refused: its prefixes are not looked up.
 */
export async function supportedShares(db: DataSource, keys: readonly string[]): Promise<Map<string, SupportedShare>> {
  const sets = keys.map((key) => {
    const colon = key.indexOf(':');
    const prefixes = [...new Set(decodeOrRefuse(key.slice(colon + 1)))];
    return { year: Number(key.slice(0, colon)), prefixes, refused: refusesKeySet(prefixes) };
  });
  const positions: bigint[] = [];
  const prefixes: bigint[] = [];
  sets.forEach((set, i) => !set.refused && set.prefixes.forEach((prefix) => {
    positions.push(BigInt(i + 1));
    prefixes.push(prefix);
  }));
  const rows: Array<{ position: number; supported: string }> = prefixes.length === 0 ? [] : await db.query(
    `SELECT k.position, count(DISTINCT c.person_key_prefix) AS supported
     FROM unnest($1::int[], $2::bigint[]) AS k(position, prefix)
     JOIN women_support_case c ON c.person_key_prefix = k.prefix
     WHERE c.opened_on < ($3::date[])[k.position]
     GROUP BY k.position`,
    [toBigintArrayParameter(positions), toBigintArrayParameter(prefixes), sets.map((set) => yearRange(set.year)[1])],
  );
  const supported = new Map(rows.map((row) => [row.position, Number(row.supported)]));
  return new Map(keys.map((key, i) => [key, {
    people: sets[i].prefixes.length, supported: supported.get(i + 1) ?? 0, refused: sets[i].refused,
  }]));
}

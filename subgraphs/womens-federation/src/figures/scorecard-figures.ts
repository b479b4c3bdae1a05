import type { DataSource } from 'typeorm';
import { badUserInput, countiesUnderAll, decodeKeySet, rollUp, toBigintArrayParameter, yearRange } from '@rg/subgraph-kit';

export interface WomensFederationScorecardFigures extends Record<string, number> {
  womenSupportCasesOpened: number;
}

const zero = (): WomensFederationScorecardFigures => ({ womenSupportCasesOpened: 0 });

/** Scorecard keys are "regionCode:year". */
export function scorecardKey(regionCode: string, year: number): string {
  return `${regionCode}:${year}`;
}

/**
 * Every requested (region, year) in one statement grouped by county and year; each year's
 * county rows are then rolled up to the regions asked for in that year.
 */
export async function scorecardFigures(
  db: DataSource,
  keys: readonly string[],
): Promise<Map<string, WomensFederationScorecardFigures>> {
  const wanted = keys.map((key) => {
    const [regionCode, year] = key.split(':');
    return { key, regionCode, year: Number(year) };
  });
  const years = wanted.map((w) => w.year);
  const [from] = yearRange(Math.min(...years));
  const [, to] = yearRange(Math.max(...years));
  const rows: Array<WomensFederationScorecardFigures & { county: string; year: number }> = await db.query(
    `SELECT region_code AS county, date_part('year', opened_on)::int AS year, count(*) AS "womenSupportCasesOpened"
     FROM women_support_case
     WHERE region_code = ANY($1) AND opened_on >= $2 AND opened_on < $3
     GROUP BY 1, 2`,
    [countiesUnderAll(wanted.map((w) => w.regionCode)), from, to],
  );
  const result = new Map<string, WomensFederationScorecardFigures>();
  for (const year of new Set(years)) {
    const counties = new Map(rows.filter((r) => r.year === year).map((r) => [r.county.trim(), r]));
    const regions = wanted.filter((w) => w.year === year);
    const totals = rollUp(regions.map((w) => w.regionCode), counties, zero);
    for (const w of regions) result.set(w.key, totals.get(w.regionCode)!);
  }
  return result;
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
}

/** A key set and the year it is measured in: "year:base64". */
export function supportedShareKey(year: number, keySet: string): string {
  return `${year}:${keySet}`;
}

/**
 * How many of each key set (poverty's poor women trainees) the federation has supported by
 * the end of the year. One statement for every set in the request: each prefix travels
 * tagged with its set's position, and the year's end is looked up by that position.
 */
export async function supportedShares(db: DataSource, keys: readonly string[]): Promise<Map<string, SupportedShare>> {
  const sets = keys.map((key) => {
    const colon = key.indexOf(':');
    return { year: Number(key.slice(0, colon)), prefixes: [...new Set(decodeOrRefuse(key.slice(colon + 1)))] };
  });
  const positions: bigint[] = [];
  const prefixes: bigint[] = [];
  sets.forEach((set, i) => set.prefixes.forEach((prefix) => {
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
  return new Map(keys.map((key, i) => [key, { people: sets[i].prefixes.length, supported: supported.get(i + 1) ?? 0 }]));
}

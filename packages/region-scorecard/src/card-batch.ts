import { countiesUnder } from '@rg/regions';
import { parseScorecardKey } from './scorecard-figures';
import { yearRange } from './roll-up';

/**
 * Every scorecard a request asks a department for, as the parameters of one grouped statement.
 * Each card (a region-year) is spread over the counties it rolls up, so a statement joins its
 * records to `unnest($card, $county, $year)` and groups by card: 2 cards or 200, city, county
 * or province, the department sends the same statements. Records carry county codes.
 */
export interface CardBatch {
  /** The loader keys, "regionCode:year"; a card is its position here. */
  keys: readonly string[];
  /** Parallel arrays, one element per (card, county under its region). */
  card: number[];
  county: string[];
  year: number[];
  /** Every county any card needs, for an indexed `region_code = ANY(...)` pre-filter. */
  counties: string[];
  /** [first day of the earliest year, first day after the latest year). */
  from: string;
  to: string;
}

export function cardBatch(keys: readonly string[]): CardBatch {
  const batch: CardBatch = { keys, card: [], county: [], year: [], counties: [], from: '', to: '' };
  const counties = new Set<string>();
  const years: number[] = [];
  keys.forEach((key, card) => {
    const { regionCode, year } = parseScorecardKey(key);
    years.push(year);
    for (const county of countiesUnder(regionCode)) {
      batch.card.push(card);
      batch.county.push(county);
      batch.year.push(year);
      counties.add(county);
    }
  });
  batch.counties = [...counties];
  batch.from = yearRange(Math.min(...years))[0];
  batch.to = yearRange(Math.max(...years))[1];
  return batch;
}

/**
 * The CTE that lists the batch's cards, `cards(card, county, year)`, reading parameters $1–$3
 * (pass `cardParameters(batch)` first); $4–$6 are the county pre-filter and the date range.
 */
export const CARDS_CTE = `cards AS (SELECT * FROM unnest($1::int[], $2::text[], $3::int[]) AS c(card, county, year))`;

/**
 * A statement that sums a summary table per county-year first (`countiesSql`: a SELECT
 * returning `region_code`, the year as `yearColumn` and each of `sums`) and then per card: a
 * grouping of the few county-years the cards cover, instead of joining every summary row to
 * its cards before grouping. Reads the parameters CARDS_CTE reads, and whatever `countiesSql` does.
 */
export function summedPerCard(countiesSql: string, yearColumn: string, sums: readonly string[]): string {
  return `WITH ${CARDS_CTE},
     counties AS (${countiesSql})
     SELECT c.card, ${sums.map((column) => `sum(k.${column}) AS ${column}`).join(', ')}
     FROM counties k JOIN cards c ON c.county = k.region_code AND c.year = k.${yearColumn}
     GROUP BY c.card`;
}

export function cardParameters(batch: CardBatch): unknown[] {
  return [batch.card, batch.county, batch.year, batch.counties, batch.from, batch.to];
}

/** Rows grouped by card back to their keys; a card without rows gets `zero()`. */
export function byCard<T>(batch: CardBatch, rows: ReadonlyArray<{ card: number } & T>, zero: () => T): Map<string, T> {
  const found = new Map<number, T>(rows.map((row) => [Number(row.card), row]));
  return new Map(batch.keys.map((key, card) => [key, found.get(card) ?? zero()]));
}

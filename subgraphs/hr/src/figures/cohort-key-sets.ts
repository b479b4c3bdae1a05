import type { DataSource } from 'typeorm';
import { aggregateCache } from '@rg/data-helpers';
import { cardBatch, flagsOfSubset, sortedPrefixes } from '@rg/region-scorecard';

/** The trained cohort's person-key prefixes, for poverty to match against its registry. */
export interface HrCohortKeySets {
  traineeKeySet: string;
  /** The women among them, a bit per prefix of traineeKeySet (key-set-flags.ts), base64. */
  womenTraineeFlags: string;
}

/**
 * Each card's trained cohort as key sets (sorted 8-byte big-endian prefixes, base64; see
 * key-set.ts), its women flagged in it (key-set-flags.ts). completion_tally's cohort index
 * holds each county-year's completed trainees, so PostgreSQL hands back every county-year of
 * the batch as bytes (one statement for the whole batch), unordered: each card's counties are
 * put in order here with one native sort of 8-byte integers, which an ORDER BY in the
 * aggregates would only repeat (a sort a county-year and set, 60 % of the statement for a
 * province). A province-year's 250,000 prefixes were sorted as rows in PostgreSQL, spilling to
 * disk, on every question before. Asked only by the gateway for poverty's @requires, so the
 * scorecard's own figures never touch a cohort's prefixes.
 */
async function keySetsFor(db: DataSource, keys: readonly string[]): Promise<Map<string, HrCohortKeySets>> {
  const batch = cardBatch(keys);
  const rows: Array<{ year: number; county: string; prefixes: Buffer; women: Buffer | null }> = await db.query(
    `SELECT k.completed_year AS year, k.region_code AS county,
       string_agg(int8send(k.person_key_prefix), ''::bytea) AS prefixes,
       string_agg(int8send(k.person_key_prefix), ''::bytea) FILTER (WHERE k.gender = 'FEMALE') AS women
     FROM completion_tally k
     WHERE k.region_code = ANY($1) AND k.completed_year = ANY($2::smallint[]) AND k.completions > 0
     GROUP BY k.completed_year, k.region_code`,
    [batch.counties, [...new Set(batch.year)]],
  );
  const byCountyYear = new Map(rows.map((row) => [`${row.county}:${row.year}`, row]));
  const runs = keys.map(() => ({ all: [] as Buffer[], women: [] as Buffer[] }));
  batch.card.forEach((card, i) => {
    const row = byCountyYear.get(`${batch.county[i]}:${batch.year[i]}`);
    if (row) runs[card].all.push(row.prefixes);
    if (row?.women) runs[card].women.push(row.women);
  });
  return new Map(keys.map((key, card) => {
    const all = sortedPrefixes(runs[card].all);
    return [key, {
      traineeKeySet: all.toString('base64'),
      womenTraineeFlags: flagsOfSubset(all, sortedPrefixes(runs[card].women)).toString('base64'),
    }];
  }));
}

/** Cached across requests (see aggregateCache) by card; the cards a batch misses are computed together. */
export async function cohortKeySets(db: DataSource, keys: readonly string[]): Promise<Map<string, HrCohortKeySets>> {
  return aggregateCache<HrCohortKeySets>(db, 'cohort-key-sets').getMany(keys, (missing) => keySetsFor(db, missing));
}

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
 * key-set.ts), its women flagged in it (key-set-flags.ts). cohort_key_set keeps each
 * county-year's cohort and its women as key-set bytes, built with the writes, so the whole batch
 * is one statement reading a row per county-year (a province-year: 104 rows, 2 MB), never the
 * cohort's 250,000 index entries aggregated per question. Each card's counties are put in order
 * here with one native sort of 8-byte integers. Asked only by the gateway for poverty's
 * @requires, so the scorecard's own figures never touch a cohort's prefixes.
 */
async function keySetsFor(db: DataSource, keys: readonly string[]): Promise<Map<string, HrCohortKeySets>> {
  const batch = cardBatch(keys);
  // As base64 text: node-postgres reads a bytea's text form, hex, twice the bytes, and its
  // decoding cost more than the whole sort below.
  const rows: Array<{ year: number; county: string; prefixes: string; women: string }> = await db.query(
    `SELECT completed_year AS year, region_code AS county, encode(trainees, 'base64') AS prefixes, encode(women, 'base64') AS women
     FROM cohort_key_set
     WHERE region_code = ANY($1) AND completed_year = ANY($2::smallint[])`,
    [batch.counties, [...new Set(batch.year)]],
  );
  const byCountyYear = new Map(rows.map((row) => [`${row.county}:${row.year}`, row]));
  const runs = keys.map(() => ({ all: [] as Buffer[], women: [] as Buffer[] }));
  batch.card.forEach((card, i) => {
    const row = byCountyYear.get(`${batch.county[i]}:${batch.year[i]}`);
    if (!row) return;
    runs[card].all.push(Buffer.from(row.prefixes, 'base64')); // its line breaks are skipped
    runs[card].women.push(Buffer.from(row.women, 'base64'));
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

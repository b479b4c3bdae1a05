import { comparePrefixes } from './key-set-bytes';

/**
 * A department's rows for the prefixes a key set asked about, as one bytea of fixed-size
 * records, each starting with its 8-byte prefix (string_agg of int8send(prefix) || …), put in
 * prefix order by recordsInPrefixOrder: one statement answers every set of a request, and each
 * set is then walked against the records here, without a BigInt or a row object a person.
 */

/**
 * The first record at or after `from` whose prefix is not below the person at `p` of `people`:
 * galloping, then a binary search, so a county's few hundred people find their place among a
 * batch's 200,000 records without walking them all.
 */
function firstRecordFrom(records: Buffer, recordBytes: number, from: number, people: Buffer, p: number): number {
  const count = records.length / recordBytes;
  // The usual case when the records are as dense as the people (a cohort against its registry rows).
  if (from >= count || comparePrefixes(records, from * recordBytes, people, p) >= 0) return from;
  let low = from + 1;
  let high = from + 1;
  for (let step = 1; high < count && comparePrefixes(records, high * recordBytes, people, p) < 0; step *= 2) {
    low = high + 1;
    high += step;
  }
  high = Math.min(high, count);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comparePrefixes(records, middle * recordBytes, people, p) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Calls `visit` for each person of `people` (distinct prefixes, ascending) with the byte offset
 * of the person and the byte range [first, end) of the records carrying their prefix (empty
 * when none does).
 */
export function forEachPersonsRecords(
  people: Buffer, records: Buffer, recordBytes: number, visit: (person: number, first: number, end: number) => void,
): void {
  let record = 0;
  for (let p = 0; p < people.length; p += 8) {
    record = firstRecordFrom(records, recordBytes, record, people, p);
    let end = record * recordBytes;
    while (end < records.length && comparePrefixes(records, end, people, p) === 0) end += recordBytes;
    visit(p, record * recordBytes, end);
  }
}

/**
 * The records in prefix order (the order among equal prefixes kept): as they are when they
 * arrive so, else sorted here. A statement that reads its records off a prefix index hands
 * them back in that order already; asking PostgreSQL to guarantee it (string_agg … ORDER BY)
 * sorted a province's 190,000 records in the aggregate on every question, more than half the
 * statement. Checked here instead of assumed, so another plan costs a sort, never a wrong answer.
 */
export function recordsInPrefixOrder(records: Buffer, recordBytes: number): Buffer {
  if (records.length % recordBytes !== 0) throw new Error(`records are not a whole number of ${recordBytes}-byte records`);
  let ordered = true;
  for (let r = recordBytes; r < records.length && ordered; r += recordBytes) {
    ordered = comparePrefixes(records, r - recordBytes, records, r) <= 0;
  }
  if (ordered) return records;
  const order = Array.from({ length: records.length / recordBytes }, (_, i) => i);
  order.sort((a, b) => comparePrefixes(records, a * recordBytes, records, b * recordBytes) || a - b);
  const out = Buffer.alloc(records.length);
  order.forEach((record, i) => records.copy(out, i * recordBytes, record * recordBytes, (record + 1) * recordBytes));
  return out;
}

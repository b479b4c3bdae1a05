import { countiesUnder } from '@rg/regions';

/**
 * Rolls per-county rows up to any requested regions: one grouped query answers every region
 * of a request, whatever its level. `rows` are keyed by county code.
 */
export function rollUp<T extends Record<string, number>>(
  regionCodes: readonly string[],
  rows: Map<string, T>,
  zero: () => T,
): Map<string, T> {
  const result = new Map<string, T>();
  for (const code of regionCodes) {
    const total = zero();
    for (const county of countiesUnder(code)) {
      const row = rows.get(county);
      if (!row) continue;
      for (const key of Object.keys(total) as (keyof T)[]) (total[key] as number) += Number(row[key]);
    }
    result.set(code, total);
  }
  return result;
}

/** Every county under any of the codes, for a single `= ANY($1)` filter. */
export function countiesUnderAll(regionCodes: readonly string[]): string[] {
  return [...new Set(regionCodes.flatMap((code) => countiesUnder(code)))];
}

/** [first day of year, first day of next year) as ISO dates. */
export function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year + 1}-01-01`];
}

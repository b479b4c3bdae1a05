import DataLoader from 'dataloader';

/**
 * Per-request loaders: every entity reference and relation goes through one of these, so a
 * page of 20 and a page of 200 cost the same number of SQL statements.
 */

/** One row per key (or null): `fetch` receives all keys asked for in one tick. */
export function loaderByKey<K, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, T>();
    for (const row of rows) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  }, { maxBatchSize: 1000 });
}

/** Many rows per key (a one-to-many relation), in key order; an empty list when there are none. */
export function loaderByGroup<K, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  groupOf: (row: T) => K,
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, T[]>();
    for (const row of rows) {
      const group = groups.get(groupOf(row)) ?? [];
      group.push(row);
      groups.set(groupOf(row), group);
    }
    return keys.map((key) => groups.get(key) ?? []);
  }, { maxBatchSize: 1000 });
}

/** One computed value per key, e.g. an aggregate per region code. */
export function loaderOfValues<K, V>(fetch: (keys: readonly K[]) => Promise<Map<K, V>>, fallback: V): DataLoader<K, V> {
  return new DataLoader<K, V>(async (keys) => {
    const values = await fetch(keys);
    return keys.map((key) => values.get(key) ?? fallback);
  });
}

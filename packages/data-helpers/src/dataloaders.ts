import DataLoader from 'dataloader';
import type { EntityRows } from './entity-rows';

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

/** The raw column in which a `loaderThroughRows` query hands back the key each row was found by. */
export const LINK_KEY = 'link_key';

/**
 * One record per key, reached through a link row (a person key's household through its member
 * row, a venture's park through its open residency) in one statement: `select` joins the link
 * to the record, reads the record's columns as `rows.columns` names them (its primary key
 * column being `id`) and the key as `LINK_KEY`. Asking for the link first and the record by
 * id after it costs a second round trip on every request. A record linked from several keys
 * is one object; each record found primes `byId`, so a later load of the same record by its
 * id is answered without SQL.
 */
export function loaderThroughRows<K, T extends { id: number }>(
  rows: EntityRows<T>,
  select: (keys: readonly K[]) => Promise<Record<string, unknown>[]>,
  byId?: DataLoader<number, T | null>,
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const records = new Map<unknown, T>();
    const byKey = new Map<unknown, T>();
    for (const row of await select(keys)) {
      let record = records.get(row.id);
      if (!record) records.set(row.id, (record = rows.hydrate(row)));
      byKey.set(row[LINK_KEY], record);
    }
    for (const record of records.values()) byId?.prime(record.id, record);
    return keys.map((key) => byKey.get(key) ?? null);
  }, { maxBatchSize: 1000 });
}

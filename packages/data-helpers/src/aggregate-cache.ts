import type { DataSource } from 'typeorm';
import { wholeNumber } from '@rg/settings';

/** AGGREGATE_CACHE_MS: how long an aggregate is kept (30 s; 0 = not kept). */
export function aggregateCacheMs(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env, 'AGGREGATE_CACHE_MS', 30_000, 0);
}

/**
 * Aggregates (scorecards, registry matches) are costly at a million trainees and change
 * slowly, and one gateway request may ask a department for the same scorecard twice (once
 * per @requires chain). They are kept for a short while, shared across requests; concurrent
 * askers share the computation in flight. `AGGREGATE_CACHE_MS` sets how stale a figure may
 * be (default 30 s; 0 turns the cache off).
 */
export class AggregateCache<V> {
  private readonly entries = new Map<string, { expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs = aggregateCacheMs(),
    private readonly maxEntries = 256,
  ) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = compute();
    this.remember(key, value, now);
    return value;
  }

  /**
   * Many keys at once: those cached (or in flight) come from the cache, and the rest are
   * computed together by one call, so a batch of 200 scorecards costs one computation, not 200.
   */
  async getMany(keys: readonly string[], computeMissing: (missing: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    if (this.ttlMs <= 0) return computeMissing([...new Set(keys)]);
    const now = Date.now();
    const values = new Map<string, Promise<V>>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const hit = this.entries.get(key);
      if (hit && hit.expires > now) values.set(key, hit.value);
      else missing.push(key);
    }
    if (missing.length > 0) {
      const computed = computeMissing(missing);
      for (const key of missing) {
        const value = computed.then((all) => {
          if (!all.has(key)) throw new Error(`aggregate ${key} was not computed`);
          return all.get(key)!;
        });
        this.remember(key, value, now);
        values.set(key, value);
      }
    }
    const entries = await Promise.all([...values].map(async ([key, value]) => [key, await value] as const));
    return new Map(entries);
  }

  private remember(key: string, value: Promise<V>, now: number): void {
    if (this.entries.size >= this.maxEntries) {
      for (const [k, entry] of this.entries) if (entry.expires <= now) this.entries.delete(k);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => this.entries.delete(key)); // a failure is not remembered
  }
}

const caches = new WeakMap<DataSource, Map<string, AggregateCache<unknown>>>();

/** The process-wide cache of one kind of aggregate over one department's database. */
export function aggregateCache<V>(db: DataSource, name: string): AggregateCache<V> {
  let byName = caches.get(db);
  if (!byName) caches.set(db, (byName = new Map()));
  let cache = byName.get(name);
  if (!cache) byName.set(name, (cache = new AggregateCache<unknown>()));
  return cache as AggregateCache<V>;
}

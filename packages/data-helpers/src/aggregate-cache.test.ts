import { AggregateCache } from './aggregate-cache';

describe('AggregateCache', () => {
  it('computes once for concurrent and repeated askers within its lifetime', async () => {
    const cache = new AggregateCache<number>(1000);
    let computed = 0;
    const compute = async () => ++computed;
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a, b, await cache.get('k', compute)]).toEqual([1, 1, 1]);
    expect(await cache.get('other', compute)).toBe(2);
  });

  it('recomputes after expiry, never remembers a failure, and can be turned off', async () => {
    const cache = new AggregateCache<number>(5);
    let computed = 0;
    await cache.get('k', async () => ++computed);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await cache.get('k', async () => ++computed)).toBe(2);
    await expect(cache.get('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('bad', async () => 42)).toBe(42);
    const off = new AggregateCache<number>(0);
    expect(await off.get('k', async () => ++computed)).toBe(3);
    expect(await off.get('k', async () => ++computed)).toBe(4);
  });

  it('computes the keys a batch misses in one call and takes the rest from the cache', async () => {
    const cache = new AggregateCache<string>(1000);
    const calls: string[][] = [];
    const compute = async (missing: string[]) => {
      calls.push(missing);
      return new Map(missing.map((key) => [key, `v${key}`]));
    };
    expect(await cache.get('a', async () => 'cached a')).toBe('cached a');
    const values = await cache.getMany(['a', 'b', 'c', 'b'], compute);
    expect([...values]).toEqual([['a', 'cached a'], ['b', 'vb'], ['c', 'vc']]);
    expect(calls).toEqual([['b', 'c']]);
    expect((await cache.getMany(['c', 'b'], compute)).get('c')).toBe('vc');
    expect(calls).toHaveLength(1);
    await expect(cache.getMany(['d'], async () => new Map())).rejects.toThrow('aggregate d was not computed');
    expect(await cache.get('d', async () => 'later')).toBe('later'); // the failure is not remembered
    const off = new AggregateCache<string>(0);
    await off.getMany(['x'], compute);
    await off.getMany(['x'], compute);
    expect(calls).toEqual([['b', 'c'], ['x'], ['x']]);
  });
});

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
});

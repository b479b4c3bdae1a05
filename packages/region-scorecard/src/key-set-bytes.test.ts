import { bigintArrayParameter, distinctSortedPrefixes, keySetBytes, sortedPrefixes, unionOfPrefixes } from './key-set-bytes';
import { decodeKeySet, encodeKeySet } from './key-set';

/** Deterministic pseudo-random signed 64-bit prefixes (xorshift), with the extremes and a repeat. */
function prefixes(count: number, seed = 0x2545f4914f6cdd1dn): bigint[] {
  const mask = (1n << 64n) - 1n;
  let x = seed;
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    x ^= (x << 13n) & mask;
    x ^= x >> 7n;
    x ^= (x << 17n) & mask;
    out.push(BigInt.asIntN(64, x));
  }
  return [...out, out[3], -1n, 0n, 1n, -(1n << 63n), (1n << 63n) - 1n];
}
const ascending = (values: bigint[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const bytesOf = (values: bigint[]) => keySetBytes(encodeKeySet(values));

describe('key sets as bytes', () => {
  const values = prefixes(5000);

  it('sorts runs into the bytes encodeKeySet writes, duplicates kept', () => {
    const runs = [0, 1, 2].map((r) => bytesOf(values.filter((_, i) => i % 3 === r)));
    expect(sortedPrefixes(runs).toString('base64')).toBe(encodeKeySet(values));
    expect(sortedPrefixes([])).toHaveLength(0);
  });

  it('gives the same bytes whether the runs are merged (a few, each ascending) or sorted (many, or out of order)', () => {
    const many = [0, 1, 2, 3, 4, 5, 6].map((r) => bytesOf(values.filter((_, i) => i % 7 === r)));
    expect(sortedPrefixes(many).toString('base64')).toBe(encodeKeySet(values));
    // A set and its subset (hr's cohort and its women): the subset's prefixes appear twice.
    const subset = values.filter((_, i) => i % 5 === 0);
    expect(sortedPrefixes([bytesOf(values), bytesOf(subset)]).toString('base64')).toBe(encodeKeySet([...values, ...subset]));
    const descending = Buffer.alloc(16);
    descending.writeBigInt64BE(7n, 0);
    descending.writeBigInt64BE(-7n, 8);
    expect(sortedPrefixes([descending, bytesOf([0n])])).toEqual(bytesOf([-7n, 0n, 7n]));
  });

  it('unites sets in any order into each prefix once, ascending', () => {
    const shuffled = Buffer.alloc(values.length * 8);
    [...values].reverse().forEach((v, i) => shuffled.writeBigInt64BE(v, i * 8));
    const union = unionOfPrefixes([shuffled, bytesOf(values.slice(0, 100))]);
    expect(decodeKeySet(union.toString('base64'))).toEqual(ascending([...new Set(values)]));
    expect(distinctSortedPrefixes(bytesOf([5n, 5n, -3n]))).toEqual(bytesOf([-3n, 5n]));
  });

  it('refuses bytes that are not whole prefixes, as decodeKeySet does', () => {
    expect(() => keySetBytes('AAAA')).toThrow('key set is not a whole number of 64-bit prefixes');
    expect(keySetBytes('')).toHaveLength(0);
  });

  it("writes PostgreSQL's binary bigint[] format, from bytes at any offset", () => {
    const set = [-(1n << 63n), -3n, 0n, 5n, (1n << 63n) - 1n];
    const unaligned = Buffer.alloc(set.length * 8 + 1).subarray(1);
    bytesOf(set).copy(unaligned);
    for (const bytes of [bytesOf(set), unaligned]) {
      const parameter = bigintArrayParameter(bytes);
      expect([0, 4, 8, 12, 16].map((offset) => parameter.readInt32BE(offset))).toEqual([1, 0, 20, set.length, 1]);
      set.forEach((value, e) => {
        expect(parameter.readInt32BE(20 + 12 * e)).toBe(8);
        expect(parameter.readBigInt64BE(24 + 12 * e)).toBe(value);
      });
      expect(parameter).toHaveLength(20 + 12 * set.length);
    }
    expect(bigintArrayParameter(Buffer.alloc(0)).toString('hex')).toBe('000000000000000000000014');
  });
});

import { flaggedPrefixes, flagsOfSubset } from './key-set-flags';
import { keySetBytes } from './key-set-bytes';
import { encodeKeySet } from './key-set';

const bytesOf = (values: bigint[]) => keySetBytes(encodeKeySet(values));

describe('a subset flagged in its key set', () => {
  // Signed extremes, a repeat in the set and in the subset, a repeat the subset holds once.
  const all = [-(1n << 63n), -7n, -7n, 0n, 3n, 3n, 3n, 9n, 12n, (1n << 63n) - 1n];
  const subsets: bigint[][] = [[], [-7n, 3n, 3n, (1n << 63n) - 1n], [-(1n << 63n), -7n, -7n], [...all], [12n]];

  it.each(subsets)('reads back the bytes of the subset\'s own key set (%#)', (...subset: bigint[]) => {
    const flags = flagsOfSubset(bytesOf(all), bytesOf(subset));
    expect(flags).toHaveLength(2);
    expect(flaggedPrefixes(bytesOf(all), flags).toString('base64')).toBe(encodeKeySet(subset));
  });

  it('reads a set from bytes at any offset', () => {
    const unaligned = Buffer.alloc(all.length * 8 + 1).subarray(1);
    bytesOf(all).copy(unaligned);
    const subset = [-7n, 3n, 12n];
    expect(flaggedPrefixes(unaligned, flagsOfSubset(unaligned, bytesOf(subset))).toString('base64')).toBe(encodeKeySet(subset));
  });

  it('flags bit i, most significant first, for the i-th prefix', () => {
    expect(flagsOfSubset(bytesOf(all), bytesOf([-7n, 12n, (1n << 63n) - 1n])).toString('hex')).toBe('40c0');
    expect(flagsOfSubset(Buffer.alloc(0), Buffer.alloc(0))).toHaveLength(0);
  });

  it('refuses a subset that is not one, and flags of another length or past the end', () => {
    expect(() => flagsOfSubset(bytesOf(all), bytesOf([4n]))).toThrow('the subset holds a prefix the key set does not');
    expect(() => flagsOfSubset(bytesOf(all), bytesOf([12n, 12n]))).toThrow('the subset holds a prefix the key set does not');
    expect(() => flagsOfSubset(bytesOf([1n]), bytesOf([2n]))).toThrow('the subset holds a prefix the key set does not');
    expect(() => flaggedPrefixes(bytesOf(all), Buffer.alloc(1))).toThrow('the flags are not one bit per prefix of the key set');
    expect(() => flaggedPrefixes(bytesOf(all), Buffer.from([0, 0x20]))).toThrow("the flags name prefixes past the key set's end");
    expect(flaggedPrefixes(bytesOf(all), Buffer.from([0, 0x40])).toString('base64')).toBe(encodeKeySet([(1n << 63n) - 1n]));
  });
});

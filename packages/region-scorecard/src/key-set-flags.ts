import { comparePrefixes } from './key-set-bytes';

/**
 * A subset of a key set sent as one bit per prefix of the whole set instead of a second copy of
 * its prefixes: hr's women trainees are flagged in its trainee set (bit i, most significant bit
 * first in byte i >> 3, is the i-th prefix), so a province-year's 100,000 women travel as 31 KB
 * instead of 800 KB, and poverty, which needs both sets, gets them in one fetch. The subset read
 * back is the same bytes the subset's own key set would be: sorted, duplicates kept.
 */

const PREFIX_BYTES = 8;

/**
 * The flags of `subset` (sorted prefixes, every one also in `all`, as many times at most) in
 * `all` (sorted prefixes): one walk of both. Equal prefixes are interchangeable, so which of
 * several equal prefixes of `all` carries the flag does not change the subset read back.
 */
export function flagsOfSubset(all: Buffer, subset: Buffer): Buffer {
  const flags = Buffer.alloc(Math.ceil(all.length / PREFIX_BYTES / 8));
  let s = 0;
  for (let a = 0; a < all.length && s < subset.length; a += PREFIX_BYTES) {
    const order = comparePrefixes(all, a, subset, s);
    if (order > 0) throw new Error('the subset holds a prefix the key set does not');
    if (order === 0) {
      const i = a / PREFIX_BYTES;
      flags[i >> 3] |= 0x80 >> (i & 7);
      s += PREFIX_BYTES;
    }
  }
  if (s < subset.length) throw new Error('the subset holds a prefix the key set does not');
  return flags;
}

/**
 * The prefixes of `all` whose flag is set, in their order; throws on flags of another length.
 * Copied as pairs of 32-bit words (a copy call a prefix cost 95 ms for a province's cohort).
 */
export function flaggedPrefixes(all: Buffer, flags: Buffer): Buffer {
  const count = all.length / PREFIX_BYTES;
  if (flags.length !== Math.ceil(count / 8)) throw new Error('the flags are not one bit per prefix of the key set');
  if (count % 8 !== 0 && (flags[flags.length - 1] & (0xff >> (count % 8))) !== 0) throw new Error('the flags name prefixes past the key set\'s end');
  const source = all.byteOffset % 4 === 0 ? all : alignedCopy(all);
  const from = new Uint32Array(source.buffer, source.byteOffset, count * 2);
  const out = Buffer.alloc(all.length); // its own memory, aligned for the word view
  const to = new Uint32Array(out.buffer, out.byteOffset, count * 2);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    if (flags[i >> 3] & (0x80 >> (i & 7))) {
      to[kept++] = from[2 * i];
      to[kept++] = from[2 * i + 1];
    }
  }
  return out.subarray(0, kept * 4);
}

function alignedCopy(bytes: Buffer): Buffer {
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  return copy;
}

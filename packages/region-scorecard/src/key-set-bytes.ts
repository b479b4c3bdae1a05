/**
 * Key sets handled as the bytes they are (8-byte big-endian signed prefixes, see key-set.ts),
 * never as a BigInt a person: at a province-year cohort of 250,000 people, turning each prefix
 * into a BigInt, a Set entry and a decimal string cost more than PostgreSQL's whole match.
 */

const PREFIX_BYTES = 8;

/** The bytes of an encoded key set; throws, as decodeKeySet does, on a length that is not whole prefixes. */
export function keySetBytes(encoded: string): Buffer {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length % PREFIX_BYTES !== 0) throw new Error('key set is not a whole number of 64-bit prefixes');
  return bytes;
}

/**
 * Orders the prefix at a[i] against the one at b[j] as signed 64-bit numbers: negative, 0 or
 * positive. Big-endian two's complement: the high 32 bits signed, then the low ones unsigned,
 * each assembled from its bytes (Buffer's readInt32BE, with its checks, made the walks over a
 * province's cohort three times slower; a loop over eight bytes is slowest on equal prefixes,
 * the usual case when a set meets its own records).
 */
export function comparePrefixes(a: Uint8Array, i: number, b: Uint8Array, j: number): number {
  const high = ((a[i] << 24) | (a[i + 1] << 16) | (a[i + 2] << 8) | a[i + 3]) - ((b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3]);
  if (high !== 0) return high;
  return (((a[i + 4] << 24) | (a[i + 5] << 16) | (a[i + 6] << 8) | a[i + 7]) >>> 0)
    - (((b[j + 4] << 24) | (b[j + 5] << 16) | (b[j + 6] << 8) | b[j + 7]) >>> 0);
}

/** Whether a run's prefixes ascend (equal neighbours allowed): one walk. */
function ascending(run: Buffer): boolean {
  for (let i = PREFIX_BYTES; i < run.length; i += PREFIX_BYTES) {
    if (comparePrefixes(run, i - PREFIX_BYTES, run, i) > 0) return false;
  }
  return true;
}

/** Two ascending runs merged into one, duplicates kept; the bytes copied one by one (a copy call a prefix costs more). */
function merged(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(a.length + b.length); // its own memory, aligned for the typed-array views
  let i = 0;
  let j = 0;
  for (let o = 0; o < out.length; o += PREFIX_BYTES) {
    if (j >= b.length || (i < a.length && comparePrefixes(a, i, b, j) <= 0)) {
      for (let k = 0; k < PREFIX_BYTES; k++) out[o + k] = a[i + k];
      i += PREFIX_BYTES;
    } else {
      for (let k = 0; k < PREFIX_BYTES; k++) out[o + k] = b[j + k];
      j += PREFIX_BYTES;
    }
  }
  return out;
}

/** Runs of ascending prefixes that, as the usual case, a merge puts in order faster than a sort of all. */
const MERGED_RUNS = 4;

/**
 * Every prefix of the runs, ascending, duplicates kept (each county's cohort merged into its
 * city's or province's key set). A few runs that each ascend already (a key set and its
 * subset; a key set that arrived sorted) are merged in one walk each; otherwise they are
 * sorted natively: the bytes are swapped into the machine's order, sorted as a BigInt64Array
 * (a C++ sort, no BigInt per element) and swapped back.
 */
export function sortedPrefixes(runs: readonly Buffer[]): Buffer {
  if (runs.length <= MERGED_RUNS && runs.every(ascending)) {
    if (runs.length === 1) return copied(runs[0]);
    return runs.reduce((all, run) => merged(all, run), Buffer.alloc(0));
  }
  const total = runs.reduce((sum, run) => sum + run.length, 0);
  const out = Buffer.alloc(total); // its own memory, aligned for the typed-array views
  let offset = 0;
  for (const run of runs) offset += run.copy(out, offset);
  out.swap64();
  new BigInt64Array(out.buffer, out.byteOffset, total / PREFIX_BYTES).sort();
  out.swap64();
  return out;
}

/** The union of sets in any order: each prefix once, ascending. */
export function unionOfPrefixes(sets: readonly Buffer[]): Buffer {
  const sorted = sortedPrefixes(sets);
  // Equal prefixes are equal pairs of 32-bit words, whatever the byte order.
  const words = new Uint32Array(sorted.buffer, sorted.byteOffset, sorted.length / 4);
  let kept = 0;
  for (let w = 0; w < words.length; w += 2) {
    if (kept > 0 && words[kept - 2] === words[w] && words[kept - 1] === words[w + 1]) continue;
    words[kept] = words[w];
    words[kept + 1] = words[w + 1];
    kept += 2;
  }
  return sorted.subarray(0, kept * 4);
}

/** A set's prefixes each once, ascending (hr writes them so; a set from elsewhere may not be). */
export function distinctSortedPrefixes(bytes: Buffer): Buffer {
  return unionOfPrefixes([bytes]);
}

/**
 * A `bigint[]` query parameter in PostgreSQL's binary array format, built from the set's bytes:
 * node-postgres sends a Buffer parameter as binary, so the server reads each prefix as 8 bytes
 * instead of parsing a decimal array literal, and Node writes no decimal at all.
 */
export function bigintArrayParameter(bytes: Buffer): Buffer {
  const count = bytes.length / PREFIX_BYTES;
  const INT8_OID = 20;
  const out = Buffer.alloc(count === 0 ? 12 : 20 + count * 12); // its own memory, aligned for the word view
  out.writeInt32BE(count === 0 ? 0 : 1, 0); // dimensions
  out.writeInt32BE(0, 4); // no nulls
  out.writeInt32BE(INT8_OID, 8);
  if (count === 0) return out;
  out.writeInt32BE(count, 12);
  out.writeInt32BE(1, 16); // lower bound
  // Each element is its length (8, a big-endian int32) and its 8 bytes as they are: three
  // 32-bit words copied per prefix.
  const source = bytes.byteOffset % 4 === 0 ? bytes : copied(bytes);
  const from = new Uint32Array(source.buffer, source.byteOffset, count * 2);
  const to = new Uint32Array(out.buffer, out.byteOffset + 20, count * 3);
  const length = new Uint32Array(new Uint8Array([0, 0, 0, PREFIX_BYTES]).buffer)[0];
  for (let e = 0; e < count; e++) {
    to[3 * e] = length;
    to[3 * e + 1] = from[2 * e];
    to[3 * e + 2] = from[2 * e + 1];
  }
  return out;
}

/** A copy of the bytes in memory of its own, aligned for the typed-array views (a caller may rewrite it in place). */
function copied(bytes: Buffer): Buffer {
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  return copy;
}

import { forEachPersonsRecords, recordsInPrefixOrder } from './key-set-records';
import { keySetBytes } from './key-set-bytes';
import { encodeKeySet } from './key-set';

/** 10-byte records: a prefix and a 2-byte tag, in prefix order. */
function recordsOf(rows: Array<[bigint, number]>): Buffer {
  const out = Buffer.alloc(rows.length * 10);
  rows.forEach(([prefix, tag], i) => {
    out.writeBigInt64BE(prefix, i * 10);
    out.writeInt16BE(tag, i * 10 + 8);
  });
  return out;
}

describe("each person's records of a key set's answer", () => {
  it('visits every person once with the records of their prefix, none for the others', () => {
    const people = keySetBytes(encodeKeySet([-(1n << 63n), -5n, 0n, 7n, 9n, (1n << 63n) - 1n]));
    // Records for prefixes not asked (-6, 8) are stepped over; -5 has three, 9 none.
    const records = recordsOf([[-(1n << 63n), 1], [-6n, 2], [-5n, 3], [-5n, 4], [-5n, 5], [7n, 6], [8n, 7], [(1n << 63n) - 1n, 8]]);
    const seen: Array<[bigint, number[]]> = [];
    forEachPersonsRecords(people, records, 10, (p, first, end) => {
      const tags: number[] = [];
      for (let k = first; k < end; k += 10) tags.push(records.readInt16BE(k + 8));
      seen.push([people.readBigInt64BE(p), tags]);
    });
    expect(seen).toEqual([[-(1n << 63n), [1]], [-5n, [3, 4, 5]], [0n, []], [7n, [6]], [9n, []], [(1n << 63n) - 1n, [8]]]);
  });

  it('finds people among many records by galloping, as a walk would', () => {
    const rows: Array<[bigint, number]> = Array.from({ length: 5000 }, (_, i) => [BigInt(i * 3), i % 7]);
    const records = recordsOf(rows);
    const people = keySetBytes(encodeKeySet([1n, 2999n, 3000n, 14997n, 20000n]));
    const found: number[] = [];
    forEachPersonsRecords(people, records, 10, (_, first, end) => found.push(end > first ? records.readInt16BE(first + 8) : -1));
    expect(found).toEqual([-1, -1, 1000 % 7, 4999 % 7, -1]);
  });

  it('puts records in prefix order, keeping the order of equal prefixes, and hands ordered ones back as they are', () => {
    const ordered = recordsOf([[-(1n << 63n), 1], [-5n, 2], [-5n, 3], [7n, 4], [(1n << 63n) - 1n, 5]]);
    expect(recordsInPrefixOrder(ordered, 10)).toBe(ordered);
    const shuffled = recordsOf([[7n, 4], [-5n, 2], [(1n << 63n) - 1n, 5], [-(1n << 63n), 1], [-5n, 3]]);
    expect(recordsInPrefixOrder(shuffled, 10)).toEqual(ordered);
    expect(() => recordsInPrefixOrder(Buffer.alloc(15), 10)).toThrow('records are not a whole number of 10-byte records');
  });
});

/**
 * A set of person-key prefixes (signed 64-bit) packed as sorted big-endian bytes in base64.
 * Cross-department matching at scale sends this instead of whole keys: 8 bytes a person,
 * so 200,000 trainees travel as about 2 MB, and a collision among a million 64-bit
 * pseudorandom prefixes has odds near 1 in 10^7.
 */
export function encodeKeySet(prefixes: Iterable<bigint | string>): string {
  const values = [...prefixes].map((p) => BigInt(p));
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const buffer = Buffer.alloc(values.length * 8);
  values.forEach((value, i) => buffer.writeBigInt64BE(value, i * 8));
  return buffer.toString('base64');
}

export function decodeKeySet(encoded: string): bigint[] {
  const buffer = Buffer.from(encoded, 'base64');
  if (buffer.length % 8 !== 0) throw new Error('key set is not a whole number of 64-bit prefixes');
  const values: bigint[] = new Array(buffer.length / 8);
  for (let i = 0; i < values.length; i++) values[i] = buffer.readBigInt64BE(i * 8);
  return values;
}

/** PostgreSQL array literal for a `bigint[]` parameter (avoids one bind value per element). */
export function toBigintArrayParameter(prefixes: bigint[]): string {
  return `{${prefixes.join(',')}}`;
}

/**
 * The SQL aggregate that builds a key set in PostgreSQL from a `prefix` column (bigint), the
 * same bytes encodeKeySet writes: sorted 8-byte big-endian prefixes, base64 without line
 * breaks. `filter` is an optional aggregate FILTER clause, e.g. " FILTER (WHERE gender = 'FEMALE')".
 * NULL for no rows.
 */
export function keySetSql(filter = ''): string {
  return `translate(encode(string_agg(int8send(prefix), ''::bytea ORDER BY prefix)${filter}, 'base64'), E'\\n', '')`;
}

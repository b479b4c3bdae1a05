/**
 * COPY's text format written field by field, as UTF-8, straight into a buffer: no string per
 * number, per escaped field or per row. A million-trainee seeding writes some eight million
 * rows; building each as a string (a rope of its fields, flattened and encoded on the way
 * into the chunk) made about a kilobyte of garbage a row, and the seeding process spent a
 * third of its time collecting it.
 *
 * The bytes are exactly those of the row built as a string and encoded with Buffer.write:
 * null and undefined as \N; backslash, tab, newline and carriage return escaped; an
 * unpaired surrogate as U+FFFD, as Node's UTF-8 encoder writes it; arrays as PostgreSQL
 * array literals.
 */

const BACKSLASH = 0x5c;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** A field as written: a string, a safe integer, a boolean or null as they are; anything else as its text. */
export type CopyField = string | number | boolean | null;

/** A row's value as a field: fractions and bigints as String gives them, arrays as array literals. */
export function copyField(value: unknown): CopyField {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (value === undefined) return null;
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
  return String(value);
}

/** The most bytes a field takes (a string's UTF-16 unit is at most 3 bytes, escaped or not). */
export function copyFieldBound(field: CopyField): number {
  return typeof field === 'string' ? field.length * 3 : 24;
}

/** Writes one field at `at`, which has copyFieldBound(field) bytes of room, and returns the offset after it. */
export function writeCopyField(buffer: Buffer, at: number, field: CopyField): number {
  if (typeof field === 'string') return writeText(buffer, at, field);
  if (typeof field === 'number') return writeInteger(buffer, at, field);
  if (field === null) {
    buffer[at] = BACKSLASH;
    buffer[at + 1] = 0x4e; // N
    return at + 2;
  }
  buffer[at] = field ? 0x74 : 0x66; // t, f
  return at + 1;
}

/** A safe integer's decimal digits (as String writes it; -0 as 0). */
function writeInteger(buffer: Buffer, at: number, value: number): number {
  let n = value;
  if (n < 0) {
    buffer[at++] = 0x2d; // -
    n = -n;
  }
  let digits = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  const end = at + digits;
  for (let i = end - 1; i >= at; i--) {
    const next = Math.floor(n / 10);
    buffer[i] = 0x30 + (n - next * 10);
    n = next;
  }
  return end;
}

/** A string as escaped UTF-8. */
function writeText(buffer: Buffer, at: number, text: string): number {
  let o = at;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === BACKSLASH) {
        buffer[o++] = BACKSLASH;
        buffer[o++] = BACKSLASH;
      } else if (c === TAB) {
        buffer[o++] = BACKSLASH;
        buffer[o++] = 0x74; // t
      } else if (c === NEWLINE) {
        buffer[o++] = BACKSLASH;
        buffer[o++] = 0x6e; // n
      } else if (c === RETURN) {
        buffer[o++] = BACKSLASH;
        buffer[o++] = 0x72; // r
      } else buffer[o++] = c;
    } else if (c < 0x800) {
      buffer[o++] = 0xc0 | (c >> 6);
      buffer[o++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const low = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        buffer[o++] = 0xf0 | (point >> 18);
        buffer[o++] = 0x80 | ((point >> 12) & 0x3f);
        buffer[o++] = 0x80 | ((point >> 6) & 0x3f);
        buffer[o++] = 0x80 | (point & 0x3f);
        i++;
      } else {
        // An unpaired surrogate: U+FFFD, as Buffer.write encodes it.
        buffer[o++] = 0xef;
        buffer[o++] = 0xbf;
        buffer[o++] = 0xbd;
      }
    } else {
      buffer[o++] = 0xe0 | (c >> 12);
      buffer[o++] = 0x80 | ((c >> 6) & 0x3f);
      buffer[o++] = 0x80 | (c & 0x3f);
    }
  }
  return o;
}

import { copyField, copyFieldBound, writeCopyField } from './bulk-copy-text';

/** The row as COPY's text format spells it, built as a string and encoded by Buffer: what the writer must match byte for byte. */
function expected(values: unknown[]): Buffer {
  const text = (value: unknown): string => {
    if (value === null || value === undefined) return '\\N';
    if (typeof value === 'boolean') return value ? 't' : 'f';
    const raw = Array.isArray(value) ? `{${value.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}` : String(value);
    return raw.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  };
  return Buffer.from(`${values.map(text).join('\t')}\n`);
}

function written(values: unknown[]): Buffer {
  const fields = values.map(copyField);
  const buffer = Buffer.alloc(fields.reduce<number>((sum, field) => sum + copyFieldBound(field) + 1, 0));
  let at = 0;
  fields.forEach((field, i) => {
    const end = writeCopyField(buffer, at, field);
    expect(end - at).toBeLessThanOrEqual(copyFieldBound(field));
    at = end;
    buffer[at++] = i === fields.length - 1 ? 0x0a : 0x09;
  });
  return buffer.subarray(0, at);
}

describe('COPY text written field by field', () => {
  it.each<[string, unknown[]]>([
    ['plain text and numbers', [1, 'abc', 320321, '2019-05-01', 'pk_0123456789abcdef0123456789abcdef']],
    ['Chinese text', ['王小明', '江苏省人力资源和社会保障厅', '返乡创业的{name}：把{industry}做成家乡名片']],
    ['text COPY must escape', ['a\tb', 'line\nbreak', 'carriage\rreturn', 'back\\slash', '\\N', '\t\n\r\\']],
    ['nulls and booleans', [null, undefined, true, false, '']],
    ['integers at the edges', [0, -0, -1, 9, 10, 99, 100, -123456789, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]],
    ['numbers String spells', [4.35, -0.5, 1e21, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, 1e-7]],
    ['bigints', [BigInt('-9223372036854775808'), BigInt('9223372036854775807'), BigInt(0)]],
    ['characters beyond the basic plane and lone surrogates', ['𠮷野家', '😀x', '\ud83d', 'a\udc00b', '\ud83d\ud83d\ude00', 'é ß ÿ ǅ']],
    ['arrays', [['a', 'b"c', 'd\\e'], ['tab\there'], []]],
    ['other objects by their text', [new Date(Date.UTC(2019, 0, 2)), { toString: () => 'x\ty' }]],
  ])('%s: the same bytes as the row built as a string', (_name, values) => {
    expect(written(values).equals(expected(values))).toBe(true);
  });

  it('matches for every code unit, one field of each', () => {
    const units: string[] = [];
    for (let c = 0; c < 0x10000; c++) units.push(String.fromCharCode(c));
    for (let from = 0; from < units.length; from += 4096) {
      const values = units.slice(from, from + 4096);
      expect(written(values).equals(expected(values))).toBe(true);
    }
  });
});

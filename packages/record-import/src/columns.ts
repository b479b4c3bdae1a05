/**
 * A record type's columns as the departments' spreadsheets have them: a Chinese header
 * (身份证号, 姓名, …), the API's English field name (also accepted as a header), and how a
 * cell becomes the value the mutation input takes.
 */
export type ColumnKind = 'text' | 'int' | 'date' | 'boolean' | 'enum' | 'list';

export interface ImportColumn {
  /** The mutation input's field name; also accepted as the header. */
  field: string;
  /** The header the departments use. */
  header: string;
  kind?: ColumnKind;
  /** The column must be in the file and every row must give a value (GraphQL's non-null). */
  required?: boolean;
  /** The value of a blank cell (the input field's GraphQL default). */
  defaultValue?: unknown;
  /** enum columns: Chinese label → the API's enum name (the names themselves are accepted too). */
  labels?: Record<string, string>;
  /** Shown in the template's header note. */
  example?: string;
  /**
   * Not an input of the mutation, which derives it (gender from the citizen ID): the column is
   * accepted because the departments' sheets have it, and checked against what is derived.
   */
  derived?: boolean;
}

/** A cell or value problem, reported against the column it came from. */
export class CellProblem extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** The file as a whole cannot be imported (headers, encoding, format): refused before any row. */
export class ImportRefused extends Error {}

/** Maps each header cell to its column; a missing required column or an unknown header refuses the file. */
export function mapHeaders(headers: string[], columns: ImportColumn[]): Array<ImportColumn | null> {
  const byName = new Map<string, ImportColumn>();
  for (const column of columns) {
    byName.set(column.header, column);
    byName.set(column.field.toLowerCase(), column);
  }
  const mapped: Array<ImportColumn | null> = [];
  const unknown: string[] = [];
  const seen = new Set<ImportColumn>();
  headers.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '') {
      mapped.push(null); // a trailing empty column, common in spreadsheets
      return;
    }
    const column = byName.get(name) ?? byName.get(name.toLowerCase());
    if (!column) unknown.push(`"${name}" (column ${i + 1})`);
    else if (seen.has(column)) throw new ImportRefused(`column ${column.header} (${column.field}) appears twice`);
    else seen.add(column);
    mapped.push(column ?? null);
  });
  if (unknown.length) {
    const expected = columns.map((c) => `${c.header} (${c.field})`).join(', ');
    throw new ImportRefused(`unknown header ${unknown.join(', ')}; the columns are ${expected}`);
  }
  const missing = columns.filter((c) => c.required && !seen.has(c));
  if (missing.length) {
    throw new ImportRefused(`missing required column ${missing.map((c) => `${c.header} (${c.field})`).join(', ')}`);
  }
  return mapped;
}

/** A cell as read from CSV (always text) or XLSX (numbers, booleans and dates too). */
export type Cell = string | number | boolean | Date | null;

const DATE_TEXT = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A date typed as text in any of the ways Chinese spreadsheets write it, as YYYY-MM-DD. */
export function dateText(text: string): string | null {
  for (const pattern of DATE_TEXT) {
    const match = pattern.exec(text);
    if (match) return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  }
  return null;
}

const TRUE = new Set(['是', 'true', 'TRUE', 'True', '1', 'Y', 'y', 'yes']);
const FALSE = new Set(['否', 'false', 'FALSE', 'False', '0', 'N', 'n', 'no']);

/** A cell as the value the input field takes; undefined for a blank cell. Throws CellProblem. */
export function cellValue(column: ImportColumn, cell: Cell): unknown {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return undefined;
  const text = typeof cell === 'string' ? cell.trim() : cell;
  switch (column.kind ?? 'text') {
    case 'text':
      return text instanceof Date ? text.toISOString().slice(0, 10) : String(text);
    case 'int': {
      const n = typeof text === 'number' ? text : Number(String(text).replace(/,/g, ''));
      if (!Number.isInteger(n)) throw new CellProblem(column.field, 'must be a whole number');
      return n;
    }
    case 'date': {
      // XLSX date cells arrive as dates at UTC midnight; text dates in the usual spellings.
      if (text instanceof Date) return text.toISOString().slice(0, 10);
      const date = dateText(String(text));
      if (!date) throw new CellProblem(column.field, 'must be a date such as 2019-03-05, 2019/3/5 or 2019年3月5日');
      return date;
    }
    case 'boolean': {
      if (typeof text === 'boolean') return text;
      const s = String(text);
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
      throw new CellProblem(column.field, 'must be 是 or 否 (true or false)');
    }
    case 'list':
      // 种植业、养殖业 — the enumeration comma Chinese sheets use, or any comma or semicolon.
      return String(text).split(/[、,，;；]/).map((item) => item.trim()).filter(Boolean);
    case 'enum': {
      const s = String(text);
      const labels = column.labels ?? {};
      if (labels[s]) return labels[s];
      if (Object.values(labels).includes(s.toUpperCase())) return s.toUpperCase();
      const allowed = Object.entries(labels).map(([label, name]) => `${label} (${name})`).join(', ');
      throw new CellProblem(column.field, `must be one of ${allowed}`);
    }
  }
}

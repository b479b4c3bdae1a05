import { stringify } from 'csv-stringify/browser/esm/sync';
import writeXlsxFile from 'write-excel-file/browser';

export interface ExportColumn {
  id: string;
  zh: string;
  en: string;
}

export type ExportValue = string | number | boolean | null;
export type ExportRow = Record<string, ExportValue>;

/** Header cells say both names, so a spreadsheet read later still maps to the API's fields. */
function header(column: ExportColumn): string {
  return column.zh === column.en ? column.zh : `${column.zh} (${column.en})`;
}

/** CSV in UTF-8 with a byte-order mark: without it Excel reads the Chinese as a legacy code page. */
export function csvFile(columns: ExportColumn[], rows: ExportRow[]): Blob {
  const text = stringify([columns.map(header), ...rows.map((row) => columns.map((c) => row[c.id] ?? ''))], { cast: { boolean: (b) => (b ? 'true' : 'false') } });
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

/** XLSX via write-excel-file (a maintained writer that runs in the browser); numbers stay numbers. */
export async function xlsxFile(columns: ExportColumn[], rows: ExportRow[]): Promise<Blob> {
  const data = [
    columns.map((c) => ({ value: header(c), fontWeight: 'bold' as const })),
    ...rows.map((row) =>
      columns.map((c) => {
        const value = row[c.id];
        if (value === null || value === undefined || value === '') return null;
        if (typeof value === 'number') return { type: Number, value };
        if (typeof value === 'boolean') return { type: Boolean, value };
        return { type: String, value };
      }),
    ),
  ];
  return writeXlsxFile(data as never, { sheet: 'data' }).toBlob();
}

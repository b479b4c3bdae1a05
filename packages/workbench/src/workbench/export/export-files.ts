
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

/** Receives an export's rows page by page and makes the file once the last page is in. */
export interface ExportWriter {
  add(rows: ExportRow[]): void;
  file(): Promise<Blob>;
}

/**
 * CSV in UTF-8 with a byte-order mark (without it Excel reads the Chinese as a legacy code
 * page). Each page is written out as it arrives, so the rows are not kept beside their text.
 * The CSV writer is loaded with the first export, not with the page.
 */
export async function csvWriter(columns: ExportColumn[]): Promise<ExportWriter> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  const write = (records: ExportValue[][]) => stringify(records, { cast: { boolean: (b) => (b ? 'true' : 'false') } });
  const parts: string[] = ['\uFEFF', write([columns.map(header)])];
  return {
    add: (rows) => void parts.push(write(rows.map((row) => columns.map((c) => row[c.id] ?? '')))),
    file: async () => new Blob(parts, { type: 'text/csv;charset=utf-8' }),
  };
}

/**
 * XLSX via write-excel-file (a maintained writer that runs in the browser); numbers stay
 * numbers. The writer is loaded when an XLSX is first asked for, not with the page.
 */
export async function xlsxWriter(columns: ExportColumn[]): Promise<ExportWriter> {
  const data: unknown[][] = [columns.map((c) => ({ value: header(c), fontWeight: 'bold' as const }))];
  return {
    add(rows) {
      for (const row of rows) {
        data.push(columns.map((c) => {
          const value = row[c.id];
          if (value === null || value === undefined || value === '') return null;
          if (typeof value === 'number') return { type: Number, value };
          if (typeof value === 'boolean') return { type: Boolean, value };
          return { type: String, value };
        }));
      }
    },
    async file() {
      const { default: writeXlsxFile } = await import('write-excel-file/browser');
      return writeXlsxFile(data as never, { sheet: 'data' }).toBlob();
    },
  };
}

import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { ImportColumn } from './columns';

function note(column: ImportColumn): string {
  const accepted = column.labels ? `; one of ${Object.entries(column.labels).map(([label, name]) => `${label} (${name})`).join(', ')}` : '';
  const kind = column.kind === 'date' ? '; a date, e.g. 2019-03-05' : '';
  return `${column.field}${column.required ? ', required' : ''}${kind}${accepted}${column.example ? `; e.g. ${column.example}` : ''}`;
}

/** An empty sheet with the Chinese headers: CSV (UTF-8 with BOM, for Excel) or XLSX (a note on each header). */
export async function writeTemplate(path: string, columns: ImportColumn[]): Promise<void> {
  if (path.toLowerCase().endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('records');
    sheet.addRow(columns.map((c) => c.header));
    columns.forEach((column, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      cell.note = note(column);
      cell.font = { bold: true };
      sheet.getColumn(i + 1).width = Math.max(12, column.header.length * 2 + 4);
      // Dates and IDs kept as text: Excel would otherwise turn an ID into 3.2e+17.
      sheet.getColumn(i + 1).numFmt = '@';
    });
    await workbook.xlsx.writeFile(path);
    return;
  }
  await fs.writeFile(path, '\uFEFF' + stringify([columns.map((c) => c.header)]));
}

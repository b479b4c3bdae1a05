import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';

/** Sheets made in memory for the import tests: CSV in a chosen encoding, or XLSX with formulas and dates. */

export function csvFile(rows: unknown[][], encoding: 'utf-8' | 'utf-8-bom' | 'gbk' = 'utf-8'): Buffer {
  const text = stringify(rows);
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
}

/** A cell of an XLSX test file: a value, or a formula with (or without) its computed result. */
export type XlsxCell = string | number | boolean | Date | null | { formula: string; result?: string | number };

export async function xlsxFile(rows: XlsxCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('records');
  for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './columns';
import type { SheetRow, UnreadableCell } from './rows';

/** An XLSX cell's value as a plain cell: formulas give their computed result, rich text its text. */
function plainCell(value: unknown): Cell | UnreadableCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const object = value as Record<string, any>;
  if ('formula' in object || 'sharedFormula' in object) {
    if (object.result === undefined || object.result === null) {
      return { unreadable: 'is a formula with no computed value; save the file in Excel, or paste the values' };
    }
    if (typeof object.result === 'object' && 'error' in object.result) return { unreadable: `is a formula giving the error ${object.result.error}` };
    return plainCell(object.result);
  }
  if ('richText' in object) return (object.richText as Array<{ text: string }>).map((part) => part.text).join('');
  if ('text' in object) return String(object.text); // a hyperlink
  if ('error' in object) return { unreadable: `is the error ${object.error}` };
  return { unreadable: 'is not a value this import can read' };
}

/**
 * The rows of the first worksheet, streamed: exceljs's WorkbookReader reads the zip as it
 * arrives, so a large workbook never sits in memory. Dates formatted as dates arrive as Date.
 */
export async function* readXlsx(stream: Readable): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells: Array<Cell | UnreadableCell> = [];
      for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
      yield { row: row.number, cells };
    }
    return; // the first worksheet holds the records; others (notes, lists) are ignored
  }
}

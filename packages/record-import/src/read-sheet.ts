import { detectEncoding, readCsv, type CsvEncoding } from './csv-reader';
import { readXlsx } from './xlsx-reader';
import { isZip, peek } from './sniff';
import type { SheetRow } from './rows';

export interface OpenedSheet {
  format: 'csv' | 'xlsx';
  encoding?: CsvEncoding;
  rows: AsyncGenerator<SheetRow>;
}

/** Opens a CSV or XLSX byte stream, telling the two apart by their first bytes, not by a name. */
export async function openSheet(source: AsyncIterable<Buffer>): Promise<OpenedSheet> {
  const { head, stream } = await peek(source, 64 * 1024);
  if (isZip(head)) return { format: 'xlsx', rows: readXlsx(stream) };
  const encoding = detectEncoding(head);
  return { format: 'csv', encoding, rows: readCsv(stream, encoding) };
}

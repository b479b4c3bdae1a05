import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { SheetRow } from './rows';

export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * Excel in China saves CSV as GBK unless told otherwise; other tools save UTF-8, with or
 * without a byte-order mark. A file whose first bytes are valid UTF-8 is read as UTF-8, any
 * other as GB18030 (a superset of GBK and GB2312). The header row then tells whether the
 * guess was right: unknown headers refuse the file, naming the encoding it was read in.
 */
export function detectEncoding(head: Buffer): CsvEncoding {
  try {
    // stream: true tolerates a character cut in two at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The rows of a CSV file, decoded and parsed as they stream in; row 1 is the header. */
export async function* readCsv(stream: Readable, encoding: CsvEncoding): AsyncGenerator<SheetRow> {
  const parser = stream
    .pipe(iconv.decodeStream(encoding === 'utf-8' ? 'utf8' : 'gb18030', { stripBOM: true }))
    .pipe(parse({ relax_column_count: true, bom: true }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: record };
}

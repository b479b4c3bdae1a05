import fs from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';

/** A row the import refused: which row of the sheet, which column, the value it had and why. */
export interface Rejection {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ReportWriter {
  add(rejection: Rejection): void;
  close(): Promise<void>;
}

/** The report file of rejected rows: CSV, UTF-8 with a byte-order mark so Excel shows the Chinese. */
export function createReportWriter(path: string): ReportWriter {
  const out = fs.createWriteStream(path);
  out.write('\uFEFF');
  const csv = stringify({ header: true, columns: ['row', 'column', 'value', 'reason'] });
  csv.pipe(out);
  return {
    add(rejection) {
      csv.write(rejection);
    },
    async close() {
      csv.end();
      await once(out, 'finish');
    },
  };
}

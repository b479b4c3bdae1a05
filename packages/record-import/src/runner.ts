import type { DataSource, EntityManager } from 'typeorm';
import { validate, type ValidationError } from 'class-validator';
import { CellProblem, ImportRefused, cellValue, mapHeaders, type ImportColumn } from './columns';
import { openSheet } from './read-sheet';
import { inputFromValues, type ImportRecordType } from './record-type';
import { isUnreadable, type SheetRow } from './rows';
import type { Rejection } from './report';

export interface ImportCounts {
  /** Data rows read (blank rows are skipped and not counted). */
  rows: number;
  imported: number;
  unchanged: number;
  rejected: number;
}

export interface RunOptions {
  dataSource: DataSource;
  /** Appends the batch's one audit event inside its transaction. */
  audit(tx: EntityManager, recordType: string, ids: Array<number | string>): Promise<void>;
  onRejected(rejection: Rejection): void;
  onProgress?(counts: ImportCounts): void;
  /** Rows per transaction; each row still lands or fails alone. */
  batchSize?: number;
  /** Batches written at the same time, each in its own transaction. */
  concurrency?: number;
}

export interface OpenedImport {
  format: 'csv' | 'xlsx';
  encoding?: string;
  run(options: RunOptions): Promise<ImportCounts>;
}

/** Thrown inside a batch's fast path to roll it back and write it again row by row. */
class RetryCarefully extends Error {}

interface PreparedRow {
  row: number;
  cells: SheetRow['cells'];
  input: object;
}

interface BatchOutcome {
  imported: number;
  unchanged: number;
  rejections: Array<[PreparedRow, string, string]>;
}

/** class-validator's own messages start with the property ("amountYuan must not be …"); ours do not. */
function withoutProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

function firstViolation(errors: ValidationError[]): { field: string; message: string } | null {
  for (const error of errors) {
    if (error.constraints) return { field: error.property, message: withoutProperty(Object.values(error.constraints)[0], error.property) };
    const nested = firstViolation(error.children ?? []);
    if (nested) return { field: `${error.property}.${nested.field}`, message: nested.message };
  }
  return null;
}

/**
 * Batches are written side by side: the same key twice in a file, in two batches at once, meets
 * the unique index rather than the mutation's check. The careful pass re-reads what is recorded.
 */
function isUniqueViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } }).driverError?.code === '23505';
}
const RACED = { field: '', message: 'another row of this file with the same key was written at the same moment; import the file again and this row counts as unchanged' };

/** A mutation's BAD_USER_INPUT ("input.amountYuan: would take …") as the field and reason. */
function badInput(error: unknown): { field: string; message: string } | null {
  const extensions = (error as { extensions?: { code?: string; field?: string } }).extensions;
  if (extensions?.code !== 'BAD_USER_INPUT') return null;
  const field = (extensions.field ?? '').replace(/^input\./, '');  // input.head.citizenId → head.citizenId
  return { field, message: (error as Error).message.replace(/^[\w.]+: /, '') };
}

/**
 * Reads the header row and checks it against the record type's columns, so a file with a
 * missing or unknown column is refused before any row is read; then `run` imports the rows.
 */
export async function openImport(source: AsyncIterable<Buffer>, recordType: ImportRecordType): Promise<OpenedImport> {
  const sheet = await openSheet(source);
  const first = await sheet.rows.next();
  if (first.done) throw new ImportRefused('the file is empty: the first row must be the column headers');
  const headers = first.value.cells.map((cell) => (isUnreadable(cell) || cell === null ? '' : String(cell)));
  let columns: Array<ImportColumn | null>;
  try {
    columns = mapHeaders(headers, recordType.columns);
  } catch (error) {
    if (error instanceof ImportRefused && sheet.format === 'csv') {
      throw new ImportRefused(`${error.message} (the file was read as ${sheet.encoding === 'utf-8' ? 'UTF-8' : 'GBK/GB18030'}; save it as CSV in UTF-8 or GBK)`);
    }
    throw error;
  }
  const byField = new Map(recordType.columns.map((c) => [c.field, c]));
  const inputFields = recordType.columns.filter((c) => !c.derived).map((c) => c.field);
  const header = (field: string) => byField.get(recordType.columnOf?.[field] ?? field)?.header ?? field;
  const cellText = (cells: SheetRow['cells'], field: string) => {
    const column = byField.get(recordType.columnOf?.[field] ?? field);
    const cell = column ? cells[columns.indexOf(column)] : undefined;
    if (cell === undefined || cell === null) return '';
    if (isUnreadable(cell)) return '(unreadable)';
    return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  };

  return {
    format: sheet.format,
    encoding: sheet.encoding,
    async run(options) {
      const counts: ImportCounts = { rows: 0, imported: 0, unchanged: 0, rejected: 0 };
      const reject = (row: SheetRow, field: string, reason: string) => {
        counts.rejected++;
        options.onRejected({ row: row.row, column: header(field), value: cellText(row.cells, field), reason });
      };

      /** The row as the mutation's input, validated by the input class's own rules; null when rejected. */
      const prepare = async (row: SheetRow, tx: EntityManager, refused: BatchOutcome['rejections']): Promise<PreparedRow | null> => {
        const values: Record<string, unknown> = {};
        try {
          columns.forEach((column, i) => {
            if (!column) return;
            const cell = row.cells[i] ?? null;
            if (isUnreadable(cell)) throw new CellProblem(column.field, cell.unreadable);
            const value = cellValue(column, cell) ?? column.defaultValue;
            if (value === undefined && column.required) throw new CellProblem(column.field, 'must not be blank');
            values[column.field] = value;
          });
          const input = recordType.toInput
            ? await recordType.toInput(values, tx)
            : inputFromValues(recordType.inputClass, values, inputFields);
          const violation = firstViolation(await validate(input, { forbidUnknownValues: false, validationError: { target: false } }));
          if (violation) throw new CellProblem(violation.field, violation.message);
          recordType.crossCheck?.(values, input);
          return { row: row.row, cells: row.cells, input };
        } catch (error) {
          if (!(error instanceof CellProblem)) throw error;
          refused.push([{ row: row.row, cells: row.cells, input: {} }, error.field, error.message]);
          return null;
        }
      };

      /**
       * Writes a batch's prepared rows in one transaction. Fast path: no savepoints, since most
       * batches have no row the mutation refuses. When one is refused the whole transaction is
       * rolled back and the batch is written again with a savepoint around each row, so a refused
       * row never leaves part of itself behind and the others still land.
       */
      const writeBatch = async (prepared: PreparedRow[], careful: boolean): Promise<BatchOutcome> =>
        options.dataSource.transaction(async (tx) => {
          const outcome: BatchOutcome = { imported: 0, unchanged: 0, rejections: [] };
          const existing = prepared.length ? await recordType.findExisting(tx, prepared.map((p) => p.input)) : new Map();
          const written: Array<number | string> = [];
          for (const p of prepared) {
            const key = recordType.naturalKey(p.input);
            const prior = existing.get(key);
            if (prior !== undefined) {
              const different = recordType.differs(prior, p.input);
              if (different) outcome.rejections.push([p, different, 'already recorded with a different value here; correct it through the API, not by import']);
              else outcome.unchanged++;
              continue;
            }
            if (careful) await tx.query('SAVEPOINT import_row');
            try {
              const record = await recordType.write(tx, p.input);
              if (careful) await tx.query('RELEASE SAVEPOINT import_row');
              written.push(record.id);
              existing.set(key, record); // a repeat of this row later in the file is then "unchanged"
              outcome.imported++;
            } catch (error) {
              const problem = badInput(error) ?? (isUniqueViolation(error) ? RACED : null);
              if (!problem) throw error;
              if (!careful) throw new RetryCarefully();
              await tx.query('ROLLBACK TO SAVEPOINT import_row');
              outcome.rejections.push([p, problem.field || recordType.columns[0].field, problem.message]);
            }
          }
          if (written.length) await options.audit(tx, recordType.recordType, written);
          return outcome;
        });

      const importBatch = async (batch: SheetRow[]) => {
        // References are looked up (read only) once; the writes may run twice.
        const refused: BatchOutcome['rejections'] = [];
        const prepared = await options.dataSource.transaction(async (tx) => {
          const ready: PreparedRow[] = [];
          for (const row of batch) {
            const p = await prepare(row, tx, refused);
            if (p) ready.push(p);
          }
          return ready;
        });
        let outcome: BatchOutcome;
        try {
          outcome = await writeBatch(prepared, false);
        } catch (error) {
          if (!(error instanceof RetryCarefully)) throw error;
          outcome = await writeBatch(prepared, true);
        }
        counts.imported += outcome.imported;
        counts.unchanged += outcome.unchanged;
        // The report lists a batch's refused rows in the sheet's order, whichever step refused them.
        const rejections = [...refused, ...outcome.rejections].sort((a, b) => a[0].row - b[0].row);
        for (const [p, field, reason] of rejections) reject(p, field, reason);
      };

      // A few batches in flight on their own connections: a row costs a couple of round trips to
      // the database, and waiting on them one at a time leaves both ends idle. Reading stops
      // while the batches in flight are full, so memory stays bounded whatever the file's size.
      const batchSize = options.batchSize ?? 500;
      const concurrency = recordType.concurrency ?? options.concurrency ?? 3;
      const inFlight = new Set<Promise<void>>();
      let failure: unknown = null;
      const start = (rows: SheetRow[]) => {
        const done: Promise<void> = importBatch(rows)
          .then(() => options.onProgress?.({ ...counts }))
          .catch((error) => { failure ??= error; })
          .finally(() => inFlight.delete(done));
        inFlight.add(done);
      };
      let batch: SheetRow[] = [];
      for await (const row of sheet.rows) {
        if (row.cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
        counts.rows++;
        batch.push(row);
        if (batch.length >= batchSize) {
          start(batch);
          batch = [];
          while (inFlight.size >= concurrency) await Promise.race(inFlight);
          if (failure) break;
        }
      }
      if (batch.length && !failure) start(batch);
      await Promise.all(inFlight);
      if (failure) throw failure;
      options.onProgress?.({ ...counts });
      return counts;
    },
  };
}

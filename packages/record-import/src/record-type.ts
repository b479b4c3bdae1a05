import type { EntityManager } from 'typeorm';
import type { ImportColumn } from './columns';

/**
 * What a department declares for one kind of record it imports. The row's rules are the
 * mutation's own: the input class (its class-validator decorators) and `write`, the same
 * function the mutation's resolver calls, with its checks of references, caps and uniqueness.
 */
export interface ImportRecordType<Input extends object = any, Existing = any> {
  /** The URL segment and CLI argument, e.g. "trainees". */
  name: string;
  /** The audit trail's record type, e.g. "Trainee". */
  recordType: string;
  columns: ImportColumn[];
  /** Batches written at once; 1 when rows lock a shared record (a household, a trainee), so batches cannot deadlock. */
  concurrency?: number;
  /** The mutation's input class. */
  inputClass: new () => Input;
  /**
   * The row's values (by column field) as the mutation's input, looking up what the sheet
   * names in the department's words (a citizen ID for a trainee, a course code for a course).
   * The default copies the values of the input's own fields. Throws CellProblem.
   */
  toInput?(values: Record<string, unknown>, tx: EntityManager): Promise<Input>;
  /** Checks that only a file needs (columns the mutation derives itself must agree). Throws CellProblem. */
  crossCheck?(values: Record<string, unknown>, input: Input): void;
  /** The column an input field's problem is reported against, when the names differ. */
  columnOf?: Record<string, string>;
  /** The natural key: a row whose key is already recorded creates nothing. */
  naturalKey(input: Input): string;
  /** The records already there for a batch's inputs, by natural key, in one statement. */
  findExisting(tx: EntityManager, inputs: Input[]): Promise<Map<string, Existing>>;
  /** The first column field in which a recorded record differs from the row, or null when it is the same. */
  differs(existing: Existing, input: Input): string | null;
  /** The mutation's validate-and-write function; returns the record written. */
  write(tx: EntityManager, input: Input): Promise<Existing & { id: number | string }>;
}

/** Every input field name of a record type's columns, for the default toInput. */
export function inputFromValues<Input extends object>(inputClass: new () => Input, values: Record<string, unknown>, fields: string[]): Input {
  const input = new inputClass() as Record<string, unknown>;
  for (const field of fields) if (values[field] !== undefined) input[field] = values[field];
  return input as Input;
}

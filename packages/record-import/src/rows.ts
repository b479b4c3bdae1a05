import type { Cell } from './columns';

/** A cell that cannot be read as a value (a formula with no computed result, an error cell). */
export interface UnreadableCell {
  unreadable: string;
}

/** One row of the sheet: its number as the spreadsheet shows it (the header is row 1) and its cells. */
export interface SheetRow {
  row: number;
  cells: Array<Cell | UnreadableCell>;
}

export function isUnreadable(cell: unknown): cell is UnreadableCell {
  return typeof cell === 'object' && cell !== null && 'unreadable' in cell;
}

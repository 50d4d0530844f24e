// Where a table's cells sit on the sheet, for plain tables and for transposed ones (one project per
// column), so every data issue names the cell a user has to open.
import type { RawTable } from '../model';
import { columnLetter } from '../address';

/** The sheet row of data row `i`; for a transposed table, its sheet column. */
export function lineOf(t: RawTable, i: number): number {
  return t.transposed ? t.firstColumn + 1 + i : t.headerRow + 1 + i;
}

/** A1 address of column `k` of the project on `line` (see `lineOf`). */
export function cellOf(t: RawTable, line: number, k: number): string {
  return t.transposed
    ? `${columnLetter(line)}${t.headerRow + k}`
    : `${columnLetter(t.firstColumn + k)}${line}`;
}

/** The row a data issue names: the project's sheet row, or none for a transposed table (the cell says where). */
export function issueRow(t: RawTable, line: number): number | undefined {
  return t.transposed ? undefined : line;
}

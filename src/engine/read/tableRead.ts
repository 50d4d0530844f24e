// What the small tables of a workbook (objectives, pairwise judgments, budgets, capacity) share: finding a
// column by its header words, the shape of a read, and where a doubtful cell sits.
import type { CellValue, DataIssue, RawTable } from '../model';
import { cellText, isBlank } from './cells';
import { normalizeHeader } from './columnMatch';
import { columnLetter } from '../address';

export interface TableRead<T> {
  value: T;
  issues: DataIssue[];
}

export const at = (t: RawTable, rowIndex: number, colIndex: number, value: CellValue) => ({
  sheet: t.sheet,
  row: t.headerRow + 1 + rowIndex,
  column: t.headers[colIndex] ?? '',
  cell: `${columnLetter(t.firstColumn + colIndex)}${t.headerRow + 1 + rowIndex}`,
  ...(isBlank(value) ? {} : { value: cellText(value) }),
});

export function findColumn(headers: readonly string[], names: readonly string[]): number {
  const norm = headers.map(normalizeHeader);
  for (const n of names) {
    const i = norm.indexOf(n);
    if (i >= 0) return i;
  }
  return norm.findIndex((h) => names.some((n) => h.startsWith(n)));
}

// Values far outside every table of a sheet (a stray entry at XFD1048576): not read as part of any table,
// and each reported as a data issue, so the user can find and delete it. Near cells (a title, a note
// under a table) are normal and say nothing.
import { columnLetter } from '../address';
import { MSG } from '../messages';
import type { DataIssue } from '../model';
import { cellText } from './cells';
import type { SheetCell } from './ranges';

/** A table's rectangle, 1-based and inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** How far (blank rows or blank columns) a value must lie from every table to be called stray. */
export const STRAY_ROWS = 1000;
export const STRAY_COLUMNS = 100;
/** At most this many are named one by one; the last issue counts the rest. */
const NAMED = 3;

function far(c: SheetCell, a: CellArea): boolean {
  const rows = c.row < a.top ? a.top - c.row : c.row > a.bottom ? c.row - a.bottom : 0;
  const cols = c.col < a.left ? a.left - c.col : c.col > a.right ? c.col - a.right : 0;
  return rows > STRAY_ROWS || cols > STRAY_COLUMNS;
}

/** The data issues of a sheet's stray values, given the areas of its tables (none: nothing is stray). */
export function strayCellIssues(
  sheet: string,
  cells: readonly SheetCell[],
  areas: readonly CellArea[],
): DataIssue[] {
  if (areas.length === 0) return [];
  const stray = cells.filter((c) => areas.every((a) => far(c, a)));
  if (stray.length === 0) return [];
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const a of areas) {
    top = Math.min(top, a.top);
    left = Math.min(left, a.left);
    bottom = Math.max(bottom, a.bottom);
    right = Math.max(right, a.right);
  }
  const tables = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
  return stray.slice(0, NAMED).map((c, k) => {
    const cell = `${columnLetter(c.col)}${c.row}`;
    const more = k === NAMED - 1 ? stray.length - NAMED : 0;
    return {
      sheet,
      cell,
      value: cellText(c.value).slice(0, 60),
      ...MSG.strayCell(tables, more),
      severity: 'warning',
    };
  });
}

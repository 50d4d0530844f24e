// Finds plain header ranges on a sheet (SPEC §3: a project table may be a range with one header row),
// from the cells that hold values. Shared by every workbook adapter, so they all see the same tables.
// The work is bounded by the number of such cells, never by the sheet's grid: one stray value at
// XFD1048576 costs one cell, not seventeen billion.
import type { CellValue } from '../model';
import { isBlank } from './cells';

export interface HeaderRange {
  /** 1-based sheet row of the header. */
  headerRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** A cell that holds a value, at its 1-based sheet row and column. */
export interface SheetCell {
  row: number;
  col: number;
  value: CellValue;
}

/** The cells of one sheet row, in column order. */
interface Row {
  row: number;
  cells: SheetCell[];
}

/**
 * Blocks of cells separated by blank rows and blank columns; in each block the first row with at least
 * two filled cells (one of them text) is the header — or the row under it, when that row is merged
 * group headers ("Financials" over Cost and Benefit) — and the rows below it are the data. `skip` masks
 * cells that belong to Excel tables, which are listed on their own.
 */
export function headerRangesOf(
  cells: readonly SheetCell[],
  skip: (row: number, col: number) => boolean = () => false,
): HeaderRange[] {
  const rows = byRow(cells.filter((c) => !isBlank(c.value) && !skip(c.row, c.col)));
  const out: HeaderRange[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.row === rows[j - 1]!.row + 1) j++;
    for (const h of blockRanges(rows.slice(i, j))) out.push(h);
    i = j;
  }
  return out;
}

/**
 * The same on a dense grid of a sheet's used range (what Excel's API returns).
 * @param grid rows of cells, grid[0][0] at sheet row `row0`, column `col0` (1-based)
 */
export function findHeaderRanges(
  grid: readonly (readonly CellValue[])[],
  row0: number,
  col0: number,
  skip: (row: number, col: number) => boolean = () => false,
): HeaderRange[] {
  const cells: SheetCell[] = [];
  grid.forEach((r, i) =>
    r.forEach((value, k) => {
      if (!isBlank(value)) cells.push({ row: row0 + i, col: col0 + k, value });
    }),
  );
  return headerRangesOf(cells, skip);
}

function byRow(cells: SheetCell[]): Row[] {
  const sorted = isSorted(cells) ? cells : [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const rows: Row[] = [];
  for (const c of sorted) {
    const last = rows[rows.length - 1];
    if (last && last.row === c.row) last.cells.push(c);
    else rows.push({ row: c.row, cells: [c] });
  }
  return rows;
}

function isSorted(cells: readonly SheetCell[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1]!;
    const b = cells[i]!;
    if (b.row < a.row || (b.row === a.row && b.col <= a.col)) return false;
  }
  return true;
}

/** Header ranges of one block of consecutive used rows: one per run of consecutive used columns. */
function blockRanges(block: readonly Row[]): HeaderRange[] {
  const used = new Set<number>();
  for (const r of block) for (const c of r.cells) used.add(c.col);
  const cols = [...used].sort((a, b) => a - b);
  const segments: { left: number; right: number; header: number | null }[] = [];
  for (const c of cols) {
    const last = segments[segments.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else segments.push({ left: c, right: c, header: null });
  }
  // One pass over the rows: each segment's header is the first row (with data below it) that has two
  // filled cells in the segment, one of them text.
  const lefts = segments.map((s) => s.left);
  for (let i = 0; i < block.length - 1; i++) {
    const counts = new Map<number, { filled: number; text: boolean }>();
    for (const c of block[i]!.cells) {
      const k = segmentOf(lefts, c.col);
      if (segments[k]!.header !== null) continue;
      const n = counts.get(k) ?? { filled: 0, text: false };
      n.filled++;
      if (typeof c.value === 'string') n.text = true;
      counts.set(k, n);
    }
    for (const [k, n] of counts) if (n.filled >= 2 && n.text) segments[k]!.header = i;
  }
  const bottom = block[block.length - 1]!.row;
  return segments.flatMap((s) => {
    if (s.header === null) return [];
    let h = s.header;
    while (h + 2 < block.length && isGroupRow(block[h]!, block[h + 1]!, s.left, s.right)) h++;
    return [{ headerRow: block[h]!.row, lastRow: bottom, firstColumn: s.left, lastColumn: s.right }];
  });
}

/** Index of the segment holding column `col` (the last segment starting at or before it). */
function segmentOf(lefts: readonly number[], col: number): number {
  let lo = 0;
  let hi = lefts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lefts[mid]! <= col) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Is `row` a row of group headers over `next`? Both all text; `next` names more columns than `row` has
 * distinct labels; and `row` leaves cells blank under a merge (Excel keeps a merged value in its first
 * cell only) or repeats a label across the cells it spans.
 */
function isGroupRow(row: Row, next: Row, left: number, right: number): boolean {
  const inside = (r: Row) => r.cells.filter((c) => c.col >= left && c.col <= right);
  const top = inside(row);
  const below = inside(next);
  if (below.length < 2 || ![...top, ...below].every((c) => typeof c.value === 'string')) return false;
  const labels = new Set(top.map((c) => c.value));
  if (below.length <= labels.size) return false;
  const topCols = new Set(top.map((c) => c.col));
  const blankOverLabel = below.some((c) => !topCols.has(c.col));
  const repeated = top.some(
    (c, k) => k > 0 && top[k - 1]!.col === c.col - 1 && top[k - 1]!.value === c.value,
  );
  return blankOverLabel || repeated;
}

// Column-wise table building shared by the sheet builders: each column says its header, how a row
// becomes a cell, its number format and width, so a sheet's layout reads as one list.
import type { CellValue } from '../engine/model';
import { cellText } from '../engine/read';
import { columnLetter } from '../engine/address';
import type { Cell, StyleName, TableSpec } from './model';

export interface Column<T> {
  header: string;
  value: (row: T, index: number) => Cell;
  format?: string;
  width?: number;
  style?: StyleName;
}

/** An Excel table of `rows` at (row, col) from column definitions. */
export function tableFrom<T>(
  name: string,
  row: number,
  col: number,
  columns: readonly Column<T>[],
  rows: readonly T[],
  style = 'TableStyleMedium2',
): TableSpec {
  return {
    name,
    row,
    col,
    headers: uniqueHeaders(columns.map((c) => c.header)),
    rows: rows.map((r, i) => columns.map((c) => c.value(r, i))),
    formats: columns.map((c) => c.format),
    ...(columns.some((c) => c.style) ? { columnStyles: columns.map((c) => c.style) } : {}),
    style,
  };
}

/** Table headers must be non-empty and unique ignoring case; later duplicates get " (2)", " (3)"… */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() || `Column ${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** A user's cell as an output cell: errors as their code (text), non-finite numbers blank. */
export function fromInput(v: CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  return cellText(v);
}

/** A number the engine may leave null (IRR with no sign change, payback never reached). */
export function maybe(x: number | null | undefined): Cell {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/** A1 range of one table column's data cells (for charts and conditional formats). */
export function columnRange(
  t: TableSpec,
  columnIndex: number,
  fromRow = 0,
  toRow = t.rows.length - 1,
): string {
  const letter = columnLetter(t.col + columnIndex);
  return `${letter}${t.row + 1 + fromRow}:${letter}${t.row + 1 + toRow}`;
}

/** Points per line of 11-point text, and characters per unit of column width (average prose is narrower than "0"). */
const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH = 1.15;

/**
 * Heights of the data rows of `table` whose wrapped columns need more than one line: neither Excel nor
 * LibreOffice re-measures rows of a file when it opens, so the writer must give the height.
 */
export function wrappedRowHeights(
  t: TableSpec,
  widths: readonly (number | undefined)[],
): { row: number; height: number }[] {
  const wrapped = (t.columnStyles ?? []).flatMap((s, c) => (s === 'wrap' ? [c] : []));
  const out: { row: number; height: number }[] = [];
  t.rows.forEach((cells, r) => {
    let lines = 1;
    for (const c of wrapped) {
      const v = cells[c];
      const perLine = Math.max(1, Math.floor((widths[t.col - 1 + c] ?? 10) * CHARS_PER_WIDTH));
      if (typeof v === 'string') lines = Math.max(lines, Math.ceil(v.length / perLine));
    }
    if (lines > 1) out.push({ row: t.row + 1 + r, height: lines * LINE_HEIGHT });
  });
  return out;
}

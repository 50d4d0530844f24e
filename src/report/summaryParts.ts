// Building blocks of the Summary sheet: KPI tiles, headed lists and the chart-data area, laid out on a
// grid of two-column tiles so every figure lines up when printed.
import type { Block, Cell, StyleName } from './model';

export interface Kpi {
  label: string;
  value: Cell;
  format?: string;
  note: string;
}

/** Columns B, D, F, … each start a tile two columns wide. */
export const TILE_COLUMNS = [2, 4, 6, 8, 10, 12];
export const LAST_COLUMN = 13;

/** One row of up to six KPI tiles: label, big figure, a sentence under it. */
export function kpiRow(row: number, kpis: readonly Kpi[]): Block[] {
  return kpis.slice(0, TILE_COLUMNS.length).map((k, i) => ({
    row,
    col: TILE_COLUMNS[i]!,
    cells: [[k.label], [k.value], [k.note]],
    rowStyles: ['kpiLabel', 'kpiValue', 'kpiNote'],
    ...(k.format ? { cellFormats: [{ r: 1, c: 0, format: k.format }] } : {}),
    mergeAcross: 2,
  }));
}

export function heading(row: number, col: number, text: string, width = 6): Block {
  return { row, col, cells: [[text]], style: 'heading', mergeAcross: width };
}

/** Sentences one per row, merged across `width` columns and wrapped. */
export function paragraph(
  row: number,
  col: number,
  lines: readonly string[],
  width: number,
  style: StyleName = 'wrap',
): Block {
  return { row, col, cells: lines.map((l) => [l]), style, mergeAcross: width };
}

/** Label | value pairs: labels merged over two columns, values from the third. */
export function pairs(
  row: number,
  col: number,
  items: readonly { label: string; value: Cell; format?: string }[],
): Block[] {
  return [
    { row, col, cells: items.map((i) => [i.label]), style: 'label', mergeAcross: 2 },
    {
      row,
      col: col + 2,
      cells: items.map((i) => [i.value]),
      style: 'left',
      cellFormats: items.flatMap((i, r) => (i.format ? [{ r, c: 0, format: i.format }] : [])),
    },
  ];
}

/** Row heights of a KPI row: room for the big figure and a two-line note. */
export function kpiRowHeights(row: number): { row: number; height: number }[] {
  return [
    { row: row + 1, height: 30 },
    { row: row + 2, height: 26 },
  ];
}

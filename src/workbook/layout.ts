// The cells of a report sheet as both writers lay them out: blocks first, then tables over them, each cell
// with its value, number format and looks. One definition, so the .xlsx and the Office.js output agree.
import { isLink, looksLikeFormula, type Cell, type ReportSheet } from '../report/model';
import { STYLES, TABLE_HEADER, type CellStyle } from './looks';
import { areaAddress } from './address';

const DATE_FORMAT = 'yyyy-mm-dd';

export interface GridCell {
  value: Cell;
  styles: CellStyle[];
  format?: string;
}

/** Every cell of the sheet with its looks and format, blocks first, then tables over them. */
export function sheetGrid(sheet: ReportSheet): Map<number, Map<number, GridCell>> {
  const rows = new Map<number, Map<number, GridCell>>();
  const at = (r: number, c: number): GridCell => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = { value: null, styles: [] }));
    return cell;
  };
  for (const b of sheet.blocks) {
    const span = Math.max(1, b.mergeAcross ?? 1);
    b.cells.forEach((cells, r) => {
      const style = b.rowStyles?.[r] ?? b.style;
      for (let c = 0; c < Math.max(cells.length, style ? span : 0); c++) {
        const g = at(b.row + r, b.col + c);
        if (c < cells.length) g.value = cells[c]!;
        const fmt = b.formats?.[c];
        if (fmt) g.format = fmt;
        if (style) g.styles.push(STYLES[style]);
      }
    });
    for (const f of b.cellFormats ?? []) at(b.row + f.r, b.col + f.c).format = f.format;
    for (const s of b.cellStyles ?? []) at(b.row + s.r, b.col + s.c).styles.push(STYLES[s.style]);
  }
  for (const t of sheet.tables) {
    t.headers.forEach((h, c) => {
      const g = at(t.row, t.col + c);
      g.value = h;
      g.styles.push(TABLE_HEADER);
    });
    t.rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        const g = at(t.row + 1 + r, t.col + c);
        g.value = v;
        const fmt = t.formats[c];
        if (fmt) g.format = fmt;
        const style = t.columnStyles?.[c];
        if (style) g.styles.push(STYLES[style]);
      }),
    );
    for (const f of t.cellFormats ?? []) at(t.row + 1 + f.r, t.col + f.c).format = f.format;
  }
  return rows;
}

/** The looks of a cell, a link's underline last. */
export function cellLooks(g: GridCell): CellStyle[] {
  return isLink(g.value) ? [...g.styles, STYLES.link] : g.styles;
}

/**
 * The number format a cell is written with. Text a spreadsheet would run as a formula keeps the Text
 * format, so editing the cell keeps it text; a date without a format shows as a date.
 */
export function cellFormat(g: GridCell): string | undefined {
  const v = g.value;
  if (typeof v === 'string' && looksLikeFormula(v)) return '@';
  if (v instanceof Date && !g.format) return DATE_FORMAT;
  return g.format;
}

/**
 * The first table of the sheet that lies over merged cells of a block, with the merged range; null when
 * there is none. Excel refuses such a table (MergedRangeConflict).
 */
export function mergedUnderTable(sheet: ReportSheet): { table: string; range: string } | null {
  for (const t of sheet.tables) {
    const bottom = t.row + Math.max(1, t.rows.length);
    const right = t.col + t.headers.length - 1;
    for (const b of sheet.blocks) {
      const span = b.mergeAcross ?? 1;
      if (span <= 1 || b.cells.length === 0) continue;
      const m = { top: b.row, left: b.col, bottom: b.row + b.cells.length - 1, right: b.col + span - 1 };
      if (m.right < t.col || m.left > right || m.bottom < t.row || m.top > bottom) continue;
      return { table: t.name, range: areaAddress(m) };
    }
  }
  return null;
}

// One report sheet queued onto a new worksheet: each block and each table one 2-D assignment of
// formulas and one of number formats, looks by runs of equal style, tables, conditional formats, links,
// merges, widths, frozen panes. Only queues: the caller syncs once for the whole report.
import {
  isLink,
  type Block,
  type LinkTarget,
  type ReportSheet,
  type SheetKey,
  type TableSpec,
} from '../../report/model';
import { CF_STYLES, mergeStyles, STYLES, TABLE_HEADER, type CellStyle } from '../looks';
import { cellFormat, cellLooks, sheetGrid, type GridCell } from '../layout';
import { freeTableName, quoteSheet } from '../outputSheets';
import { areaAddress } from '../address';
import { toOffice } from './cellValues';
import { OP_BYTES, writeCells, type PayloadBudget } from './budget';
import { applyLook, hex, isPlain, widthInPoints } from './looks';
import { maxOf } from '../../engine/extremes';

type Grid = Map<number, Map<number, GridCell>>;

export interface SheetTarget {
  worksheet: Excel.Worksheet;
  /** The name the worksheet is created with (table addresses are sheet-qualified). */
  sheetName: string;
  /** The workbook name of each output sheet (links and table addresses). */
  names: Partial<Record<SheetKey, string>>;
  /** Lower-case table and defined names in use; new table names join it. */
  takenNames: Set<string>;
  /** `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
  supports: (version: string) => boolean;
  /** Keeps each request under Excel on the web's payload limit (unlimited elsewhere). */
  budget: PayloadBudget;
}

function linkAddress(t: LinkTarget, names: Partial<Record<SheetKey, string>>): string {
  if ('sheetName' in t) return `${quoteSheet(t.sheetName)}!${t.cell}`;
  return `${quoteSheet(names[t.sheet] ?? t.sheet)}!${t.cell ?? 'A1'}`;
}

/** Number formats of a rectangle, from the shared layout; null when every cell is General. */
function formatsOf(grid: Grid, row: number, col: number, rows: number, cols: number): string[][] | null {
  let any = false;
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < cols; c++) {
      const g = grid.get(row + r)?.get(col + c);
      const f = (g && cellFormat(g)) ?? 'General';
      if (f !== 'General') any = true;
      line.push(f);
    }
    out.push(line);
  }
  return any ? out : null;
}

/** Looks of one sheet row from `col` for `width` cells, as runs of equal style (one format call per run). */
function lookRuns(
  grid: Grid,
  row: number,
  col: number,
  width: number,
): { from: number; count: number; style: CellStyle }[] {
  const runs: { from: number; count: number; style: CellStyle; key: string }[] = [];
  for (let c = col; c < col + width; c++) {
    const g = grid.get(row)?.get(c);
    const style = g ? mergeStyles(...cellLooks(g)) : {};
    const key = JSON.stringify(style);
    const last = runs[runs.length - 1];
    if (last && last.key === key && last.from + last.count === c) last.count++;
    else runs.push({ from: c, count: 1, style, key });
  }
  return runs.filter((r) => !isPlain(r.style));
}

async function writeBlock(t: SheetTarget, grid: Grid, b: Block): Promise<void> {
  const rows = b.cells.length;
  if (!rows) return;
  const span = Math.max(1, b.mergeAcross ?? 1);
  const styled = b.style !== undefined || (b.rowStyles ?? []).some((s) => s !== undefined);
  const width = Math.max(maxOf(b.cells.map((r) => r.length)), styled ? span : 1);
  const ws = t.worksheet;
  const cells = b.cells.map((row) => Array.from({ length: width }, (_, c) => toOffice(row[c] ?? null)));
  await writeCells(t.budget, ws, b.row, b.col, cells, formatsOf(grid, b.row, b.col, rows, width));
  for (let r = 0; r < rows; r++)
    for (const run of lookRuns(grid, b.row + r, b.col, width)) {
      await t.budget.reserve(OP_BYTES);
      applyLook(ws.getRangeByIndexes(b.row - 1 + r, run.from - 1, 1, run.count).format, run.style);
    }
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < b.cells[r]!.length; c++) {
      const cell = b.cells[r]![c]!;
      if (!isLink(cell)) continue;
      await t.budget.reserve(OP_BYTES);
      ws.getRangeByIndexes(b.row - 1 + r, b.col - 1 + c, 1, 1).hyperlink = {
        documentReference: linkAddress(cell.link, t.names),
        textToDisplay: cell.text,
      };
    }
  if (span > 1) ws.getRangeByIndexes(b.row - 1, b.col - 1, rows, span).merge(true);
}

async function writeTable(t: SheetTarget, grid: Grid, spec: TableSpec): Promise<void> {
  const ws = t.worksheet;
  const bodyRows = Math.max(1, spec.rows.length);
  const width = spec.headers.length;
  // Values first, so the table takes these headers rather than making Column1, Column2…
  const body = spec.rows.length ? spec.rows : [spec.headers.map(() => null)];
  const cells = [spec.headers.map(toOffice), ...body.map((row) => row.map(toOffice))];
  await writeCells(
    t.budget,
    ws,
    spec.row,
    spec.col,
    cells,
    formatsOf(grid, spec.row, spec.col, bodyRows + 1, width),
  );
  await t.budget.reserve(4 * OP_BYTES);
  const table = ws.tables.add(
    `${quoteSheet(t.sheetName)}!${areaAddress({ top: spec.row, left: spec.col, bottom: spec.row + bodyRows, right: spec.col + width - 1 })}`,
    true,
  );
  table.name = freeTableName(spec.name, t.takenNames);
  table.style = spec.style;
  applyLook(ws.getRangeByIndexes(spec.row - 1, spec.col - 1, 1, width).format, TABLE_HEADER);
  spec.columnStyles?.forEach((style, c) => {
    if (style) applyLook(ws.getRangeByIndexes(spec.row, spec.col - 1 + c, bodyRows, 1).format, STYLES[style]);
  });
}

function writeConditionalFormats(t: SheetTarget, sheet: ReportSheet): void {
  for (const f of sheet.conditionalFormats) {
    const range = t.worksheet.getRange(f.range);
    if (f.kind === 'dataBar') {
      const cf = range.conditionalFormats.add('DataBar');
      cf.dataBar.positiveFormat.fillColor = hex(f.color);
      cf.dataBar.lowerBoundRule = { type: 'Number', formula: String(f.min) };
      cf.dataBar.upperBoundRule = { type: 'Number', formula: String(f.max) };
    } else {
      const cf = range.conditionalFormats.add('CellValue');
      const look = CF_STYLES[f.style];
      cf.cellValue.format.font.color = hex(look.font);
      cf.cellValue.format.fill.color = hex(look.fill);
      cf.cellValue.rule = { formula1: `="${f.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
    }
  }
}

/**
 * Queues every cell, table, format and view setting of `sheet` onto `t.worksheet`; the budget sends the
 * queue on the way only when Excel on the web's payload limit requires it.
 */
export async function writeSheet(t: SheetTarget, sheet: ReportSheet): Promise<void> {
  const ws = t.worksheet;
  const grid = sheetGrid(sheet);
  for (const b of sheet.blocks) await writeBlock(t, grid, b);
  for (const spec of sheet.tables) await writeTable(t, grid, spec);
  await t.budget.reserve(OP_BYTES * (sheet.conditionalFormats.length * 4 + sheet.columnWidths.length + 8));
  writeConditionalFormats(t, sheet);
  sheet.columnWidths.forEach((w, i) => {
    if (w !== undefined) ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
  });
  for (const h of sheet.rowHeights ?? [])
    ws.getRangeByIndexes(h.row - 1, 0, 1, 1).format.rowHeight = h.height;
  const f = sheet.freeze;
  if (f && f.rows > 0 && f.columns > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, f.rows, f.columns));
  else if (f && f.rows > 0) ws.freezePanes.freezeRows(f.rows);
  else if (f && f.columns > 0) ws.freezePanes.freezeColumns(f.columns);
  if (sheet.tabColor) ws.tabColor = hex(sheet.tabColor);
  if (sheet.showGridLines === false && t.supports('1.8')) ws.showGridlines = false;
}

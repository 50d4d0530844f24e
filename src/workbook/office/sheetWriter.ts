// One report sheet queued onto a new worksheet: each block and each table one 2-D assignment of
// formulas and one of number formats, looks by runs of equal style, tables, links, conditional formats,
// merges, widths, heights, frozen panes. Only queues, in groups the payload budget measures: the caller
// syncs once for the whole report (more often only on Excel on the web, when the budget says so).
import { isLink, type Block, type ReportSheet, type SheetKey, type TableSpec } from '../../report/model';
import { CF_STYLES, mergeStyles, STYLES, TABLE_HEADER, type CellStyle } from '../looks';
import { cellFormat, cellLooks, sheetGrid, type GridCell } from '../layout';
import { freeTableName, linkAddress, quoteSheet } from '../outputSheets';
import { areaAddress } from '../address';
import { toOffice } from './cellValues';
import { writeCells, type PayloadBudget } from './budget';
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
  /** Keeps each request under Excel on the web's payload limit (unlimited elsewhere). */
  budget: PayloadBudget;
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
  const cells = b.cells.map((row) => Array.from({ length: width }, (_, c) => toOffice(row[c] ?? null)));
  await writeCells(t.budget, t.worksheet, b.row, b.col, cells, formatsOf(grid, b.row, b.col, rows, width));
  for (let r = 0; r < rows; r++)
    for (const run of lookRuns(grid, b.row + r, b.col, width))
      await t.budget.queue(t.worksheet, (ws) =>
        applyLook(ws.getRangeByIndexes(b.row - 1 + r, run.from - 1, 1, run.count).format, run.style),
      );
  if (span > 1)
    await t.budget.queue(t.worksheet, (ws) =>
      ws.getRangeByIndexes(b.row - 1, b.col - 1, rows, span).merge(true),
    );
}

async function writeTable(t: SheetTarget, grid: Grid, spec: TableSpec): Promise<void> {
  const bodyRows = Math.max(1, spec.rows.length);
  const width = spec.headers.length;
  // Values first, so the table takes these headers rather than making Column1, Column2…
  const body = spec.rows.length ? spec.rows : [spec.headers.map(() => null)];
  const cells = [spec.headers.map(toOffice), ...body.map((row) => row.map(toOffice))];
  const formats = formatsOf(grid, spec.row, spec.col, bodyRows + 1, width);
  await writeCells(t.budget, t.worksheet, spec.row, spec.col, cells, formats);
  const address = `${quoteSheet(t.sheetName)}!${areaAddress({ top: spec.row, left: spec.col, bottom: spec.row + bodyRows, right: spec.col + width - 1 })}`;
  const name = freeTableName(spec.name, t.takenNames);
  await t.budget.queue(t.worksheet, (ws) => {
    const table = ws.tables.add(address, true);
    table.name = name;
    table.style = spec.style;
    applyLook(ws.getRangeByIndexes(spec.row - 1, spec.col - 1, 1, width).format, TABLE_HEADER);
    spec.columnStyles?.forEach((style, c) => {
      if (style)
        applyLook(ws.getRangeByIndexes(spec.row, spec.col - 1 + c, bodyRows, 1).format, STYLES[style]);
    });
  });
}

/** Every link of the sheet, in blocks and tables alike (the .xlsx writer links the same cells). */
async function writeLinks(t: SheetTarget, grid: Grid): Promise<void> {
  for (const [r, cols] of grid)
    for (const [c, g] of cols) {
      const cell = g.value;
      if (!isLink(cell)) continue;
      await t.budget.queue(t.worksheet, (ws) => {
        ws.getRangeByIndexes(r - 1, c - 1, 1, 1).hyperlink = {
          documentReference: linkAddress(cell.link, t.names),
          textToDisplay: cell.text,
        };
      });
    }
}

function writeConditionalFormat(ws: Excel.Worksheet, f: ReportSheet['conditionalFormats'][number]): void {
  const range = ws.getRange(f.range);
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

/** Row heights as runs of consecutive rows of one height: one assignment per run. */
function heightRuns(sheet: ReportSheet): { row: number; count: number; height: number }[] {
  const runs: { row: number; count: number; height: number }[] = [];
  for (const h of [...(sheet.rowHeights ?? [])].sort((a, b) => a.row - b.row)) {
    const last = runs[runs.length - 1];
    if (last && last.height === h.height && last.row + last.count === h.row) last.count++;
    else runs.push({ row: h.row, count: 1, height: h.height });
  }
  return runs;
}

/**
 * Queues every cell, table, format and view setting of `sheet` onto `t.worksheet`; the budget sends the
 * queue on the way only when Excel on the web's payload limit requires it. Panes are frozen with the
 * sheet active: freezing a sheet that is not active activates it inside Excel anyway (office-js #3148).
 */
export async function writeSheet(t: SheetTarget, sheet: ReportSheet): Promise<void> {
  const grid = sheetGrid(sheet);
  for (const b of sheet.blocks) await writeBlock(t, grid, b);
  for (const spec of sheet.tables) await writeTable(t, grid, spec);
  await writeLinks(t, grid);
  for (const f of sheet.conditionalFormats)
    await t.budget.queue(t.worksheet, (ws) => writeConditionalFormat(ws, f));
  await t.budget.queue(t.worksheet, (ws) =>
    sheet.columnWidths.forEach((w, i) => {
      if (w !== undefined) ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
    }),
  );
  for (const h of heightRuns(sheet))
    await t.budget.queue(t.worksheet, (ws) => {
      ws.getRangeByIndexes(h.row - 1, 0, h.count, 1).format.rowHeight = h.height;
    });
  await t.budget.queue(t.worksheet, (ws) => {
    const f = sheet.freeze;
    if (f && (f.rows > 0 || f.columns > 0)) ws.activate();
    if (f && f.rows > 0 && f.columns > 0)
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, f.rows, f.columns));
    else if (f && f.rows > 0) ws.freezePanes.freezeRows(f.rows);
    else if (f && f.columns > 0) ws.freezePanes.freezeColumns(f.columns);
    if (sheet.tabColor) ws.tabColor = hex(sheet.tabColor);
    if (sheet.showGridLines === false) ws.showGridlines = false;
  });
}

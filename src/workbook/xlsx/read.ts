// The read half of the .xlsx adapter: lists Excel tables and plain header ranges with ExcelJS and
// reads them as plain cell arrays with their sheet positions, so data issues can name the cell.
import ExcelJS from 'exceljs';
import type { CellValue, RawTable } from '../../engine/model';
import { isBlank, type CellArea, type SheetCell } from '../../engine/read';
import { readTableArea, type RowReader } from '../tableArea';
import { sheetRangeTables } from '../sheetTables';
import { parseAddress } from '../address';
import { outline, pickTables, type TableInfo, type WorkbookReader } from '../port';

/** The ExcelJS table model as read from a file (the typings describe the write-side options instead). */
interface LoadedTable {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

/** Normalizes what ExcelJS returns for a cell to the engine's plain cell values. */
export function toCellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return toCellValue(result);
    }
    if ('text' in v) return toCellValue((v as { text: ExcelJS.CellValue }).text);
  }
  return null;
}

/**
 * A cell's value as Excel's API reports it: a merged cell's value is in its first cell only (ExcelJS
 * repeats it in every cell of the merge).
 */
function cellValueOf(cell: ExcelJS.Cell): CellValue {
  return cell.type === ExcelJS.ValueType.Merge ? null : toCellValue(cell.value);
}

/** The cells of a sheet that hold a value, in row then column order. */
function valueCells(ws: ExcelJS.Worksheet): SheetCell[] {
  const cells: SheetCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cellValueOf(cell);
      if (!isBlank(value)) cells.push({ row: r, col: c, value });
    }),
  );
  return cells;
}

/** A sheet's cells with their number formats, row by row. */
function rowReader(ws: ExcelJS.Worksheet): RowReader {
  return (r) => {
    const row = ws.getRow(r);
    return (c) => {
      const cell = row.getCell(c);
      return { value: cellValueOf(cell), format: cell.numFmt || undefined };
    };
  };
}

export class XlsxWorkbookReader implements WorkbookReader {
  private cache: RawTable[] | null = null;

  /** `skip`: sheets not read (an earlier run's output sheets, found by their markers). */
  constructor(
    private readonly workbook: ExcelJS.Workbook,
    private readonly skip: ReadonlySet<string> = new Set(),
  ) {}

  static async fromFile(path: string): Promise<XlsxWorkbookReader> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return new XlsxWorkbookReader(wb);
  }

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbookReader> {
    const wb = new ExcelJS.Workbook();
    // ExcelJS's typings ask for its own Buffer type; a Uint8Array view is what it reads.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    return new XlsxWorkbookReader(wb);
  }

  async listTables(): Promise<TableInfo[]> {
    return this.all().map(outline);
  }

  async readTables(names: readonly string[]): Promise<RawTable[]> {
    return pickTables(this.all(), names);
  }

  /** Every table of the workbook, read once. */
  all(): RawTable[] {
    if (this.cache) return this.cache;
    const out: RawTable[] = [];
    this.workbook.eachSheet((ws) => {
      if (ws.state !== 'veryHidden' && !this.skip.has(ws.name))
        for (const t of this.sheetTables(ws)) out.push(t);
    });
    this.cache = out;
    return out;
  }

  /**
   * A sheet's Excel tables, then its plain header ranges outside them, found from the cells that hold
   * values (never the sheet's stated dimensions, which one far cell can stretch to the whole grid).
   */
  private sheetTables(ws: ExcelJS.Worksheet): RawTable[] {
    const read: RawTable[] = [];
    const areas: CellArea[] = [];
    for (const t of ws.getTables() as unknown as { table: LoadedTable }[]) {
      const model = t.table;
      const area = parseAddress(model.tableRef ?? model.ref ?? '').area;
      areas.push(area);
      const hasHeader = model.headerRow !== false;
      const headerRow = hasHeader ? area.top : area.top - 1;
      const lastData = model.totalsRow ? area.bottom - 1 : area.bottom;
      read.push(
        this.readArea(ws, model.name, 'table', headerRow, area.left, area.right, lastData, hasHeader),
      );
    }
    return sheetRangeTables(ws.name, valueCells(ws), { areas, read }, rowReader(ws));
  }

  private readArea(
    ws: ExcelJS.Worksheet,
    name: string,
    kind: RawTable['kind'],
    headerRow: number,
    left: number,
    right: number,
    lastRow: number,
    hasHeader: boolean,
  ): RawTable {
    return readTableArea(
      { name, sheet: ws.name, kind, headerRow, left, right, lastRow, hasHeader },
      rowReader(ws),
    );
  }
}

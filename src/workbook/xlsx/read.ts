// The read half of the .xlsx adapter: lists Excel tables and plain header ranges with ExcelJS and
// reads them as plain cell arrays with their sheet positions, so data issues can name the cell.
import ExcelJS from 'exceljs';
import type { CellValue, RawTable } from '../../engine/model';
import { findHeaderRanges } from '../../engine/read';
import { rangeAddress } from '../../engine/address';
import { readTableArea } from '../tableArea';
import { parseAddress, type Area } from '../address';
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

export class XlsxWorkbookReader implements WorkbookReader {
  private cache: RawTable[] | null = null;

  constructor(private readonly workbook: ExcelJS.Workbook) {}

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
      if (ws.state === 'veryHidden') return;
      const tableAreas: Area[] = [];
      for (const t of ws.getTables() as unknown as { table: LoadedTable }[]) {
        const model = t.table;
        const area = parseAddress(model.tableRef ?? model.ref ?? '').area;
        tableAreas.push(area);
        const hasHeader = model.headerRow !== false;
        const headerRow = hasHeader ? area.top : area.top - 1;
        const lastData = model.totalsRow ? area.bottom - 1 : area.bottom;
        out.push(
          this.readArea(ws, model.name, 'table', headerRow, area.left, area.right, lastData, hasHeader),
        );
      }
      const dims = ws.dimensions as unknown as Area | undefined;
      if (!dims || !ws.actualRowCount) return;
      const grid: CellValue[][] = [];
      for (let r = dims.top; r <= dims.bottom; r++) {
        const row = ws.getRow(r);
        const cells: CellValue[] = [];
        for (let c = dims.left; c <= dims.right; c++) cells.push(toCellValue(row.getCell(c).value));
        grid.push(cells);
      }
      const inTable = (r: number, c: number) =>
        tableAreas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
      for (const h of findHeaderRanges(grid, dims.top, dims.left, inTable)) {
        const name = rangeAddress(ws.name, h.headerRow, h.firstColumn, h.lastRow, h.lastColumn);
        out.push(this.readArea(ws, name, 'range', h.headerRow, h.firstColumn, h.lastColumn, h.lastRow, true));
      }
    });
    this.cache = out;
    return out;
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
    return readTableArea({ name, sheet: ws.name, kind, headerRow, left, right, lastRow, hasHeader }, (r) => {
      const row = ws.getRow(r);
      return (c) => {
        const cell = row.getCell(c);
        return { value: toCellValue(cell.value), format: cell.numFmt || undefined };
      };
    });
  }
}

// One table read out of a sheet the same way by both adapters: the header row (or Column 1, 2… when a
// table has none), the data rows as engine cells, and each column's first number format that is not
// General (the currency and percent detection reads it).
import type { CellValue, RawTable } from '../engine/model';
import { cellText } from '../engine/read';

/** Where a table sits: 1-based sheet rows and columns. */
export interface TableArea {
  name: string;
  sheet: string;
  kind: RawTable['kind'];
  headerRow: number;
  left: number;
  right: number;
  lastRow: number;
  hasHeader: boolean;
}

/** The cells of one sheet row, by 1-based column: the value and its number format, if any. */
export type RowReader = (row: number) => (col: number) => { value: CellValue; format: string | undefined };

export function readTableArea(a: TableArea, rowAt: RowReader): RawTable {
  const width = a.right - a.left + 1;
  const header = rowAt(a.headerRow);
  const headers: string[] = [];
  for (let c = a.left; c <= a.right; c++)
    headers.push(a.hasHeader ? cellText(header(c).value).trim() : `Column ${c - a.left + 1}`);
  const rows: CellValue[][] = [];
  const columnFormats = new Array<string | undefined>(width).fill(undefined);
  for (let r = a.headerRow + 1; r <= a.lastRow; r++) {
    const cellAt = rowAt(r);
    const cells: CellValue[] = [];
    for (let c = a.left; c <= a.right; c++) {
      const { value, format } = cellAt(c);
      cells.push(value);
      if (columnFormats[c - a.left] === undefined && format && format !== 'General')
        columnFormats[c - a.left] = format;
    }
    rows.push(cells);
  }
  return {
    name: a.name,
    sheet: a.sheet,
    kind: a.kind,
    headerRow: a.headerRow,
    firstColumn: a.left,
    headers,
    rows,
    columnFormats,
  };
}

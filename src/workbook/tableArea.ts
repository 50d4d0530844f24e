// One table read out of a sheet the same way by both adapters: the header row (or Column 1, 2… when a
// table has none), the data rows as engine cells, and each column's first number format that is not
// General (the currency and percent detection reads it).
import type { CellValue, RawTable } from '../engine/model';
import { InputError } from '../engine/errors';
import { SIZE_LIMITS, TOO_LARGE } from '../engine/messages';
import { rangeAddress } from '../engine/address';
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

/** Reads a table's cells; a table past the size limit (a hostile or mistyped range) is one sentence. */
export function readTableArea(a: TableArea, rowAt: RowReader): RawTable {
  const width = a.right - a.left + 1;
  if (width * (a.lastRow - a.headerRow + 1) > SIZE_LIMITS.tableCells)
    throw new InputError(
      TOO_LARGE.tableCells(a.name, rangeAddress(a.sheet, a.headerRow, a.left, a.lastRow, a.right)),
    );
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

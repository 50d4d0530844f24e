// The plain header ranges of one sheet, found from the cells that hold values and read the same way
// whatever holds the sheet (an .xlsx sheet through ExcelJS, a CSV file), with the sheet's stray values.
import type { RawTable } from '../engine/model';
import { headerRangesOf, strayCellIssues, type CellArea, type SheetCell } from '../engine/read';
import { rangeAddress } from '../engine/address';
import { readTableArea, type RowReader } from './tableArea';

/**
 * The sheet's plain header ranges outside `tables` (its Excel tables, already read), appended to
 * `tables`' list; every table of the sheet then carries the sheet's stray values as data issues.
 */
export function sheetRangeTables(
  sheet: string,
  cells: readonly SheetCell[],
  tables: { areas: CellArea[]; read: RawTable[] },
  rowAt: RowReader,
): RawTable[] {
  const out = [...tables.read];
  const areas = [...tables.areas];
  const inTable = (r: number, c: number) =>
    tables.areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
  for (const h of headerRangesOf(cells, inTable)) {
    const name = rangeAddress(sheet, h.headerRow, h.firstColumn, h.lastRow, h.lastColumn);
    areas.push({ top: h.headerRow, left: h.firstColumn, bottom: h.lastRow, right: h.lastColumn });
    out.push(
      readTableArea(
        {
          name,
          sheet,
          kind: 'range',
          headerRow: h.headerRow,
          left: h.firstColumn,
          right: h.lastColumn,
          lastRow: h.lastRow,
          hasHeader: true,
        },
        rowAt,
      ),
    );
  }
  const issues = strayCellIssues(sheet, cells, areas);
  if (issues.length) for (const t of out) t.sheetIssues = issues;
  return out;
}

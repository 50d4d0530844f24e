// The workbook port (SPEC §5): what the pipeline needs from a workbook, whatever holds it — an .xlsx
// file through ExcelJS, or the open workbook through the Excel JavaScript API.
import type { RawTable } from '../engine/model';

/** A table's outline, cheap to list: enough to choose the projects table and propose a mapping. */
export interface TableInfo {
  name: string;
  sheet: string;
  kind: RawTable['kind'];
  headerRow: number;
  firstColumn: number;
  headers: string[];
  rowCount: number;
}

export interface WorkbookReader {
  /** Every Excel table and plain header range on every sheet. */
  listTables(): Promise<TableInfo[]>;
  /** The named tables with all their cells, read in one batch. */
  readTables(names: readonly string[]): Promise<RawTable[]>;
}

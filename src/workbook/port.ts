// The workbook port (SPEC §5): what the pipeline needs from a workbook, whatever holds it — an .xlsx
// file through ExcelJS, or the open workbook through the Excel JavaScript API.
import type { RawTable } from '../engine/model';
import type { SheetKey, WorkbookReport } from '../report/model';

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

/** Where the report's sheets went: the name each output sheet got ("SRO Ranking (2)" beside a user's sheet). */
export type WrittenSheets = Partial<Record<SheetKey, string>>;

/**
 * The whole port (SPEC §5): read the tables, write a report. Settings travel as a table on the
 * "SRO Settings" sheet (read like any table, written as one of the report's sheets).
 */
export interface WorkbookGateway extends WorkbookReader {
  /** Replaces the output sheets an earlier run made (by their markers) and writes the report's. */
  writeReport(report: WorkbookReport): Promise<WrittenSheets>;
}

/** Every table of the workbook (the pipeline reads them all; the analysis picks the roles). */
export async function readAllTables(reader: WorkbookReader): Promise<RawTable[]> {
  return reader.readTables((await reader.listTables()).map((t) => t.name));
}

/** The outline of a table that has been read. */
export function outline(t: RawTable): TableInfo {
  const { rows, columnFormats: _f, sheetIssues: _i, ...info } = t;
  return { ...info, rowCount: rows.length };
}

/** The tables of `all` named in `names` (case-insensitive, as Excel compares names). */
export function pickTables(all: readonly RawTable[], names: readonly string[]): RawTable[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return all.filter((t) => wanted.has(t.name.toLowerCase()));
}

/**
 * `listTables` and `readTables` over one read of the whole workbook, kept until `refresh`. A read that
 * fails is not kept, so the next call tries again (and a failed old read never clears a newer one).
 */
export abstract class WholeWorkbookReader implements WorkbookReader {
  private tables: Promise<RawTable[]> | null = null;

  /** Every table of the workbook, read once. */
  protected abstract readAll(): Promise<RawTable[]>;

  /** Forget what was read (the workbook may have changed since). */
  refresh(): void {
    this.tables = null;
  }

  protected all(): Promise<RawTable[]> {
    if (!this.tables) {
      const reading = this.readAll();
      reading.catch(() => {
        if (this.tables === reading) this.tables = null;
      });
      this.tables = reading;
    }
    return this.tables;
  }

  async listTables(): Promise<TableInfo[]> {
    return (await this.all()).map(outline);
  }

  async readTables(names: readonly string[]): Promise<RawTable[]> {
    return pickTables(await this.all(), names);
  }
}

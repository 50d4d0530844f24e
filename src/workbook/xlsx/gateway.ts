// The workbook port on an .xlsx file in memory: tables read once with ExcelJS (whose model is then let
// go: it is the largest thing in memory), the report written into a copy of the package.
import ExcelJS from 'exceljs';
import type { DataIssue, RawTable } from '../../engine/model';
import { InputError } from '../../engine/errors';
import { NO_PROJECTS } from '../../engine/messages';
import type { WorkbookReport } from '../../report/model';
import { WholeWorkbookReader, type WorkbookGateway, type WrittenSheets } from '../port';
import { XlsxWorkbookReader } from './read';
import { findOutputSheets, writeReport } from './write';
import { WorkbookXml } from './workbookXml';
import { checkSizes, FILE_PROBLEM, openPackage, SKIPPED_SHEET, type SkippedSheet } from './sniff';
import { readerCopy } from './normalize';

/**
 * Loads an .xlsx package; anything else, or a workbook past the cell limit, is the user's input error,
 * said in one sentence (see sniff.ts) before ExcelJS builds anything. ExcelJS reads the normalized copy
 * (normalize.ts), in which a sheet past the row limit is empty.
 */
export async function loadWorkbook(data: Uint8Array, name = 'The file'): Promise<ExcelJS.Workbook> {
  return (await openWorkbook(data, name)).workbook;
}

interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  outputs: Set<string>;
  skipped: SkippedSheet[];
}

async function openWorkbook(data: Uint8Array, name: string): Promise<OpenedWorkbook> {
  const { zip } = await openPackage(data, name);
  const skipped = await checkSizes(zip);
  let outputs = new Set<string>();
  try {
    const written = findOutputSheets(
      new WorkbookXml(await zip.file('xl/workbook.xml')!.async('string')),
    ).written;
    outputs = new Set([...written].filter(([, key]) => key !== 'settings').map(([sheet]) => sheet));
  } catch {
    // A workbook part this writer cannot edit has no markers it could have written.
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const copy = await readerCopy(zip, new Set(skipped.map((s) => s.part)));
    // ExcelJS's typings ask for its own Buffer type; a Uint8Array is what it reads.
    await workbook.xlsx.load((copy ?? data) as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(FILE_PROBLEM.unreadable(name));
  }
  return { workbook, outputs, skipped };
}

/** The tables of a workbook and the sheets left out as past the row limit. */
export interface ReadWorkbook {
  tables: RawTable[];
  skipped: SkippedSheet[];
}

/**
 * Every table of an .xlsx workbook, as the Office.js adapter reads them: the output sheets of earlier
 * runs (found by their markers, renamed or not) are not read, their settings sheet is; a sheet past the
 * row limit is not read, and a data issue says so.
 */
export async function readWorkbook(data: Uint8Array, name = 'The file'): Promise<ReadWorkbook> {
  const { workbook, outputs, skipped } = await openWorkbook(data, name);
  const tables = new XlsxWorkbookReader(workbook, outputs).all();
  const first = tables[0];
  if (first && skipped.length) {
    const issues: DataIssue[] = skipped.map((s) => ({
      sheet: s.name,
      problem: SKIPPED_SHEET.problem(s),
      assumption: SKIPPED_SHEET.assumption,
      severity: 'warning',
    }));
    // The analysis reports each sheet's array once; the first table's carries the skipped sheets too.
    first.sheetIssues = [...(first.sheetIssues ?? []), ...issues];
    for (const t of tables) if (t !== first && t.sheet === first.sheet) t.sheetIssues = first.sheetIssues;
  }
  return { tables, skipped };
}

export async function readWorkbookTables(data: Uint8Array, name = 'The file'): Promise<RawTable[]> {
  return (await readWorkbook(data, name)).tables;
}

/**
 * A run that found no projects table, when sheets were left out as too long: the one sentence names
 * them as the likely reason. Any other error is returned as it is.
 */
export function explainSkipped(e: unknown, skipped: readonly SkippedSheet[]): unknown {
  if (!skipped.length || !(e instanceof InputError)) return e;
  const m = e.message;
  const notFound = NO_PROJECTS.tableNotFound('\u0000', []).split('\u0000')[0]!;
  if (m === NO_PROJECTS.noTables || m === NO_PROJECTS.noProjectTable || m.startsWith(notFound))
    return new InputError(SKIPPED_SHEET.noProjects(skipped));
  return e;
}

export class XlsxWorkbookGateway extends WholeWorkbookReader implements WorkbookGateway {
  /** The package with the report written into it, after `writeReport`. */
  output: Uint8Array | null = null;
  /** What the write kept as the user's, in sentences (see keptSheetNotes). */
  notes: string[] = [];

  /** `name` names the file in messages ("budget.xlsx is not an Excel workbook…"). */
  constructor(
    private readonly data: Uint8Array,
    private readonly name?: string,
  ) {
    super();
  }

  /** Sheets not read, as past the row limit (known after the first read). */
  skipped: SkippedSheet[] = [];

  protected async readAll(): Promise<RawTable[]> {
    const read = await readWorkbook(this.data, this.name);
    this.skipped = read.skipped;
    return read.tables;
  }

  async writeReport(report: WorkbookReport): Promise<WrittenSheets> {
    const written = await writeReport(this.data, report);
    this.output = written.data;
    this.notes = written.notes;
    return written.names;
  }
}

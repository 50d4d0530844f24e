// The workbook port on an .xlsx file in memory: tables read once with ExcelJS (whose model is then let
// go: it is the largest thing in memory), the report written into a copy of the package.
import ExcelJS from 'exceljs';
import type { RawTable } from '../../engine/model';
import { InputError } from '../../engine/errors';
import type { WorkbookReport } from '../../report/model';
import { WholeWorkbookReader, type WorkbookGateway, type WrittenSheets } from '../port';
import { XlsxWorkbookReader } from './read';
import { findOutputSheets, writeReport } from './write';
import { WorkbookXml } from './workbookXml';
import { checkSizes, FILE_PROBLEM, openPackage } from './sniff';

/**
 * Loads an .xlsx package; anything else, or a workbook past the size limits, is the user's input error,
 * said in one sentence (see sniff.ts) before ExcelJS builds anything.
 */
export async function loadWorkbook(data: Uint8Array, name = 'The file'): Promise<ExcelJS.Workbook> {
  return (await openWorkbook(data, name)).workbook;
}

async function openWorkbook(
  data: Uint8Array,
  name: string,
): Promise<{ workbook: ExcelJS.Workbook; outputs: Set<string> }> {
  const { zip } = await openPackage(data, name);
  await checkSizes(zip);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for its own Buffer type; a Uint8Array is what it reads.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(FILE_PROBLEM.unreadable(name));
  }
  let outputs = new Set<string>();
  try {
    const written = findOutputSheets(
      new WorkbookXml(await zip.file('xl/workbook.xml')!.async('string')),
    ).written;
    outputs = new Set([...written].filter(([, key]) => key !== 'settings').map(([sheet]) => sheet));
  } catch {
    // A workbook part this writer cannot edit has no markers it could have written.
  }
  return { workbook, outputs };
}

/**
 * Every table of an .xlsx workbook, as the Office.js adapter reads them: the output sheets of earlier
 * runs (found by their markers, renamed or not) are not read, their settings sheet is.
 */
export async function readWorkbookTables(data: Uint8Array, name = 'The file'): Promise<RawTable[]> {
  const { workbook, outputs } = await openWorkbook(data, name);
  return new XlsxWorkbookReader(workbook, outputs).all();
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

  protected readAll(): Promise<RawTable[]> {
    return readWorkbookTables(this.data, this.name);
  }

  async writeReport(report: WorkbookReport): Promise<WrittenSheets> {
    const written = await writeReport(this.data, report);
    this.output = written.data;
    this.notes = written.notes;
    return written.names;
  }
}

// The workbook port on an .xlsx file in memory: tables read once with ExcelJS (whose model is then let
// go: it is the largest thing in memory), the report written into a copy of the package.
import ExcelJS from 'exceljs';
import type { RawTable } from '../../engine/model';
import { InputError } from '../../engine/errors';
import type { WorkbookReport } from '../../report/model';
import { WholeWorkbookReader, type WorkbookGateway, type WrittenSheets } from '../port';
import { XlsxWorkbookReader } from './read';
import { writeReport } from './write';

/** Loads an .xlsx package; anything else is the user's input error, said in one sentence. */
export async function loadWorkbook(data: Uint8Array, name = 'The file'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for its own Buffer type; a Uint8Array is what it reads.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(
      `${name} is not an Excel workbook (.xlsx): save it as "Excel Workbook" and run again.`,
    );
  }
  return wb;
}

export class XlsxWorkbookGateway extends WholeWorkbookReader implements WorkbookGateway {
  /** The package with the report written into it, after `writeReport`. */
  output: Uint8Array | null = null;

  /** `name` names the file in messages ("budget.xlsx is not an Excel workbook…"). */
  constructor(
    private readonly data: Uint8Array,
    private readonly name?: string,
  ) {
    super();
  }

  protected readAll(): Promise<RawTable[]> {
    return loadWorkbook(this.data, this.name).then((wb) => new XlsxWorkbookReader(wb).all());
  }

  async writeReport(report: WorkbookReport): Promise<WrittenSheets> {
    const written = await writeReport(this.data, report);
    this.output = written.data;
    return written.names;
  }
}

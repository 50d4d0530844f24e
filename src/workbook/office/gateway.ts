// The workbook port on the Excel JavaScript API: one `Excel.run` per call, the workbook read once and
// kept until `refresh`, the report written in one batch. Errors are not caught here: the user action
// that started the call shows them (see `officeErrorMessage`).
import type { RawTable } from '../../engine/model';
import type { WorkbookReport } from '../../report/model';
import { WholeWorkbookReader, type WorkbookGateway, type WrittenSheets } from '../port';
import { assertExcelApi } from './errors';
import { readWorkbook } from './read';
import { writeReport } from './write';
import { activateSheet, insertTables, type TableToInsert } from './sheets';

/** `Excel.run`, or the simulator's stand-in for it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHost {
  run: ExcelRun;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported: (name: string, version: string) => boolean;
  /** Largest request or response of one sync (Excel on the web: see WEB_PAYLOAD_LIMIT); none elsewhere. */
  payloadLimit?: number;
}

export class OfficeWorkbookGateway extends WholeWorkbookReader implements WorkbookGateway {
  constructor(private readonly host: OfficeHost) {
    super();
    assertExcelApi(host.isSetSupported);
  }

  protected readAll(): Promise<RawTable[]> {
    return this.host.run((context) => readWorkbook(context, this.host.payloadLimit));
  }

  async writeReport(report: WorkbookReport): Promise<WrittenSheets> {
    const written = await this.host.run((context) => writeReport(context, report, this.host.payloadLimit));
    this.refresh();
    return written;
  }

  /** Opens a sheet (the summary after a run). */
  async activate(sheet: string): Promise<void> {
    await this.host.run((context) => activateSheet(context, sheet));
  }

  /** Inserts tables on new sheets (the sample data); the next read sees them. */
  async insertTables(tables: readonly TableToInsert[]): Promise<string[]> {
    const sheets = await this.host.run((context) => insertTables(context, tables));
    this.refresh();
    return sheets;
  }
}

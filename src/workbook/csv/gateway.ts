// The workbook port on a CSV file: its one sheet read as text cells, and the report written into a new
// workbook that holds the CSV's data beside the SRO sheets (a CSV cannot hold them; nothing writes .csv).
import type { RawTable } from '../../engine/model';
import type { WorkbookReport } from '../../report/model';
import { WholeWorkbookReader, type WorkbookGateway, type WrittenSheets } from '../port';
import { writeReport } from '../xlsx/write';
import type { SkippedSheet } from '../xlsx/sniff';
import { readCsv, type CsvSheet } from './read';
import { csvWorkbook } from './workbook';

export class CsvWorkbookGateway extends WholeWorkbookReader implements WorkbookGateway {
  output: Uint8Array | null = null;
  notes: string[] = [];
  /** A CSV has one sheet; past the row limit it is refused, never skipped. */
  readonly skipped: SkippedSheet[] = [];
  private sheet: CsvSheet | null = null;

  /** `name`: the file's name, which names the sheet and the file in messages. */
  constructor(
    private readonly data: Uint8Array,
    private readonly name: string,
  ) {
    super();
  }

  /** The file as read (after the first read). */
  csv(): CsvSheet {
    return (this.sheet ??= readCsv(this.data, this.name));
  }

  protected async readAll(): Promise<RawTable[]> {
    return this.csv().tables;
  }

  async writeReport(report: WorkbookReport): Promise<WrittenSheets> {
    const csv = this.csv();
    const base = await csvWorkbook(csv.sheet, csv.rows, csv.separator);
    const written = await writeReport(base, report);
    this.output = written.data;
    this.notes = written.notes;
    return written.names;
  }
}

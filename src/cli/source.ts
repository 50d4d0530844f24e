// Which gateway reads an input file: a CSV file (by its .csv name) through the CSV reader, whose output
// is a new workbook; anything else as an Excel package (sniff.ts says what it is when it is not one).
import type { WorkbookGateway } from '../workbook/port';
import type { SkippedSheet } from '../workbook/xlsx/sniff';
import { XlsxWorkbookGateway } from '../workbook/xlsx/gateway';
import { CsvWorkbookGateway } from '../workbook/csv/gateway';

/** A gateway on a file in memory: what it wrote, what it kept as the user's, what it did not read. */
export interface FileGateway extends WorkbookGateway {
  output: Uint8Array | null;
  notes: string[];
  skipped: SkippedSheet[];
}

export const isCsvName = (file: string): boolean => /\.csv$/i.test(file);

/** The gateway on the file `name` (the file name decides: .csv, or an Excel package). */
export function gatewayFor(data: Uint8Array, name: string | undefined): FileGateway {
  return name !== undefined && isCsvName(name)
    ? new CsvWorkbookGateway(data, name)
    : new XlsxWorkbookGateway(data, name);
}

/** How a CSV input was read, for the command's output ("UTF-8, separated by ;"); null for a workbook. */
export function csvReading(gateway: FileGateway): string | null {
  if (!(gateway instanceof CsvWorkbookGateway)) return null;
  const csv = gateway.csv();
  const sep = csv.separator === '\t' ? 'tabs' : `"${csv.separator}"`;
  return `read as CSV: ${csv.encoding}, fields separated by ${sep}, on a sheet named "${csv.sheet}"`;
}

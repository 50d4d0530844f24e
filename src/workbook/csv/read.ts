// A CSV file as one sheet: decoded, split into records, and read into the same plain header ranges an
// .xlsx sheet gives (the sheet named after the file). Every value stays the text the file holds (the
// engine's cell parser reads "£1,200", "(1,000)", "12%" and the file's decimal convention); a blank field
// is an empty cell. Nothing is guessed from the layout here: a transposed table arrives as it is.
import type { CellValue, RawTable } from '../../engine/model';
import { InputError } from '../../engine/errors';
import { SIZE_LIMITS } from '../../engine/messages';
import type { SheetCell } from '../../engine/read';
import { sheetRangeTables } from '../sheetTables';
import { decodeCsv, type CsvEncoding } from './decode';
import { detectSeparator, eachRecord, type Separator } from './parse';

export interface CsvSheet {
  /** The sheet's name (from the file's). */
  sheet: string;
  /** Rows of fields as read, row 1 first; a row may be shorter than others. */
  rows: string[][];
  encoding: CsvEncoding;
  separator: Separator;
  tables: RawTable[];
}

const n = (x: number) => x.toLocaleString('en-US');

export const CSV_PROBLEM = {
  empty: (name: string) => `${name} is empty: choose the CSV file that holds the projects.`,
  tooManyRows: (name: string, rows: number) =>
    `${name} has ${n(rows)} rows with values; SRO Portfolio reads at most ${n(SIZE_LIMITS.sheetRows)} rows on a sheet: keep only the projects to score (for example, without closed ones) and run again.`,
  tooManyCells: (name: string) =>
    `${name} has more than ${n(SIZE_LIMITS.workbookCells)} values; SRO Portfolio reads at most ${n(SIZE_LIMITS.workbookCells)}: remove the columns the projects do not need and run again.`,
  notText: (name: string) =>
    `${name} is not a text (CSV) file: choose the CSV or Excel workbook that holds the projects.`,
} as const;

/** Characters Excel does not allow in a sheet name. */
const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

/** The sheet name a file gets: its base name as Excel would take it (31 characters, no \ / ? * [ ] :). */
export function sheetNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const name = base
    .replace(BAD_SHEET_CHARS, ' ')
    .replace(/[\u0000-\u001f]/g, '')
    .trim()
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim();
  return name === '' || name.toLowerCase() === 'history' ? `${name || 'Data'} (CSV)`.trim() : name;
}

const blank = (s: string) => s.trim() === '';

/** Reads a CSV file's bytes as one sheet; past the size limits, or not text, is one sentence. */
export function readCsv(data: Uint8Array, fileName: string): CsvSheet {
  const label = fileName.replace(/^.*[\\/]/, '');
  if (data.length === 0) throw new InputError(CSV_PROBLEM.empty(label));
  // A zip (a workbook named .csv) or any file with NUL bytes in its first kilobytes is not text.
  if (
    (data[0] === 0x50 && data[1] === 0x4b) ||
    (data.subarray(0, 4096).includes(0) && data[0] !== 0xff && data[0] !== 0xfe)
  )
    throw new InputError(CSV_PROBLEM.notText(label));
  const { text, encoding } = decodeCsv(data);
  const { sep, start } = detectSeparator(text);
  const rows: string[][] = [];
  const cells: SheetCell[] = [];
  let filledRows = 0;
  let r = 0;
  eachRecord(
    text,
    sep,
    (fields) => {
      r++;
      if (!fields.some((f) => !blank(f))) {
        rows.push([]);
        return;
      }
      if (++filledRows > SIZE_LIMITS.sheetRows) return;
      rows.push(fields);
      fields.forEach((f, c) => {
        if (!blank(f)) cells.push({ row: r, col: c + 1, value: f });
      });
      if (cells.length > SIZE_LIMITS.workbookCells) throw new InputError(CSV_PROBLEM.tooManyCells(label));
    },
    start,
  );
  if (filledRows > SIZE_LIMITS.sheetRows) throw new InputError(CSV_PROBLEM.tooManyRows(label, filledRows));
  const sheet = sheetNameOf(fileName);
  const cell = (row: number, col: number): CellValue => {
    const f = rows[row - 1]?.[col - 1];
    return f === undefined || blank(f) ? null : f;
  };
  const tables = sheetRangeTables(sheet, cells, { areas: [], read: [] }, (row) => (col) => ({
    value: cell(row, col),
    format: undefined,
  })).map((t) => ({ ...t, textOnly: true }));
  return { sheet, rows, encoding, separator: sep, tables };
}

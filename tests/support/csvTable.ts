// A small CSV reader for the tests on published portfolios (GMPP publishes CSV): RFC 4180 quoting,
// `,` or `;` separators, UTF-8 (with or without BOM) or Windows-1252 text. It hands the engine the
// same plain range a workbook adapter would; the command line's own CSV reading is another matter.
import type { CellValue, RawTable } from '../../src/engine/model';
import { rangeAddress } from '../../src/engine/address';

/** Text of a CSV file: UTF-8 when it decodes cleanly, else Windows-1252. */
export function decodeCsv(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** Rows of cells; numbers stay text (as a spreadsheet would show a CSV cell before typing it). */
export function parseCsv(text: string): string[][] {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (first.match(/;/g) ?? []).length > (first.match(/,/g) ?? []).length ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** A CSV file as the plain range a workbook adapter reads: header on row 1, column A. */
export function csvTable(data: Uint8Array, sheet: string): RawTable {
  const [head = [], ...rows] = parseCsv(decodeCsv(data));
  const width = Math.max(head.length, ...rows.map((r) => r.length));
  const cell = (v: string | undefined): CellValue => (v === undefined || v.trim() === '' ? null : v);
  return {
    name: rangeAddress(sheet, 1, 1, rows.length + 1, width),
    sheet,
    kind: 'range',
    headerRow: 1,
    firstColumn: 1,
    headers: Array.from({ length: width }, (_, i) => (head[i] ?? '').trim()),
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i]))),
  };
}

// Helpers of the CLI tests: run `sro` in-process with captured streams, and read a written workbook's
// cells and parts back to check them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import { main } from '../../src/cli/sro';
import { SHEET_ORDER, SHEET_NAMES } from '../../src/report/model';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function sro(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of a sheet as address → value (rich text, dates and formulas kept as ExcelJS gives them). */
export function cellsOf(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      out.set(
        cell.address,
        cell.value instanceof Date ? cell.value.toISOString() : JSON.parse(JSON.stringify(cell.value)),
      );
    }),
  );
  return out;
}

/** Is this sheet name one of the add-in's (possibly suffixed) output names? */
export function isOutputName(name: string): boolean {
  return SHEET_ORDER.some(
    (k) => name === SHEET_NAMES[k] || new RegExp(`^${SHEET_NAMES[k]} \\(\\d+\\)$`).test(name),
  );
}

/** The XML of each worksheet part of a package, by sheet name. */
export async function sheetXml(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target =
      new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)?.[1];
    const part = zip.file(`xl/${target!.replace(/^\/?xl\//, '')}`);
    out.set(m[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&'), await part!.async('string'));
  }
  return out;
}

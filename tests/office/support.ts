// Helpers of the Office.js adapter tests: a gateway on a simulator seeded from an .xlsx file, and the
// cells of a sheet written by either writer in one comparable shape.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ExcelSimulator, type SimCell, type SimRequestContext } from '../support/excelSim/index';
import { seedFromXlsx } from '../support/excelSim/fromXlsx';
import { OfficeWorkbookGateway, type ExcelRun } from '../../src/workbook/office/gateway';
import { WEB_PAYLOAD_LIMIT } from '../../src/workbook/office/budget';
import { resolveTarget, XlsxPackage } from '../../src/workbook/xlsx/package';
import { WorkbookXml } from '../../src/workbook/xlsx/workbookXml';
import { attr, unescapeXml } from '../../src/workbook/xlsx/xml';
import { parseAddress } from '../../src/workbook/address';

export const SAMPLE_PATH = path.join(__dirname, '../../assets/sample-portfolio.xlsx');
export const SAMPLE = new Uint8Array(fs.readFileSync(SAMPLE_PATH));

/** Excel on the web's limit on one request or response (5 MB). */
export const WEB_LIMIT = 5_000_000;

export async function simulatorOf(
  data: Uint8Array,
  apiVersion = '1.13',
  payloadLimitBytes?: number,
): Promise<ExcelSimulator> {
  return new ExcelSimulator(await seedFromXlsx(data), {
    apiVersion,
    ...(payloadLimitBytes ? { payloadLimitBytes } : {}),
  });
}

/**
 * The adapter on the simulator (the simulator's context stands in for Excel.RequestContext); `web`
 * gives it Excel on the web's payload limit, as the pane does there.
 */
export function gatewayOn(sim: ExcelSimulator, web = false): OfficeWorkbookGateway {
  // The simulator implements the subset of Excel.RequestContext the adapter uses, not the whole type.
  const run = ((batch: (c: SimRequestContext) => Promise<unknown>) => sim.run(batch)) as unknown as ExcelRun;
  return new OfficeWorkbookGateway({
    run,
    isSetSupported: (n, v) => sim.isSetSupported(n, v),
    ...(web ? { payloadLimit: WEB_PAYLOAD_LIMIT } : {}),
  });
}

export interface Comparable {
  value: number | string | boolean;
  formula?: string;
  format: string;
  /** Where the cell's hyperlink goes (`'SRO Ranking'!A1`), when it has one. */
  link?: string;
}

const DAY_MS = 86_400_000;

/** Non-empty cells of an ExcelJS sheet, `row:col` → value, formula and number format. */
export function xlsxCells(ws: ExcelJS.Worksheet): Map<string, Comparable> {
  const out = new Map<string, Comparable>();
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // ExcelJS repeats a merged cell's value in every cell of the merge; Excel keeps it in the first.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cell.value;
      const format = cell.numFmt || 'General';
      if (v === null || v === undefined || v === '') return;
      let entry: Comparable;
      if (v instanceof Date) entry = { value: (v.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS, format };
      else if (typeof v === 'object' && 'formula' in v)
        entry = { value: '', formula: `=${v.formula}`, format };
      else if (typeof v === 'object' && 'richText' in v)
        entry = { value: v.richText.map((t) => t.text).join(''), format };
      else if (typeof v === 'object' && 'text' in v) {
        const { text, hyperlink } = v as { text: unknown; hyperlink?: string };
        entry = { value: String(text), format, ...(hyperlink ? { link: hyperlink.replace(/^#/, '') } : {}) };
      } else if (typeof v === 'object')
        throw new Error(`Unexpected cell ${cell.address}: ${JSON.stringify(v)}`);
      else entry = { value: v, format };
      out.set(`${r}:${c}`, entry);
    }),
  );
  return out;
}

/**
 * Adds the in-workbook hyperlinks of an .xlsx sheet (`<hyperlink location>`, which ExcelJS does not read)
 * to its cells from `xlsxCells`.
 */
export async function withXlsxLinks(
  data: Uint8Array,
  sheet: string,
  cells: Map<string, Comparable>,
): Promise<Map<string, Comparable>> {
  const pkg = await XlsxPackage.load(data);
  const entry = new WorkbookXml(await pkg.read('xl/workbook.xml')).sheets.find((s) => s.name === sheet)!;
  const rel = (await pkg.rels('xl/workbook.xml')).find((r) => r.id === entry.rId)!;
  const xml = await pkg.read(resolveTarget('xl/workbook.xml', rel.target));
  for (const [tag] of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
    const { top, left } = parseAddress(attr(tag, 'ref')!).area;
    const key = `${top}:${left}`;
    const location = attr(tag, 'location');
    if (location) cells.set(key, { ...cells.get(key)!, link: unescapeXml(location) });
  }
  return cells;
}

/** Non-empty cells of a simulator sheet in the same shape. */
export function simCells(sim: ExcelSimulator, sheet: string): Map<string, Comparable> {
  const out = new Map<string, Comparable>();
  for (const [key, cell] of sim.cells(sheet) as Map<string, SimCell>) {
    if (cell.value === '' && cell.formula === undefined) continue;
    const link = cell.hyperlink?.documentReference ?? cell.hyperlink?.address;
    out.set(key, {
      ...(cell.formula !== undefined
        ? { value: '', formula: cell.formula, format: cell.numberFormat }
        : { value: cell.value, format: cell.numberFormat }),
      ...(link ? { link } : {}),
    });
  }
  return out;
}

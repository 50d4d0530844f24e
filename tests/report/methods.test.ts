// docs/methods.md promises that every financial figure on SRO Ranking can be recomputed from the row's
// decision flows with Excel's functions. These tests apply those formulas (Excel's NPV/IRR/MIRR, as
// implemented and tested in src/engine/finance.ts) to the written cells and compare.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeWorkbook, irr, mirr, npv } from '../../src/engine/score';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import { buildReport } from '../../src/report/buildReport';
import { writeReport } from '../../src/workbook/xlsx/write';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx');

interface Row {
  get(header: string): number | null;
  range(prefix: string): number[];
}

let rows: Row[] = [];
let rate = 0;

beforeAll(async () => {
  const data = new Uint8Array(fs.readFileSync(SAMPLE));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const analysis = analyzeWorkbook(new XlsxWorkbookReader(wb).all(), { settings: { discountRate: 0.095 } });
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await writeReport(data, buildReport(analysis))).data as unknown as ExcelJS.Buffer);
  const ws = out.getWorksheet('SRO Ranking')!;
  const headers: string[] = [];
  ws.getRow(4).eachCell((c, col) => (headers[col] = String(c.value)));
  const col = (h: string) => headers.indexOf(h);
  rows = [];
  for (let r = 5; r < 5 + analysis.projects.length; r++) {
    const row = ws.getRow(r);
    const num = (c: number) => {
      const v = row.getCell(c).value;
      return typeof v === 'number' ? v : null;
    };
    rows.push({
      get: (h) => num(col(h)),
      range: (prefix) => headers.flatMap((h, c) => (h?.startsWith(prefix) ? [num(c) ?? 0] : [])),
    });
  }
  // The rate the sheet says it used.
  const settings = out.getWorksheet('SRO Settings')!;
  settings.eachRow((row) => {
    if (row.getCell(1).value === 'Discount rate') rate = row.getCell(2).value as number;
  });
});

const close = (a: number | null, b: number | null) => {
  if (a === null || b === null) return expect(a).toBe(b);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
};

test('the settings sheet states the rate of the run', () => {
  expect(rate).toBe(0.095);
});

test('NPV = NPV(r, B) − NPV(r, C); risk-adj. NPV = p·NPV(r, B) − NPV(r, C); BCR; ROI', () => {
  expect(rows.length).toBe(48);
  for (const r of rows) {
    const B = r.range('Decision benefit ');
    const C = r.range('Decision cost ');
    expect(B.length).toBe(C.length);
    const pvB = npv(rate, B)!;
    const pvC = npv(rate, C)!;
    close(r.get('NPV'), pvB - pvC);
    close(r.get('Risk-adj. NPV'), r.get('Probability')! * pvB - pvC);
    close(r.get('BCR'), pvC > 0 ? pvB / pvC : null);
    const sumC = C.reduce((s, x) => s + x, 0);
    const sumB = B.reduce((s, x) => s + x, 0);
    close(r.get('ROI'), sumC > 0 ? (sumB - sumC) / sumC : null);
    close(r.get('Remaining cost'), sumC);
  }
});

test('IRR = IRR(B − C); MIRR = MIRR(B − C, r, r)', () => {
  let withIrr = 0;
  for (const r of rows) {
    const B = r.range('Decision benefit ');
    const net = r.range('Decision cost ').map((c, t) => B[t]! - c);
    close(r.get('IRR'), irr(net));
    close(r.get('MIRR'), mirr(net, rate, rate));
    if (r.get('IRR') !== null) withIrr++;
  }
  expect(withIrr).toBeGreaterThan(30);
});

test('payback: the last crossing of the cumulative net flow, even within the period', () => {
  for (const r of rows) {
    const B = r.range('Decision benefit ');
    const net = r.range('Decision cost ').map((c, t) => B[t]! - c);
    // The formula of docs/methods.md, written out: k + (−S_k)/net_{k+1} at the last k with S_k < 0 ≤ S_{k+1}.
    let s = 0;
    let payback: number | null = 0;
    net.forEach((f, k) => {
      const before = s;
      s += f;
      if (before < 0 && s >= 0) payback = k + -before / f;
    });
    if (s < 0) payback = null;
    close(r.get('Payback (periods)'), payback);
  }
});

// Workbooks the CLI tests build, each in a layout real trackers use: other header names, plain ranges,
// numbers typed as text, missing optional columns, a pairwise strategy table, per-year or total costs.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Build = (wb: ExcelJS.Workbook) => void;

/** Names a spreadsheet would run as formulas if they were written as typed. */
export const FORMULA_NAMES = ['=HYPERLINK("http://example.com","x")', '+1+1', '-2+3', '@SUM(1,2)'];

export async function toBuffer(build: Build): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sro-cli-'));
}

export async function writeWorkbook(dir: string, name: string, build: Build): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await toBuffer(build));
  return file;
}

/** An Excel table with other header names: Initiative, Code, Stage, Investment, Savings, Confidence, "Obj: X". */
export const otherHeaders: Build = (wb) => {
  const ws = wb.addWorksheet('Initiatives');
  ws.addTable({
    name: 'Initiatives',
    ref: 'A1',
    columns: [
      'Code',
      'Initiative',
      'Stage',
      'Investment',
      'Savings',
      'Benefit Years',
      'Confidence',
      'Obj: Growth',
      'Obj: Efficiency',
      'Owner',
    ].map((name) => ({ name })),
    rows: [
      ['I-1', 'Claims Automation', 'Idea', 400_000, 900_000, 3, 0.8, 4, 5, 'Ana'],
      ['I-2', 'Partner Portal', 'Approved', 650_000, 1_100_000, 4, 0.7, 5, 2, 'Ben'],
      ['I-3', 'Legacy CRM Upgrade', 'In progress', 300_000, 250_000, 3, 0.9, 1, 2, 'Cy'],
      ['I-4', 'Data Lake', 'Candidate', 800_000, 700_000, 5, 0.6, 3, 3, 'Dee'],
      ['I-5', FORMULA_NAMES[0]!, 'Idea', 120_000, 300_000, 3, 0.75, 2, 4, 'Eve'],
    ],
  });
};

/** A plain range under a title (no Excel table), risk words instead of probabilities, one total budget table. */
export const plainRange: Build = (wb) => {
  const ws = wb.addWorksheet('Tracker');
  ws.getCell('A1').value = 'Change portfolio — FY27';
  const rows: (string | number)[][] = [
    ['Project', 'Total Cost', 'Total Benefit', 'Risk', 'Status', 'Growth', 'Efficiency'],
    ['Mobile App', 500_000, 1_400_000, 'Low', 'Proposed', 'High', 'Low'],
    ['ERP Refresh', 900_000, 1_000_000, 'High', 'Active', 'None', 'Strong'],
    ['Chatbot', 150_000, 400_000, 'Medium', 'Proposed', 'Medium', 'Medium'],
    [FORMULA_NAMES[1]!, 200_000, 260_000, 'Very High', 'Proposed', 'Low', 'Moderate'],
    ['Branch Kiosks', 700_000, 500_000, 'High', 'Approved', 'Low', 'None'],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(3 + i, 1 + j).value = v)));
  const b = wb.addWorksheet('Budget');
  b.getCell('A1').value = 'Year';
  b.getCell('B1').value = 'Budget';
  b.getCell('A2').value = 'Total';
  b.getCell('B2').value = 1_500_000;
};

/** Every number typed as text: "$1,200,000", "1.2M", "€300k", "12%", "Yes". */
export const numbersAsText: Build = (wb) => {
  const ws = wb.addWorksheet('Projects');
  ws.addTable({
    name: 'TextNumbers',
    ref: 'B2',
    columns: ['ID', 'Name', 'Cost', 'Benefit', 'Probability of Success', 'Mandatory', 'Strategic Fit'].map(
      (name) => ({ name }),
    ),
    rows: [
      ['P1', 'Warehouse Robots', '$1,200,000', '2.5M', '80%', 'No', '4'],
      ['P2', 'Payroll Consolidation', '300k', '$450,000', '90%', 'Yes', '2'],
      ['P3', 'Green Fleet', '$800,000', '(1,000)', '0.6', 'N', '3'],
      ['P4', FORMULA_NAMES[2]!, '1.2M', 'n/a', '120%', 'x', '5'],
      ['P5', FORMULA_NAMES[3]!, '$50,000', '$90,000', '75%', '', '1'],
    ],
  });
};

/** Only what SPEC requires: a name column (and a cost, so there is something to rank on). */
export const minimal: Build = (wb) => {
  const ws = wb.addWorksheet('List');
  ws.getCell('A1').value = 'Name';
  ws.getCell('B1').value = 'Cost';
  ['Alpha', 'Beta', 'Gamma'].forEach((n, i) => {
    ws.getCell(2 + i, 1).value = n;
    ws.getCell(2 + i, 2).value = (i + 1) * 100_000;
  });
};

/** A square pairwise comparison of three objectives (Saaty scale) beside a table rated on them. */
export const pairwise: Build = (wb) => {
  const s = wb.addWorksheet('Strategy');
  const names = ['Growth', 'Efficiency', 'Risk Reduction'];
  const m = [
    [1, 3, 5],
    [1 / 3, 1, 2],
    [1 / 5, 1 / 2, 1],
  ];
  s.getCell('B2').value = 'Objective';
  names.forEach((n, j) => (s.getCell(2, 3 + j).value = n));
  names.forEach((n, i) => {
    s.getCell(3 + i, 2).value = n;
    m[i]!.forEach((x, j) => (s.getCell(3 + i, 3 + j).value = x));
  });
  const ws = wb.addWorksheet('Projects');
  ws.addTable({
    name: 'Projects',
    ref: 'A1',
    columns: ['Project ID', 'Project Name', 'Status', 'Cost', 'Benefit', ...names].map((name) => ({ name })),
    rows: [
      ['A', 'Online Sales', 'Proposed', 500_000, 1_500_000, 5, 1, 1],
      ['B', 'Process Mining', 'Proposed', 300_000, 600_000, 1, 5, 2],
      ['C', 'Fraud Shield', 'Active', 400_000, 500_000, 1, 2, 5],
      ['D', 'Loyalty Relaunch', 'Proposed', 250_000, 300_000, 4, 1, 1],
    ],
  });
};

/** Costs and benefits per year (Cost 2027…, FY28 Benefit…) with a per-year budget table. */
export const perYear: Build = (wb) => {
  const ws = wb.addWorksheet('Plan');
  ws.addTable({
    name: 'Plan',
    ref: 'A1',
    columns: [
      'ID',
      'Name',
      'Cost 2027',
      'Cost 2028',
      'Benefit 2028',
      'Benefit 2029',
      'Benefit 2030',
      'Alignment - Growth',
    ].map((name) => ({ name })),
    rows: [
      ['Y1', 'Cloud Landing Zone', 200_000, 100_000, 150_000, 200_000, 200_000, 3],
      ['Y2', 'Self-Service Analytics', 100_000, 50_000, 80_000, 120_000, 120_000, 4],
      ['Y3', 'Network Refresh', 300_000, 0, 50_000, 50_000, 50_000, 1],
    ],
  });
  const b = wb.addWorksheet('Budget');
  b.addTable({
    name: 'Budget',
    ref: 'A1',
    columns: [{ name: 'Year' }, { name: 'Budget' }],
    rows: [
      [2027, 350_000],
      [2028, 150_000],
    ],
  });
};

/** Every test layout, by file name. */
export const LAYOUTS: Record<string, Build> = {
  'other-headers.xlsx': otherHeaders,
  'plain-range.xlsx': plainRange,
  'numbers-as-text.xlsx': numbersAsText,
  'minimal.xlsx': minimal,
  'pairwise.xlsx': pairwise,
  'per-year.xlsx': perYear,
};

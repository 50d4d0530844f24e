// The generated published portfolios, one entry per kind, and each as an .xlsx file: the sheet laid out
// as published, as a plain range (no Excel table), so both workbook adapters read it as users get it.
import ExcelJS from 'exceljs';
import type { Generated } from './common';
import { canadaItProjects } from './canada';
import { gmpp2023, gmppTransposed } from './gmpp';
import { usItDashboard } from './usIt';
import type { TrackerKind } from './expected';

export interface Publication {
  label: string;
  kind: TrackerKind;
  make: () => Generated;
  /** Projects a reader must find (the published count). */
  projects: number;
}

export const PUBLICATIONS: Publication[] = [
  { label: 'GMPP 2023 (rows)', kind: 'gmpp-rows', make: () => gmpp2023(), projects: 244 },
  {
    label: 'GMPP 2020 (transposed)',
    kind: 'gmpp-transposed',
    make: () => gmppTransposed(2020),
    projects: 125,
  },
  {
    label: 'GMPP 2017 (transposed)',
    kind: 'gmpp-transposed',
    make: () => gmppTransposed(2017),
    projects: 143,
  },
  { label: 'US IT Dashboard projects', kind: 'us-it', make: () => usItDashboard(), projects: 1547 },
  { label: 'Canada IT projects', kind: 'canada-it', make: () => canadaItProjects(), projects: 165 },
];

/** The generated sheet as an .xlsx file (dates as dates, text as text, as a publisher's export writes them). */
export async function toXlsx(g: Generated): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(g.sheet);
  for (const row of g.grid) ws.addRow(row.map((v) => (v === null ? null : v)));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export { asRawTable, type Generated, type TruthRow } from './common';
export { EXPECTED, kindOf, type Expect, type TrackerKind } from './expected';

// A synthetic workbook as an .xlsx file, for the end-to-end bench: the synthetic projects table plus
// objectives, a yearly budget at 45% of demand, and an Engineering capacity at half of it.
import ExcelJS from 'exceljs';
import { cellText } from '../src/engine/read';
import type { CellValue } from '../src/engine/model';
import { syntheticWorkbook } from './synthetic';

function excelValue(v: CellValue): ExcelJS.CellValue {
  return v === null || v instanceof Date || typeof v !== 'object' ? v : cellText(v);
}

export async function syntheticXlsx(projects: number, seed = 7): Promise<Uint8Array> {
  const [tracker, objectives] = syntheticWorkbook(projects, 8, 5, seed);
  const wb = new ExcelJS.Workbook();
  const addTable = (sheet: string, name: string, headers: string[], rows: CellValue[][]) =>
    wb.addWorksheet(sheet).addTable({
      name,
      ref: 'A1',
      columns: headers.map((h) => ({ name: h })),
      rows: rows.map((r) => r.map(excelValue)),
    });
  addTable('Projects', 'Projects', tracker!.headers, tracker!.rows);
  addTable('Strategy', 'Objectives', objectives!.headers, objectives!.rows);
  const years = tracker!.headers.flatMap((h) => (/^Cost (\d{4})$/.exec(h) ? [h] : []));
  const demand = years.map((h) => {
    const i = tracker!.headers.indexOf(h);
    return tracker!.rows.reduce((s, r) => s + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
  });
  addTable(
    'Budget',
    'Budget',
    ['Year', 'Budget'],
    years.map((h, k) => [Number(h.slice(5)), Math.round(demand[k]! * 0.45)]),
  );
  const fte = tracker!.headers.indexOf('FTE Engineering');
  const totalFte = tracker!.rows.reduce(
    (s, r) => s + (typeof r[fte] === 'number' ? (r[fte] as number) : 0),
    0,
  );
  addTable('Capacity', 'Capacity', ['Role', 'Capacity (FTE)'], [['Engineering', Math.round(totalFte * 0.5)]]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

// Seeds the simulator from an .xlsx file (Node only): cells with their values as Excel's API reports
// them (dates as serial numbers with their format, errors as text, formulas with their results),
// tables, and workbook-scoped defined names with their hidden flag.
import ExcelJS from 'exceljs';
import { XlsxPackage } from '../../../src/workbook/xlsx/package';
import { WorkbookXml } from '../../../src/workbook/xlsx/workbookXml';
import type { SimSeed } from './index';
import type { SimValue } from './book';

const DAY_MS = 86_400_000;

function simValue(v: ExcelJS.CellValue): SimValue | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS;
  if ('error' in v) return String(v.error);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return simValue((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return simValue((v as { text: ExcelJS.CellValue }).text);
  return null;
}

export async function seedFromXlsx(data: Uint8Array): Promise<SimSeed> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings ask for its own Buffer type; a Uint8Array view is what it reads.
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const seed: SimSeed = { sheets: [], tables: [], names: [] };
  wb.eachSheet((ws) => {
    const cells: SimSeed['sheets'][number]['cells'] = [];
    // Empty cells keep their number format (Excel reports it for them too).
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const value = simValue(cell.value) ?? (cell.numFmt ? '' : null);
        if (value === null) return;
        const f =
          cell.value && typeof cell.value === 'object' && 'formula' in cell.value
            ? `=${cell.value.formula}`
            : undefined;
        cells.push([r, c, value, cell.numFmt || undefined, f]);
      }),
    );
    seed.sheets.push({
      name: ws.name,
      visibility: ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible',
      cells,
    });
    for (const t of ws.getTables() as unknown as {
      table: { name: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean };
    }[])
      seed.tables.push({
        name: t.table.name,
        sheet: ws.name,
        ref: t.table.tableRef ?? t.table.ref ?? '',
        showHeaders: t.table.headerRow !== false,
        showTotals: !!t.table.totalsRow,
      });
  });
  const pkg = await XlsxPackage.load(data);
  const book = new WorkbookXml(await pkg.read('xl/workbook.xml'));
  for (const n of book.names)
    if (n.localSheetId === undefined)
      seed.names.push({ name: n.name, formula: `=${n.value}`, visible: !/\bhidden="(1|true)"/.test(n.rest) });
  return seed;
}

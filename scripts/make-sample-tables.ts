// The sample workbook's input tables as data, for the task pane's "Insert sample data" (the pane has no
// .xlsx reader): `npm run sample` regenerates assets/sample-portfolio.xlsx, then this file from it.
import fs from 'node:fs';
import path from 'node:path';
import { XlsxWorkbookReader } from '../src/workbook/xlsx/read';
import { cellText } from '../src/engine/read';
import type { CellValue } from '../src/engine/model';
import type { TableToInsert } from '../src/workbook/office/sheets';

const ROOT = path.join(__dirname, '..');
export const SAMPLE_TABLES_PATH = path.join(ROOT, 'src/taskpane/sampleTables.json');

function plain(v: CellValue): string | number | boolean | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return cellText(v);
}

export async function sampleTables(): Promise<TableToInsert[]> {
  const reader = await XlsxWorkbookReader.fromFile(path.join(ROOT, 'assets/sample-portfolio.xlsx'));
  return reader.all().map((t) => ({
    sheet: t.sheet,
    name: t.kind === 'table' ? t.name : `${t.sheet.replace(/\W/g, '')}Range`,
    kind: t.kind,
    row: t.headerRow,
    col: t.firstColumn,
    headers: t.headers,
    rows: t.rows.map((r) => r.map(plain)),
    formats: t.headers.map((_, i) => t.columnFormats?.[i] ?? null),
  }));
}

if (require.main === module)
  void sampleTables().then((tables) => {
    fs.writeFileSync(SAMPLE_TABLES_PATH, `${JSON.stringify(tables)}\n`);
    console.log(`wrote ${path.relative(ROOT, SAMPLE_TABLES_PATH)} (${tables.length} tables)`);
  });

// Small workbook actions of the task pane beside the run: open a sheet, and insert tables (the sample
// data) on new sheets. Each is one `Excel.run` with a fixed number of syncs.
import { toOffice } from './cellValues';
import { areaAddress } from '../address';
import { freeTableName, quoteSheet } from '../outputSheets';

/** A table to insert: where it goes, its headers and rows (dates as serial numbers) and column formats. */
export interface TableToInsert {
  sheet: string;
  name: string;
  kind: 'table' | 'range';
  /** 1-based position of the header row's first cell. */
  row: number;
  col: number;
  headers: string[];
  rows: (string | number | boolean | null)[][];
  formats: (string | null)[];
}

export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.activate();
  await context.sync();
}

/**
 * Inserts the tables on new sheets (a sheet name already in use gets " (2)"), as Excel tables or plain
 * ranges, and opens the first sheet. The user's own sheets are not touched.
 */
export async function insertTables(
  context: Excel.RequestContext,
  tables: readonly TableToInsert[],
): Promise<string[]> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name');
  const existing = wb.tables.load('items/name');
  const names = wb.names.load('items/name');
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const takenTables = new Set([...existing.items, ...names.items].map((t) => t.name.toLowerCase()));
  const sheetNames = new Map<string, string>();
  for (const t of tables) {
    if (sheetNames.has(t.sheet)) continue;
    let name = t.sheet;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${t.sheet} (${k})`;
    taken.add(name.toLowerCase());
    sheetNames.set(t.sheet, name);
  }
  const added = new Map<string, Excel.Worksheet>();
  for (const [from, to] of sheetNames) added.set(from, wb.worksheets.add(to));
  for (const t of tables) {
    const ws = added.get(t.sheet)!;
    const height = t.rows.length + 1;
    const range = ws.getRangeByIndexes(t.row - 1, t.col - 1, height, t.headers.length);
    range.formulas = [t.headers.map(toOffice), ...t.rows.map((r) => r.map(toOffice))];
    range.numberFormat = [
      t.headers.map(() => 'General'),
      ...t.rows.map(() => t.formats.map((f) => f ?? 'General')),
    ];
    range.format.columnWidth = 90;
    if (t.kind === 'table' && t.rows.length > 0) {
      const area = {
        top: t.row,
        left: t.col,
        bottom: t.row + t.rows.length,
        right: t.col + t.headers.length - 1,
      };
      const table = ws.tables.add(`${quoteSheet(sheetNames.get(t.sheet)!)}!${areaAddress(area)}`, true);
      table.name = freeTableName(t.name, takenTables);
    }
  }
  const first = tables[0] && added.get(tables[0].sheet);
  first?.activate();
  await context.sync();
  return [...sheetNames.values()];
}

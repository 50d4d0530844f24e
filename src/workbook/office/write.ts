// The write half of the Office.js adapter: one round trip to see the sheets, tables and names, one to
// replace the add-in's own output sheets and write every new one — two syncs whatever the report's size
// (on Excel on the web, more when the report is larger than its payload limit; see budget.ts).
import type { SheetKey, WorkbookReport } from '../../report/model';
import { earlierOutputs, outputSheetNames } from '../outputSheets';
import { newRunId } from '../marker';
import { addMarker, NAME_PROPERTIES, nameInfo } from './markers';
import type { WrittenSheets } from '../port';
import { addChart } from './charts';
import { writeSheet } from './sheetWriter';
import { OP_BYTES, PayloadBudget } from './budget';

const lower = (s: string) => s.toLowerCase();

/**
 * Writes the report into the open workbook. Sheets an earlier run made (found by their markers) are
 * replaced; a user's sheet with an output sheet's name is left alone and the output takes a free name.
 */
export async function writeReport(
  context: Excel.RequestContext,
  report: WorkbookReport,
  supports: (version: string) => boolean,
  payloadLimit = Infinity,
): Promise<WrittenSheets> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name');
  const tables = wb.tables.load('items/name,items/worksheet/name');
  const names = wb.names.load(NAME_PROPERTIES);
  await context.sync();

  const earlier = earlierOutputs(
    names.items.map(nameInfo),
    sheets.items.map((s) => s.name),
  );
  const ownedLower = new Set([...earlier.replace].map(lower));
  const written = outputSheetNames(
    report,
    sheets.items.map((s) => s.name).filter((s) => !ownedLower.has(lower(s))),
  );
  const takenNames = new Set([
    ...tables.items.filter((t) => !ownedLower.has(lower(t.worksheet.name))).map((t) => lower(t.name)),
    ...names.items.map((n) => lower(n.name)).filter((n) => !earlier.dropNames.has(n)),
  ]);

  for (const n of names.items) if (earlier.dropNames.has(lower(n.name))) n.delete();
  for (const s of sheets.items) if (ownedLower.has(lower(s.name))) s.delete();

  // Every sheet first, so links between output sheets point at sheets that exist, each with its marker
  // at once: should a later operation of the batch fail, the next run still finds and replaces them.
  const added = new Map<SheetKey, Excel.Worksheet>();
  const run = newRunId();
  for (const sheet of report.sheets) {
    const ws = wb.worksheets.add(written[sheet.key]!);
    added.set(sheet.key, ws);
    addMarker(context, ws, sheet.key, run, written[sheet.key]!);
  }
  const budget = new PayloadBudget(context, payloadLimit);
  for (const sheet of report.sheets)
    await writeSheet(
      {
        worksheet: added.get(sheet.key)!,
        sheetName: written[sheet.key]!,
        names: written,
        takenNames,
        supports,
        budget,
      },
      sheet,
    );
  const rangeOf = (ref: { sheet: SheetKey; range: string }) => {
    const ws = added.get(ref.sheet);
    if (!ws) throw new Error(`A chart refers to the ${ref.sheet} sheet, which the report does not have.`);
    return ws.getRange(ref.range);
  };
  for (const sheet of report.sheets)
    for (const chart of sheet.charts) {
      await budget.reserve(OP_BYTES * (12 + chart.series.length * 12));
      addChart(added.get(sheet.key)!, chart, rangeOf, supports);
    }
  added.get('summary')?.activate();
  await context.sync();
  return written;
}

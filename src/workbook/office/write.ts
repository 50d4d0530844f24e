// The write half of the Office.js adapter: one round trip to see the sheets, tables and names, one to
// replace the add-in's own output sheets and write every new one — two syncs whatever the report's size
// (on Excel on the web, more when the report is larger than its payload limit; see budget.ts).
import { InputError } from '../../engine/errors';
import type { SheetKey, WorkbookReport } from '../../report/model';
import { earlierOutputs, outputSheetNames, type NameInfo } from '../outputSheets';
import { markerComment, markerName, newRunId } from '../marker';
import { mergedUnderTable } from '../layout';
import { NAME_PROPERTIES, nameInfo } from './markers';
import type { WrittenSheets } from '../port';
import { addChart } from './charts';
import { writeSheet } from './sheetWriter';
import { meter, PayloadBudget } from './budget';

const lower = (s: string) => s.toLowerCase();

/** What the first look at the workbook decided; the write itself reads nothing more. */
interface WritePlan {
  report: WorkbookReport;
  /** The name each report sheet takes. */
  written: WrittenSheets;
  /** This run's id, in every marker it writes (see marker.ts). */
  run: string;
  /** Lower-case names of the tables and defined names that stay. */
  takenNames: Set<string>;
  /** The sheets of an earlier run, to delete. */
  old: { name: string; veryHidden: boolean }[];
  /** The markers of an earlier run, to delete. */
  markers: string[];
  /**
   * A name for the first new sheet while the old ones are deleted, when every visible sheet is an old
   * output sheet (Excel keeps at least one sheet visible); null otherwise.
   */
  placeholder: string | null;
}

/** A sheet name in use by no sheet and no output sheet of this run. */
function freeSheetName(taken: readonly string[]): string {
  const used = new Set(taken.map(lower));
  let name = 'SRO Portfolio (new)';
  for (let k = 2; used.has(lower(name)); k++) name = `SRO Portfolio (new ${k})`;
  return name;
}

function planWrite(
  report: WorkbookReport,
  sheets: readonly { name: string; visibility: string }[],
  tables: readonly { name: string; sheet: string }[],
  names: readonly NameInfo[],
): WritePlan {
  const earlier = earlierOutputs(
    names,
    sheets.map((s) => s.name),
  );
  const ownedLower = new Set([...earlier.replace].map(lower));
  const isOld = (s: { name: string }) => ownedLower.has(lower(s.name));
  const written = outputSheetNames(
    report,
    sheets.filter((s) => !isOld(s)).map((s) => s.name),
  );
  const everyVisibleIsOld = sheets.every((s) => s.visibility !== 'Visible' || isOld(s));
  return {
    report,
    written,
    run: newRunId(),
    takenNames: new Set([
      ...tables.filter((t) => !ownedLower.has(lower(t.sheet))).map((t) => lower(t.name)),
      ...names.map((n) => lower(n.name)).filter((n) => !earlier.dropNames.has(n)),
    ]),
    old: sheets.filter(isOld).map((s) => ({ name: s.name, veryHidden: s.visibility === 'VeryHidden' })),
    markers: names.filter((n) => earlier.dropNames.has(lower(n.name))).map((n) => n.name),
    placeholder:
      everyVisibleIsOld && ownedLower.size > 0
        ? freeSheetName([...sheets.map((s) => s.name), ...Object.values(written)])
        : null,
  };
}

/** Replaces the old sheets by new, empty ones, each with its marker at once. */
async function replaceSheets(
  wb: Excel.Workbook,
  plan: WritePlan,
  budget: PayloadBudget,
): Promise<Map<SheetKey, Excel.Worksheet>> {
  const first = plan.report.sheets[0];
  const early = plan.placeholder ? await budget.queue(wb, (w) => w.worksheets.add(plan.placeholder!)) : null;
  await budget.queue(wb, (w) => {
    for (const old of plan.old) {
      const ws = w.worksheets.getItem(old.name);
      // Worksheet.delete fails on a very hidden sheet; it is made hidden first.
      if (old.veryHidden) ws.visibility = 'Hidden';
      ws.delete();
    }
    // After the sheets: should a delete fail, the sheets that are left keep their markers.
    for (const m of plan.markers) w.names.getItem(m).delete();
  });
  // Every sheet first, so links between output sheets point at sheets that exist, each with its marker
  // at once: should a later operation fail, the next run still finds and replaces them.
  const added = new Map<SheetKey, Excel.Worksheet>();
  for (const sheet of plan.report.sheets) {
    const name = plan.written[sheet.key]!;
    const reuse = sheet === first ? early : null;
    const ws = await budget.queue({ w: wb, reuse }, ({ w, reuse }) => {
      const ws = reuse ?? w.worksheets.add(name);
      if (reuse) reuse.name = name;
      // The add-in's marker (a hidden name on A1; see marker.ts), so the next run finds and replaces it.
      const marker = w.names.add(
        markerName(sheet.key, plan.run, name),
        ws.getRange('A1'),
        markerComment(name),
      );
      marker.visible = false;
      return ws;
    });
    added.set(sheet.key, ws);
  }
  return added;
}

/** Queues the whole write: old sheets out, new ones in with every cell, table, chart and view setting. */
async function queueWrite(wb: Excel.Workbook, plan: WritePlan, budget: PayloadBudget): Promise<void> {
  const added = await replaceSheets(wb, plan, budget);
  const takenNames = new Set(plan.takenNames);
  for (const sheet of plan.report.sheets)
    await writeSheet(
      {
        worksheet: added.get(sheet.key)!,
        sheetName: plan.written[sheet.key]!,
        names: plan.written,
        takenNames,
        budget,
      },
      sheet,
    );
  for (const sheet of plan.report.sheets)
    for (const chart of sheet.charts)
      await budget.queue({ ws: added.get(sheet.key)!, sheets: added }, ({ ws, sheets }) =>
        addChart(ws, chart, (ref) => {
          const target = sheets.get(ref.sheet);
          if (!target)
            throw new Error(`A chart refers to the ${ref.sheet} sheet, which the report does not have.`);
          return target.getRange(ref.range);
        }),
      );
  const summary = added.get('summary');
  if (summary) await budget.queue(summary, (ws) => ws.activate());
}

/**
 * On Excel on the web, the whole write is planned before anything is sent: each group of operations is
 * measured, so the old sheets are deleted only once every group is known to fit in a request.
 */
async function assertFits(plan: WritePlan, limit: number): Promise<void> {
  const planner = new PayloadBudget(null, limit);
  // The stand-in workbook: the plan runs against it and sends nothing.
  await queueWrite(meter().stand as Excel.Workbook, plan, planner);
  if (planner.largest > limit)
    throw new InputError(
      `This report is too large for Excel on the web: one step of writing it needs ${(planner.largest / 1e6).toFixed(1)} MB, more than the 5 MB Excel on the web takes at once. Nothing was changed; run the add-in in Excel for Windows or Mac.`,
    );
}

/**
 * Writes the report into the open workbook. Sheets an earlier run made (found by their markers) are
 * replaced; a user's sheet with an output sheet's name is left alone and the output takes a free name.
 */
export async function writeReport(
  context: Excel.RequestContext,
  report: WorkbookReport,
  payloadLimit = Infinity,
): Promise<WrittenSheets> {
  for (const sheet of report.sheets) {
    const conflict = mergedUnderTable(sheet);
    // Excel refuses a table over merged cells (MergedRangeConflict): refused here, before any change.
    if (conflict)
      throw new Error(
        `The report puts table ${conflict.table} over merged cells on ${sheet.name} (${conflict.range}); nothing was written.`,
      );
  }
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name,items/visibility');
  const tables = wb.tables.load('items/name,items/worksheet/name');
  const names = wb.names.load(NAME_PROPERTIES);
  await context.sync();

  const plan = planWrite(
    report,
    sheets.items,
    tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    names.items.map(nameInfo),
  );
  if (Number.isFinite(payloadLimit)) await assertFits(plan, payloadLimit);
  await queueWrite(wb, plan, new PayloadBudget(context, payloadLimit));
  await context.sync();
  return plan.written;
}

// The write half of the .xlsx adapter: puts a WorkbookReport's sheets, tables and native charts into the
// user's package. Only parts of sheets an earlier run marked as its own are removed; every other part is
// kept byte for byte, so the user's values, formulas, charts, pivots and macros are left as they were.
import { type RangeRef, type ReportSheet, type SheetKey, type WorkbookReport } from '../../report/model';
import { CONTENT_TYPE, REL, resolveTarget, XlsxPackage, type Relationship } from './package';
import { WorkbookXml } from './workbookXml';
import { StyleRegistry } from './stylesXml';
import { rangeValues, tableXml, worksheetXml } from './sheetXml';
import {
  earlierOutputs,
  freeTableName,
  keptSheetNotes,
  outputSheetNames,
  quoteSheet,
  type EarlierOutputs,
} from '../outputSheets';
import { markerComment, markerName, newRunId } from '../marker';
import { addChartParts, type ResolvedChart } from './charts';
import { attr } from './xml';

export { quoteSheet } from '../outputSheets';

export interface WrittenReport {
  /** The name each output sheet got (the preferred one, or "SRO Ranking (2)" when a user sheet holds it). */
  names: Partial<Record<SheetKey, string>>;
  /** The complete .xlsx package. */
  data: Uint8Array;
  /** Sentences on the sheets kept as the user's (a renamed output, a user sheet with an output's name). */
  notes: string[];
}

const WORKBOOK = 'xl/workbook.xml';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Output sheets of earlier runs, found by their workbook-scoped markers. */
export function findOutputSheets(wb: WorkbookXml): EarlierOutputs {
  return earlierOutputs(
    wb.names
      .filter((n) => n.localSheetId === undefined)
      .map((n) => ({
        name: n.name,
        reference: n.value,
        hidden: /\shidden="(1|true)"/.test(n.rest),
        comment: attr(`<x${n.rest}>`, 'comment'),
      })),
    wb.sheets.map((s) => s.name),
  );
}

/** Deletes a part and, through its relationships, the parts only it uses (tables, drawings, charts, comments). */
async function removeTree(pkg: XlsxPackage, part: string, seen = new Set<string>()): Promise<void> {
  if (seen.has(part) || !pkg.has(part)) return;
  seen.add(part);
  for (const r of await pkg.rels(part))
    if (!r.external && r.type !== REL.worksheet) await removeTree(pkg, resolveTarget(part, r.target), seen);
  pkg.remove(part);
}

async function existingTables(pkg: XlsxPackage): Promise<{ names: Set<string>; maxId: number }> {
  const names = new Set<string>();
  let maxId = 0;
  for (const p of pkg.paths().filter((x) => /^xl\/tables\/[^/]+\.xml$/.test(x))) {
    const tag = /<table\b[^>]*>/.exec(await pkg.read(p))?.[0] ?? '';
    maxId = Math.max(maxId, Number(attr(tag, 'id') ?? 0));
    for (const a of ['name', 'displayName']) {
      const v = attr(tag, a);
      if (v) names.add(v.toLowerCase());
    }
  }
  return { names, maxId };
}

function resolveChart(
  report: WorkbookReport,
  names: Partial<Record<SheetKey, string>>,
  ref: RangeRef,
): { ref: string; values: (number | string | null)[] } {
  const sheet = report.sheets.find((s) => s.key === ref.sheet);
  const name = names[ref.sheet];
  if (!sheet || !name)
    throw new Error(`A chart refers to the ${ref.sheet} sheet, which the report does not have.`);
  return {
    ref: `${quoteSheet(name)}!${ref.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`,
    values: rangeValues(sheet, ref.range),
  };
}

function chartsOf(
  sheet: ReportSheet,
  report: WorkbookReport,
  names: Partial<Record<SheetKey, string>>,
): ResolvedChart[] {
  const numbers = (r: { ref: string; values: (number | string | null)[] }) => ({
    ref: r.ref,
    values: r.values.map((v) => (typeof v === 'number' ? v : null)),
  });
  return sheet.charts.map((spec) => ({
    spec,
    series: spec.series.map((s) => ({
      spec: s,
      x: resolveChart(report, names, s.x),
      y: numbers(resolveChart(report, names, s.y)),
      ...(s.size ? { size: numbers(resolveChart(report, names, s.size)) } : {}),
    })),
  }));
}

/** Writes the report into the package `input` (the user's workbook) and returns the new package. */
export async function writeReport(input: Uint8Array, report: WorkbookReport): Promise<WrittenReport> {
  const pkg = await XlsxPackage.load(input);
  // The output is a workbook, never a template: Excel opens a template's package only under .xltx/.xltm.
  pkg.untemplate();
  const wb = new WorkbookXml(await pkg.read(WORKBOOK));
  let wbRels: Relationship[] = await pkg.rels(WORKBOOK);

  // 1. Remove the sheets an earlier run wrote and still owns (marker, name and target agree) and their
  // markers, and markers whose sheet is gone; nothing else.
  const earlier = findOutputSheets(wb);
  const ours = earlier.replace;
  for (let i = wb.sheets.length - 1; i >= 0; i--) {
    const entry = wb.sheets[i]!;
    if (!ours.has(entry.name)) continue;
    wb.removeSheet(i);
    const rel = wbRels.find((r) => r.id === entry.rId);
    if (rel) await removeTree(pkg, resolveTarget(WORKBOOK, rel.target));
    wbRels = wbRels.filter((r) => r.id !== entry.rId);
  }
  wb.names = wb.names.filter(
    (n) => n.localSheetId !== undefined || !earlier.dropNames.has(n.name.toLowerCase()),
  );
  if (ours.size) {
    // Excel rebuilds a missing calculation chain; a stale one pointing into removed sheets needs repair.
    for (const r of wbRels.filter((x) => x.type === REL.calcChain))
      pkg.remove(resolveTarget(WORKBOOK, r.target));
    wbRels = wbRels.filter((r) => r.type !== REL.calcChain);
  }

  // 2. Names: the preferred one unless a user sheet has it; table names unique in the workbook.
  const names = outputSheetNames(
    report,
    wb.sheets.map((s) => s.name),
  );
  const tables = await existingTables(pkg);
  for (const n of wb.names) tables.names.add(n.name.toLowerCase());

  // 3. Styles: the user's part, with the output's formats appended.
  let stylesPath = wbRels.find((r) => r.type === REL_STYLES);
  if (!stylesPath) {
    pkg.write('xl/styles.xml', MINIMAL_STYLES);
    pkg.setContentType('xl/styles.xml', CT_STYLES);
    stylesPath = { id: '', type: REL_STYLES, target: 'styles.xml', external: false };
    wbRels.push(stylesPath);
  }
  const stylesPart = resolveTarget(WORKBOOK, stylesPath.target);
  const styles = new StyleRegistry(await pkg.read(stylesPart));

  // 4. Each sheet: its part, tables, charts, relationships, marker and print area.
  const run = newRunId();
  const reserved = new Set<string>();
  const newRels: Omit<Relationship, 'id'>[] = [];
  const sheetParts: string[] = [];
  for (let k = 0; k < report.sheets.length; k++) {
    const part = pkg.freePath('xl/worksheets/sheet', '.xml', reserved);
    reserved.add(part);
    sheetParts.push(part);
    newRels.push({ type: REL.worksheet, target: part.replace(/^xl\//, ''), external: false });
  }
  wbRels = assignIds(wbRels, newRels);
  report.sheets.forEach((sheet, k) => {
    const rId = wbRels[wbRels.length - report.sheets.length + k]!.id;
    wb.addSheet(names[sheet.key]!, rId);
  });
  for (const [k, sheet] of report.sheets.entries()) {
    const part = sheetParts[k]!;
    const name = names[sheet.key]!;
    const sheetRels: Relationship[] = [];
    const tableInfo = sheet.tables.map((t) => {
      const tname = freeTableName(t.name, tables.names);
      const id = ++tables.maxId;
      const path = pkg.freePath('xl/tables/table', '.xml', reserved);
      reserved.add(path);
      pkg.write(path, tableXml(t, tname, id));
      pkg.setContentType(path, CONTENT_TYPE.table);
      sheetRels.push({
        id: `rId${sheetRels.length + 1}`,
        type: REL.table,
        target: `../tables/${path.slice(path.lastIndexOf('/') + 1)}`,
        external: false,
      });
      return { name: tname, id };
    });
    let drawingRId: string | undefined;
    if (sheet.charts.length) {
      const drawing = addChartParts(pkg, chartsOf(sheet, report, names), reserved);
      drawingRId = `rId${sheetRels.length + 1}`;
      sheetRels.push({
        id: drawingRId,
        type: REL.drawing,
        target: `../drawings/${drawing.slice(drawing.lastIndexOf('/') + 1)}`,
        external: false,
      });
    }
    pkg.write(
      part,
      worksheetXml(sheet, {
        names,
        styles,
        date1904: wb.date1904,
        tables: tableInfo,
        tableRIds: sheetRels.filter((r) => r.type === REL.table).map((r) => r.id),
        ...(drawingRId ? { drawingRId } : {}),
      }),
    );
    if (sheetRels.length) pkg.writeRels(part, sheetRels);
    pkg.setContentType(part, CONTENT_TYPE.worksheet);
    const index = wb.sheets.findIndex((s) => s.name === name);
    wb.addName(markerName(sheet.key, run, name), `${quoteSheet(name)}!$A$1`, {
      hidden: true,
      comment: markerComment(name),
    });
    if (sheet.printArea)
      wb.addName(
        '_xlnm.Print_Area',
        `${quoteSheet(name)}!${sheet.printArea.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`,
        { localSheetId: index },
      );
  }

  pkg.write(stylesPart, styles.toXml());
  pkg.write(WORKBOOK, wb.toXml());
  pkg.writeRels(WORKBOOK, wbRels);
  return { names, data: await pkg.generate(), notes: keptSheetNotes(earlier, report, names) };
}

/** Gives ids to new relationships (and to any without one), avoiding the ids in use. */
function assignIds(existing: Relationship[], add: Omit<Relationship, 'id'>[]): Relationship[] {
  const used = new Set(existing.map((r) => r.id).filter(Boolean));
  let n = 1;
  const next = () => {
    while (used.has(`rId${n}`)) n++;
    used.add(`rId${n}`);
    return `rId${n}`;
  };
  return [
    ...existing.map((r) => (r.id ? r : { ...r, id: next() })),
    ...add.map((r) => ({ ...r, id: next() })),
  ];
}

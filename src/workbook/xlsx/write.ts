// The write half of the .xlsx adapter: renders a WorkbookReport into the input workbook with ExcelJS,
// replacing only the sheets an earlier run marked as its own, then adds the native chart parts.
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  isFormula,
  isLink,
  looksLikeFormula,
  markerKey,
  markerName,
  type Block,
  type Cell,
  type LinkTarget,
  type RangeRef,
  type ReportSheet,
  type SheetKey,
  type WorkbookReport,
} from '../../report/model';
import { columnLetter } from '../../engine/address';
import { CF_STYLES, STYLES, TABLE_HEADER } from './styles';
import { addCharts, escapeXml, type ResolvedChart } from './charts';

export interface WrittenReport {
  /** The name each output sheet got (the preferred one, or "SRO Ranking (2)" when a user sheet holds it). */
  names: Partial<Record<SheetKey, string>>;
  /** The complete .xlsx package. */
  data: Uint8Array;
}

/** `'Sheet name'!` as formulas and links need it. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet a defined name's reference points to (`'SRO Summary'!$A$1` → `SRO Summary`). */
export function sheetOfReference(ref: string): string | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!'#]+))!\$?[A-Z]/i.exec(ref.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

/** Output sheets of an earlier run, found by their markers: key → current sheet name. */
export function findOutputSheets(wb: ExcelJS.Workbook): Map<SheetKey, string> {
  const out = new Map<SheetKey, string>();
  for (const n of wb.definedNames.model) {
    const key = markerKey(n.name);
    const sheet = key ? sheetOfReference(n.ranges[0] ?? '') : null;
    if (key && sheet && wb.getWorksheet(sheet)) out.set(key, sheet);
  }
  return out;
}

/** Renders the report into `wb` (the input workbook) and returns the package with charts. */
export async function writeReport(wb: ExcelJS.Workbook, report: WorkbookReport): Promise<WrittenReport> {
  // 1. Remove what an earlier run wrote, and its markers; nothing else.
  for (const name of findOutputSheets(wb).values()) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  wb.definedNames.model = wb.definedNames.model.filter((n) => markerKey(n.name) === null);

  // 2. Names: the preferred one unless a user sheet has it.
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  const names: Partial<Record<SheetKey, string>> = {};
  for (const sheet of report.sheets) {
    let name = sheet.name;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${sheet.name} (${k})`;
    taken.add(name.toLowerCase());
    names[sheet.key] = name;
  }
  const tableNames = new Set<string>();
  wb.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown as { table: { name: string } }[]) tableNames.add(t.table.name.toLowerCase());
  });

  // 3. Render every sheet, then mark it as ours.
  for (const sheet of report.sheets) {
    const name = names[sheet.key]!;
    const ws = wb.addWorksheet(name, {
      properties: sheet.tabColor ? { tabColor: { argb: `FF${sheet.tabColor}` } } : {},
    });
    renderSheet(ws, sheet, names, tableNames);
    wb.definedNames.add(`${quoteSheet(name)}!$A$1`, markerName(sheet.key));
  }

  // 4. Charts: resolve their ranges to the written sheets (with the values, for the chart caches).
  const charts = new Map<string, ResolvedChart[]>();
  for (const sheet of report.sheets) {
    if (sheet.charts.length === 0) continue;
    charts.set(
      names[sheet.key]!,
      sheet.charts.map((spec) => ({
        spec,
        series: spec.series.map((s) => ({
          spec: s,
          x: resolve(wb, names, s.x),
          y: numbers(resolve(wb, names, s.y)),
          ...(s.size ? { size: numbers(resolve(wb, names, s.size)) } : {}),
        })),
      })),
    );
  }
  const buffer = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(buffer as ArrayBuffer);
  await addCharts(zip, charts);
  await fixDefinedNames(zip);
  await fixInternalLinks(zip);
  const data = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { names, data };
}

function linkTarget(t: LinkTarget, names: Partial<Record<SheetKey, string>>): string {
  if ('sheetName' in t) return `${quoteSheet(t.sheetName)}!${t.cell}`;
  return `${quoteSheet(names[t.sheet] ?? t.sheet)}!${t.cell ?? 'A1'}`;
}

function setCell(ws: ExcelJS.Worksheet, row: number, col: number, v: Cell, names: Partial<Record<SheetKey, string>>): void {
  const cell = ws.getCell(row, col);
  if (isLink(v)) {
    cell.value = { text: v.text, hyperlink: linkTarget(v.link, names) };
    cell.font = STYLES.link.font!;
  } else if (isFormula(v)) {
    cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
  } else {
    cell.value = v;
    // Shared strings are never formulas, but a text format keeps the cell text if the user edits it.
    if (typeof v === 'string' && looksLikeFormula(v)) cell.numFmt = '@';
  }
}

function applyStyle(cell: ExcelJS.Cell, style: Partial<ExcelJS.Style>): void {
  if (style.font) cell.font = { ...cell.font, ...style.font };
  if (style.fill) cell.fill = style.fill;
  if (style.alignment) cell.alignment = { ...cell.alignment, ...style.alignment };
  if (style.border) cell.border = style.border;
}

function renderBlock(ws: ExcelJS.Worksheet, b: Block, names: Partial<Record<SheetKey, string>>): void {
  const width = Math.max(1, b.mergeAcross ?? 1);
  b.cells.forEach((cells, r) => {
    cells.forEach((v, c) => {
      setCell(ws, b.row + r, b.col + c, v, names);
      const fmt = b.formats?.[c];
      if (fmt && !(typeof v === 'string' && looksLikeFormula(v))) ws.getCell(b.row + r, b.col + c).numFmt = fmt;
    });
    const style = b.rowStyles?.[r] ?? b.style;
    if (style) {
      const span = Math.max(cells.length, width);
      for (let c = 0; c < span; c++) applyStyle(ws.getCell(b.row + r, b.col + c), STYLES[style]);
    }
    if (width > 1) ws.mergeCells(b.row + r, b.col, b.row + r, b.col + width - 1);
  });
  for (const f of b.cellFormats ?? []) ws.getCell(b.row + f.r, b.col + f.c).numFmt = f.format;
  for (const s of b.cellStyles ?? []) applyStyle(ws.getCell(b.row + s.r, b.col + s.c), STYLES[s.style]);
}

function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

function renderSheet(
  ws: ExcelJS.Worksheet,
  sheet: ReportSheet,
  names: Partial<Record<SheetKey, string>>,
  tableNames: Set<string>,
): void {
  sheet.columnWidths.forEach((w, i) => {
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  for (const h of sheet.rowHeights ?? []) ws.getRow(h.row).height = h.height;
  // ExcelJS puts a break after the row it is called on.
  for (const r of sheet.pageBreaksBefore ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  for (const b of sheet.blocks) renderBlock(ws, b, names);
  for (const t of sheet.tables) {
    let name = t.name;
    for (let k = 2; tableNames.has(name.toLowerCase()); k++) name = `${t.name}_${k}`;
    tableNames.add(name.toLowerCase());
    ws.addTable({
      name,
      ref: address(t.row, t.col),
      headerRow: true,
      style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
      columns: t.headers.map((h) => ({ name: h, filterButton: true })),
      // Links are set on the cells afterwards; the table only needs their text.
      rows: t.rows.map((r) => r.map((v) => (isLink(v) ? v.text : isFormula(v) ? v.result : v))),
    });
    t.rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        const row = t.row + 1 + r;
        const col = t.col + c;
        if (isLink(v) || isFormula(v) || (typeof v === 'string' && looksLikeFormula(v))) setCell(ws, row, col, v, names);
        else if (t.formats[c]) ws.getCell(row, col).numFmt = t.formats[c]!;
      }),
    );
    for (const f of t.cellFormats ?? []) ws.getCell(t.row + 1 + f.r, t.col + f.c).numFmt = f.format;
    // Bold, wrapped headers read the same in applications that ignore table styles (LibreOffice).
    for (let c = 0; c < t.headers.length; c++) applyStyle(ws.getCell(t.row, t.col + c), TABLE_HEADER);
    t.columnStyles?.forEach((style, c) => {
      if (style) for (let r = 0; r < t.rows.length; r++) applyStyle(ws.getCell(t.row + 1 + r, t.col + c), STYLES[style]);
    });
  }
  for (const cf of sheet.conditionalFormats) {
    if (cf.kind === 'dataBar') {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'dataBar',
            priority: 1,
            gradient: false,
            cfvo: [
              { type: 'num', value: cf.min },
              { type: 'num', value: cf.max },
            ],
            color: { argb: `FF${cf.color}` },
          } as unknown as ExcelJS.ConditionalFormattingRule, // ExcelJS's typings omit the data-bar fields it writes.
        ],
      });
    } else {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'cellIs',
            priority: 1,
            operator: 'equal',
            formulae: [`"${cf.text.replace(/"/g, '""')}"`],
            style: CF_STYLES[cf.style],
          },
        ],
      });
    }
  }
  const view: Partial<ExcelJS.WorksheetView> = { showGridLines: sheet.showGridLines ?? true };
  ws.views = [
    sheet.freeze
      ? ({ ...view, state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows } as ExcelJS.WorksheetView)
      : ({ ...view, state: 'normal' } as ExcelJS.WorksheetView),
  ];
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: sheet.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(sheet.printArea ? { printArea: sheet.printArea } : {}),
  };
}

function resolve(
  wb: ExcelJS.Workbook,
  names: Partial<Record<SheetKey, string>>,
  ref: RangeRef,
): { ref: string; values: (number | string | null)[] } {
  const sheetName = names[ref.sheet];
  const ws = sheetName ? wb.getWorksheet(sheetName) : undefined;
  if (!sheetName || !ws) throw new Error(`A chart refers to the ${ref.sheet} sheet, which the report does not have.`);
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.range);
  if (!m) throw new Error(`Bad chart range ${ref.range}.`);
  const values: (number | string | null)[] = [];
  const c1 = ws.getColumn(m[1]!).number;
  const c2 = ws.getColumn(m[3] ?? m[1]!).number;
  for (let r = Number(m[2]); r <= Number(m[4] ?? m[2]); r++)
    for (let c = c1; c <= c2; c++) {
      const v = ws.getCell(r, c).value;
      values.push(typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(ws.getCell(r, c).text));
    }
  const abs = ref.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return { ref: `${quoteSheet(sheetName)}!${abs}`, values };
}

function numbers(r: { ref: string; values: (number | string | null)[] }): { ref: string; values: (number | null)[] } {
  return { ref: r.ref, values: r.values.map((v) => (typeof v === 'number' ? v : null)) };
}

/**
 * ExcelJS cannot hide a defined name; the markers are hidden so the Name Manager stays the user's.
 * ExcelJS also writes print areas as `$A1:$M40`, which LibreOffice ignores: rows get their `$` back.
 */
async function fixDefinedNames(zip: JSZip): Promise<void> {
  const path = 'xl/workbook.xml';
  const xml = (await zip.file(path)!.async('string')).replace(
    /(<definedName name="_xlnm\.Print_Area"[^>]*>)([^<]*)(<\/definedName>)/g,
    (_all, open: string, ref: string, close: string) =>
      `${open}${ref.replace(/\$([A-Z]+)(\d+)/g, '$$$1$$$2')}${close}`,
  );
  const out = xml.replace(/<definedName name="([^"]+)"(?![^>]*hidden=)/g, (all, name: string) =>
    markerKey(name) ? `<definedName name="${escapeXml(name)}" hidden="1"` : all,
  );
  zip.file(path, out);
}

/**
 * ExcelJS writes a link to another sheet as an external relationship as well as a `location`; Excel
 * would try to open a file by that name. Keep the `location` only.
 */
async function fixInternalLinks(zip: JSZip): Promise<void> {
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    if (!xml.includes('location=')) continue;
    const dropped = new Set<string>();
    const out = xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
      if (!/\blocation="/.test(tag)) return tag;
      const id = /\br:id="([^"]+)"/.exec(tag)?.[1];
      if (id) dropped.add(id);
      return tag.replace(/\s*r:id="[^"]*"/, '');
    });
    zip.file(path, out);
    const relsPath = path.replace('worksheets/', 'worksheets/_rels/') + '.rels';
    const rels = zip.file(relsPath);
    if (!rels || dropped.size === 0) continue;
    const relXml = await rels.async('string');
    zip.file(
      relsPath,
      relXml.replace(/<Relationship\b[^>]*\/>/g, (r) => {
        const id = /\bId="([^"]+)"/.exec(r)?.[1];
        return id && dropped.has(id) ? '' : r;
      }),
    );
  }
}

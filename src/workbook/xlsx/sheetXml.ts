// One report sheet as a SpreadsheetML worksheet part and its table parts, written directly: cells, styles,
// merges, frozen panes, conditional formats, links, print setup. Text is always inline text, never a formula.
import { columnLetter } from '../../engine/address';
import {
  isFormula,
  isLink,
  sheetCells,
  type ReportSheet,
  type SheetKey,
  type TableSpec,
} from '../../report/model';
import { CF_STYLES, mergeStyles } from '../looks';
import { cellFormat, cellLooks, sheetGrid, type GridCell } from '../layout';
import type { StyleRegistry } from './stylesXml';
import { linkAddress } from '../outputSheets';
import { attrs, escapeXml, xmlText } from './xml';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DAY_MS = 86_400_000;

export interface SheetContext {
  /** The workbook name of each output sheet, for links. */
  names: Partial<Record<SheetKey, string>>;
  styles: StyleRegistry;
  date1904: boolean;
  /** Table name and table id to use for each of the sheet's tables, in order. */
  tables: { name: string; id: number }[];
  /** Relationship ids of the sheet part: one per table, then the drawing if the sheet has charts. */
  tableRIds: string[];
  drawingRId?: string;
}

function serial(d: Date, date1904: boolean): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (d.getTime() - epoch) / DAY_MS;
}

function cellXml(ref: string, g: GridCell, ctx: SheetContext): string {
  const v = g.value;
  const s = ctx.styles.xfOf(cellLooks(g), cellFormat(g), mergeStyles);
  const sa = s ? ` s="${s}"` : '';
  if (v === null) return s ? `<c r="${ref}"${sa}/>` : '';
  if (typeof v === 'number')
    return Number.isFinite(v) ? `<c r="${ref}"${sa}><v>${v}</v></c>` : `<c r="${ref}"${sa}/>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}"${sa}><v>${serial(v, ctx.date1904)}</v></c>`;
  if (isFormula(v)) {
    const str = typeof v.result === 'string';
    return `<c r="${ref}"${sa}${str ? ' t="str"' : ''}><f>${xmlText(v.formula)}</f><v>${xmlText(String(v.result))}</v></c>`;
  }
  const text = isLink(v) ? v.text : v;
  return `<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function pane(f: { rows: number; columns: number }): string {
  if (f.rows <= 0 && f.columns <= 0) return '';
  const active = f.rows > 0 && f.columns > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
  const top = `${columnLetter(f.columns + 1)}${f.rows + 1}`;
  return (
    `<pane${attrs({ xSplit: f.columns || undefined, ySplit: f.rows || undefined, topLeftCell: top, activePane: active, state: 'frozen' })}/>` +
    `<selection pane="${active}" activeCell="${top}" sqref="${top}"/>`
  );
}

/** The worksheet part of `sheet`. */
export function worksheetXml(sheet: ReportSheet, ctx: SheetContext): string {
  const rows = sheetGrid(sheet);
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  for (const r of heights.keys()) if (!rows.has(r)) rows.set(r, new Map());
  const hyperlinks: string[] = [];
  let minR = Infinity;
  let maxR = 1;
  let minC = Infinity;
  let maxC = 1;
  const rowXml = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cols = rows.get(r)!;
      const cells = [...cols.keys()]
        .sort((a, b) => a - b)
        .map((c) => {
          const g = cols.get(c)!;
          const ref = `${columnLetter(c)}${r}`;
          if (isLink(g.value))
            hyperlinks.push(
              `<hyperlink${attrs({ ref, location: linkAddress(g.value.link, ctx.names), display: g.value.text })}/>`,
            );
          const xml = cellXml(ref, g, ctx);
          if (xml) {
            minR = Math.min(minR, r);
            maxR = Math.max(maxR, r);
            minC = Math.min(minC, c);
            maxC = Math.max(maxC, c);
          }
          return xml;
        })
        .join('');
      const h = heights.get(r);
      return `<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ''}>${cells}</row>`;
    })
    .join('');
  const dimension = Number.isFinite(minR)
    ? `${columnLetter(minC)}${minR}:${columnLetter(maxC)}${maxR}`
    : 'A1';

  const merges = sheet.blocks.flatMap((b) =>
    (b.mergeAcross ?? 1) > 1
      ? b.cells.map(
          (_, r) =>
            `<mergeCell ref="${columnLetter(b.col)}${b.row + r}:${columnLetter(b.col + b.mergeAcross! - 1)}${b.row + r}"/>`,
        )
      : [],
  );
  const cf = sheet.conditionalFormats
    .map((f, i) => {
      const rule =
        f.kind === 'dataBar'
          ? `<cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="${f.min}"/><cfvo type="num" val="${f.max}"/><color rgb="FF${f.color}"/></dataBar></cfRule>`
          : `<cfRule type="cellIs" dxfId="${ctx.styles.dxf(CF_STYLES[f.style].font, CF_STYLES[f.style].fill)}" priority="${i + 1}" operator="equal"><formula>${escapeXml(`"${f.text.replace(/"/g, '""')}"`)}</formula></cfRule>`;
      return `<conditionalFormatting sqref="${f.range}">${rule}</conditionalFormatting>`;
    })
    .join('');
  const widths = sheet.columnWidths
    .map((w, i) =>
      w === undefined ? '' : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
    )
    .join('');
  const breaks = (sheet.pageBreaksBefore ?? []).filter((r) => r > 1);
  const sheetPr = `<sheetPr>${sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor}"/>` : ''}<pageSetUpPr fitToPage="1"/></sheetPr>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    sheetPr +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${sheet.showGridLines === false ? ' showGridLines="0"' : ''}>${sheet.freeze ? pane(sheet.freeze) : ''}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (widths ? `<cols>${widths}</cols>` : '') +
    `<sheetData>${rowXml}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '') +
    cf +
    (hyperlinks.length ? `<hyperlinks>${hyperlinks.join('')}</hyperlinks>` : '') +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup${attrs({ orientation: sheet.landscape ? 'landscape' : 'portrait', fitToWidth: 1, fitToHeight: 0 })}/>` +
    (breaks.length
      ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`
      : '') +
    (ctx.drawingRId ? `<drawing r:id="${ctx.drawingRId}"/>` : '') +
    (ctx.tableRIds.length
      ? `<tableParts count="${ctx.tableRIds.length}">${ctx.tableRIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`
      : '') +
    `</worksheet>`
  );
}

/** The table part of one table (an Excel table needs a data row: an empty one when there is none). */
export function tableXml(t: TableSpec, name: string, id: number): string {
  const last = t.row + Math.max(1, t.rows.length);
  const ref = `${columnLetter(t.col)}${t.row}:${columnLetter(t.col + t.headers.length - 1)}${last}`;
  const cols = t.headers.map((h, i) => `<tableColumn id="${i + 1}"${attrs({ name: h })}/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS_MAIN}"${attrs({ id, name, displayName: name, ref })} headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.headers.length}">${cols}</tableColumns>` +
    `<tableStyleInfo${attrs({ name: t.style })} showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Values of a range of the report (for chart caches), read from the model rather than a written file. */
export function rangeValues(sheet: ReportSheet, range: string): (number | string | null)[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) throw new Error(`Bad range ${range}.`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]!);
  const c2 = col(m[3] ?? m[1]!);
  const r1 = Number(m[2]);
  const r2 = Number(m[4] ?? m[2]);
  const out = new Map<string, number | string | null>();
  for (const { row, col: c, cell } of sheetCells(sheet)) {
    if (row < r1 || row > r2 || c < c1 || c > c2) continue;
    out.set(
      `${row}:${c}`,
      typeof cell === 'number' || typeof cell === 'string' ? cell : isLink(cell) ? cell.text : null,
    );
  }
  const values: (number | string | null)[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) values.push(out.get(`${r}:${c}`) ?? null);
  return values;
}

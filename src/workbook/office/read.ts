// The read half of the Office.js adapter: every Excel table and plain header range of the open workbook
// in two round trips — the sheet and table lists, then each sheet's used range (values and number
// formats) and each table's address — whatever the number of projects.
import type { RawTable } from '../../engine/model';
import { findHeaderRanges } from '../../engine/read';
import { rangeAddress } from '../../engine/address';
import { earlierOutputs } from '../outputSheets';
import { NAME_PROPERTIES, nameInfo } from './markers';
import { readTableArea, type RowReader } from '../tableArea';
import { PayloadBudget } from './budget';
import { fromOffice } from './cellValues';
import { parseAddress, type Area } from '../address';

interface SheetData {
  name: string;
  area: Area | null;
  values: unknown[][];
  formats: unknown[][];
}

/** The cells of a sheet row from its loaded used range ("" and General outside it). */
function rowOf(sheet: SheetData): RowReader {
  return (row) => {
    const a = sheet.area;
    const i = a && row >= a.top && row <= a.bottom ? row - a.top : -1;
    const values = sheet.values[i];
    const formats = sheet.formats[i];
    return (col) => {
      const k = a ? col - a.left : -1;
      const raw = formats?.[k];
      const format = typeof raw === 'string' ? raw : undefined;
      return { value: fromOffice(values?.[k] ?? '', format), format };
    };
  };
}

interface Cells {
  values: unknown[][];
  formats: unknown[][];
}

/**
 * The cells of each used range in pieces of rows, for Excel on the web: a first piece of each sheet
 * measures its bytes per row, and the rest go in pieces sized from it, sent as the budget fills.
 */
async function readInPieces(
  context: Excel.RequestContext,
  used: { sheet: Excel.Worksheet; range: Excel.Range }[],
  limit: number,
): Promise<(Cells | null)[]> {
  const budget = new PayloadBudget(context, limit);
  const FIRST = 200;
  const areas = used.map((u) => (u.range.isNullObject ? null : parseAddress(u.range.address).area));
  const load = (k: number, from: number, count: number) => {
    const a = areas[k]!;
    return used[k]!.sheet.getRangeByIndexes(a.top - 1 + from, a.left - 1, count, a.right - a.left + 1).load(
      'values,numberFormat',
    );
  };
  // The first piece of every sheet in one sync, to measure; then the rest, as the budget allows.
  const firsts = areas.map((a, k) => (a ? load(k, 0, Math.min(FIRST, a.bottom - a.top + 1)) : null));
  await context.sync();
  const rest: Excel.Range[][] = [];
  for (const [k, a] of areas.entries()) {
    const first = firsts[k];
    const pieces: Excel.Range[] = [];
    rest.push(pieces);
    if (!a || !first) continue;
    const rows = a.bottom - a.top + 1;
    const perRow =
      (JSON.stringify(first.values).length + JSON.stringify(first.numberFormat).length) / first.values.length;
    // A row's bytes vary (long names, notes): count each at 1.5 times the first piece's average.
    const step = Math.max(1, Math.floor(limit / 2 / (perRow * 1.5)));
    for (let r = first.values.length; r < rows; r += step) {
      const count = Math.min(step, rows - r);
      await budget.reserve(Math.ceil(count * perRow * 1.5));
      pieces.push(load(k, r, count));
    }
  }
  if (rest.some((p) => p.length > 0)) await context.sync();
  return firsts.map((first, k) =>
    first
      ? {
          values: [first.values, ...rest[k]!.map((p) => p.values)].flat(),
          formats: [first.numberFormat, ...rest[k]!.map((p) => p.numberFormat)].flat(),
        }
      : null,
  );
}

/**
 * Every table of the workbook, as the .xlsx adapter reads them: per sheet (in tab order) its Excel tables,
 * then its plain header ranges outside them. Very hidden sheets are skipped, and so are the output
 * sheets of an earlier run, found by their markers whatever their names now (their cells would be the
 * largest part of the payload and are never inputs); its settings sheet is read.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  payloadLimit = Infinity,
): Promise<RawTable[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  const tables = context.workbook.tables.load(
    'items/name,items/showHeaders,items/showTotals,items/worksheet/name',
  );
  const names = context.workbook.names.load(NAME_PROPERTIES);
  await context.sync();

  const earlier = earlierOutputs(
    names.items.map(nameInfo),
    sheets.items.map((s) => s.name),
  );
  const skip = new Set([...earlier.written].filter(([, key]) => key !== 'settings').map(([sheet]) => sheet));
  const wanted = sheets.items.filter((s) => s.visibility !== 'VeryHidden' && !skip.has(s.name));
  // Unlimited: every used range whole, in this sync. On Excel on the web: only their addresses here,
  // then their cells in pieces of rows that keep each response under the limit.
  const whole = !Number.isFinite(payloadLimit);
  const used = wanted.map((s) => ({
    sheet: s,
    name: s.name,
    range: s.getUsedRangeOrNullObject(true).load(whole ? 'address,values,numberFormat' : 'address'),
  }));
  const tableRanges = tables.items.map((t) => ({
    name: t.name,
    sheet: t.worksheet.name,
    showHeaders: t.showHeaders,
    showTotals: t.showTotals,
    range: t.getRange().load('address'),
  }));
  await context.sync();

  const cells = whole
    ? used.map((u) =>
        u.range.isNullObject ? null : { values: u.range.values, formats: u.range.numberFormat },
      )
    : await readInPieces(context, used, payloadLimit);
  const out: RawTable[] = [];
  for (const [k, u] of used.entries()) {
    const c = cells[k];
    const data: SheetData =
      u.range.isNullObject || !c
        ? { name: u.name, area: null, values: [], formats: [] }
        : { name: u.name, area: parseAddress(u.range.address).area, values: c.values, formats: c.formats };
    const areas: Area[] = [];
    for (const t of tableRanges.filter((x) => x.sheet === u.name)) {
      const area = parseAddress(t.range.address).area;
      areas.push(area);
      const headerRow = t.showHeaders ? area.top : area.top - 1;
      const lastData = t.showTotals ? area.bottom - 1 : area.bottom;
      out.push(
        readTableArea(
          {
            name: t.name,
            sheet: u.name,
            kind: 'table',
            headerRow,
            left: area.left,
            right: area.right,
            lastRow: lastData,
            hasHeader: t.showHeaders,
          },
          rowOf(data),
        ),
      );
    }
    if (!data.area) continue;
    const grid = data.values.map((row, r) => row.map((v, c) => fromOffice(v, data.formats[r]?.[c])));
    const inTable = (r: number, c: number) =>
      areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
    for (const h of findHeaderRanges(grid, data.area.top, data.area.left, inTable)) {
      const name = rangeAddress(u.name, h.headerRow, h.firstColumn, h.lastRow, h.lastColumn);
      out.push(
        readTableArea(
          {
            name,
            sheet: u.name,
            kind: 'range',
            headerRow: h.headerRow,
            left: h.firstColumn,
            right: h.lastColumn,
            lastRow: h.lastRow,
            hasHeader: true,
          },
          rowOf(data),
        ),
      );
    }
  }
  return out;
}

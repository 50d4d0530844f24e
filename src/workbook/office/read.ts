// The read half of the Office.js adapter: every Excel table and plain header range of the open workbook
// in three round trips — the sheet and table lists, the used ranges' and tables' addresses, the used
// ranges' values and number formats — whatever the number of projects.
import type { RawTable } from '../../engine/model';
import { findHeaderRanges } from '../../engine/read';
import { rangeAddress } from '../../engine/address';
import { earlierOutputs } from '../outputSheets';
import { NAME_PROPERTIES, nameInfo } from './markers';
import { readTableArea, type RowReader } from '../tableArea';
import { InputError } from '../../engine/errors';
import { jsonBytes, PayloadBudget } from './budget';
import { fromOffice } from './cellValues';
import { areaAddress, parseAddress, type Area } from '../address';

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

/** Cells one range may hand to a read, on every platform (Microsoft's resource limits for Excel add-ins). */
export const READ_CELL_CAP = 5_000_000;

const count = (n: number) => n.toLocaleString('en-US');

/** Refuses, in one sentence, a sheet whose used range Excel would not hand over in one read. */
function assertReadable(sheet: string, a: Area): void {
  const cells = (a.bottom - a.top + 1) * (a.right - a.left + 1);
  if (cells > READ_CELL_CAP)
    throw new InputError(
      `Sheet "${sheet}" uses the cells ${areaAddress(a)} (${count(cells)} cells), more than the ${count(READ_CELL_CAP)} Excel lets an add-in read at once; delete what lies beyond your data there (a stray value far below or to the right) and run again.`,
    );
}

/** The loaded cells of a range; one sentence when Excel handed over none (as past its read cap). */
function cellsOf(sheet: string, range: Excel.Range): Cells {
  const { values, numberFormat } = range;
  if (!Array.isArray(values) || !Array.isArray(numberFormat))
    throw new InputError(
      `Excel did not hand over the cells of sheet "${sheet}" (${range.address}); make the sheet smaller or move its data to a new sheet, then run again.`,
    );
  return { values, formats: numberFormat };
}

interface UsedRange {
  sheet: Excel.Worksheet;
  name: string;
  area: Area | null;
}

const rangeOf = (u: UsedRange, from: number, rows: number) =>
  u.sheet.getRangeByIndexes(u.area!.top - 1 + from, u.area!.left - 1, rows, u.area!.right - u.area!.left + 1);

/**
 * The cells of each used range in pieces of rows, for Excel on the web: a first piece of each sheet
 * measures its bytes per row, and the rest go in pieces sized from it, sent as the budget fills.
 */
async function readInPieces(
  context: Excel.RequestContext,
  used: readonly UsedRange[],
  limit: number,
): Promise<(Cells | null)[]> {
  const budget = new PayloadBudget(context, limit);
  const FIRST = 200;
  const load = (u: UsedRange, from: number, rows: number) =>
    rangeOf(u, from, rows).load('address,values,numberFormat');
  // The first piece of every sheet in one sync, to measure; then the rest, as the budget allows.
  const firsts = used.map((u) =>
    u.area ? load(u, 0, Math.min(FIRST, u.area.bottom - u.area.top + 1)) : null,
  );
  await context.sync();
  const rest: Excel.Range[][] = [];
  for (const [k, u] of used.entries()) {
    const first = firsts[k];
    const pieces: Excel.Range[] = [];
    rest.push(pieces);
    if (!u.area || !first) continue;
    const head = cellsOf(u.name, first);
    const rows = u.area.bottom - u.area.top + 1;
    const perRow = (jsonBytes(head.values) + jsonBytes(head.formats)) / head.values.length;
    // A row's bytes vary (long names, notes): count each at 1.5 times the first piece's average.
    const step = Math.max(1, Math.floor(limit / 2 / (perRow * 1.5)));
    for (let r = head.values.length; r < rows; r += step) {
      const n = Math.min(step, rows - r);
      await budget.reserve(Math.ceil(n * perRow * 1.5));
      pieces.push(load(u, r, n));
    }
  }
  if (rest.some((p) => p.length > 0)) await context.sync();
  return firsts.map((first, k) => {
    if (!first) return null;
    const parts = [first, ...rest[k]!].map((p) => cellsOf(used[k]!.name, p));
    return { values: parts.flatMap((p) => p.values), formats: parts.flatMap((p) => p.formats) };
  });
}

/** Every used range whole, in one sync (Windows and Mac: no payload limit). */
async function readWhole(
  context: Excel.RequestContext,
  used: readonly UsedRange[],
): Promise<(Cells | null)[]> {
  const ranges = used.map((u) =>
    u.area ? rangeOf(u, 0, u.area.bottom - u.area.top + 1).load('address,values,numberFormat') : null,
  );
  await context.sync();
  return ranges.map((r, k) => (r ? cellsOf(used[k]!.name, r) : null));
}

interface TableRange {
  name: string;
  showHeaders: boolean;
  showTotals: boolean;
  range: Excel.Range;
}

/** One sheet's tables: its Excel tables, then its plain header ranges outside them. */
function sheetTables(data: SheetData, tables: readonly TableRange[]): RawTable[] {
  const out: RawTable[] = [];
  const areas: Area[] = [];
  for (const t of tables) {
    const area = parseAddress(t.range.address).area;
    areas.push(area);
    const headerRow = t.showHeaders ? area.top : area.top - 1;
    const lastData = t.showTotals ? area.bottom - 1 : area.bottom;
    out.push(
      readTableArea(
        {
          name: t.name,
          sheet: data.name,
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
  if (!data.area) return out;
  const grid = data.values.map((row, r) => row.map((v, c) => fromOffice(v, data.formats[r]?.[c])));
  const inTable = (r: number, c: number) =>
    areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
  for (const h of findHeaderRanges(grid, data.area.top, data.area.left, inTable))
    out.push(
      readTableArea(
        {
          name: rangeAddress(data.name, h.headerRow, h.firstColumn, h.lastRow, h.lastColumn),
          sheet: data.name,
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
  return out;
}

/**
 * Every table of the workbook, as the .xlsx adapter reads them: per sheet (in tab order) its Excel tables,
 * then its plain header ranges outside them. Very hidden sheets are skipped, and so are the output
 * sheets of an earlier run, found by their markers whatever their names now (their cells would be the
 * largest part of the payload and are never inputs); its settings sheet is read. Three round trips —
 * the lists, the used ranges' addresses (a sheet past Excel's read cap is refused before its cells are
 * asked for), their cells — and on Excel on the web more, in pieces under its payload limit.
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
  const usedRanges = wanted.map((s) => ({
    sheet: s,
    name: s.name,
    range: s.getUsedRangeOrNullObject(true).load('address'),
  }));
  const tableRanges = tables.items.map((t) => ({
    name: t.name,
    sheet: t.worksheet.name,
    showHeaders: t.showHeaders,
    showTotals: t.showTotals,
    range: t.getRange().load('address'),
  }));
  await context.sync();

  const used: UsedRange[] = usedRanges.map((u) => ({
    sheet: u.sheet,
    name: u.name,
    area: u.range.isNullObject ? null : parseAddress(u.range.address).area,
  }));
  for (const u of used) if (u.area) assertReadable(u.name, u.area);
  const cells = Number.isFinite(payloadLimit)
    ? await readInPieces(context, used, payloadLimit)
    : await readWhole(context, used);
  return used.flatMap((u, k) => {
    const c = cells[k];
    const data: SheetData =
      !u.area || !c
        ? { name: u.name, area: null, values: [], formats: [] }
        : { name: u.name, area: u.area, values: c.values, formats: c.formats };
    return sheetTables(
      data,
      tableRanges.filter((t) => t.sheet === u.name),
    );
  });
}

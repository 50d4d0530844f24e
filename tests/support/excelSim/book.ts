// The simulator's workbook state: sheets of cells, tables, names and charts, changed only by queued
// operations at `sync`. Plain TypeScript (no Node), so the browser harness can use it too.
import { columnLetter, columnNumber } from '../../../src/engine/address';

export type SimValue = number | string | boolean;

export interface SimCell {
  /** What `range.values` returns (errors as their text, e.g. "#N/A"). */
  value: SimValue;
  /** The formula, when the cell holds one (`=…`). */
  formula?: string;
  /** True when the value was entered with a leading apostrophe (kept as text whatever it looks like). */
  textPrefix?: boolean;
  numberFormat: string;
  /** Format properties written to the cell, by path (`font.bold`, `fill.color`, …). */
  look: Record<string, unknown>;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SimTable {
  name: string;
  sheet: SimSheet;
  area: Area;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface SimChartSeries {
  name: string;
  chartType?: string;
  values?: string;
  xValues?: string;
  bubbleSizes?: string;
  props: Record<string, unknown>;
  points: Record<number, Record<string, unknown>>;
}

export interface SimChart {
  type: string;
  source: string;
  seriesBy: string;
  props: Record<string, unknown>;
  series: SimChartSeries[];
  position?: { start: string; end: string };
}

export interface SimConditionalFormat {
  type: string;
  address: string;
  props: Record<string, unknown>;
}

export class SimSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly cells = new Map<number, Map<number, SimCell>>();
  readonly charts: SimChart[] = [];
  readonly conditionalFormats: SimConditionalFormat[] = [];
  readonly merges: Area[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly props: Record<string, unknown> = {};
  freeze: { rows: number; columns: number } | null = null;
  /** True once panes were frozen while another sheet was active (office-js #3148: Excel activates it). */
  frozenWhileInactive = false;

  constructor(public name: string) {}

  cell(row: number, col: number): SimCell | undefined {
    return this.cells.get(row)?.get(col);
  }

  /** The cell at a 1-based position, created empty when absent. */
  at(row: number, col: number): SimCell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: '', numberFormat: 'General', look: {} }));
    return c;
  }

  /** The smallest area holding every cell with a value (Excel's used range, values only), or null. */
  usedArea(): Area | null {
    let a: Area | null = null;
    for (const [r, cols] of this.cells)
      for (const [c, cell] of cols) {
        if (cell.value === '' && cell.formula === undefined) continue;
        if (!a) a = { top: r, left: c, bottom: r, right: c };
        else {
          a.top = Math.min(a.top, r);
          a.bottom = Math.max(a.bottom, r);
          a.left = Math.min(a.left, c);
          a.right = Math.max(a.right, c);
        }
      }
    return a;
  }
}

export interface SimName {
  name: string;
  /** `='Sheet'!$A$1`; the sheet part follows a renamed sheet and becomes `#REF!` when it is deleted. */
  formula: string;
  visible: boolean;
  comment: string;
}

export class SimBook {
  readonly sheets: SimSheet[] = [];
  readonly tables: SimTable[] = [];
  readonly names: SimName[] = [];
  /** The add-in's settings (`workbook.settings`), as JSON values. */
  readonly settings = new Map<string, unknown>();
  activeSheet: string | null = null;

  sheet(name: string): SimSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** Renames a sheet as Excel does: defined names that point at it follow. */
  renameSheet(sheet: SimSheet, to: string): void {
    const from = sheet.name;
    sheet.name = to;
    for (const n of this.names) n.formula = renameInFormula(n.formula, from, to);
  }

  /** Deletes a sheet with its tables; defined names that pointed at it become `#REF!`. */
  deleteSheet(sheet: SimSheet): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i]!.sheet === sheet) this.tables.splice(i, 1);
    for (const n of this.names) n.formula = renameInFormula(n.formula, sheet.name, null);
  }
}

/** A defined name's formula after a sheet is renamed (`to`) or deleted (`to` null → `#REF!`). */
function renameInFormula(formula: string, from: string, to: string | null): string {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/.exec(formula);
  if (!m) return formula;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  if (sheet.toLowerCase() !== from.toLowerCase()) return formula;
  return to === null ? `=#REF!${m[3]}` : `=${quoteSheetName(to)}!${m[3]}`;
}

// ---- addresses -------------------------------------------------------------------------------------

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** `A1:B2` (no sheet) → area; throws on anything Excel would not take. */
export function parseArea(a1: string): Area {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(a1.trim());
  if (!m) throw new Error(`"${a1}" is not a cell or range address.`);
  const c1 = columnNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  for (const [r, c] of [
    [r1, c1],
    [r2, c2],
  ] as const)
    if (r < 1 || r > MAX_ROWS || c < 1 || c > MAX_COLUMNS) throw new Error(`"${a1}" is outside the sheet.`);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** `'My Sheet'!A1:B2` → sheet and area; the sheet is null when the address has none. */
export function splitAddress(address: string): { sheet: string | null; area: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
  if (!m) return { sheet: null, area: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, area: m[3]! };
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function areaA1(a: Area): string {
  const tl = `${columnLetter(a.left)}${a.top}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom}`;
}

export function fullAddress(sheet: string, a: Area): string {
  return `${quoteSheetName(sheet)}!${areaA1(a)}`;
}

// ---- names -----------------------------------------------------------------------------------------

/** Excel's rules for a new sheet name; returns the problem, or null when the name is fine. */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return 'a sheet name cannot be blank';
  if (name.length > 31) return 'a sheet name has at most 31 characters';
  if (/[[\]:*?/\\]/.test(name)) return 'a sheet name cannot contain [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'"))
    return 'a sheet name cannot start or end with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved';
  return null;
}

/** Excel's rules for a table or defined name. */
export function definedNameProblem(name: string): string | null {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return 'names start with a letter or _ and have no spaces';
  if (name.length > 255) return 'a name has at most 255 characters';
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name))
    return 'a name cannot look like a cell reference';
  return null;
}

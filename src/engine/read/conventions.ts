// The reading conventions of a projects table, detected once for the whole table: the decimal
// separator, the currency symbol, the order of day and month in text dates and the numeric rating scale
// (each may be set in SRO Settings instead).
import type { RawTable } from '../model';
import {
  cellText,
  dateOrderEvidence,
  detectDecimalSeparator,
  isBlank,
  parseNumber,
  type DateOrder,
} from './cells';
import type { ColumnMap } from './fields';
import type { Settings } from './settings';

export interface ReadingConventions {
  decimalSeparator: '.' | ',';
  currency: string;
  ratingScaleMax: number;
  dateOrder: DateOrder;
  /**
   * Set when text dates that read either way (01/04/2027) were read by the currency's custom rather
   * than by the table's own dates or a setting: how many, for the note that says so.
   */
  guessedDates?: number;
}

/** The conventions of `table` under its mapping: the settings' values where set, else detected from the cells. */
export function readingConventions(
  table: RawTable,
  columns: readonly ColumnMap[],
  settings: Settings,
): ReadingConventions {
  const ratingCols = columns.filter((c) => c.field === 'rating');
  const decimalSeparator = settings.decimalSeparator ?? detectDecimalSeparator(textCells(table, columns));
  const currency = settings.currencySymbol ?? detectCurrency(table, columns);
  const ratingScaleMax =
    settings.ratingScaleMax ?? detectRatingScale(ratingNumbers(table, ratingCols, decimalSeparator));
  const dates = dateOrderOf(table, columns, currency, settings);
  return { decimalSeparator, currency, ratingScaleMax, ...dates };
}

const DATE_FIELDS: ReadonlySet<string> = new Set(['start', 'end']);

/**
 * Day or month first: the setting; else the table's own text dates, when one reads only one way
 * (13/04/2027); else the currency's custom — £, € and the others day first, $ month first (Excel's
 * US default), with a note when any date could be read either way.
 */
function dateOrderOf(
  t: RawTable,
  columns: readonly ColumnMap[],
  currency: string,
  settings: Settings,
): { dateOrder: DateOrder; guessedDates?: number } {
  if (settings.dateOrder) return { dateOrder: settings.dateOrder };
  const cols = columns.filter((c) => DATE_FIELDS.has(c.field)).map((c) => c.index);
  const texts: string[] = [];
  for (const r of t.rows) for (const i of cols) if (typeof r[i] === 'string') texts.push(r[i] as string);
  const e = dateOrderEvidence(texts);
  if (e.dmy !== e.mdy) return { dateOrder: e.dmy > e.mdy ? 'dmy' : 'mdy' };
  const dateOrder: DateOrder = currency === '$' ? 'mdy' : 'dmy';
  return e.ambiguous > 0 ? { dateOrder, guessedDates: e.ambiguous } : { dateOrder };
}

/**
 * The numeric rating scale of a table: 5, 10 or 100, the smallest that holds every number seen.
 * A 1–10 scale and a 0–10 scale share the top, and ratings are mapped by the top (SPEC §4.1).
 */
export function detectRatingScale(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  if (max <= 1) return max > 0 && max < 1 ? 1 : 5;
  if (max <= 5) return 5;
  if (max <= 10) return 10;
  return 100;
}

/** Text cells of numeric columns that hold digits (a sample is enough to tell the decimal separator). */
function* textCells(t: RawTable, columns: readonly ColumnMap[]): Generator<string> {
  const numeric = columns
    .filter((c) => MONEY.has(c.field) || c.field === 'rating' || c.field === 'resource')
    .map((c) => c.index);
  let seen = 0;
  for (const r of t.rows.slice(0, 1000)) {
    for (const i of numeric) {
      const v = r[i];
      if (typeof v === 'string' && /\d/.test(v)) {
        yield v;
        if (++seen >= 500) return;
      }
    }
  }
}

/** The largest numeric rating of the table (one value is all the scale detection needs). */
function ratingNumbers(t: RawTable, cols: readonly ColumnMap[], decimalSeparator: '.' | ','): number[] {
  let max = 0;
  for (const r of t.rows) {
    for (const c of cols) {
      const v = r[c.index] ?? null;
      const n =
        typeof v === 'number'
          ? v
          : v === null || isBlank(v)
            ? null
            : parseNumber(v, { decimalSeparator }).value;
      if (n !== null && n > max) max = n;
    }
  }
  return [max];
}

const MONEY = new Set([
  'cost',
  'costPeriod',
  'benefit',
  'benefitPeriod',
  'actualCost',
  'eac',
  'baselineCost',
]);

/** The currency symbol of the money columns: number formats first, then symbols typed in cells, then headers; $ if none. */
function detectCurrency(t: RawTable, columns: readonly ColumnMap[]): string {
  const money = columns.filter((c) => MONEY.has(c.field));
  const count = new Map<string, number>();
  const add = (s: string | undefined) => s && count.set(s, (count.get(s) ?? 0) + 1);
  for (const c of money) {
    const fmt = t.columnFormats?.[c.index];
    const m = fmt ? /[$€£¥₹]|\[\$([^\]-]+)/.exec(fmt) : null;
    add(m ? (m[1] ?? m[0]) : undefined);
    add(c.currency);
  }
  for (const r of t.rows.slice(0, 200)) {
    for (const c of money) {
      const v = r[c.index];
      const m = typeof v === 'string' ? /[$€£¥₹]/.exec(cellText(v)) : null;
      add(m?.[0]);
    }
  }
  let best = '$';
  let n = 0;
  for (const [s, k] of count) if (k > n) [best, n] = [s, k];
  return best;
}

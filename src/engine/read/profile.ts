// Column profiles (SPEC §3.2): what a column holds, counted cell by cell — numbers, money, percentages,
// dates, booleans, short codes, long text, blanks, withheld figures; how unique it is — so that content
// can confirm or veto what its header says.
import type { CellValue } from '../model';
import { isBlank, isExcelError, parseBoolean, parseDate, parseNumber } from './cells';
import { unknownText } from './unknowns';
import { confidenceKey } from './vocabulary';

export interface ColumnProfile {
  /** Cells in the column. */
  cells: number;
  blanks: number;
  /** Excel errors (#N/A, #DIV/0!), as values or as text. */
  errors: number;
  /** Cells that withhold a figure (FOI exemption) or say it is not available ("TBC", "n/a"). */
  withheld: number;
  notAvailable: number;
  /** Cells read as a number: numbers, and text that parses as one ("£1,234.5", "12%"). */
  numbers: number;
  /** Of `numbers`, text that carries a currency symbol or a thousands separator. */
  money: number;
  /** Of `numbers`, text ending in %. */
  percents: number;
  /** Text and serial cells read as dates (numbers only when every number of the column is a date serial). */
  dates: number;
  booleans: number;
  /** Short codes: one token mixing letters, digits and separators ("DCMS_0009_1516-Q4", "021-488119819"). */
  codes: number;
  /** Text of more than 80 characters or 12 words: narrative, commentary. */
  longText: number;
  /** Other text. */
  text: number;
  /** Of `text`, delivery-confidence words (Red, Amber/Green, Green…). */
  ratings: number;
  /** Distinct non-blank values, and whether no non-blank value repeats (counted only when asked). */
  distinct: number;
  unique: boolean;
}

const CODE_RE = /^(?=.*\d)[A-Za-z0-9]+(?:[-_./:][A-Za-z0-9]+)+$|^[A-Za-z]{1,6}\d{2,}$|^\d{6,}$/;
const LONG_WORDS = 12;

/** Text classified once per distinct value (status and risk words repeat thousands of times). */
type TextKind =
  | 'error'
  | 'withheld'
  | 'notAvailable'
  | 'number'
  | 'money'
  | 'percent'
  | 'date'
  | 'boolean'
  | 'code'
  | 'long'
  | 'rating'
  | 'text';
const CACHE_LIMIT = 2000;

/**
 * The profile of column `i`. With `distinct` (an id column) it counts the different values, and text
 * only as long text or not.
 */
export type ColumnProfiles = (i: number, distinct: boolean) => ColumnProfile;

/** The profile of one column of cells; `distinct` counts the different values too (ids need it). */
export function profileColumn(values: Iterable<CellValue>, distinct = false): ColumnProfile {
  const p: ColumnProfile = {
    cells: 0,
    blanks: 0,
    errors: 0,
    withheld: 0,
    notAvailable: 0,
    numbers: 0,
    money: 0,
    percents: 0,
    dates: 0,
    booleans: 0,
    codes: 0,
    longText: 0,
    text: 0,
    ratings: 0,
    distinct: 0,
    unique: true,
  };
  const seen = new Set<string>();
  const kinds = new Map<string, TextKind>();
  for (const v of values) {
    p.cells++;
    if (v === null || isBlank(v)) {
      p.blanks++;
      continue;
    }
    if (distinct) {
      const key =
        typeof v === 'string' ? v.trim().toLowerCase() : v instanceof Date ? v.toISOString() : String(v);
      if (seen.has(key)) p.unique = false;
      else seen.add(key);
    }
    // An id column needs only its different values and whether it is narrative (ids are all different,
    // so classifying each would cost a parse per cell for nothing).
    if (distinct && typeof v === 'string') {
      if (v.length > 80 || v.trim().split(/\s+/).length > LONG_WORDS) p.longText++;
      else p.text++;
    } else if (typeof v === 'string') countText(p, v, kinds);
    else countCell(p, v);
  }
  p.distinct = seen.size;
  return p;
}

/** A number, boolean, date or error value. */
function countCell(p: ColumnProfile, v: CellValue): void {
  if (typeof v === 'number') {
    p.numbers++;
    if (v >= 18264 && v <= 109575 && Number.isInteger(v)) p.dates++;
  } else if (typeof v === 'boolean') p.booleans++;
  else if (v instanceof Date) p.dates++;
  else p.errors++;
}

/** A text cell, classified once per distinct text while the cache has room. */
function countText(p: ColumnProfile, v: string, kinds: Map<string, TextKind>): void {
  let kind = kinds.get(v);
  if (kind === undefined) {
    kind = textKind(v);
    if (kinds.size < CACHE_LIMIT) kinds.set(v, kind);
  }
  if (kind === 'money' || kind === 'percent' || kind === 'number') {
    p.numbers++;
    if (kind === 'money') p.money++;
    if (kind === 'percent') p.percents++;
    return;
  }
  if (kind === 'rating') {
    p.text++;
    p.ratings++;
    return;
  }
  p[COUNTER[kind]]++;
}

const COUNTER = {
  error: 'errors',
  withheld: 'withheld',
  notAvailable: 'notAvailable',
  date: 'dates',
  boolean: 'booleans',
  code: 'codes',
  long: 'longText',
  text: 'text',
} as const;

/** What one text says: a figure withheld or not available, a number, a date, a code, narrative… */
function textKind(v: string): TextKind {
  const s = v.trim();
  if (isExcelError(s)) return 'error';
  const unknown = unknownText(s);
  if (unknown) return unknown;
  if (/\d/.test(s) && parseNumber(s).value !== null)
    return /[$€£¥₹]|\d,\d{3}/.test(s) ? 'money' : s.endsWith('%') ? 'percent' : 'number';
  if (parseDate(s).value !== null) return 'date';
  if (parseBoolean(s).value !== null && !/^[x-]$/i.test(s)) return 'boolean';
  if (CODE_RE.test(s) && !/\s/.test(s)) return 'code';
  if (s.length > 80 || s.split(/\s+/).length > LONG_WORDS) return 'long';
  return confidenceKey(s) !== null ? 'rating' : 'text';
}

/** Cells that hold something a figure could be read from: all but blanks, errors and withheld ones. */
export function filled(p: ColumnProfile): number {
  return p.cells - p.blanks - p.errors - p.withheld - p.notAvailable;
}

/** Share of the filled cells (those that are neither blank nor withheld) that `count` covers. */
export function shareOf(p: ColumnProfile, count: number): number {
  const n = filled(p);
  return n > 0 ? count / n : 0;
}

// Cell parsing (SPEC §3.2): turns what a user typed into typed values, or says why it could not.
// The math never sees a string; callers turn a `problem` into a data issue naming the cell.
import type { CellError, CellValue } from '../model';

export type ParseProblem = 'blank' | 'excelError' | 'notNumber' | 'notBoolean' | 'notDate';

export interface Parsed<T> {
  value: T | null;
  /** Why `value` is null (or, for `blank`, that there was nothing to read). */
  problem?: ParseProblem;
  /** Currency symbol seen in the text, if any. */
  currency?: string;
  /** The text stated its own magnitude (`12m`, `€300k`): a unit in the header must not scale it again. */
  scaled?: boolean;
}

export interface NumberOptions {
  /** Decimal separator of text numbers; '.' unless the workbook uses commas. */
  decimalSeparator?: '.' | ',';
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** The text a user sees in the cell (dates as ISO dates, errors as their code). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return v.error;
}

const ERROR_TEXT_RE = /^#(n\/a|div\/0!|value!|ref!|name\?|num!|null!|spill!|calc!|getting_data)$/i;

/** An Excel error, as an error value or as the text Excel shows for one (`#N/A` pasted as text). */
export function isExcelError(v: CellValue): boolean {
  return isCellError(v) || (typeof v === 'string' && ERROR_TEXT_RE.test(v.trim()));
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const CURRENCY_WORDS: Record<string, string> = {
  usd: '$',
  eur: '€',
  gbp: '£',
  jpy: '¥',
  chf: 'CHF',
  cad: '$',
  aud: '$',
  inr: '₹',
};
const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};
const NULL_WORDS = new Set([
  'n/a',
  'na',
  'n.a.',
  'tbd',
  'tbc',
  '-',
  '--',
  '—',
  '–',
  '?',
  'none',
  'null',
  'unknown',
]);

/**
 * A number from a cell: numbers as they are; text such as `$1,200,000`, `1.2M`, `€300k`, `(1,000)`, `12%`,
 * `1 234,5` (with comma decimals), `USD 2.5 mn`. Percent text gives the fraction (`12%` → 0.12).
 */
export function parseNumber(v: CellValue, opts: NumberOptions = {}): Parsed<number> {
  if (v === null || isBlank(v)) return { value: null, problem: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { value: null, problem: 'notNumber' };
  if (typeof v === 'boolean' || v instanceof Date) return { value: null, problem: 'notNumber' };
  if (isCellError(v)) return { value: null, problem: 'excelError' };
  return parseNumberText(v, opts.decimalSeparator ?? '.');
}

function parseNumberText(raw: string, decimal: '.' | ','): Parsed<number> {
  let s = raw
    .trim()
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, ' ');
  if (/^#[a-z/0!?]+[!?]?$/.test(s)) return { value: null, problem: 'excelError' };
  if (NULL_WORDS.has(s)) return { value: null, problem: 'notNumber' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/[\u2212\u2013]/g, '-');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  let currency: string | undefined;
  const sym = /^([$€£¥₹])|([$€£¥₹])$/.exec(s);
  if (sym) {
    currency = sym[1] ?? sym[2];
    s = s.replace(/^[$€£¥₹]|[$€£¥₹]$/g, '').trim();
  }
  const word = /^(usd|eur|gbp|jpy|chf|cad|aud|inr)\b|\b(usd|eur|gbp|jpy|chf|cad|aud|inr)$/.exec(s);
  if (word) {
    currency = CURRENCY_WORDS[word[1] ?? word[2] ?? ''] ?? currency;
    s = s.replace(/^(usd|eur|gbp|jpy|chf|cad|aud|inr)|(usd|eur|gbp|jpy|chf|cad|aud|inr)$/, '').trim();
  }
  if (s.startsWith('-') && !negative) {
    negative = true;
    s = s.slice(1).trim();
  }
  let factor = 1;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  } else {
    const m = /^(.*?)\s*(k|thousand|mm|mn|mio|millions?|m|bn|billion|b)\.?$/.exec(s);
    if (m && m[1] && /\d$/.test(m[1])) {
      factor = SCALE[m[2] ?? ''] ?? 1;
      s = m[1];
    }
  }
  const n = parseDigits(s, decimal);
  if (n === null) return { value: null, problem: 'notNumber' };
  let value = n * factor;
  if (percent) value /= 100;
  if (negative) value = -value;
  // Rounding noise from `1.2 × 1e6` would show in an audit (1200000.0000000002); keep 12 significant digits.
  if (factor !== 1 || percent) value = Number(value.toPrecision(12));
  return { value, ...(currency ? { currency } : {}), ...(factor !== 1 ? { scaled: true } : {}) };
}

/** Digits with thousands separators (`,` `.` space `'`) and one decimal separator. */
function parseDigits(s: string, decimal: '.' | ','): number | null {
  const thousands = decimal === '.' ? /[, ']/g : /[. ']/g;
  if (!/^[\d.,' ]+$/.test(s) || !/\d/.test(s)) {
    // Scientific notation is the one non-digit form we accept.
    return /^\d+(\.\d+)?e[+-]?\d+$/.test(s) ? Number(s) : null;
  }
  const [intPart = '', fracPart, extra] = s.split(decimal);
  if (extra !== undefined) return null;
  const groups = intPart.split(thousands);
  // Thousands groups after the first must have exactly three digits ("1,2,3" is not a number).
  if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) return null;
  const digits = groups.join('');
  if (!/^\d*$/.test(digits) || (fracPart !== undefined && !/^\d+$/.test(fracPart))) return null;
  if (digits === '' && fracPart === undefined) return null;
  return Number(`${digits || '0'}${fracPart !== undefined ? `.${fracPart}` : ''}`);
}

export interface PercentOptions extends NumberOptions {
  /**
   * How the column states shares. `fraction`: numbers are already shares (a cell showing "120%" in a
   * percent-formatted column holds 1.2). `percent`: numbers are percentages, 85 → 0.85 and 1 → 0.01.
   * Without a scale, a bare number above 1 is read as a percentage.
   */
  scale?: 'fraction' | 'percent';
}

/** A share such as a probability or a rate: `12%` → 0.12, `0.12` → 0.12, `85` → 0.85 (see `scale`). */
export function parsePercent(v: CellValue, opts: PercentOptions = {}): Parsed<number> {
  const p = parseNumber(v, opts);
  if (p.value === null) return p;
  if (typeof v === 'string' && v.trim().endsWith('%')) return { value: p.value };
  if (opts.scale === 'percent' || (opts.scale === undefined && p.value > 1)) return { value: p.value / 100 };
  return { value: p.value };
}

/**
 * The scale of a column of shares, decided once for the whole column so that one cell cannot be read
 * differently from its neighbours: values strictly between 0 and 1 vote for fractions, values above 1
 * for percentages (0 and 1 fit both). A column formatted as a percentage holds fractions.
 */
export function percentScale(values: Iterable<CellValue>, percentFormat = false): 'fraction' | 'percent' {
  if (percentFormat) return 'fraction';
  let fraction = 0;
  let percent = 0;
  for (const v of values) {
    if (typeof v === 'string' && v.trim().endsWith('%')) continue;
    const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumber(v).value : null;
    if (n === null || n <= 0 || n === 1) continue;
    if (n < 1) fraction++;
    else percent++;
  }
  return percent > fraction ? 'percent' : 'fraction';
}

const TRUE_WORDS = new Set([
  'yes',
  'y',
  'true',
  'x',
  '1',
  '✓',
  '✔',
  'required',
  'mandatory',
  'must',
  'must do',
  'regulatory',
]);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', '', '-', 'optional']);

/** Yes/No/Y/N/TRUE/FALSE/x/1/0 → boolean; blank → false. */
export function parseBoolean(v: CellValue): Parsed<boolean> {
  if (v === null || isBlank(v)) return { value: false, problem: 'blank' };
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'number')
    return v === 1 || v === 0 ? { value: v === 1 } : { value: null, problem: 'notBoolean' };
  if (isCellError(v) || isExcelError(v)) return { value: null, problem: 'excelError' };
  if (v instanceof Date) return { value: null, problem: 'notBoolean' };
  const s = v.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return { value: true };
  if (FALSE_WORDS.has(s)) return { value: false };
  return { value: null, problem: 'notBoolean' };
}

/** Excel serial day number (1900 system, 1 = 1900-01-01) → UTC Date. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/** UTC Date → Excel serial day number. */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Dates arrive as Date, Excel serial numbers, or text (ISO, d.m.y, m/d/y, "1 Mar 2027", "Mar 2027"). */
/** How a text date like 01/04/2027 is read: day first (1 April) or month first (4 January). */
export type DateOrder = 'dmy' | 'mdy';

/** A date from a cell: a Date, an Excel serial, or text; `order` reads a/b/yyyy (a part above 12 is a day). */
export function parseDate(v: CellValue, order: DateOrder = 'mdy'): Parsed<Date> {
  if (v === null || isBlank(v)) return { value: null, problem: 'blank' };
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? { value: null, problem: 'notDate' } : { value: v };
  if (typeof v === 'number') {
    // Serials between 1950 and 2200 only: a stray cost in a date column is not a date.
    return v >= 18264 && v <= 109575
      ? { value: serialToDate(Math.floor(v)) }
      : { value: null, problem: 'notDate' };
  }
  if (isCellError(v) || isExcelError(v)) return { value: null, problem: 'excelError' };
  if (typeof v === 'boolean') return { value: null, problem: 'notDate' };
  const s = v.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?$/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return ymd(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    // A part above 12 can only be a day, whatever the order.
    const dayFirst = a > 12 || (order === 'dmy' && b <= 12);
    return dayFirst ? ymd(+m[3]!, b, a) : ymd(+m[3]!, a, b);
  }
  m = /^(\d{1,2})[ -]([a-z]{3})[a-z]*\.?[ ,-]*(\d{4})$/.exec(s);
  if (m) return ymd(+m[3]!, MONTHS.indexOf(m[2]!) + 1, +m[1]!);
  m = /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) return ymd(+m[3]!, MONTHS.indexOf(m[1]!) + 1, +m[2]!);
  m = /^([a-z]{3})[a-z]*\.?[ -](\d{4})$/.exec(s);
  if (m) return ymd(+m[2]!, MONTHS.indexOf(m[1]!) + 1, 1);
  return { value: null, problem: 'notDate' };
}

function ymd(y: number, mo: number, d: number): Parsed<Date> {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return { value: null, problem: 'notDate' };
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return { value: null, problem: 'notDate' };
  return { value: date };
}

/** The a/b/yyyy text dates of a column sample: how many can only be day first, only month first, either. */
export function dateOrderEvidence(texts: Iterable<string>): { dmy: number; mdy: number; ambiguous: number } {
  const out = { dmy: 0, mdy: 0, ambiguous: 0 };
  for (const t of texts) {
    const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t.trim());
    if (!m) continue;
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) out.dmy++;
    else if (b > 12 && a <= 12) out.mdy++;
    else if (a <= 12 && b <= 12 && a !== b) out.ambiguous++;
  }
  return out;
}

/**
 * Guesses the decimal separator from the text numbers of a table: comma decimals show as `1 234,5`,
 * `1.234,50` or `12,5` — a comma followed by one, two or more than three digits at the end.
 */
export function detectDecimalSeparator(texts: Iterable<string>): '.' | ',' {
  let comma = 0;
  let dot = 0;
  for (const t of texts) {
    const s = t.trim().replace(/[^\d.,]/g, '');
    if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^\d+,(\d{1,2}|\d{4,})$/.test(s)) comma++;
    else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^\d+\.(\d{1,2}|\d{4,})$/.test(s)) dot++;
  }
  return comma > dot ? ',' : '.';
}

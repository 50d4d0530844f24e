// Cell values across the Excel JavaScript API: what `range.values` hands back (serial numbers for dates,
// error text, "" for empty) turned into the engine's cells, and report cells turned into what `formulas`
// takes — with every piece of text Excel would re-interpret kept as text.
import type { CellValue } from '../../engine/model';
import { serialToDate } from '../../engine/read';
import { isFormula, isLink, type Cell } from '../../report/model';

const ERROR_TEXT =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/**
 * True when a number format shows a date or time (as ExcelJS decides for .xlsx files, so both adapters
 * read the same cells as dates): a d, m, y, h or s outside quoted text, escapes and [brackets].
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const bare = format
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '');
  return /[ymdhs]/i.test(bare.split(';')[0] ?? '');
}

/** One value of `range.values` with its number format, as the engine's cell. */
export function fromOffice(value: unknown, format: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number')
    return isDateFormat(typeof format === 'string' ? format : undefined) ? serialToDate(value) : value;
  if (typeof value === 'boolean') return value;
  const text = String(value);
  return ERROR_TEXT.test(text) ? { error: text } : text;
}

const MONTH_START = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * True when Excel would turn this text into something else if it were typed: a formula (`=`, `+`, `-`,
 * `@`), a number, percentage, currency, date or time, TRUE/FALSE, an error, or text that starts with an
 * apostrophe (which Excel would swallow). Such text is written with a leading apostrophe.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === '') return false;
  if (/^[=+\-@'#]/.test(text)) return true;
  if (/^[\s\d.,$€£¥(]/.test(text)) return true;
  if (/^(true|false)$/i.test(text.trim())) return true;
  // "Mar 2027", "March-27": Excel reads a month name followed by a number as a date.
  if (MONTH_START.test(text) && /^[a-z]+[\s\-/.]*\d/i.test(text)) return true;
  return false;
}

const DAY_MS = 86_400_000;

/** A report cell as one entry of `range.formulas` (links and dates included). */
export function toOffice(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  if (typeof cell === 'boolean') return cell;
  if (cell instanceof Date) return (cell.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS;
  if (isFormula(cell)) return `=${cell.formula}`;
  const text = isLink(cell) ? cell.text : cell;
  return needsTextPrefix(text) ? `'${text}` : text;
}

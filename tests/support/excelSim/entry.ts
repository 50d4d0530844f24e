// What Excel makes of a value written through `range.values` or `range.formulas`: like typing it. Text
// starting with `=`, `+`, `-` or `@` becomes a formula, number-like text a number, TRUE a boolean, a
// date-like text a date — unless it starts with an apostrophe, which keeps it text (and is not stored).
import type { SimCell, SimValue } from './book';

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
const DAY_MS = 86_400_000;

function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY_MS;
}

/** A number Excel would read from text, with the format it would give the cell; null when it is text. */
export function coerceText(text: string): { value: number | boolean; format?: string } | null {
  const t = text.trim();
  if (!t) return null;
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const num = /^\(?[$€£]?\s*[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?\s*%?\)?$/.exec(t);
  if (num && /\d/.test(t)) {
    const negative = t.startsWith('(') && t.endsWith(')');
    const n = Number(t.replace(/[()$€£,%\s]/g, ''));
    if (Number.isFinite(n)) {
      const v = (negative ? -n : n) / (t.endsWith('%') || t.endsWith('%)') ? 100 : 1);
      return { value: v, ...(t.includes('%') ? { format: '0%' } : {}) };
    }
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return { value: serial(+iso[1]!, +iso[2]!, +iso[3]!), format: 'yyyy-mm-dd' };
  const monthYear = new RegExp(`^(${MONTHS})[a-z]*[\\s\\-/]+(\\d{2,4})$`, 'i').exec(t);
  if (monthYear) {
    const y = +monthYear[2]! < 100 ? 2000 + +monthYear[2]! : +monthYear[2]!;
    const m = MONTHS.split('|').indexOf(monthYear[1]!.toLowerCase().slice(0, 3)) + 1;
    return { value: serial(y, m, 1), format: 'mmm-yy' };
  }
  const dayMonth = new RegExp(`^(\\d{1,2})[\\s\\-/]+(${MONTHS})[a-z]*$`, 'i').exec(t);
  if (dayMonth) {
    const m = MONTHS.split('|').indexOf(dayMonth[2]!.toLowerCase().slice(0, 3)) + 1;
    return { value: serial(new Date().getUTCFullYear(), m, +dayMonth[1]!), format: 'd-mmm' };
  }
  return null;
}

/**
 * Stores one written value in a cell the way Excel would. `null` leaves the cell as it is (Office.js
 * semantics); `''` clears it.
 */
export function enter(cell: SimCell, input: unknown, asFormulas: boolean): void {
  if (input === null) return;
  delete cell.formula;
  delete cell.textPrefix;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new TypeError('A cell value must be a finite number.');
    cell.value = input;
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string')
    throw new TypeError(
      `A cell value must be a number, text or boolean, not ${Object.prototype.toString.call(input)}.`,
    );
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.textPrefix = true;
    return;
  }
  if (/^[=+\-@]/.test(input) && input.length > 1 && !(input.startsWith('-') && coerceText(input))) {
    // A formula: the simulator does not calculate, so the value is the formula text itself.
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    cell.value = cell.formula;
    return;
  }
  if (cell.numberFormat === '@' && !asFormulas) {
    cell.value = input;
    return;
  }
  const coerced = coerceText(input);
  if (coerced) {
    cell.value = coerced.value as SimValue;
    if (coerced.format && cell.numberFormat === 'General') cell.numberFormat = coerced.format;
    return;
  }
  cell.value = input;
}

// Excel number formats of the output, as a finance team writes them: money in the workbook's currency
// with negatives in red parentheses, shares as percentages, scores to one decimal.

/** A currency symbol quoted for a number format (`"$"`, `"€"`, `"CHF "`). */
function quoted(symbol: string): string {
  const s = symbol.length > 1 ? `${symbol} ` : symbol;
  return `"${s.replace(/"/g, '')}"`;
}

/** Whole currency units: `$1,234,567` and `($1,234,567)` in red. */
export function moneyFormat(symbol: string): string {
  const q = quoted(symbol);
  return `${q}#,##0;[Red](${q}#,##0);${q}0`;
}

/** Millions with one decimal, for KPI tiles and chart axes: `$14.2M`. */
export function millionsFormat(symbol: string): string {
  const q = quoted(symbol);
  return `${q}#,##0.0,,"M";[Red](${q}#,##0.0,,"M");${q}0.0"M"`;
}

export const PERCENT = '0.0%';
export const PERCENT_WHOLE = '0%';
export const SCORE = '0.0';
export const RATIO = '0.00';
export const PERIODS = '0.0';
export const INTEGER = '#,##0';
export const DATE = 'yyyy-mm-dd';
export const DATE_TIME = 'yyyy-mm-dd hh:mm';
/** Value per currency unit can be tiny (points per dollar): scientific keeps it readable. */
export const SMALL = '0.00E+00';
export const TEXT = '@';

/** Thousands with no decimal: `$240k`. */
export function thousandsFormat(symbol: string): string {
  const q = quoted(symbol);
  return `${q}#,##0,"k";[Red](${q}#,##0,"k");${q}0"k"`;
}

/** The short money format that suits figures of this size: millions from $1M, else thousands. */
export function shortMoneyFormat(symbol: string, magnitude: number): string {
  return Math.abs(magnitude) >= 1e6 ? millionsFormat(symbol) : thousandsFormat(symbol);
}

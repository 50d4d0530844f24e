// Figures of a selection in words ("$14.2M in 2027", "12.5 FTE of Engineering"), shared by the
// infeasibility reasons and the checks of a given portfolio, so both read the same way.
import { formatMoney, formatNumber } from '../format';

/** What a sentence needs to know about one budget or capacity. */
export interface LimitWording {
  kind: 'budget' | 'capacity';
  label: string;
  limit: number;
}

/** A plain number without trailing zeros: 12.5, 10, 0.25. */
export function trimNumber(x: number): string {
  const decimals = Number.isInteger(x) ? 0 : Math.abs(x) < 10 ? 2 : 1;
  return formatNumber(x, decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** An amount of a budget (money) or a capacity (units). */
export function amountWords(row: LimitWording, amount: number, currency: string, unit: string): string {
  return row.kind === 'budget' ? formatMoney(amount, currency) : `${trimNumber(amount)} ${unit}`;
}

/** "… need $14.2M in 2027; the 2027 budget is $12M." / "… need 12.5 FTE of Engineering; capacity is 10 FTE (short by 2.5 FTE)." */
export function limitReason(
  row: LimitWording,
  who: string,
  used: number,
  currency: string,
  unit: string,
): string {
  const words = (a: number) => amountWords(row, a, currency, unit);
  if (row.kind === 'budget') {
    const where = row.label ? ` in ${row.label}` : '';
    const budget = row.label ? `the ${row.label} budget` : 'the budget';
    return `${who} need ${words(used)}${where}; ${budget} is ${words(row.limit)}.`;
  }
  return `${who} need ${words(used)} of ${row.label}; capacity is ${words(row.limit)} (short by ${words(used - row.limit)}).`;
}

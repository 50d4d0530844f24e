// Number wording shared by every sentence the engine writes (data issues, infeasibility reasons,
// rationales), so figures read the same everywhere: "$14.2M", "$240k", "−$1.3M", "12.5%".

const MINUS = '\u2212';

/** Money in the short form an executive reads: `$14.2M`, `$240k`, `$950`, `−$1.3M`. */
export function formatMoney(amount: number, symbol = '$'): string {
  if (!Number.isFinite(amount)) return `${symbol}?`;
  const sign = amount < 0 ? MINUS : '';
  const a = Math.abs(amount);
  let body: string;
  if (a >= 1e9) body = `${trim(a / 1e9, a >= 1e11 ? 0 : 1)}B`;
  else if (a >= 1e6) body = `${trim(a / 1e6, a >= 1e8 ? 0 : 1)}M`;
  else if (a >= 1e4) body = `${trim(a / 1e3, 0)}k`;
  else if (a >= 1e3) body = `${trim(a / 1e3, 1)}k`;
  else body = trim(a, a >= 100 || Number.isInteger(a) ? 0 : 2);
  return `${sign}${symbol}${body}`;
}

/** A share as a percentage: `0.125` → `12.5%`. */
export function formatPercent(share: number, decimals = 1): string {
  if (!Number.isFinite(share)) return '?%';
  const s = trim(Math.abs(share) * 100, decimals);
  return `${share < 0 ? MINUS : ''}${s}%`;
}

/** A plain number with thousands separators: `1234.5` → `1,234.5`. */
export function formatNumber(x: number, decimals = 0): string {
  if (!Number.isFinite(x)) return '?';
  const fixed = Math.abs(x).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 && Number(fixed) !== 0 ? MINUS : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

function trim(x: number, decimals: number): string {
  return formatNumber(x, decimals).replace(/\.0+$/, '');
}

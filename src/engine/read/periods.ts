// The analysis period axis: one column per period, shared by every project so that NPVs compare and
// budgets line up. Built from the table's period columns and extended where a spread benefit needs it.
import { comparePeriods, periodLabel, type PeriodKey } from './columnMatch';

export interface PeriodAxis {
  keys: PeriodKey[];
  labels: string[];
}

/** Sorted, unique periods of the given columns; Y1, Y2… when there are none. */
export function buildAxis(periods: readonly PeriodKey[], minLength: number): PeriodAxis {
  const unique: PeriodKey[] = [];
  for (const p of [...periods].sort(comparePeriods)) {
    const last = unique[unique.length - 1];
    if (!last || comparePeriods(last, p) !== 0) unique.push(p);
  }
  const keys = unique.length ? unique : [{ kind: 'relative', index: 1 } as PeriodKey];
  return extendAxis({ keys, labels: keys.map(periodLabel) }, minLength);
}

/** Adds periods after the last one (next year, next quarter, next relative year) until the axis is `length` long. */
export function extendAxis(axis: PeriodAxis, length: number): PeriodAxis {
  const keys = [...axis.keys];
  while (keys.length < length) {
    const last = keys[keys.length - 1]!;
    let next: PeriodKey;
    if (last.kind === 'relative') next = { kind: 'relative', index: last.index + 1 };
    else if (last.quarter)
      next =
        last.quarter === 4
          ? { kind: 'year', year: last.year + 1, quarter: 1 }
          : { kind: 'year', year: last.year, quarter: last.quarter + 1 };
    else next = { kind: 'year', year: last.year + 1 };
    keys.push(next);
  }
  return { keys, labels: keys.map(periodLabel) };
}

export function indexOfPeriod(axis: PeriodAxis, p: PeriodKey): number {
  return axis.keys.findIndex((k) => comparePeriods(k, p) === 0);
}

/** Index of the period holding a date (yearly or quarterly axes), clamped to the axis; null on a relative axis. */
export function periodOfDate(axis: PeriodAxis, d: Date): number | null {
  const first = axis.keys[0];
  if (!first || first.kind !== 'year') return null;
  const y = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3) + 1;
  let best = 0;
  for (let i = 0; i < axis.keys.length; i++) {
    const k = axis.keys[i]!;
    if (k.kind !== 'year') continue;
    if (k.year < y || (k.year === y && (k.quarter ?? 0) <= (first.quarter ? q : 0))) best = i;
  }
  if (y < first.year) return 0;
  return best;
}

// Periods: the keys a header names ("2027", "FY28", "Q3 2027", "Y1"), their order and labels, and the
// analysis period axis, one column per period shared by every project so that NPVs compare and budgets
// line up. The axis is built from the table's period columns and extended where a spread benefit needs it.

/** A period a column belongs to: a calendar/fiscal year, a quarter, or a relative year ("Y1"). */
export type PeriodKey =
  { kind: 'year'; year: number; quarter?: number } | { kind: 'relative'; index: number };

/** Finds a period in a header: "2027", "FY27", "FY2027", "Y1", "Year 1", "Q3 2027", "2027 Q3". */
export function extractPeriod(header: string): { period: PeriodKey; rest: string } | null {
  const l = ` ${header.toLowerCase().replace(/[_/]/g, ' ')} `;
  const patterns: [RegExp, (m: RegExpExecArray) => PeriodKey][] = [
    [
      /\bq([1-4])\s*(?:fy|cy)?\s*'?(\d{4}|\d{2})\b/,
      (m) => ({ kind: 'year', year: fullYear(m[2]!), quarter: +m[1]! }),
    ],
    [
      /\b(?:fy|cy)?\s*'?(\d{4}|\d{2})\s*q([1-4])\b/,
      (m) => ({ kind: 'year', year: fullYear(m[1]!), quarter: +m[2]! }),
    ],
    [/\b(?:fy|cy)\s*'?(\d{4}|\d{2})\b/, (m) => ({ kind: 'year', year: fullYear(m[1]!) })],
    [/\b((?:19|20)\d{2})\b/, (m) => ({ kind: 'year', year: +m[1]! })],
    [/\b(?:y|yr|year)\s*-?\s*(\d{1,2})\b/, (m) => ({ kind: 'relative', index: +m[1]! })],
  ];
  for (const [re, make] of patterns) {
    const m = re.exec(l);
    if (m)
      return { period: make(m), rest: (l.slice(0, m.index) + ' ' + l.slice(m.index + m[0].length)).trim() };
  }
  return null;
}

function fullYear(s: string): number {
  return s.length === 4 ? +s : 2000 + +s;
}

export function periodLabel(p: PeriodKey): string {
  if (p.kind === 'relative') return `Y${p.index}`;
  return p.quarter ? `${p.year} Q${p.quarter}` : String(p.year);
}

export function comparePeriods(a: PeriodKey, b: PeriodKey): number {
  if (a.kind !== b.kind) return a.kind === 'year' ? -1 : 1;
  if (a.kind === 'relative' && b.kind === 'relative') return a.index - b.index;
  if (a.kind === 'year' && b.kind === 'year') return a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0);
  return 0;
}

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

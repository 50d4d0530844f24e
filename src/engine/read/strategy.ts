// The strategy side of a workbook (SPEC §3.3): objectives with weights, or a pairwise comparison table.
import type { DataIssue, RawTable } from '../model';
import { cellText, isBlank, parseNumber } from './cells';
import { normalizeHeader } from './columnMatch';
import { at, findColumn, type TableRead } from './tableRead';

export const OBJECTIVE_HEADERS = [
  'objective',
  'strategicobjective',
  'objectives',
  'goal',
  'strategicgoal',
  'pillar',
  'strategicpillar',
  'criterion',
  'criteria',
  'theme',
  'strategictheme',
];
export const WEIGHT_HEADERS = ['weight', 'weighting', 'importance', 'priority', 'weightpct', 'rank'];

/**
 * Objectives with Weight (or Importance, or Priority) columns. Weights are normalized to sum 1; a
 * Priority column that holds the ranks 1..n is read as a ranking (rank-sum weights), and words
 * (High/Medium/Low) through the rating words.
 */
export function readObjectivesTable(
  t: RawTable,
  ratingWords: Record<string, number>,
): TableRead<{ name: string; weight: number }[]> {
  const issues: DataIssue[] = [];
  const oc = findColumn(t.headers, OBJECTIVE_HEADERS);
  const wc = findColumn(t.headers, WEIGHT_HEADERS);
  const rows = t.rows
    .map((r, i) => ({ i, name: cellText(r[oc] ?? null).trim(), raw: r[wc] ?? null }))
    .filter((r) => r.name);
  const header = normalizeHeader(t.headers[wc] ?? '');
  const nums = rows.map((r) => parseNumber(r.raw).value);
  const isRanking =
    (header === 'priority' || header === 'rank') &&
    nums.every((n) => n !== null && Number.isInteger(n)) &&
    [...nums].sort((a, b) => a! - b!).every((n, k) => n === k + 1);
  if (isRanking) {
    const n = rows.length;
    issues.push({
      sheet: t.sheet,
      row: t.headerRow,
      column: t.headers[wc] ?? '',
      problem: `${t.headers[wc]} holds the ranks 1–${n}, not weights.`,
      assumption: 'Weights from the ranking: rank 1 weighs n, rank n weighs 1, normalized to sum 1.',
      severity: 'info',
    });
    const total = (n * (n + 1)) / 2;
    return { value: rows.map((r, k) => ({ name: r.name, weight: (n + 1 - nums[k]!) / total })), issues };
  }
  const weights = rows.map((r, k) => {
    const n = nums[k];
    if (n !== null && n !== undefined && n >= 0) return n;
    if (typeof r.raw === 'string' && ratingWords[r.raw.trim().toLowerCase()] !== undefined)
      return ratingWords[r.raw.trim().toLowerCase()]!;
    issues.push({
      ...at(t, r.i, wc, r.raw),
      problem: `The weight of "${r.name}" is not a non-negative number.`,
      assumption: 'Weight 0.',
      severity: 'warning',
    });
    return 0;
  });
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) {
    issues.push({
      sheet: t.sheet,
      row: t.headerRow,
      problem: 'No objective has a positive weight.',
      assumption: 'Equal weights.',
      severity: 'warning',
    });
    return { value: rows.map((r) => ({ name: r.name, weight: 1 / rows.length })), issues };
  }
  return { value: rows.map((r, k) => ({ name: r.name, weight: weights[k]! / sum })), issues };
}

/** A square table whose header row and first column name the same objectives. */
export function isPairwiseTable(t: RawTable): boolean {
  const names = t.headers.slice(1).map(normalizeHeader);
  if (names.length < 2 || names.some((n) => !n) || t.rows.length < names.length) return false;
  const labels = t.rows.slice(0, names.length).map((r) => normalizeHeader(cellText(r[0] ?? null)));
  return names.every((n) => labels.includes(n)) && new Set(names).size === names.length;
}

/** The pairwise judgments as a matrix in header order; blanks below the diagonal come from their reciprocals. */
export function readPairwiseTable(t: RawTable): TableRead<{ names: string[]; matrix: number[][] }> {
  const issues: DataIssue[] = [];
  const names = t.headers.slice(1).map((h) => h.trim());
  const n = names.length;
  const rowOf = new Map(t.rows.map((r, i) => [normalizeHeader(cellText(r[0] ?? null)), i]));
  const raw: (number | null)[][] = names.map((name) => {
    const ri = rowOf.get(normalizeHeader(name))!;
    const r = t.rows[ri] ?? [];
    return names.map((_, j) => {
      const v = r[j + 1] ?? null;
      if (isBlank(v)) return null;
      const s = typeof v === 'string' ? v.trim() : null;
      const frac = s ? /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(s) : null;
      const x = frac ? +frac[1]! / +frac[2]! : parseNumber(v).value;
      if (x === null || !(x > 0)) {
        issues.push({
          ...at(t, ri, j + 1, v),
          problem: 'A pairwise judgment must be a positive number such as 3 or 1/3.',
          assumption: 'Read as blank.',
          severity: 'warning',
        });
        return null;
      }
      return x;
    });
  });
  const matrix: number[][] = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const up = raw[i]![j];
      const down = raw[j]![i];
      let a = up ?? (down ? 1 / down : null);
      if (a === null) {
        issues.push({
          sheet: t.sheet,
          row: t.headerRow,
          problem: `No judgment between "${names[i]}" and "${names[j]}".`,
          assumption: 'Treated as equally important (1).',
          severity: 'warning',
        });
        a = 1;
      } else if (
        up !== null &&
        up !== undefined &&
        down !== null &&
        down !== undefined &&
        Math.abs(up * down - 1) > 0.01
      ) {
        issues.push({
          sheet: t.sheet,
          row: t.headerRow + 1 + rowOf.get(normalizeHeader(names[j]!))!,
          problem: `The judgments between "${names[i]}" and "${names[j]}" are not reciprocal (${up} and ${down}).`,
          assumption: `Used ${up} and its reciprocal.`,
          severity: 'warning',
        });
      }
      if (a < 1 / 9 - 1e-9 || a > 9 + 1e-9) {
        issues.push({
          sheet: t.sheet,
          row: t.headerRow,
          problem: `The judgment between "${names[i]}" and "${names[j]}" (${a}) is outside Saaty's 1/9–9 scale.`,
          assumption: 'Used as given.',
          severity: 'info',
        });
      }
      matrix[i]![j] = a;
      matrix[j]![i] = 1 / a;
    }
  }
  return { value: { names, matrix }, issues };
}

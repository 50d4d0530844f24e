// Bench helpers: medians over repeated runs and one plain-text table per section, so every row of
// `npm run bench` reads the same way and ratios to peers measured in the same process sit beside it.

export interface BenchRow {
  [column: string]: string | number;
}

/** Runs `fn` `runs` times (after one warm-up unless `warmup` is 0) and returns the median seconds and the last result. */
export async function medianSeconds<T>(
  fn: () => T | Promise<T>,
  runs = 5,
  warmup = 1,
): Promise<{ seconds: number; result: T; all: number[] }> {
  let result: T | undefined;
  for (let i = 0; i < warmup; i++) result = await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    all.push((performance.now() - t0) / 1000);
  }
  const sorted = [...all].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const seconds = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { seconds, result: result as T, all };
}

/** Formats seconds for a table: `0.0123` → `12.3 ms`, `2.5` → `2.50 s`. */
export function fmtSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  return s < 1 ? `${(s * 1000).toFixed(s < 0.01 ? 2 : 1)} ms` : `${s.toFixed(2)} s`;
}

/** Prints a Markdown table (so it can be pasted into docs/performance.md as is). */
export function printTable(title: string, rows: BenchRow[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined) => (v === undefined ? '' : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [
    `### ${title}`,
    '',
    line(cols),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
    '',
  ].join('\n');
  console.log(out);
  return out;
}

// The largest and smallest of a list without spreading it into arguments: `Math.max(...list)` passes
// every item on the stack and throws RangeError past about 100,000 items (a 200,000-project tracker).
// Lint forbids that spread in src/ (eslint.config.mjs). Like Math.max and Math.min, NaN wins.

/** The largest value, or `empty` when there is none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  let first = true;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (first || v > m) m = v;
    first = false;
  }
  return m;
}

/** The smallest value, or `empty` when there is none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let m = empty;
  let first = true;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (first || v < m) m = v;
    first = false;
  }
  return m;
}

// What the LP relaxation's duals say about the 0-1 program, used to find a near-optimal start quickly
// and to shrink the program HiGHS has to search, without losing the optimum:
// - the Lagrangian bound L(y) = y·b + Σ max(0, d_j), with d = c − Aᵀy the reduced values, is an upper
//   bound on every portfolio for any multipliers y of the right signs (computed here, in JavaScript,
//   so it does not depend on the LP solver's tolerances);
// - a portfolio x satisfies c·x = L(y) − Σ y_r·slack_r(x) − Σ_{x_j ≠ [d_j > 0]} |d_j|, so a portfolio
//   worth at least z never differs from the LP's side on a project with |d_j| > L(y) − z: those
//   columns can be fixed ("reduced-cost fixing") and the optimum stays in the smaller program;
// - the same formula says which projects a better portfolio may still change (|d_j| ≤ the gap): a
//   local search over just those finds the start.
import type { LinearModel } from './model';

export interface Lagrangian {
  /** Reduced value of each column (maximization): > 0 means the relaxation wants it in. */
  d: Float64Array;
  /** The Lagrangian upper bound, model offset included. */
  bound: number;
  /** The multipliers used (the LP's row duals, sign-corrected). */
  y: Float64Array;
}

/** Reduced values and bound from the LP's row duals (maximization sign: y ≥ 0 on a binding upper side). */
export function lagrangian(model: LinearModel, rowDuals: Float64Array): Lagrangian {
  const nr = model.rowNames.length;
  const y = new Float64Array(nr);
  let bound = model.offset;
  for (let r = 0; r < nr; r++) {
    const v = rowDuals[r]!;
    // Only the signs that give a valid bound, and only on a finite side.
    if (v > 0 && Number.isFinite(model.rowUpper[r]!)) y[r] = v;
    else if (v < 0 && Number.isFinite(model.rowLower[r]!)) y[r] = v;
    if (y[r]! > 0) bound += y[r]! * model.rowUpper[r]!;
    else if (y[r]! < 0) bound += y[r]! * model.rowLower[r]!;
  }
  const d = Float64Array.from(model.objective);
  for (let r = 0; r < nr; r++) {
    const yr = y[r]!;
    if (yr === 0) continue;
    for (let k = model.starts[r]!; k < model.starts[r + 1]!; k++)
      d[model.indices[k]!]! -= yr * model.values[k]!;
  }
  for (let c = 0; c < d.length; c++) if (d[c]! > 0) bound += d[c]!;
  return { d, bound, y };
}

/** Margin on the fixing test, for the rounding in the bound's sums. */
export function fixingMargin(bound: number): number {
  return 1e-9 * Math.max(1, Math.abs(bound));
}

/**
 * Column bounds that keep every portfolio worth at least `floor`: columns with |d_j| above
 * bound − floor (plus a rounding margin) are fixed on the relaxation's side, unless `keep` (the
 * incumbent) disagrees. Returns the bounds and the number of columns left free.
 */
export function fixByReducedValue(
  lag: Lagrangian,
  floor: number,
  keep?: Uint8Array,
): { lower: Float64Array; upper: Float64Array; free: number } {
  const nc = lag.d.length;
  const lower = new Float64Array(nc);
  const upper = new Float64Array(nc).fill(1);
  const limit = lag.bound - floor + fixingMargin(lag.bound);
  let free = 0;
  for (let c = 0; c < nc; c++) {
    const dc = lag.d[c]!;
    const side = dc > 0 ? 1 : 0;
    if (Math.abs(dc) > limit && (!keep || keep[c] === side)) lower[c] = upper[c] = side;
    else free++;
  }
  return { lower, upper, free };
}

/**
 * How far each column is from changing sides: |d_j|, plus, on a two-column row with a multiplier (a
 * dependency the relaxation leans on), the partner's |d| — such a column only moves with its partner,
 * and the LP's degenerate duals often put both at d = 0.
 */
export function flipCosts(model: LinearModel, lag: Lagrangian): Float64Array {
  const kappa = Float64Array.from(lag.d, Math.abs);
  for (let r = 0; r < model.rowNames.length; r++) {
    const s = model.starts[r]!;
    if (model.starts[r + 1]! - s !== 2 || lag.y[r] === 0) continue;
    const a = model.indices[s]!;
    const b = model.indices[s + 1]!;
    kappa[a]! += Math.abs(lag.d[b]!);
    kappa[b]! += Math.abs(lag.d[a]!);
  }
  return kappa;
}

/** Column-wise copy of the model's rows. */
interface Columns {
  start: Int32Array;
  row: Int32Array;
  val: Float64Array;
}

function columnsOf(model: LinearModel): Columns {
  const nc = model.cols.length;
  const count = new Int32Array(nc + 1);
  for (let k = 0; k < model.indices.length; k++) count[model.indices[k]! + 1]!++;
  for (let c = 0; c < nc; c++) count[c + 1]! += count[c]!;
  const start = Int32Array.from(count);
  const fill = Int32Array.from(count);
  const row = new Int32Array(model.indices.length);
  const val = new Float64Array(model.indices.length);
  for (let r = 0; r < model.rowNames.length; r++) {
    for (let k = model.starts[r]!; k < model.starts[r + 1]!; k++) {
      const c = model.indices[k]!;
      const p = fill[c]!++;
      row[p] = r;
      val[p] = model.values[k]!;
    }
  }
  return { start, row, val };
}

/** Columns a local-search pass looks at (those with the smallest |d|), by size of move: 1–2 flips, 3, 4. */
const SEARCH_COLUMNS = [700, 150, 100] as const;
/** Passes of the search; each applies one improving move (a cap, so the search always ends the same way). */
const SEARCH_MOVES = 400;

/**
 * A portfolio close to the relaxation's optimum: the LP solution rounded down, filled up in order of
 * reduced value, then improved by moves among the columns nearest to changing sides (`flipCosts`) — add one; swap one
 * for one; one in for two out; two in for one out; two for two — always taking the best improving
 * move of the smallest kind that has one. Deterministic (ties by column order). Stops once the portfolio
 * is worth `enough` (the caller accepts a gap). Returns undefined when the rounded relaxation is not a
 * portfolio (balance rows can make it so).
 */
export function lagrangianStart(
  model: LinearModel,
  lpX: Float64Array,
  lag: Lagrangian,
  enough = Infinity,
): Uint8Array | undefined {
  const nc = model.cols.length;
  const nr = model.rowNames.length;
  const cols = columnsOf(model);
  const v = model.objective;
  const d = lag.d;
  const x = new Uint8Array(nc);
  for (let c = 0; c < nc; c++) if (lpX[c]! > 1 - 1e-6) x[c] = 1;
  const act = new Float64Array(nr);
  for (let r = 0; r < nr; r++) {
    let s = 0;
    for (let k = model.starts[r]!; k < model.starts[r + 1]!; k++)
      if (x[model.indices[k]!]) s += model.values[k]!;
    act[r] = s;
  }
  const hi = Float64Array.from(model.rowUpper, (u) => u + 1e-9 * Math.max(1, Math.abs(u)));
  const lo = Float64Array.from(model.rowLower, (l) => l - 1e-9 * Math.max(1, Math.abs(l)));
  for (let r = 0; r < nr; r++) if (act[r]! > hi[r]! || act[r]! < lo[r]!) return undefined;

  const delta = new Float64Array(nr);
  const touched: number[] = [];
  /** Whether flipping every column in `flips` keeps every row within its bounds. */
  const feasible = (flips: readonly number[]): boolean => {
    for (const c of flips) {
      const sign = x[c] ? -1 : 1;
      for (let k = cols.start[c]!; k < cols.start[c + 1]!; k++) {
        const r = cols.row[k]!;
        if (delta[r] === 0) touched.push(r);
        delta[r]! += sign * cols.val[k]!;
        // A sum that cancels to exactly 0 would be pushed twice: harmless (checked twice, reset twice).
      }
    }
    let ok = true;
    for (const r of touched) {
      const a = act[r]! + delta[r]!;
      if (a > hi[r]! || a < lo[r]!) ok = false;
      delta[r] = 0;
    }
    touched.length = 0;
    return ok;
  };
  const apply = (flips: readonly number[]) => {
    for (const c of flips) {
      const sign = x[c] ? -1 : 1;
      for (let k = cols.start[c]!; k < cols.start[c + 1]!; k++) act[cols.row[k]!]! += sign * cols.val[k]!;
      x[c] = x[c] ? 0 : 1;
    }
  };

  // Fill: columns the relaxation left out, closest to worth it first.
  const byD = Array.from({ length: nc }, (_, c) => c).sort((a, b) => d[b]! - d[a]! || a - b);
  for (const c of byD) if (!x[c] && v[c]! > 0 && feasible([c])) apply([c]);

  const kappa = flipCosts(model, lag);
  const byAbs = Array.from({ length: nc }, (_, c) => c).sort((a, b) => kappa[a]! - kappa[b]! || a - b);
  const nearest = (k: number) => byAbs.slice(0, Math.min(nc, k)).sort((a, b) => a - b);
  const near = SEARCH_COLUMNS.map(nearest);
  let value = model.offset;
  for (let c = 0; c < nc; c++) if (x[c]) value += v[c]!;
  for (let move = 0; move < SEARCH_MOVES && value < enough; move++) {
    const split = near.map((set) => ({
      ins: set.filter((c) => x[c]).sort((a, b) => v[a]! - v[b]! || a - b),
      outs: set.filter((c) => !x[c]),
    }));
    const best = bestMove(split, v, feasible);
    if (!best) break;
    for (const c of best) value += x[c] ? -v[c]! : v[c]!;
    apply(best);
  }
  return x;
}

interface Split {
  /** Selected columns, by value ascending. */
  ins: number[];
  outs: number[];
}

/**
 * The best improving move of the smallest kind that has one, or undefined: add one; swap one for one
 * (both over the widest set); one in for two out, two in for one out (middle set); two for two
 * (narrowest set).
 */
function bestMove(
  split: readonly Split[],
  v: Float64Array,
  feasible: (flips: readonly number[]) => boolean,
): number[] | undefined {
  const EPS = 1e-9;
  let best: number[] | undefined;
  let gain = EPS;
  const consider = (g: number, flips: number[]) => {
    if (g > gain && feasible(flips)) {
      gain = g;
      best = flips;
    }
  };
  let { ins, outs } = split[0]!;
  for (const j of outs) consider(v[j]!, [j]);
  if (best) return best;
  for (const j of outs) {
    for (const i of ins) {
      if (v[i]! >= v[j]!) break;
      consider(v[j]! - v[i]!, [j, i]);
    }
  }
  if (best) return best;
  ({ ins, outs } = split[1]!);
  // One in, two out.
  for (const j of outs) {
    for (let a = 0; a < ins.length; a++) {
      const va = v[ins[a]!]!;
      if (2 * va >= v[j]!) break;
      for (let b = a + 1; b < ins.length; b++) {
        const vb = v[ins[b]!]!;
        if (va + vb >= v[j]!) break;
        consider(v[j]! - va - vb, [j, ins[a]!, ins[b]!]);
      }
    }
  }
  // Two in, one out.
  for (let p = 0; p < outs.length; p++) {
    for (let q = p + 1; q < outs.length; q++) {
      const vj = v[outs[p]!]! + v[outs[q]!]!;
      for (const i of ins) {
        if (v[i]! >= vj) break;
        consider(vj - v[i]!, [outs[p]!, outs[q]!, i]);
      }
    }
  }
  if (best) return best;
  ({ ins, outs } = split[2]!);
  // Two for two.
  for (let p = 0; p < outs.length; p++) {
    for (let q = p + 1; q < outs.length; q++) {
      const vj = v[outs[p]!]! + v[outs[q]!]!;
      for (let a = 0; a < ins.length; a++) {
        const va = v[ins[a]!]!;
        if (2 * va >= vj) break;
        for (let b = a + 1; b < ins.length; b++) {
          const vb = v[ins[b]!]!;
          if (va + vb >= vj) break;
          consider(vj - va - vb, [outs[p]!, outs[q]!, ins[a]!, ins[b]!]);
        }
      }
    }
  }
  return best;
}

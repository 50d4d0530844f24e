// Starts for the exact solve: the better of the caller's portfolio and the greedy one, and an LP-guided
// start (the relaxation rounded and improved by local search, and a small "core" program). A start only
// speeds HiGHS up; the proof at gap 0 is HiGHS's.
import { greedyVector } from './greedy';
import { runHighs, type RunOutcome } from './highsRun';
import { checkSelection } from './check';
import { objectiveOf, vectorOf, type IndexedProblem } from './indexed';
import { flipCosts, lagrangian, lagrangianStart, type Lagrangian } from './lagrange';
import type { LinearModel } from './model';
import type { HighsLoader } from './solver';

/** Models with at least this many free projects get an LP-guided start (a small "core" sub-problem). */
export const CORE_MIN_COLUMNS = 80;
/** Free projects in the core: those nearest to changing sides (see coreStart). */
const CORE_SIZE = 40;
/**
 * The core search is a start heuristic: it stops after this many branch-and-bound nodes whatever it has.
 * A node limit, not a time limit, so the start (and a run that accepts it within a gap) is reproducible.
 */
const CORE_NODES = 300;
/** Nodes for a core ranked by flip cost (large models, many degenerate columns: a harder core). */
const CORE_NODES_BY_FLIP = 2000;
/**
 * Models with at least this many free projects also get the local-search start, the flip-cost core and
 * reduced-cost fixing (lagrange.ts). They cut the 10,000-project selection from 16 s to 3.6 s; below
 * this size they changed HiGHS's search for the worse on the bench problems (500 projects 0.8 → 1.4 s,
 * 2,000 projects 13 → 50 s, measured with each part on and off), so smaller models keep the plain core.
 */
export const GUIDED_MIN_COLUMNS = 5000;

/** The better feasible start of the caller's and the greedy one, consistent with the reduction. */
export function bestStart(
  ip: IndexedProblem,
  fixed: Int8Array,
  given?: readonly string[],
): Uint8Array | undefined {
  const ok = (x: Uint8Array) =>
    checkSelection(ip, x).length === 0 && x.every((v, i) => fixed[i] === -1 || fixed[i] === v);
  let best: Uint8Array | undefined;
  for (const x of [given ? vectorOf(ip, given) : undefined, greedyVector(ip, fixed)]) {
    if (x && ok(x) && (!best || objectiveOf(ip, x) > objectiveOf(ip, best))) best = x;
  }
  return best;
}

/**
 * An LP-guided start: solve the LP relaxation; round it and improve it by a local search over the
 * columns closest to changing sides (lagrange.ts); and solve a small "core" program — the projects
 * nearest to changing sides free, the rest fixed at their LP values. The better of the two is
 * feasible for the full model and usually optimal or very close to it.
 */
export async function coreStart(
  loader: HighsLoader,
  model: LinearModel,
  acceptedGap: number,
  guidedFrom: number,
  timeLeft: number | undefined,
  shouldStop: () => boolean,
): Promise<{ cols?: Uint8Array; objective: number; lpBound?: number; lag?: Lagrangian }> {
  const lp = await runHighs(loader, {
    model,
    relax: true,
    mipRelGap: 0,
    ...(timeLeft !== undefined ? { timeLimit: timeLeft } : {}),
  });
  if (lp.status !== 'optimal' || !lp.x || !lp.rowDuals) return { objective: -Infinity };
  const nc = model.cols.length;
  const lag = lagrangian(model, lp.rowDuals);
  const valueOf = (cols: Uint8Array) => {
    let z = model.offset;
    for (let c = 0; c < nc; c++) if (cols[c]) z += model.objective[c]!;
    return z;
  };
  // With an accepted gap g, a start worth bound·(1 − g/(1 + g)) is within it: the search may stop there.
  const bound = lp.objective;
  const enough = acceptedGap > 0 ? bound - (acceptedGap * Math.abs(bound)) / (1 + acceptedGap) : Infinity;
  const guided = nc >= guidedFrom;
  let best: Uint8Array | undefined = guided ? lagrangianStart(model, lp.x, lag, enough) : undefined;
  let bestValue = best ? valueOf(best) : -Infinity;
  if (best && relativeGap(bestValue, lp.objective) <= acceptedGap) {
    // Already as good as the caller asks for (an accepted gap): no core program needed.
    return { cols: best, objective: bestValue, lpBound: lp.objective, lag };
  }

  // Projects nearest to changing sides: by |d|, unless the LP has more degenerate columns (d = 0, often
  // both ends of a dependency) than the core holds — then |d| cannot tell them apart, and the flip cost
  // (|d| plus a dependency partner's) ranks them; that core is searched longer.
  let degenerate = 0;
  for (let c = 0; c < nc; c++) if (Math.abs(lag.d[c]!) <= 1e-9) degenerate++;
  const byFlip = guided && degenerate >= CORE_SIZE;
  const rank = byFlip ? flipCosts(model, lag) : Float64Array.from(lag.d, Math.abs);
  const order = Array.from({ length: nc }, (_, c) => c).sort((a, b) => rank[a]! - rank[b]! || a - b);
  const lower = new Float64Array(nc);
  const upper = new Float64Array(nc).fill(1);
  const core = new Uint8Array(nc);
  for (let k = 0; k < Math.min(CORE_SIZE, nc); k++) core[order[k]!] = 1;
  for (let c = 0; c < nc; c++) {
    const v = lp.x[c]!;
    if (core[c] || (v > 1e-6 && v < 1 - 1e-6)) continue;
    lower[c] = upper[c] = v > 0.5 ? 1 : 0;
  }
  const sub: RunOutcome = await runHighs(loader, {
    model,
    colLower: lower,
    colUpper: upper,
    mipRelGap: 0,
    ...(timeLeft !== undefined ? { timeLimit: timeLeft } : {}),
    options: {
      mip_heuristic_effort: 0.05,
      mip_heuristic_run_rins: true,
      mip_heuristic_run_rens: true,
      mip_max_nodes: byFlip ? CORE_NODES_BY_FLIP : CORE_NODES,
    },
    shouldStop,
  });
  if (sub.x) {
    const cols = Uint8Array.from(sub.x, (v) => (v > 0.5 ? 1 : 0));
    const value = valueOf(cols);
    if (value > bestValue) [best, bestValue] = [cols, value];
  }
  return { ...(best ? { cols: best } : {}), objective: bestValue, lpBound: lp.objective, lag };
}

export function relativeGap(objective: number, bound: number): number {
  if (!Number.isFinite(bound)) return Infinity;
  return Math.max(0, bound - objective) / Math.max(Math.abs(objective), 1e-9);
}

// Portfolio selection (SPEC §4.6, §5.1): the exact 0-1 program solved by HiGHS through the solver port.
// Pipeline: validate → explain infeasibility the data shows → reduce the model → start from a good
// portfolio → HiGHS at gap 0 → check the answer against every original constraint. Every step is
// deterministic (ties by project order) and HiGHS-wasm is single-threaded with a fixed seed, so the same
// problem gives the same selection every time.
import { greedyOnIndexed, greedyVector, type GreedyResult } from './greedy';
import { loaderOf, runHighs, type RunOutcome } from './highs';
import { fixByReducedValue, flipCosts, lagrangian, lagrangianStart, type Lagrangian } from './lagrange';
import { diagnoseForced, relaxationReason } from './infeasibility';
import {
  checkSelection,
  idsOf,
  indexProblem,
  objectiveOf,
  vectorOf,
  type IndexedProblem,
} from './indexed';
import { buildModel, reduce, type LinearModel, type RowFamily } from './model';
import type { Selection, SelectionProblem, SelectOptions } from './problem';
import type { HighsLoader } from './solver';

export type {
  BalanceLimit,
  ReductionStats,
  Selection,
  SelectionProblem,
  SelectionProgress,
  SelectionProject,
  SelectionStatus,
  SelectionTimings,
  SelectOptions,
} from './problem';
export type { GreedyResult } from './greedy';
export { registerHighsLoader, type HighsLike, type HighsLoader } from './solver';

/** Models with at least this many free projects get an LP-guided start (a small "core" sub-problem). */
const CORE_MIN_COLUMNS = 80;
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
const GUIDED_MIN_COLUMNS = 5000;

/** HiGHS's own heuristics (its defaults), for when the engine has no good start to offer. */
const HIGHS_HEURISTICS = {
  mip_heuristic_effort: 0.05,
  mip_heuristic_run_rins: true,
  mip_heuristic_run_rens: true,
  mip_heuristic_run_root_reduced_cost: true,
};

/** The rejection of a cancelled call: a DOMException named AbortError (an Error where DOMException is missing). */
export function abortError(): Error {
  const message = 'The portfolio selection was cancelled.';
  if (typeof DOMException === 'function') return new DOMException(message, 'AbortError');
  const err = new Error(message);
  err.name = 'AbortError';
  return err;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Lets pending events (an abort from the UI) run between solves; setTimeout exists in Workers and Node. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Greedy baseline (value per unit of spend, with dependencies pulled in), beside the optimum. */
export function greedySelection(problem: SelectionProblem): GreedyResult {
  const { selected, objective, feasible } = greedyOnIndexed(indexProblem(problem));
  return { selected, objective, feasible };
}

/** Finds the portfolio of greatest total value that meets every limit, proven optimal by HiGHS. */
export async function selectPortfolio(
  problem: SelectionProblem,
  options: SelectOptions = {},
): Promise<Selection> {
  throwIfAborted(options.signal);
  return selectIndexed(indexProblem(problem), options);
}

interface Clock {
  t0: number;
  presolve: number;
  build: number;
  solve: number;
}

/** `selectPortfolio` on an already indexed problem (the frontier re-solves one with scaled budgets). */
export async function selectIndexed(ip: IndexedProblem, options: SelectOptions = {}): Promise<Selection> {
  const { signal, onProgress } = options;
  const clock: Clock = { t0: performance.now(), presolve: 0, build: 0, solve: 0 };
  const lap = (key: 'presolve' | 'build' | 'solve', since: number) =>
    (clock[key] += performance.now() - since);
  onProgress?.({ stage: 'prepare', fraction: 0 });

  let t = performance.now();
  const reason = diagnoseForced(ip);
  if (reason)
    return finish(ip, clock, { status: 'infeasible', x: new Uint8Array(ip.n), bound: -Infinity, reason });
  const fixed = reduce(ip, options.reduce !== false);
  const start = bestStart(ip, fixed, options.start);
  lap('presolve', t);

  t = performance.now();
  const model = buildModel(ip, fixed);
  const base = new Uint8Array(ip.n);
  for (let i = 0; i < ip.n; i++) if (fixed[i] === 1) base[i] = 1;
  lap('build', t);
  const stats = { fixedIn: 0, fixedOut: 0, free: model.cols.length, rows: model.rowNames.length };
  for (let i = 0; i < ip.n; i++) {
    if (fixed[i] === 1) stats.fixedIn++;
    else if (fixed[i] === 0) stats.fixedOut++;
  }

  const loader = loaderOf(options.highs);
  if (model.cols.length === 0) {
    // Nothing left to decide: the fixed projects either meet the remaining rows or no portfolio exists.
    const ok = model.rowLower.every(
      (lo, r) =>
        lo <= 1e-9 * Math.max(1, Math.abs(lo)) &&
        model.rowUpper[r]! >= -1e-9 * Math.max(1, Math.abs(model.rowUpper[r]!)),
    );
    if (ok && checkSelection(ip, base).length === 0) {
      return finish(ip, clock, { status: 'optimal', x: base, bound: objectiveOf(ip, base) }, stats);
    }
    const why = await explainByRelaxation(ip, loader, () => signal?.aborted === true);
    return finish(
      ip,
      clock,
      { status: 'infeasible', x: new Uint8Array(ip.n), bound: -Infinity, reason: why },
      stats,
    );
  }
  const deadline =
    options.timeLimitSeconds !== undefined ? clock.t0 + options.timeLimitSeconds * 1000 : Infinity;
  const remaining = () =>
    deadline === Infinity ? undefined : Math.max(0, (deadline - performance.now()) / 1000);
  const mipRelGap = options.mipRelGap ?? 0;
  const shouldStop = () => signal?.aborted === true;
  const expand = (cols: Float64Array | Uint8Array) => {
    const x = Uint8Array.from(base);
    model.cols.forEach((i, c) => {
      if (cols[c]! > 0.5) x[i] = 1;
    });
    return x;
  };

  let startCols: Uint8Array | undefined = start ? Uint8Array.from(model.cols, (i) => start[i]!) : undefined;
  let goodStart = model.cols.length < CORE_MIN_COLUMNS;
  /** The LP relaxation's value (an upper bound on any portfolio), when the core start solved it. */
  let lpBound: number | undefined;
  /** The relaxation's reduced values, for fixing columns once a start is known. */
  let lag: Lagrangian | undefined;
  const guidedFrom = options.guidedMinColumns ?? GUIDED_MIN_COLUMNS;
  if (model.rowNames.length && model.cols.length >= CORE_MIN_COLUMNS && options.reduce !== false) {
    await yieldToEvents();
    throwIfAborted(signal);
    onProgress?.({ stage: 'start', fraction: 0.05, message: 'Looking for a good first portfolio' });
    t = performance.now();
    const core = await coreStart(loader, model, mipRelGap, guidedFrom, remaining(), shouldStop);
    lap('solve', t);
    throwIfAborted(signal);
    lpBound = core.lpBound;
    lag = core.lag;
    if (core.cols && (!start || core.objective > objectiveOf(ip, start))) startCols = core.cols;
    goodStart = core.cols !== undefined;
  }
  if (mipRelGap > 0 && startCols && lpBound !== undefined) {
    // The start is already within the accepted gap of the LP bound: no branch and bound is needed.
    const s = expand(startCols);
    const gap = relativeGap(objectiveOf(ip, s), lpBound);
    if (gap <= mipRelGap && checkSelection(ip, s).length === 0) {
      onProgress?.({ stage: 'done', fraction: 1 });
      const status = gap <= 1e-12 ? 'optimal' : 'feasible';
      return finish(ip, clock, { status, x: s, bound: Math.max(objectiveOf(ip, s), lpBound) }, stats);
    }
  }

  await yieldToEvents();
  throwIfAborted(signal);
  onProgress?.({
    stage: 'solve',
    fraction: 0.1,
    message: `Solving: ${model.cols.length} projects to decide`,
  });
  t = performance.now();
  // Reduced-cost fixing: every portfolio worth at least the start's value keeps the columns whose |d|
  // exceeds the gap on the relaxation's side, so the optimum is in the smaller program.
  let fixing: { lower: Float64Array; upper: Float64Array } | undefined;
  if (
    lag &&
    model.cols.length >= guidedFrom &&
    startCols &&
    checkSelection(ip, expand(startCols)).length === 0
  ) {
    const f = fixByReducedValue(lag, objectiveOf(ip, expand(startCols)), startCols);
    if (f.free < model.cols.length) fixing = f;
  }
  const run = async (options2?: Record<string, number>) =>
    runHighs(loader, {
      model,
      ...(fixing ? { colLower: fixing.lower, colUpper: fixing.upper } : {}),
      ...(startCols ? { start: startCols } : {}),
      ...(remaining() !== undefined ? { timeLimit: remaining()! } : {}),
      mipRelGap,
      options: { ...(goodStart ? {} : HIGHS_HEURISTICS), ...options2, ...options.highsOptions },
      ...(onProgress
        ? {
            onLog: (p: number, b: number, g: number) =>
              onProgress({ stage: 'solve', message: progressWords(p, b, g) }),
          }
        : {}),
      shouldStop,
    });
  let out = await run();
  lap('solve', t);
  if (out.status === 'interrupted') throw abortError();

  t = performance.now();
  if (out.status === 'infeasible') {
    const why = await explainByRelaxation(ip, loader, shouldStop);
    return finish(
      ip,
      clock,
      { status: 'infeasible', x: new Uint8Array(ip.n), bound: -Infinity, reason: why },
      stats,
    );
  }
  let x = out.x ? expand(out.x) : undefined;
  if (x && checkSelection(ip, x).length) {
    // HiGHS accepts rows within its own tolerance (1e-6); re-solve once with tight tolerances.
    const t2 = performance.now();
    out = await run({ mip_feasibility_tolerance: 1e-10, primal_feasibility_tolerance: 1e-10 });
    lap('solve', t2);
    x = out.x ? expand(out.x) : undefined;
    const broken = x ? checkSelection(ip, x) : [];
    if (broken.length)
      throw new Error(`The solver returned a portfolio that breaks a limit: ${broken[0]!.message}`);
  }
  if (out.status === 'unknown' || (out.status === 'optimal' && !x)) {
    throw new Error('The HiGHS solver stopped without an answer on this portfolio.');
  }
  if (startCols && out.status !== 'optimal') {
    // Stopped early: keep whichever of HiGHS's incumbent and the engine's start is better.
    const s = expand(startCols);
    if (!x || objectiveOf(ip, s) > objectiveOf(ip, x)) x = s;
  }
  clock.presolve += performance.now() - t;
  onProgress?.({ stage: 'done', fraction: 1 });
  if (!x) {
    return finish(
      ip,
      clock,
      {
        status: 'timeLimit',
        x: new Uint8Array(ip.n),
        bound: out.bound,
        reason: 'The time limit was reached before any portfolio was found.',
      },
      stats,
    );
  }
  const objective = objectiveOf(ip, x);
  const bound = Math.max(objective, out.bound);
  const gap = relativeGap(objective, bound);
  const status =
    out.status === 'timeLimit'
      ? 'timeLimit'
      : out.status === 'optimal' && (mipRelGap === 0 || gap <= 1e-12)
        ? 'optimal'
        : 'feasible';
  return finish(ip, clock, { status, x, bound: status === 'optimal' ? objective : bound }, stats);
}

function relativeGap(objective: number, bound: number): number {
  if (!Number.isFinite(bound)) return Infinity;
  return Math.max(0, bound - objective) / Math.max(Math.abs(objective), 1e-9);
}

function progressWords(primal: number, bound: number, gap: number): string {
  if (!Number.isFinite(primal)) return 'Searching for a first portfolio';
  const g = Number.isFinite(gap) ? `${(gap * 100).toPrecision(2)}%` : 'unknown';
  return `Best portfolio so far ${primal.toPrecision(8)}; proven bound ${bound.toPrecision(8)} (gap ${g})`;
}

interface Outcome {
  status: Selection['status'];
  x: Uint8Array;
  bound: number;
  reason?: string;
}

function finish(ip: IndexedProblem, clock: Clock, o: Outcome, stats?: Selection['reduction']): Selection {
  const t = performance.now();
  const objective = o.status === 'infeasible' ? 0 : objectiveOf(ip, o.x);
  const verify = (performance.now() - t) / 1000;
  const gap =
    o.status === 'optimal' ? 0 : o.status === 'infeasible' ? Infinity : relativeGap(objective, o.bound);
  return {
    status: o.status,
    selected: o.status === 'infeasible' ? [] : idsOf(ip, o.x),
    objective,
    gap,
    seconds: (performance.now() - clock.t0) / 1000,
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.status === 'infeasible' ? {} : { bound: o.bound }),
    timings: {
      presolve: clock.presolve / 1000,
      build: clock.build / 1000,
      solve: clock.solve / 1000,
      verify,
    },
    ...(stats ? { reduction: stats } : {}),
  };
}

/** The better feasible start of the caller's and the greedy one, consistent with the reduction. */
function bestStart(ip: IndexedProblem, fixed: Int8Array, given?: readonly string[]): Uint8Array | undefined {
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
async function coreStart(
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

/** After HiGHS proved infeasibility the direct checks missed: which families, relaxed alone, allow a portfolio. */
async function explainByRelaxation(
  ip: IndexedProblem,
  loader: HighsLoader,
  shouldStop: () => boolean,
): Promise<string> {
  const fixed = reduce(ip, false);
  const families: RowFamily[] = ['balance', 'budget', 'capacity', 'count', 'group', 'dependency'];
  const freedBy: string[] = [];
  for (const family of families) {
    const model = buildModel(ip, fixed, new Set([family]));
    const feasibility = { ...model, objective: new Float64Array(model.cols.length) };
    const out = await runHighs(loader, { model: feasibility, mipRelGap: 0, timeLimit: 5, shouldStop });
    if (out.status === 'interrupted') throw abortError();
    if (out.x) freedBy.push(family);
  }
  return relaxationReason(ip, freedBy);
}

// Portfolio selection (SPEC §4.6, §5.1): the exact 0-1 program solved by HiGHS through the solver port.
// Pipeline: validate → explain infeasibility the data shows → reduce the model → start from a good
// portfolio → HiGHS at gap 0 → check the answer against every original constraint. Every step is
// deterministic (ties by project order) and HiGHS-wasm is single-threaded with a fixed seed, so the same
// problem gives the same selection every time.
import { abortError, throwIfAborted, yieldToEvents } from './abort';
import { checkSelection } from './check';
import { greedyOnIndexed, type GreedyResult } from './greedy';
import { loaderOf, runHighs, type RunOutcome } from './highsRun';
import { idsOf, indexProblem, objectiveOf, type IndexedProblem } from './indexed';
import { diagnoseForced, relaxationReason } from './infeasibility';
import { fixByReducedValue, type Lagrangian } from './lagrange';
import { buildModel, type LinearModel, type RowFamily } from './model';
import type { Selection, SelectionProblem, SelectOptions } from './problem';
import { reduce } from './reduce';
import type { HighsLoader } from './solver';
import { bestStart, CORE_MIN_COLUMNS, coreStart, GUIDED_MIN_COLUMNS, relativeGap } from './start';

/** HiGHS's own heuristics (its defaults), for when the engine has no good start to offer. */
const HIGHS_HEURISTICS = {
  mip_heuristic_effort: 0.05,
  mip_heuristic_run_rins: true,
  mip_heuristic_run_rens: true,
  mip_heuristic_run_root_reduced_cost: true,
};

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

type Lap = 'presolve' | 'build' | 'solve';

/** One solve of a reduced model: what every step after the reduction needs. */
interface Solve {
  ip: IndexedProblem;
  options: SelectOptions;
  clock: Clock;
  model: LinearModel;
  /** The projects fixed in by the reduction, as a 0/1 vector. */
  base: Uint8Array;
  stats: NonNullable<Selection['reduction']>;
  loader: HighsLoader;
  mipRelGap: number;
  shouldStop: () => boolean;
  /** Seconds left before the caller's time limit, if any. */
  remaining: () => number | undefined;
}

/** What the starts found: the start in column form, and the relaxation's bound and reduced values. */
interface StartState {
  startCols: Uint8Array | undefined;
  goodStart: boolean;
  lpBound: number | undefined;
  lag: Lagrangian | undefined;
}

/** `selectPortfolio` on an already indexed problem (the frontier re-solves one with scaled budgets). */
export async function selectIndexed(ip: IndexedProblem, options: SelectOptions = {}): Promise<Selection> {
  const clock: Clock = { t0: performance.now(), presolve: 0, build: 0, solve: 0 };
  options.onProgress?.({ stage: 'prepare', fraction: 0 });
  const t = performance.now();
  const reason = diagnoseForced(ip);
  if (reason)
    return finish(ip, clock, { status: 'infeasible', x: new Uint8Array(ip.n), bound: -Infinity, reason });
  const fixed = reduce(ip, options.reduce !== false);
  const start = bestStart(ip, fixed, options.start);
  lap(clock, 'presolve', t);
  const s = prepareSolve(ip, options, clock, fixed);
  if (s.model.cols.length === 0) return settleFixed(s);

  const st = await startFor(s, start);
  const accepted = acceptStart(s, st);
  if (accepted) return accepted;
  return solveAndConclude(s, st);
}

function lap(clock: Clock, key: Lap, since: number): void {
  clock[key] += performance.now() - since;
}

/** Builds the reduced model and everything a solve of it needs. */
function prepareSolve(ip: IndexedProblem, options: SelectOptions, clock: Clock, fixed: Int8Array): Solve {
  const t = performance.now();
  const model = buildModel(ip, fixed);
  const base = new Uint8Array(ip.n);
  for (let i = 0; i < ip.n; i++) if (fixed[i] === 1) base[i] = 1;
  lap(clock, 'build', t);
  const stats = { fixedIn: 0, fixedOut: 0, free: model.cols.length, rows: model.rowNames.length };
  for (let i = 0; i < ip.n; i++) {
    if (fixed[i] === 1) stats.fixedIn++;
    else if (fixed[i] === 0) stats.fixedOut++;
  }
  const deadline =
    options.timeLimitSeconds !== undefined ? clock.t0 + options.timeLimitSeconds * 1000 : Infinity;
  return {
    ip,
    options,
    clock,
    model,
    base,
    stats,
    loader: loaderOf(options.highs),
    mipRelGap: options.mipRelGap ?? 0,
    shouldStop: () => options.signal?.aborted === true,
    remaining: () => (deadline === Infinity ? undefined : Math.max(0, (deadline - performance.now()) / 1000)),
  };
}

/** A full selection from the model's columns (0/1 or LP values), the fixed-in projects included. */
function expand(s: Solve, cols: Float64Array | Uint8Array): Uint8Array {
  const x = Uint8Array.from(s.base);
  s.model.cols.forEach((i, c) => {
    if (cols[c]! > 0.5) x[i] = 1;
  });
  return x;
}

/** Nothing left to decide: the fixed projects either meet the remaining rows or no portfolio exists. */
async function settleFixed(s: Solve): Promise<Selection> {
  const { model, ip, base, clock, stats } = s;
  const ok = model.rowLower.every(
    (lo, r) =>
      lo <= 1e-9 * Math.max(1, Math.abs(lo)) &&
      model.rowUpper[r]! >= -1e-9 * Math.max(1, Math.abs(model.rowUpper[r]!)),
  );
  if (ok && checkSelection(ip, base).length === 0) {
    return finish(ip, clock, { status: 'optimal', x: base, bound: objectiveOf(ip, base) }, stats);
  }
  return infeasible(s);
}

/** The caller's or greedy start in column form, improved by the LP-guided start on larger models. */
async function startFor(s: Solve, start: Uint8Array | undefined): Promise<StartState> {
  const { model, ip, options } = s;
  const st: StartState = {
    startCols: start ? Uint8Array.from(model.cols, (i) => start[i]!) : undefined,
    goodStart: model.cols.length < CORE_MIN_COLUMNS,
    lpBound: undefined,
    lag: undefined,
  };
  if (!model.rowNames.length || model.cols.length < CORE_MIN_COLUMNS || options.reduce === false) return st;
  await yieldToEvents();
  throwIfAborted(options.signal);
  options.onProgress?.({ stage: 'start', fraction: 0.05, message: 'Looking for a good first portfolio' });
  const t = performance.now();
  const guidedFrom = options.guidedMinColumns ?? GUIDED_MIN_COLUMNS;
  const core = await coreStart(s.loader, model, s.mipRelGap, guidedFrom, s.remaining(), s.shouldStop);
  lap(s.clock, 'solve', t);
  throwIfAborted(options.signal);
  st.lpBound = core.lpBound;
  st.lag = core.lag;
  if (core.cols && (!start || core.objective > objectiveOf(ip, start))) st.startCols = core.cols;
  st.goodStart = core.cols !== undefined;
  return st;
}

/** With an accepted gap, a start already within it of the LP bound is the answer: no branch and bound. */
function acceptStart(s: Solve, st: StartState): Selection | undefined {
  if (!(s.mipRelGap > 0 && st.startCols && st.lpBound !== undefined)) return undefined;
  const x = expand(s, st.startCols);
  const gap = relativeGap(objectiveOf(s.ip, x), st.lpBound);
  if (gap > s.mipRelGap || checkSelection(s.ip, x).length !== 0) return undefined;
  s.options.onProgress?.({ stage: 'done', fraction: 1 });
  const status = gap <= 1e-12 ? 'optimal' : 'feasible';
  const bound = Math.max(objectiveOf(s.ip, x), st.lpBound);
  return finish(s.ip, s.clock, { status, x, bound }, s.stats);
}

/**
 * Reduced-cost fixing: every portfolio worth at least the start's value keeps the columns whose |d|
 * exceeds the gap on the relaxation's side, so the optimum is in the smaller program.
 */
function reducedCostFixing(
  s: Solve,
  st: StartState,
): { lower: Float64Array; upper: Float64Array } | undefined {
  const guidedFrom = s.options.guidedMinColumns ?? GUIDED_MIN_COLUMNS;
  const { lag, startCols } = st;
  if (!lag || s.model.cols.length < guidedFrom || !startCols) return undefined;
  const x = expand(s, startCols);
  if (checkSelection(s.ip, x).length !== 0) return undefined;
  const f = fixByReducedValue(lag, objectiveOf(s.ip, x), startCols);
  return f.free < s.model.cols.length ? f : undefined;
}

/** HiGHS on the model from the start, re-solved once with tight tolerances if its answer breaks a limit. */
async function solveAndConclude(s: Solve, st: StartState): Promise<Selection> {
  const { ip, options, clock } = s;
  await yieldToEvents();
  throwIfAborted(options.signal);
  options.onProgress?.({
    stage: 'solve',
    fraction: 0.1,
    message: `Solving: ${s.model.cols.length} projects to decide`,
  });
  let t = performance.now();
  const fixing = reducedCostFixing(s, st);
  const run = (extra?: Record<string, number>) => runMain(s, st, fixing, extra);
  let out = await run();
  lap(clock, 'solve', t);
  if (out.status === 'interrupted') throw abortError();

  t = performance.now();
  if (out.status === 'infeasible') return infeasible(s);
  let x = out.x ? expand(s, out.x) : undefined;
  if (x && checkSelection(ip, x).length) {
    // HiGHS accepts rows within its own tolerance (1e-6); re-solve once with tight tolerances.
    const t2 = performance.now();
    out = await run({ mip_feasibility_tolerance: 1e-10, primal_feasibility_tolerance: 1e-10 });
    lap(clock, 'solve', t2);
    x = out.x ? expand(s, out.x) : undefined;
    const broken = x ? checkSelection(ip, x) : [];
    if (broken.length)
      throw new Error(`The solver returned a portfolio that breaks a limit: ${broken[0]!.message}`);
  }
  if (out.status === 'unknown' || (out.status === 'optimal' && !x)) {
    throw new Error('The HiGHS solver stopped without an answer on this portfolio.');
  }
  if (st.startCols && out.status !== 'optimal') {
    // Stopped early: keep whichever of HiGHS's incumbent and the engine's start is better.
    const start = expand(s, st.startCols);
    if (!x || objectiveOf(ip, start) > objectiveOf(ip, x)) x = start;
  }
  clock.presolve += performance.now() - t;
  options.onProgress?.({ stage: 'done', fraction: 1 });
  return conclude(s, out, x);
}

/** One HiGHS run of the main model with the start, the fixing and the caller's options. */
function runMain(
  s: Solve,
  st: StartState,
  fixing: { lower: Float64Array; upper: Float64Array } | undefined,
  extra?: Record<string, number>,
): Promise<RunOutcome> {
  const { options } = s;
  const onProgress = options.onProgress;
  const timeLimit = s.remaining();
  return runHighs(s.loader, {
    model: s.model,
    ...(fixing ? { colLower: fixing.lower, colUpper: fixing.upper } : {}),
    ...(st.startCols ? { start: st.startCols } : {}),
    ...(timeLimit !== undefined ? { timeLimit } : {}),
    mipRelGap: s.mipRelGap,
    options: { ...(st.goodStart ? {} : HIGHS_HEURISTICS), ...extra, ...options.highsOptions },
    ...(onProgress
      ? {
          onLog: (p: number, b: number, g: number) =>
            onProgress({ stage: 'solve', message: progressWords(p, b, g) }),
        }
      : {}),
    shouldStop: s.shouldStop,
  });
}

/** The selection from HiGHS's outcome and the best portfolio known: status, bound and gap. */
function conclude(s: Solve, out: RunOutcome, x: Uint8Array | undefined): Selection {
  const { ip, clock, stats } = s;
  if (!x) {
    const reason = 'The time limit was reached before any portfolio was found.';
    return finish(
      ip,
      clock,
      { status: 'timeLimit', x: new Uint8Array(ip.n), bound: out.bound, reason },
      stats,
    );
  }
  const objective = objectiveOf(ip, x);
  const bound = Math.max(objective, out.bound);
  const gap = relativeGap(objective, bound);
  const status =
    out.status === 'timeLimit'
      ? 'timeLimit'
      : out.status === 'optimal' && (s.mipRelGap === 0 || gap <= 1e-12)
        ? 'optimal'
        : 'feasible';
  return finish(ip, clock, { status, x, bound: status === 'optimal' ? objective : bound }, stats);
}

async function infeasible(s: Solve): Promise<Selection> {
  const reason = await explainByRelaxation(s.ip, s.loader, s.shouldStop);
  const o: Outcome = { status: 'infeasible', x: new Uint8Array(s.ip.n), bound: -Infinity, reason };
  return finish(s.ip, s.clock, o, s.stats);
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

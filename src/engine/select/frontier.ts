// The efficient frontier (SPEC §4.6): the selection re-solved at K budget levels, each point proven
// optimal, with the user's own budget among them; a current portfolio set against it ("same value for
// $X less", "Y% more value for the same spend"); and the greedy ranking's shortfall at the user's budget.
//
// Budget levels are totals. With several period budgets, every period's budget is scaled by the same
// factor, so a level of L means budgets B_t · L / ΣB: the shape of the user's budget is kept.
import { formatMoney, formatPercent } from '../format';
import { greedyOnIndexed } from './greedy';
import { diagnoseForced } from './infeasibility';
import { selectIndexed } from './optimize';
import { throwIfAborted, yieldToEvents } from './abort';
import { checkSelection } from './check';
import { idsOf, indexProblem, objectiveOf, vectorOf, type IndexedProblem } from './indexed';
import { forcedIn } from './reduce';
import type { Selection, SelectionProblem, SelectionStatus, SelectOptions } from './problem';

export interface FrontierPoint {
  /** Total budget of this level (the sum of `budgets` over the scaled periods). */
  budget: number;
  /** Per-period budgets at this level. */
  budgets: number[];
  status: SelectionStatus;
  /** Optimal total value at this level (0 when infeasible). */
  value: number;
  /** Total spend of the selected projects. */
  cost: number;
  count: number;
  selected: string[];
  gap: number;
  seconds: number;
  /** Value gained per currency unit of budget since the previous point (null on the first). */
  marginalValue: number | null;
  /** Why this level is part of the frontier. */
  kind: 'level' | 'user' | 'currentSpend' | 'sameValue';
  /** Why no portfolio exists at this level (only when infeasible). */
  reason?: string;
}

export interface CurrentComparison {
  selected: string[];
  value: number;
  cost: number;
  costs: number[];
  /** Limits the current portfolio breaks, in words (it is compared all the same). */
  issues: string[];
  /** The cheapest frontier portfolio with at least the current value, and the spend it saves. */
  sameValue: { point: FrontierPoint; saving: number } | null;
  /** The optimal portfolio at the current portfolio's spend, and its extra value as a share. */
  sameSpend: { point: FrontierPoint; gain: number } | null;
  /** The two findings in words, e.g. "Same value for $3.2M less." */
  sentences: string[];
}

export interface GreedyComparison {
  value: number;
  feasible: boolean;
  selected: string[];
  /** (optimum − greedy) / |optimum| at the user's budget. */
  shortfall: number;
  sentence: string;
}

export interface Frontier {
  points: FrontierPoint[];
  /** The point at the user's own budgets. */
  user: FrontierPoint;
  greedy: GreedyComparison;
  current?: CurrentComparison;
  /** Set when no portfolio exists at any level (the reason of the user's point). */
  reason?: string;
  seconds: number;
}

export interface FrontierOptions extends Pick<
  SelectOptions,
  'highs' | 'onProgress' | 'signal' | 'mipRelGap'
> {
  /** Number of evenly spaced levels (default 21), from the mandatory cost to the cost of every candidate. */
  levels?: number;
  /** Ids of the current portfolio (e.g. all Approved and Active projects). */
  current?: readonly string[];
  /** Time limit of each point's solve. */
  pointTimeLimitSeconds?: number;
  /**
   * The selection at the user's own budgets when the caller already solved it (the recommendations
   * do): reused for the user's point when proven optimal, which saves that solve and makes the
   * frontier's point the very portfolio the recommendations describe.
   */
  userSelection?: Selection;
  /** Bisection steps that sharpen "same value for less" between two levels (default 4). */
  refineSteps?: number;
}

function selectOptions(options: FrontierOptions): SelectOptions {
  return {
    ...(options.highs ? { highs: options.highs } : {}),
    ...(options.mipRelGap !== undefined ? { mipRelGap: options.mipRelGap } : {}),
    ...(options.pointTimeLimitSeconds !== undefined
      ? { timeLimitSeconds: options.pointTimeLimitSeconds }
      : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** Budgets scaled by `f`; unlimited budgets stay unlimited. */
function scaled(ip: IndexedProblem, f: number): IndexedProblem {
  return {
    ...ip,
    limits: ip.limits.map((r) =>
      r.kind === 'budget' && Number.isFinite(r.limit) ? { ...r, limit: r.limit * f } : r,
    ),
  };
}

/** Factor range: from the smallest factor at which the forced-in set fits every period, to the one where all candidates fit. */
function factorRange(ip: IndexedProblem): [number, number] {
  const inn = forcedIn(ip);
  let lo = 0;
  let hi = 0;
  for (const r of ip.limits) {
    if (r.kind !== 'budget' || !Number.isFinite(r.limit) || r.limit <= 0) continue;
    let forced = 0;
    let all = 0;
    for (let i = 0; i < ip.n; i++) {
      if (inn[i]) forced += r.coef[i]!;
      if (!ip.excluded[i]) all += r.coef[i]!;
    }
    lo = Math.max(lo, forced / r.limit);
    hi = Math.max(hi, all / r.limit);
  }
  return [lo, Math.max(lo, hi)];
}

function totalBudget(ip: IndexedProblem): number {
  return ip.limits.reduce((s, r) => s + (r.kind === 'budget' && Number.isFinite(r.limit) ? r.limit : 0), 0);
}

/** Re-solves the selection across budget levels; every point is proven optimal (or says why not). */
export async function efficientFrontier(
  problem: SelectionProblem,
  options: FrontierOptions = {},
): Promise<Frontier> {
  const t0 = performance.now();
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const ip = indexProblem(problem);
  const total = totalBudget(ip);
  const currentX = options.current ? vectorOf(ip, options.current) : undefined;
  const wanted = budgetLevels(ip, total, options.levels, currentX);
  const factors = [...wanted.keys()].sort((a, b) => a - b);
  const shortcut =
    total > 0 && factors.length > 2 ? await unbudgetedShortcut(ip, options) : { saturation: Infinity };
  const plan = factors.length + (currentX ? (options.refineSteps ?? 4) : 0);
  const solver = new LevelSolver(ip, total, plan, options, shortcut);

  const points: FrontierPoint[] = [];
  for (const f of factors) {
    const point = await solver.solve(f, wanted.get(f)!);
    // Budgets only grow from here, so this selection is feasible at the next level: a good start.
    if (point.status !== 'infeasible') solver.start = point.selected;
    points.push(point);
  }

  const user = points.find((p) => p.kind === 'user')!;
  const reason = user.status === 'infeasible' ? (diagnoseForced(ip) ?? user.reason) : undefined;
  let current: CurrentComparison | undefined;
  if (currentX)
    current = await compareCurrent(ip, currentX, points, options, (f, kind) => solver.solve(f, kind));
  points.sort((a, b) => a.budget - b.budget || a.value - b.value);
  setMarginalValues(points);
  onProgress?.({ stage: 'frontier', fraction: 1 });
  return {
    points,
    user,
    greedy: greedyAt(ip, user),
    ...(current ? { current } : {}),
    ...(reason ? { reason } : {}),
    seconds: (performance.now() - t0) / 1000,
  };
}

/**
 * The budget factors to solve, each with why it is there: `levels` evenly spaced over the factor
 * range, the user's own budget (1) and the current portfolio's spend. A factor that is two of these
 * keeps the first kind, so one point serves both.
 */
function budgetLevels(
  ip: IndexedProblem,
  total: number,
  levels: number | undefined,
  currentX: Uint8Array | undefined,
): Map<number, FrontierPoint['kind']> {
  const k = Math.max(2, levels ?? 21);
  const [fLo, fHi] = total > 0 ? factorRange(ip) : [1, 1];
  const wanted = new Map<number, FrontierPoint['kind']>();
  if (total > 0) for (let j = 0; j < k; j++) wanted.set(fLo + ((fHi - fLo) * j) / (k - 1), 'level');
  wanted.set(1, 'user');
  if (currentX && total > 0) {
    const currentCost = ip.spend.reduce((s, c, i) => s + (currentX[i] ? c : 0), 0);
    if (!wanted.has(currentCost / total)) wanted.set(currentCost / total, 'currentSpend');
  }
  return wanted;
}

/** The optimum with no budget at all, and the smallest factor at which it fits every budget. */
interface Shortcut {
  saturation: number;
  unbudgeted?: Selection;
}

/**
 * Exact shortcut for the top of the range: the optimum with no budget at all is optimal at every level
 * where it fits, so one solve answers all those levels (only capacities and the like bind there).
 */
async function unbudgetedShortcut(ip: IndexedProblem, options: FrontierOptions): Promise<Shortcut> {
  const free = {
    ...ip,
    limits: ip.limits.map((r) => (r.kind === 'budget' ? { ...r, limit: Infinity } : r)),
  };
  const sel = await selectIndexed(free, selectOptions(options));
  if (sel.status !== 'optimal') return { saturation: Infinity };
  const x = vectorOf(ip, sel.selected);
  let saturation = 0;
  for (const r of ip.limits) {
    if (r.kind !== 'budget' || !Number.isFinite(r.limit)) continue;
    const used = r.coef.reduce((acc, c, i) => acc + (x[i] ? c : 0), 0);
    saturation = Math.max(saturation, used === 0 ? 0 : r.limit > 0 ? used / r.limit : Infinity);
  }
  return { saturation, unbudgeted: sel };
}

/** Solves the selection at one budget factor after another, reporting progress as it goes. */
class LevelSolver {
  /** A portfolio feasible at the next level solved (the last feasible one, as budgets grow): its start. */
  start: string[] | undefined;
  private done = 0;

  constructor(
    private readonly ip: IndexedProblem,
    private readonly total: number,
    /** Number of solves planned, for the progress fraction. */
    private readonly plan: number,
    private readonly options: FrontierOptions,
    private readonly shortcut: Shortcut,
  ) {}

  async solve(f: number, kind: FrontierPoint['kind']): Promise<FrontierPoint> {
    const { ip, options } = this;
    throwIfAborted(options.signal);
    await yieldToEvents();
    throwIfAborted(options.signal);
    const sip = f === 1 ? ip : scaled(ip, f);
    const level = this.total * f;
    options.onProgress?.({
      stage: 'frontier',
      fraction: this.done / this.plan,
      message: `Budget level ${this.done + 1} of ${this.plan}: ${formatMoney(level, ip.currency)}`,
    });
    const sel = await this.selectAt(f, sip);
    this.done++;
    const x = vectorOf(ip, sel.selected);
    return {
      budget: level,
      budgets: sip.limits.filter((r) => r.kind === 'budget').map((r) => r.limit),
      status: sel.status,
      value: sel.objective,
      cost: ip.spend.reduce((s, c, i) => s + (x[i] ? c : 0), 0),
      count: sel.selected.length,
      selected: sel.selected,
      gap: sel.gap,
      seconds: sel.seconds,
      marginalValue: null,
      kind,
      ...(sel.reason ? { reason: sel.reason } : {}),
    };
  }

  /** The caller's own proven selection at the user's budget, the unbudgeted optimum where it fits, else a solve. */
  private async selectAt(f: number, sip: IndexedProblem): Promise<Selection> {
    const { options, shortcut, start } = this;
    const known = f === 1 && options.userSelection?.status === 'optimal' ? options.userSelection : undefined;
    if (known) return known;
    if (shortcut.unbudgeted && f >= shortcut.saturation) return { ...shortcut.unbudgeted, seconds: 0 };
    return selectIndexed(sip, { ...selectOptions(options), ...(start ? { start } : {}) });
  }
}

/** Value gained per currency unit of budget since the previous point (points sorted by budget). */
function setMarginalValues(points: FrontierPoint[]): void {
  for (let j = 1; j < points.length; j++) {
    const prev = points[j - 1]!;
    const p = points[j]!;
    p.marginalValue = p.budget > prev.budget ? (p.value - prev.value) / (p.budget - prev.budget) : null;
  }
}

function greedyAt(ip: IndexedProblem, user: FrontierPoint): GreedyComparison {
  const g = greedyOnIndexed(ip);
  const shortfall =
    user.status === 'infeasible' ? 0 : (user.value - g.objective) / Math.max(Math.abs(user.value), 1e-9);
  const sentence = !g.feasible
    ? 'A ranking by value per cost finds no portfolio that meets every limit.'
    : shortfall > 1e-12
      ? `Picking projects by value per cost reaches ${formatPercent(1 - shortfall)} of the optimal value (${formatPercent(shortfall)} less).`
      : 'Picking projects by value per cost happens to reach the optimal value here.';
  return { value: g.objective, feasible: g.feasible, selected: g.selected, shortfall, sentence };
}

async function compareCurrent(
  ip: IndexedProblem,
  x: Uint8Array,
  points: FrontierPoint[],
  options: FrontierOptions,
  solveAt: (f: number, kind: FrontierPoint['kind']) => Promise<FrontierPoint>,
): Promise<CurrentComparison> {
  const total = totalBudget(ip);
  const value = objectiveOf(ip, x);
  const cost = ip.spend.reduce((s, c, i) => s + (x[i] ? c : 0), 0);
  const costs = ip.limits
    .filter((r) => r.kind === 'budget')
    .map((r) => r.coef.reduce((s, c, i) => s + (x[i] ? c : 0), 0));
  const issues = checkSelection(ip, x).map((v) => v.message);
  const spendPoint =
    points.find((p) => p.kind !== 'sameValue' && Math.abs(p.budget - cost) <= 1e-9 * Math.max(1, cost)) ??
    null;
  const reaches = (p: FrontierPoint) =>
    p.status !== 'infeasible' && p.value >= value - 1e-9 * Math.abs(value);

  // Bisection between the last level below the current value and the first reaching it sharpens the saving.
  const sorted = [...points].sort((a, b) => a.budget - b.budget);
  const first = sorted.findIndex(reaches);
  if (first > 0 && total > 0) {
    let lo = sorted[first - 1]!.budget / total;
    let hi = sorted[first]!.budget / total;
    for (let s = 0; s < (options.refineSteps ?? 4); s++) {
      const mid = (lo + hi) / 2;
      const p = await solveAt(mid, 'sameValue');
      points.push(p);
      if (reaches(p)) hi = mid;
      else lo = mid;
    }
  }
  const best = points.filter(reaches).sort((a, b) => a.cost - b.cost || a.budget - b.budget)[0];
  const sameValue = best ? { point: best, saving: cost - best.cost } : null;
  const sameSpend =
    spendPoint && spendPoint.status !== 'infeasible'
      ? { point: spendPoint, gain: (spendPoint.value - value) / Math.max(Math.abs(value), 1e-9) }
      : null;
  const sentences: string[] = [];
  if (sameValue && sameValue.saving > 1e-9 * Math.max(1, cost)) {
    sentences.push(`Same value for ${formatMoney(sameValue.saving, ip.currency)} less.`);
  }
  if (sameSpend && sameSpend.gain > 1e-12)
    sentences.push(`${formatPercent(sameSpend.gain)} more value for the same spend.`);
  if (sentences.length === 0) sentences.push('The current portfolio is already on the efficient frontier.');
  return { selected: idsOf(ip, x), value, cost, costs, issues, sameValue, sameSpend, sentences };
}

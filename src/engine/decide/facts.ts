// The figures each recommendation rule reads (SPEC §4.7), computed once per candidate: dominance,
// quartiles, deciles, slack and what keeps an unselected project out (budget stretch, capacity, dependency).
import { alignmentConcentration, type Analysis, type ProjectResult } from '../score';
import type { SelectionSetup } from './selectionSetup';
import { fits, type SelectionProblem, type SelectionProject } from '../select';
import type { Project } from '../model';
import { unitProfile } from './overlap';
import { isInFlight } from '../read';
import { budgetPhrase, WORDS, type Named } from './rationale';

export interface RecommendContext {
  analysis: Analysis;
  setup: SelectionSetup;
  selected: ReadonlySet<string>;
  /** Ascending by factor. */
  stretch: readonly { factor: number; selected: readonly string[]; gap?: number }[];
}

export interface Facts {
  r: ProjectResult;
  /** Candidates in the analysis. */
  n: number;
  selected: boolean;
  /** Value score (0–100): SPEC §4.7's "value" for dominance, deciles and the figures. */
  value: number;
  /** Remaining cost (the decision cost: sunk cost is already out of the project's costs). */
  cost: number;
  raNpv: number;
  /** Probability × PV of the remaining benefit. */
  riskBenefit: number;
  /** The benefit is known: return figures (NPV, risk-adjusted NPV) can justify a decision. */
  benefitKnown: boolean;
  inFlight: boolean;
  forcedOut: boolean;
  /** Bottom-quartile alignment and risk-adjusted NPV ≤ 0. */
  weak: boolean;
  /** First quartile of the candidates' alignment (Excel QUARTILE.INC). */
  q1: number;
  topDecile: boolean;
  cpi: number | null;
  /** Share of the alignment given by the strongest objective (weighted contribution). */
  concentration: number;
  /** That objective's share of the project's ratings, unweighted. */
  ratingShare: number;
  topObjective: string;
  /** Smallest stretch factor at which the project enters the optimal portfolio, or null. */
  enteredAt: number | null;
  dominatedBy: ProjectResult | null;
  alternativeChosen: ProjectResult | null;
  capacityBlock: { label: string; need: number; free: number; unit: string } | null;
  /** The maximum project count, when that alone keeps the project out. */
  countBlock: number | null;
  dependencyBlock: { on: Named; why: string } | null;
  /** Slack clauses (budget periods or capacities it draws on, with ≥ slackShare unused). */
  slack: string[];
}

/** Thresholds of the rules (SPEC §4.7 where it gives one), in one place. */
export const RULES = {
  /** Accelerate: value within the top 10% of candidates (by count, at least one project). */
  topDecile: 0.1,
  /** Accelerate: a budget period or capacity counts as slack when this share of it is unused. */
  slackShare: 0.05,
  /** Re-scope: CPI = baseline ÷ EAC below this is a forecast overrun (SPEC §4.7). */
  cpiFloor: 0.8,
  /**
   * Re-scope: alignment "carried by a single objective" when one objective gives this share of the
   * alignment (weighted) and this share of the project's ratings (unweighted). The weighted share alone
   * would flag every project of a skewed strategy: with weights 0.75 / 0.25 a project rated 5 and 5
   * gets 75% of its alignment from the first objective, yet its scope serves both.
   */
  singleObjectiveShare: 0.75,
  /** Defer / borderline: budget levels tried above the user's, up to SPEC's +20%. */
  stretchFactors: [1.05, 1.1, 1.15, 1.2] as readonly number[],
  /**
   * Stretch levels are proven optimal up to this many candidates; above it each level accepts a
   * portfolio within `stretchGap` of its optimum (they only date a project's entry for defer and
   * borderline, and an exact proof at 10,000 projects takes 10–40 s a level). docs/methods.md §8.
   */
  stretchExactUpTo: 2000,
  /** Relative gap accepted at a stretch level above `stretchExactUpTo` candidates (0.05% of its value). */
  stretchGap: 5e-4,
} as const;

/** Excel QUARTILE.INC(values, 1): linear interpolation at position (n − 1)/4 of the sorted values. */
export function firstQuartile(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) / 4;
  const lo = Math.floor(pos);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (pos - lo) * (s[hi]! - s[lo]!);
}

/** The budget of a problem summed over periods, or null when some period has no limit. */
export function budgetTotal(problem: SelectionProblem): number | null {
  const finite = problem.budgets.length > 0 && problem.budgets.every((b) => Number.isFinite(b));
  return finite ? problem.budgets.reduce((s, b) => s + b, 0) : null;
}

/** The budget of a problem in words: "the $82M budget (2027–2031)". */
export function budgetWords(problem: SelectionProblem, sym: string): string {
  return budgetPhrase(budgetTotal(problem), problem.budgetLabels ?? [], sym);
}

/** Sort key of a value score (a missing one last); dominance itself is tested on the values. */
const rankKey = (v: number): number => (Number.isNaN(v) ? -Infinity : v);

/** What the selection uses of each budget period and each capacity. */
interface Usage {
  budget: number[];
  capacity: number[];
}

/** Everything the per-candidate facts read, computed once for all candidates. */
interface FactsEnv {
  analysis: Analysis;
  problem: SelectionProblem;
  selected: ReadonlySet<string>;
  n: number;
  /** Position of each candidate in the problem. */
  index: Map<string, number>;
  byId: Map<string, ProjectResult>;
  q1: number;
  top: Set<string>;
  usage: Usage;
  unit: string;
  stretchSets: { factor: number; ids: Set<string> }[];
  chosenIn: Map<string, ProjectResult>;
  dominance: DominanceScan;
}

export function candidateFacts(ctx: RecommendContext): Map<string, Facts> {
  const { analysis, setup, selected } = ctx;
  const problem = setup.problem;
  const cands = setup.candidates;
  const n = cands.length;
  const index = new Map(problem.projects.map((p, i) => [p.id, i]));
  const excluded = (r: ProjectResult): boolean =>
    problem.projects[index.get(r.project.id)!]?.excluded === true;
  const env: FactsEnv = {
    analysis,
    problem,
    selected,
    n,
    index,
    byId: new Map(analysis.projects.map((r) => [r.project.id, r])),
    q1: firstQuartile(cands.map((c) => c.alignment)),
    top: topDecileIds(cands),
    usage: usageOf(problem, selected),
    unit: problem.capacityUnit ?? 'FTE',
    stretchSets: ctx.stretch.map((s) => ({ factor: s.factor, ids: new Set(s.selected) })),
    chosenIn: chosenInGroups(cands, selected),
    dominance: new DominanceScan(cands, analysis, excluded),
  };
  const out = new Map<string, Facts>();
  cands.forEach((r, i) => out.set(r.project.id, factsOf(r, i, env, excluded(r))));
  return out;
}

/** Top decile by count, in rank order (candidates come first in the analysis' rank order). */
function topDecileIds(cands: readonly ProjectResult[]): Set<string> {
  const byValue = [...cands].sort((a, b) => a.rank - b.rank);
  const topN = Math.max(1, Math.ceil(cands.length * RULES.topDecile));
  return new Set(byValue.slice(0, topN).map((c) => c.project.id));
}

/** What the selected projects use of each budget period and capacity. */
function usageOf(problem: SelectionProblem, selected: ReadonlySet<string>): Usage {
  const nb = problem.budgets.length;
  const caps = problem.capacities ?? [];
  const budget = new Array<number>(nb).fill(0);
  const capacity = new Array<number>(caps.length).fill(0);
  for (const p of problem.projects) {
    if (!selected.has(p.id)) continue;
    p.costs.forEach((c, k) => k < nb && (budget[k]! += c));
    (p.resources ?? []).forEach((x, k) => k < caps.length && (capacity[k]! += x));
  }
  return { budget, capacity };
}

/** Exclusive groups compare like headers: trimmed, any case. */
const groupKey = (g: string): string => g.trim().toLowerCase();

/** The selected member of each exclusive group. */
function chosenInGroups(
  cands: readonly ProjectResult[],
  selected: ReadonlySet<string>,
): Map<string, ProjectResult> {
  const chosenIn = new Map<string, ProjectResult>();
  for (const c of cands) {
    const g = c.project.exclusiveGroup;
    if (g !== null && selected.has(c.project.id)) chosenIn.set(groupKey(g), c);
  }
  return chosenIn;
}

/** The facts of one candidate (`i`: its position among the candidates). */
function factsOf(r: ProjectResult, i: number, env: FactsEnv, excluded: boolean): Facts {
  const { analysis, problem, selected, q1 } = env;
  const p = r.project;
  const sp = problem.projects[env.index.get(p.id)!]!;
  const isSel = selected.has(p.id);
  const f = r.financials;
  const { topObjective, ratingShare } = strongestObjective(p, analysis.objectives);
  const dependencyBlock = dependencyBlockOf(p, env);
  const alternativeChosen = isSel ? null : groupSelected(r, env.chosenIn);
  const room =
    !isSel && !excluded && !dependencyBlock && !alternativeChosen
      ? roomBlock(sp, env)
      : { capacityBlock: null, countBlock: null };
  return {
    r,
    n: env.n,
    selected: isSel,
    value: r.valueScore,
    cost: f.remainingCost,
    raNpv: f.riskAdjustedNpv,
    riskBenefit: p.probability * f.pvBenefits,
    benefitKnown: f.benefitKnown,
    inFlight: isInFlight(p.status),
    forcedOut: p.excluded,
    // A negative return made only of cost (benefit unknown) is no evidence: never "weak and unprofitable".
    // Nor is a bottom quartile of alignment when no objective is rated (every alignment is 0).
    weak: analysis.objectives.length > 0 && f.benefitKnown && r.alignment <= q1 && f.riskAdjustedNpv <= 0,
    q1,
    topDecile: env.top.has(p.id),
    cpi: f.cpi,
    concentration: alignmentConcentration(p, analysis.objectives),
    ratingShare,
    topObjective,
    enteredAt: isSel ? null : (env.stretchSets.find((s) => s.ids.has(p.id))?.factor ?? null),
    dominatedBy: isSel || !env.dominance.valued(i) ? null : env.dominance.dominator(r, i),
    alternativeChosen,
    capacityBlock: room.capacityBlock,
    countBlock: room.countBlock,
    dependencyBlock,
    slack: isSel ? slackOf(sp, env, analysis.currency) : [],
  };
}

/** The objective giving the most weighted alignment, and its share of the project's ratings (unweighted). */
function strongestObjective(
  p: Project,
  objectives: Analysis['objectives'],
): { topObjective: string; ratingShare: number } {
  let topObjective = '';
  let topContribution = -1;
  let ratingSum = 0;
  for (const o of objectives) {
    const rating = p.ratings[o.name] ?? 0;
    ratingSum += rating;
    if (o.weight * rating > topContribution) [topObjective, topContribution] = [o.name, o.weight * rating];
  }
  const ratingShare = ratingSum > 0 ? (p.ratings[topObjective] ?? 0) / ratingSum : 0;
  return { topObjective, ratingShare };
}

/** The selected alternative of the candidate's exclusive group, other than itself. */
function groupSelected(r: ProjectResult, chosenIn: Map<string, ProjectResult>): ProjectResult | null {
  const g = r.project.exclusiveGroup;
  const c = g === null ? undefined : chosenIn.get(groupKey(g));
  return c && c !== r ? c : null;
}

/** The first dependency that keeps the project out: not completed and not in the portfolio. */
function dependencyBlockOf(p: Project, env: FactsEnv): Facts['dependencyBlock'] {
  for (const d of p.dependsOn) {
    const dep = env.byId.get(d);
    if (dep?.project.status === 'completed') continue;
    if (dep && env.index.has(d) && env.selected.has(d)) continue;
    const why = !dep
      ? 'is not in the projects table'
      : env.index.has(d)
        ? 'is not in the portfolio'
        : `cannot be selected (${(dep.ineligibleReason ?? 'not a candidate').replace(/\.$/, '')})`;
    return { on: { id: d, name: dep?.project.name ?? '' }, why };
  }
  return null;
}

/** For an unselected project that fits the unused budget: the capacity, or else the project count, that keeps it out. */
function roomBlock(sp: SelectionProject, env: FactsEnv): Pick<Facts, 'capacityBlock' | 'countBlock'> {
  const { problem, usage } = env;
  const caps = problem.capacities ?? [];
  const none = { capacityBlock: null, countBlock: null };
  const budgetFits = problem.budgets.every((b, k) => fits(usage.budget[k]! + (sp.costs[k] ?? 0), b));
  if (!budgetFits) return none;
  const k = caps.findIndex((cap, k2) => !fits(usage.capacity[k2]! + (sp.resources?.[k2] ?? 0), cap));
  if (k >= 0) {
    const capacityBlock = {
      label: problem.capacityLabels?.[k] ?? `resource ${k + 1}`,
      need: sp.resources?.[k] ?? 0,
      free: caps[k]! - usage.capacity[k]!,
      unit: env.unit,
    };
    return { capacityBlock, countBlock: null };
  }
  if (problem.maxProjects !== undefined && env.selected.size >= problem.maxProjects)
    return { capacityBlock: null, countBlock: problem.maxProjects };
  return none;
}

/** Slack an accelerated project could use: budget in periods up to its last spending one, capacity it uses. */
function slackOf(sp: SelectionProject, env: FactsEnv, sym: string): string[] {
  const { problem, usage } = env;
  const slack: string[] = [];
  let last = -1;
  sp.costs.forEach((c, k) => c > 0 && (last = k));
  problem.budgets.forEach((b, k) => {
    const free = b - usage.budget[k]!;
    if (k <= last && Number.isFinite(b) && b > 0 && free >= RULES.slackShare * b) {
      const label = problem.budgetLabels?.[k] ?? '';
      slack.push(WORDS.slackBudget(label === 'Total' ? '' : label, free, sym));
    }
  });
  (problem.capacities ?? []).forEach((cap, k) => {
    const free = cap - usage.capacity[k]!;
    if ((sp.resources?.[k] ?? 0) > 0 && Number.isFinite(cap) && cap > 0 && free >= RULES.slackShare * cap) {
      slack.push(WORDS.slackCapacity(problem.capacityLabels?.[k] ?? `resource ${k + 1}`, free, env.unit));
    }
  });
  return slack;
}

/**
 * Dominance compares every unselected candidate with the candidates of no less value: unit profiles,
 * values, costs and exclusion flags are computed once, and candidates are visited by value, highest
 * first, so the scan stops at the first one worth less (the choice is a total order, so the visiting
 * order does not change it).
 */
class DominanceScan {
  private readonly m: number;
  private readonly profiles: Float64Array[];
  private readonly flatProfiles: Float64Array;
  private readonly excludedFlags: boolean[];
  private readonly values: Float64Array;
  private readonly costs: Float64Array;
  private readonly byValueDesc: Int32Array;
  /** Whether a candidate's value rests on something (a known benefit or objective ratings). */
  private readonly valuedFlags: boolean[];

  constructor(
    private readonly cands: readonly ProjectResult[],
    analysis: Analysis,
    excluded: (r: ProjectResult) => boolean,
  ) {
    const n = cands.length;
    const m = (this.m = analysis.objectives.length);
    this.profiles = cands.map((c) => unitProfile(c.project, analysis.objectives));
    this.excludedFlags = cands.map((c) => excluded(c));
    this.flatProfiles = new Float64Array(n * m);
    this.profiles.forEach((v, i) => this.flatProfiles.set(v, i * m));
    const values = (this.values = Float64Array.from(cands, (c) => c.valueScore));
    this.costs = Float64Array.from(cands, (c) => c.financials.remainingCost);
    this.valuedFlags = cands.map((c) => m > 0 || c.financials.benefitKnown);
    this.byValueDesc = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => rankKey(values[b]!) - rankKey(values[a]!) || a - b,
    );
  }

  /** A value score that rests on nothing (no benefit, no ratings) neither dominates nor is dominated. */
  valued(i: number): boolean {
    return this.valuedFlags[i]!;
  }

  /**
   * Among candidates that can be selected and dominate candidate `i` (no less value for no more
   * remaining cost, one of them strictly), the closest profile: the like-for-like alternative.
   */
  dominator(r: ProjectResult, i: number): ProjectResult | null {
    const { cands, m, values, costs, flatProfiles } = this;
    const vr = this.profiles[i]!;
    const value = r.valueScore;
    const cost = r.financials.remainingCost;
    let dominatedBy: ProjectResult | null = null;
    let bestCos = -1;
    for (let q = 0; q < cands.length; q++) {
      const ci = this.byValueDesc[q]!;
      if (!(values[ci]! >= value)) break;
      const c = cands[ci]!;
      if (c === r || this.excludedFlags[ci] || !this.valuedFlags[ci] || !(costs[ci]! <= cost)) continue;
      if (!(values[ci]! > value || costs[ci]! < cost)) continue;
      const oc = ci * m;
      let cos = 0;
      for (let k = 0; k < m; k++) cos += vr[k]! * flatProfiles[oc + k]!;
      if (
        dominatedBy === null ||
        cos > bestCos ||
        (cos === bestCos &&
          (c.valueScore > dominatedBy.valueScore ||
            (c.valueScore === dominatedBy.valueScore && c.project.id < dominatedBy.project.id)))
      ) {
        dominatedBy = c;
        bestCos = cos;
      }
    }
    return dominatedBy;
  }
}

// The figures each recommendation rule reads (SPEC §4.7), computed once per candidate: dominance,
// quartiles, deciles, slack and what keeps an unselected project out (budget stretch, capacity, dependency).
import { alignmentConcentration, type Analysis, type ProjectResult } from '../score';
import type { SelectionSetup } from './selectionSetup';
import { fits, type SelectionProblem } from '../select';
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

export function candidateFacts(ctx: RecommendContext): Map<string, Facts> {
  const { analysis, setup, selected } = ctx;
  const problem = setup.problem;
  const sym = analysis.currency;
  const cands = setup.candidates;
  const n = cands.length;
  const index = new Map(problem.projects.map((p, i) => [p.id, i]));
  const byId = new Map(analysis.projects.map((r) => [r.project.id, r]));
  const q1 = firstQuartile(cands.map((c) => c.alignment));
  // Top decile by count, in rank order (candidates come first in the analysis' rank order).
  const byValue = [...cands].sort((a, b) => a.rank - b.rank);
  const topN = Math.max(1, Math.ceil(n * RULES.topDecile));
  const top = new Set(byValue.slice(0, topN).map((c) => c.project.id));

  // Use of each budget and capacity by the selection.
  const nb = problem.budgets.length;
  const caps = problem.capacities ?? [];
  const usedBudget = new Array<number>(nb).fill(0);
  const usedCap = new Array<number>(caps.length).fill(0);
  for (const p of problem.projects) {
    if (!selected.has(p.id)) continue;
    p.costs.forEach((c, k) => k < nb && (usedBudget[k]! += c));
    (p.resources ?? []).forEach((x, k) => k < caps.length && (usedCap[k]! += x));
  }
  const unit = problem.capacityUnit ?? 'FTE';
  // The selected member of each exclusive group (groups compare like headers: trimmed, any case).
  const groupKey = (g: string) => g.trim().toLowerCase();
  const chosenIn = new Map<string, ProjectResult>();
  for (const c of cands) {
    const g = c.project.exclusiveGroup;
    if (g !== null && selected.has(c.project.id)) chosenIn.set(groupKey(g), c);
  }
  const groupSelected = (r: ProjectResult): ProjectResult | null => {
    const g = r.project.exclusiveGroup;
    const c = g === null ? undefined : chosenIn.get(groupKey(g));
    return c && c !== r ? c : null;
  };
  const stretchSets = ctx.stretch.map((s) => ({ factor: s.factor, ids: new Set(s.selected) }));
  const excluded = (r: ProjectResult): boolean =>
    problem.projects[index.get(r.project.id)!]?.excluded === true;

  // Dominance compares every unselected candidate with the candidates of no less value: unit profiles,
  // values, costs and exclusion flags are computed once, and candidates are visited by value, highest
  // first, so the scan stops at the first one worth less (the choice below is a total order, so the
  // visiting order does not change it).
  const candProfiles = cands.map((c) => unitProfile(c.project, analysis.objectives));
  const profiles = new Map(cands.map((c, i) => [c, candProfiles[i]!]));
  const excludedFlags = cands.map((c) => excluded(c));
  const m = analysis.objectives.length;
  const flatProfiles = new Float64Array(n * m);
  candProfiles.forEach((v, i) => flatProfiles.set(v, i * m));
  const values = Float64Array.from(cands, (c) => c.valueScore);
  const costs = Float64Array.from(cands, (c) => c.financials.remainingCost);
  const byValueDesc = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => rankKey(values[b]!) - rankKey(values[a]!) || a - b,
  );
  const out = new Map<string, Facts>();
  for (const r of cands) {
    const p = r.project;
    const sp = problem.projects[index.get(p.id)!]!;
    const isSel = selected.has(p.id);
    const f = r.financials;
    const conc = alignmentConcentration(p, analysis.objectives);
    let topObjective = '';
    let topContribution = -1;
    let ratingSum = 0;
    for (const o of analysis.objectives) {
      const rating = p.ratings[o.name] ?? 0;
      ratingSum += rating;
      if (o.weight * rating > topContribution) [topObjective, topContribution] = [o.name, o.weight * rating];
    }
    const ratingShare = ratingSum > 0 ? (p.ratings[topObjective] ?? 0) / ratingSum : 0;
    const enteredAt = isSel ? null : (stretchSets.find((s) => s.ids.has(p.id))?.factor ?? null);

    // Dominance: among candidates that can be selected, the closest profile wins (the like-for-like alternative).
    let dominatedBy: ProjectResult | null = null;
    let bestCos = -1;
    if (!isSel) {
      const vr = profiles.get(r)!;
      const value = r.valueScore;
      const cost = f.remainingCost;
      for (let q = 0; q < n; q++) {
        const ci = byValueDesc[q]!;
        if (!(values[ci]! >= value)) break;
        const c = cands[ci]!;
        if (c === r || excludedFlags[ci] || !(costs[ci]! <= cost)) continue;
        // c dominates r: no less value for no more remaining cost, one of them strictly.
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
    }

    // What keeps an unselected project out, beyond value: its dependencies, then capacity or count.
    let dependencyBlock: Facts['dependencyBlock'] = null;
    for (const d of p.dependsOn) {
      const dep = byId.get(d);
      if (dep?.project.status === 'completed') continue;
      if (dep && index.has(d) && selected.has(d)) continue;
      const why = !dep
        ? 'is not in the projects table'
        : index.has(d)
          ? 'is not in the portfolio'
          : `cannot be selected (${(dep.ineligibleReason ?? 'not a candidate').replace(/\.$/, '')})`;
      dependencyBlock = { on: { id: d, name: dep?.project.name ?? '' }, why };
      break;
    }
    const alternativeChosen = isSel ? null : groupSelected(r);
    let capacityBlock: Facts['capacityBlock'] = null;
    let countBlock: number | null = null;
    if (!isSel && !excluded(r) && !dependencyBlock && !alternativeChosen) {
      const budgetFits = problem.budgets.every((b, k) => fits(usedBudget[k]! + (sp.costs[k] ?? 0), b));
      if (budgetFits) {
        const k = caps.findIndex((cap, k2) => !fits(usedCap[k2]! + (sp.resources?.[k2] ?? 0), cap));
        if (k >= 0) {
          capacityBlock = {
            label: problem.capacityLabels?.[k] ?? `resource ${k + 1}`,
            need: sp.resources?.[k] ?? 0,
            free: caps[k]! - usedCap[k]!,
            unit,
          };
        } else if (problem.maxProjects !== undefined && selected.size >= problem.maxProjects) {
          countBlock = problem.maxProjects;
        }
      }
    }

    // Slack an accelerated project could use: budget in periods up to its last spending one, capacity it uses.
    const slack: string[] = [];
    if (isSel) {
      let last = -1;
      sp.costs.forEach((c, k) => c > 0 && (last = k));
      problem.budgets.forEach((b, k) => {
        const free = b - usedBudget[k]!;
        if (k <= last && Number.isFinite(b) && b > 0 && free >= RULES.slackShare * b) {
          const label = problem.budgetLabels?.[k] ?? '';
          slack.push(WORDS.slackBudget(label === 'Total' ? '' : label, free, sym));
        }
      });
      caps.forEach((cap, k) => {
        const free = cap - usedCap[k]!;
        if (
          (sp.resources?.[k] ?? 0) > 0 &&
          Number.isFinite(cap) &&
          cap > 0 &&
          free >= RULES.slackShare * cap
        ) {
          slack.push(WORDS.slackCapacity(problem.capacityLabels?.[k] ?? `resource ${k + 1}`, free, unit));
        }
      });
    }

    out.set(p.id, {
      r,
      n,
      selected: isSel,
      value: r.valueScore,
      cost: f.remainingCost,
      raNpv: f.riskAdjustedNpv,
      riskBenefit: p.probability * f.pvBenefits,
      inFlight: isInFlight(p.status),
      forcedOut: p.excluded,
      weak: r.alignment <= q1 && f.riskAdjustedNpv <= 0,
      q1,
      topDecile: top.has(p.id),
      cpi: f.cpi,
      concentration: conc,
      ratingShare,
      topObjective,
      enteredAt,
      dominatedBy,
      alternativeChosen,
      capacityBlock,
      countBlock,
      dependencyBlock,
      slack,
    });
  }
  return out;
}

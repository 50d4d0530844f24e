// Sensitivity of the optimal portfolio to the strategy (SPEC §4.8): objective weights and the
// alignment/financial split perturbed, value scores recomputed, the selection re-solved each time.
import { alignmentScore, type Analysis, type ProjectResult, scoreAndRank } from '../score';
import type { Objective } from '../model';
import { objectiveValues, selectionSetup } from './selectionSetup';
import { type SelectionProblem, type SelectionStatus, type SelectOptions, selectPortfolio } from '../select';
import { AbortError, InputError } from '../errors';
import { SENSITIVITY_WORDS } from './rationale';
import { seededRandom } from '../random';

/** SPEC §4.8 labels: robust at or above 90% of perturbations, fragile at or below 50%. */
export const ROBUST_AT = 0.9;
export const FRAGILE_AT = 0.5;
export type RobustnessLabel = 'Robust' | 'Sensitive' | 'Fragile';

/**
 * `oneAtATime` (default, no randomness): each objective weight and the alignment weight, one at a time,
 * multiplied by 1 − step and 1 + step, then renormalized — 2 × (objectives + 1) perturbations.
 * `random`: `samples` perturbations that multiply every weight at once by a factor drawn uniformly
 * from [1 − step, 1 + step] (seeded, so one seed always gives the same perturbations).
 */
export type SensitivityDesign = 'oneAtATime' | 'random';

export interface WeightSet {
  /** What changed, in words: "Customer Experience +20%", "Alignment weight −20%", "Sample 3". */
  label: string;
  /** Objective weights after renormalization, in the analysis' objective order. */
  weights: number[];
  /** Alignment weight `a` of the value score after renormalization (1 − a goes to the financial measure). */
  alignmentWeight: number;
}

export interface Perturbation extends WeightSet {
  status: SelectionStatus;
  selected: string[];
}

export interface Robustness {
  id: string;
  /** In the optimal portfolio at the analysis' own weights. */
  selected: boolean;
  /** Share of perturbations in which the project is selected. */
  selectedShare: number;
  /**
   * Share of perturbations in which the base decision holds: `selectedShare` for a selected project
   * (SPEC §4.8: "stays selected"), 1 − `selectedShare` for one left out (it stays out).
   */
  robustness: number;
  label: RobustnessLabel;
}

export interface SensitivityResult {
  design: SensitivityDesign;
  step: number;
  seed: number;
  baseSelected: string[];
  perturbations: Perturbation[];
  /** One per candidate, in the analysis' rank order. */
  projects: Robustness[];
  /** Sentences for the summary. */
  notes: string[];
}

export interface SensitivityOptions {
  /** Relative size of a perturbation (default 0.2: ±20%). */
  step?: number;
  design?: SensitivityDesign;
  /** Perturbations of the random design (default 2 × (objectives + 1), as many as one-at-a-time). */
  samples?: number;
  /** Seed of the random design (default 1). */
  seed?: number;
  /** Options of every solve (solver, time limit, gap). */
  select?: Omit<SelectOptions, 'onProgress' | 'signal' | 'start'>;
  /** The selection at the analysis' weights when the caller has it (saves one solve). */
  baseSelected?: readonly string[];
  onProgress?: (progress: { done: number; total: number; label: string }) => void;
  signal?: AbortSignal;
}

export function labelOf(robustness: number): RobustnessLabel {
  return robustness >= ROBUST_AT ? 'Robust' : robustness <= FRAGILE_AT ? 'Fragile' : 'Sensitive';
}

const pct = (f: number): string => `${f >= 1 ? '+' : '−'}${Math.round(Math.abs(f - 1) * 100)}%`;

/** Scales weights by factors and renormalizes; the alignment weight is renormalized against 1 − a. */
function scaled(
  objectives: readonly Objective[],
  a: number,
  wf: readonly number[],
  af: number,
  label: string,
): WeightSet {
  const raw = objectives.map((o, j) => o.weight * wf[j]!);
  const sum = raw.reduce((s, x) => s + x, 0);
  const aRaw = a * af;
  return {
    label,
    weights: sum > 0 ? raw.map((x) => x / sum) : raw,
    alignmentWeight: aRaw + (1 - a) > 0 ? aRaw / (aRaw + (1 - a)) : a,
  };
}

/**
 * The weight sets a design perturbs to. Perturbations that change nothing (a zero weight scaled, the
 * split when alignment weighs 0 or 1) are left out: they would count as free "stays selected" votes.
 */
export function weightSets(
  objectives: readonly Objective[],
  alignmentWeight: number,
  design: SensitivityDesign = 'oneAtATime',
  step = 0.2,
  samples = 2 * (objectives.length + 1),
  seed = 1,
): WeightSet[] {
  const m = objectives.length;
  const ones = new Array<number>(m).fill(1);
  const out: WeightSet[] = [];
  if (design === 'random') {
    const next = seededRandom(seed);
    const draw = () => 1 - step + 2 * step * next();
    for (let s = 0; s < samples; s++) {
      const wf = objectives.map(() => draw());
      out.push(scaled(objectives, alignmentWeight, wf, draw(), `Sample ${s + 1}`));
    }
    return out;
  }
  const movable = objectives.filter((o) => o.weight > 0).length;
  objectives.forEach((o, j) => {
    // Scaling the only weighted objective renormalizes back to the same weights.
    if (o.weight <= 0 || movable < 2) return;
    for (const f of [1 - step, 1 + step]) {
      const wf = [...ones];
      wf[j] = f;
      out.push(scaled(objectives, alignmentWeight, wf, 1, `${o.name} ${pct(f)}`));
    }
  });
  if (alignmentWeight > 0 && alignmentWeight < 1) {
    for (const f of [1 - step, 1 + step]) {
      out.push(scaled(objectives, alignmentWeight, ones, f, `Alignment weight ${pct(f)}`));
    }
  }
  return out;
}

/**
 * The selection problem with each candidate's value recomputed under a weight set. Who may be selected
 * (eligibility, the alignment gate) stays as the analysis decided: a perturbation moves values only.
 */
export function reweighedProblem(
  analysis: Analysis,
  candidates: readonly ProjectResult[],
  problem: SelectionProblem,
  set: WeightSet,
): SelectionProblem {
  const objectives = analysis.objectives.map((o, j) => ({ name: o.name, weight: set.weights[j]! }));
  const items = analysis.projects.map((r) => ({
    id: r.project.id,
    alignment: alignmentScore(r.project.ratings, objectives),
    financials: r.financials,
    eligible: r.eligible,
  }));
  const scores = scoreAndRank(items, analysis.settings.financialMeasure, set.alignmentWeight);
  const byId = new Map(items.map((it, i) => [it.id, { alignment: it.alignment, ...scores[i]! }]));
  const rescored = candidates.map((c) => ({ ...c, ...byId.get(c.project.id)! }));
  const values = objectiveValues(analysis, rescored);
  return { ...problem, projects: problem.projects.map((p, i) => ({ ...p, value: values[i]! })) };
}

/**
 * Robustness of every candidate (SPEC §4.8). Deterministic: one-at-a-time has no randomness and the
 * random design is seeded; each solve is exact. When the selection maximizes risk-adjusted NPV, weights
 * do not reach the values, so every perturbation keeps the base portfolio and no solve is repeated.
 */
export async function sensitivity(
  analysis: Analysis,
  options: SensitivityOptions = {},
): Promise<SensitivityResult> {
  const step = options.step ?? 0.2;
  const design = options.design ?? 'oneAtATime';
  const seed = options.seed ?? 1;
  const a = analysis.objectives.length === 0 ? 0 : analysis.settings.alignmentWeight;
  const sets = weightSets(
    analysis.objectives,
    a,
    design,
    step,
    options.samples ?? 2 * (analysis.objectives.length + 1),
    seed,
  );
  const setup = selectionSetup(analysis);
  const { problem, candidates } = setup;
  const signal = options.signal;
  const weightsMatter = analysis.settings.objective !== 'riskAdjustedNpv';
  const total = (options.baseSelected ? 0 : 1) + (weightsMatter ? sets.length : 0);
  let done = 0;
  const solve = async (p: SelectionProblem, label: string, start?: readonly string[]) => {
    if (signal?.aborted) throw new AbortError();
    const s = await selectPortfolio(p, {
      ...options.select,
      ...(start ? { start } : {}),
      ...(signal ? { signal } : {}),
    });
    options.onProgress?.({ done: ++done, total, label });
    return s;
  };

  let baseSelected: string[];
  if (options.baseSelected) baseSelected = [...options.baseSelected];
  else {
    const base = await solve(problem, 'Weights as given');
    if (base.status === 'infeasible')
      throw new InputError(base.reason ?? 'No portfolio meets every constraint.');
    baseSelected = base.selected;
  }

  const perturbations: Perturbation[] = [];
  for (const set of sets) {
    if (!weightsMatter) {
      perturbations.push({ ...set, status: 'optimal', selected: [...baseSelected] });
      continue;
    }
    // The constraints do not change, so the base portfolio is a feasible start for every re-solve.
    const s = await solve(reweighedProblem(analysis, candidates, problem, set), set.label, baseSelected);
    perturbations.push({ ...set, status: s.status, selected: s.selected });
  }

  const inBase = new Set(baseSelected);
  const count = new Map<string, number>();
  for (const pt of perturbations) for (const id of pt.selected) count.set(id, (count.get(id) ?? 0) + 1);
  const n = perturbations.length;
  const projects = candidates.map((c): Robustness => {
    const id = c.project.id;
    const selected = inBase.has(id);
    const selectedShare = n ? (count.get(id) ?? 0) / n : selected ? 1 : 0;
    const robustness = selected ? selectedShare : 1 - selectedShare;
    return { id, selected, selectedShare, robustness, label: labelOf(robustness) };
  });

  const notes: string[] = [];
  if (n === 0) notes.push(SENSITIVITY_WORDS.nothingToPerturb());
  else if (!weightsMatter) notes.push(SENSITIVITY_WORDS.weightsDoNotMatter());
  const shaky = perturbations.filter((p) => p.status !== 'optimal').length;
  if (shaky) notes.push(SENSITIVITY_WORDS.notProven(shaky, n));
  return { design, step, seed, baseSelected, perturbations, projects, notes };
}

// The rationalization run (SPEC §4.7): the optimal selection at the budget and at budgets up to +20%
// (solved by selectPortfolio), then one recommendation per project and the portfolio figures.
import type { Analysis } from '../score';
import { selectionSetup, type SelectionSetup } from './selectionSetup';
import { type Selection, type SelectOptions, selectPortfolio } from '../select';
import { AbortError, InputError } from '../errors';
import { portfolioFigures, type PortfolioFigures } from './portfolioFigures';
import type { MergeRule } from './overlap';
import { recommend, type Recommendation, type StretchPoint } from './recommend';
import { RULES } from './facts';

export interface RationalizeOptions {
  /** Options of every solve (solver, time limit, gap); progress and cancellation come from below. */
  select?: Omit<SelectOptions, 'onProgress' | 'signal' | 'start'>;
  /** Budget multipliers tried for defer and borderline (default RULES.stretchFactors). */
  stretchFactors?: readonly number[];
  /**
   * Relative gap accepted at each stretch level (default: 0 up to RULES.stretchExactUpTo candidates,
   * RULES.stretchGap above). The selection at the budget itself is always solved with `select`'s gap.
   */
  stretchGap?: number;
  mergeRule?: MergeRule;
  /** The selection at the budget when the caller already has it (saves that solve). */
  selection?: Selection;
  /** Called before each step: `done` of `total` solves are finished. */
  onProgress?: (progress: { stage: 'select' | 'stretch' | 'recommend'; done: number; total: number }) => void;
  signal?: AbortSignal;
}

export interface Rationalization {
  setup: SelectionSetup;
  selection: Selection;
  stretch: StretchPoint[];
  recommendations: Recommendation[];
  figures: PortfolioFigures;
}

/**
 * Solves the selection at the budget and at each stretch level (up to +20%), then recommends and sums
 * up. A program with no feasible portfolio has nothing to recommend from: that is an InputError whose
 * message is the solver's reason (e.g. mandatory cost against a period's budget).
 */
export async function rationalize(
  analysis: Analysis,
  options: RationalizeOptions = {},
): Promise<Rationalization> {
  const setup = selectionSetup(analysis);
  const { problem } = setup;
  const bounded = problem.budgets.length > 0 && problem.budgets.some((b) => Number.isFinite(b));
  const factors = bounded ? (options.stretchFactors ?? RULES.stretchFactors) : [];
  const total = factors.length + (options.selection ? 0 : 1);
  const signal = options.signal;
  const check = () => {
    if (signal?.aborted) throw new AbortError();
  };
  let done = 0;
  const step = (stage: 'select' | 'stretch' | 'recommend') => options.onProgress?.({ stage, done, total });

  check();
  step('select');
  const selection =
    options.selection ??
    (await selectPortfolio(problem, { ...options.select, ...(signal ? { signal } : {}) }));
  if (!options.selection) done++;
  if (selection.status === 'infeasible') {
    throw new InputError(
      selection.reason ?? 'No portfolio meets every constraint, so there is nothing to recommend.',
    );
  }
  const stretch: StretchPoint[] = [];
  // Large programs accept a small, fixed gap at the stretch levels (deterministic: no time limit).
  const candidates = problem.projects.filter((p) => !p.excluded).length;
  const userGap = options.select?.mipRelGap ?? 0;
  const stretchGap =
    options.stretchGap ??
    (candidates > RULES.stretchExactUpTo ? Math.max(userGap, RULES.stretchGap) : userGap);
  for (const factor of factors) {
    check();
    step('stretch');
    // The budget only grows, so the selection at the budget is a feasible start.
    const s = await selectPortfolio(
      { ...problem, budgets: problem.budgets.map((b) => b * factor) },
      {
        ...options.select,
        mipRelGap: stretchGap,
        start: selection.selected,
        ...(signal ? { signal } : {}),
      },
    );
    if (s.status !== 'infeasible') stretch.push({ factor, selected: s.selected, gap: s.gap });
    done++;
  }
  check();
  step('recommend');
  const recommendations = recommend({
    analysis,
    setup,
    selected: selection.selected,
    stretch,
    ...(options.mergeRule ? { mergeRule: options.mergeRule } : {}),
  });
  return {
    setup,
    selection,
    stretch,
    recommendations,
    figures: portfolioFigures(analysis, setup, selection.selected, recommendations),
  };
}

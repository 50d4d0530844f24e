// The portfolio-level proof of rationalization (SPEC §4.7, §5.3 KPIs): projects before and after, budget
// requested, recommended and freed, value kept, value concentration, and objective coverage.
import type { Analysis, ProjectResult } from '../score';
import type { SelectionSetup } from './selectionSetup';
import type { Recommendation, RecommendationType } from './recommend';
import { objectiveCoverage, type Coverage } from './coverage';

/** Value concentration: the share of value from this top share of projects (SPEC §4.7: top 20%). */
export const TOP_SHARE = 0.2;

export interface PortfolioFigures {
  /** Candidates: every project asking for funding (Completed and Cancelled ones are not). */
  projectsBefore: number;
  /** Projects in the optimal portfolio. */
  projectsAfter: number;
  /** The current portfolio (Approved + Active candidates), for comparison. */
  currentProjects: number;
  /** Remaining cost of all candidates. */
  budgetRequested: number;
  /** Remaining cost of the optimal portfolio. */
  budgetRecommended: number;
  /** Remaining cost of the projects recommended to stop (the sum of their `budgetFreed`). */
  budgetFreed: number;
  /** The budget (sum over periods), or null when some period has no limit. */
  budgetLimit: number | null;
  /** Value score of the optimal portfolio ÷ value score of all candidates (0 when no candidate has value). */
  valueKept: number;
  /** Share of all candidates' value that comes from the top 20% of candidates by value. */
  valueConcentration: number;
  /** The same within the optimal portfolio. */
  selectedConcentration: number;
  counts: Record<RecommendationType, number>;
  /** Objective coverage of the optimal portfolio. */
  coverage: Coverage;
  /** Objective coverage of the current portfolio, to show what the selection changes. */
  currentCoverage: Coverage;
}

/** Share of the total value held by the top ⌈20%⌉ of `values` (0 when the total is 0). */
export function concentration(values: readonly number[], top = TOP_SHARE): number {
  const total = values.reduce((s, v) => s + v, 0);
  if (values.length === 0 || total <= 0) return 0;
  const k = Math.max(1, Math.ceil(values.length * top));
  const sorted = [...values].sort((a, b) => b - a);
  return sorted.slice(0, k).reduce((s, v) => s + v, 0) / total;
}

export function portfolioFigures(
  analysis: Analysis,
  setup: SelectionSetup,
  selected: readonly string[],
  recommendations: readonly Recommendation[],
): PortfolioFigures {
  const inSel = new Set(selected);
  const cands = setup.candidates;
  const chosen: ProjectResult[] = cands.filter((c) => inSel.has(c.project.id));
  const cost = (rs: readonly ProjectResult[]) => rs.reduce((s, r) => s + r.financials.remainingCost, 0);
  const value = (rs: readonly ProjectResult[]) => rs.reduce((s, r) => s + r.valueScore, 0);
  const counts: Record<RecommendationType, number> = {
    stop: 0,
    merge: 0,
    rescope: 0,
    defer: 0,
    needsData: 0,
    accelerate: 0,
    continue: 0,
    closed: 0,
  };
  for (const r of recommendations) counts[r.type]++;
  const budgets = setup.problem.budgets;
  const allValue = value(cands);
  return {
    projectsBefore: cands.length,
    projectsAfter: chosen.length,
    currentProjects: setup.current.length,
    budgetRequested: cost(cands),
    budgetRecommended: cost(chosen),
    budgetFreed: recommendations.reduce((s, r) => s + r.budgetFreed, 0),
    budgetLimit:
      budgets.length > 0 && budgets.every((b) => Number.isFinite(b))
        ? budgets.reduce((s, b) => s + b, 0)
        : null,
    valueKept: allValue > 0 ? value(chosen) / allValue : 0,
    valueConcentration: concentration(cands.map((c) => c.valueScore)),
    selectedConcentration: concentration(chosen.map((c) => c.valueScore)),
    counts,
    coverage: objectiveCoverage(analysis, inSel),
    currentCoverage: objectiveCoverage(analysis, setup.current),
  };
}

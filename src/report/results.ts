// What the steps after the analysis produced, as the report receives them: each is optional, and a sheet
// or figure that needs a missing one is left out (never shown empty).
import type { Rationalization, SensitivityResult } from '../engine/decide';
import type { Frontier } from '../engine/select';
import type { ProjectDecisions } from './decisions';

export interface ReportResults {
  /** The optimal selection at the budget, one recommendation per project, and the portfolio figures. */
  rationalization?: Rationalization;
  /** The optimal portfolio at each budget level, the current portfolio and the greedy ranking beside it. */
  frontier?: Frontier;
  /** Robustness of each decision to the strategy weights. */
  sensitivity?: SensitivityResult;
}

/** The per-project view of the results that the ranking and the charts read. */
export function decisionsOf(results: ReportResults): ProjectDecisions {
  const d: ProjectDecisions = {};
  const r = results.rationalization;
  if (r) {
    d.selected = new Set(r.selection.selected);
    d.recommendation = new Map(r.recommendations.map((x) => [x.id, x.type]));
  }
  const s = results.sensitivity;
  if (s) d.robustness = new Map(s.projects.map((p) => [p.id, { share: p.robustness, label: p.label }]));
  return d;
}

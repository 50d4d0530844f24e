// What the selection, rationalization and sensitivity steps decided per project, in the one shape the
// sheet builders read; a builder shows a column or figure only when its step has run.
import type { RecommendationType } from '../engine/decide';

export interface ProjectDecisions {
  /** Ids of the recommended portfolio. */
  selected?: ReadonlySet<string>;
  /** Recommendation per project id. */
  recommendation?: ReadonlyMap<string, RecommendationType>;
  /** Share of perturbed runs in which the project stays selected, and its label. */
  robustness?: ReadonlyMap<string, { share: number; label: string }>;
}

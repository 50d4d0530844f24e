// Shapes of portfolio selection (SPEC §4.6, §5.1): the problem the caller states, the options of a
// solve and the selection that comes back. `optimize.ts` re-exports them under their stable names.
import type { HighsLike, HighsLoader } from './solver';

export interface SelectionProject {
  id: string;
  name?: string;
  /** What the selection maximizes (value score, risk-adjusted NPV or a blend); may be negative. */
  value: number;
  /** Cost per budget dimension (period); `costs[k]` counts against `budgets[k]`. Missing entries are 0. */
  costs: number[];
  /** Demand per resource dimension (role, or role × period); counts against `capacities[k]`. */
  resources?: number[];
  mandatory?: boolean;
  excluded?: boolean;
  /** Labels the project belongs to (business unit, category…): a balance limit on that label counts all its spend. */
  groups?: string[];
}

/**
 * Strategic balance: the share of selected spend (a project's spend = the sum of its costs) that
 * counts toward `label` must lie in [min, max]. A project counts `shares[id]` of its spend when listed,
 * else all of it when `label` is one of its `groups`, else none. An empty selection meets every limit.
 */
export interface BalanceLimit {
  label: string;
  shares: Record<string, number>;
  min?: number;
  max?: number;
}

export interface SelectionProblem {
  projects: SelectionProject[];
  /** One per cost dimension (period); `Infinity` means no limit. */
  budgets: number[];
  /** One per resource dimension; `Infinity` means no limit. */
  capacities?: number[];
  /** `[a, b]`: a needs b. */
  dependencies?: [string, string][];
  /** At most one project of each group. */
  exclusiveGroups?: string[][];
  maxProjects?: number;
  balance?: BalanceLimit[];
  /** Words for each budget in reasons, e.g. "2027". */
  budgetLabels?: string[];
  /** Words for each capacity in reasons, e.g. "Engineering" or "Engineering 2027". */
  capacityLabels?: string[];
  /** Unit of the capacities in reasons (default "FTE"). */
  capacityUnit?: string;
  /** Currency symbol in reasons (default "$"). */
  currency?: string;
}

export type SelectionStatus = 'optimal' | 'feasible' | 'infeasible' | 'timeLimit';

/** Where the time of one solve went, in seconds. */
export interface SelectionTimings {
  /** Checks, diagnosis, model reduction and greedy start. */
  presolve: number;
  /** Building the reduced model arrays and handing them to HiGHS. */
  build: number;
  /** HiGHS itself. */
  solve: number;
  /** Checking the returned selection against every original constraint. */
  verify: number;
}

/** Size of the model HiGHS saw after the engine's own reduction. */
export interface ReductionStats {
  fixedIn: number;
  fixedOut: number;
  free: number;
  rows: number;
}

export interface Selection {
  status: SelectionStatus;
  /** Selected project ids, in the order of `problem.projects`. */
  selected: string[];
  /** Sum of the original values of `selected` (0 when infeasible). */
  objective: number;
  /** Proven relative gap between `objective` and the best bound (0 when optimal; 0 when infeasible, where nothing is measured). */
  gap: number;
  /** Wall time of the whole call. */
  seconds: number;
  /** Why no portfolio exists, in words (only when infeasible). */
  reason?: string;
  /** Best proven upper bound on the objective (equals `objective` when optimal). */
  bound?: number;
  timings?: SelectionTimings;
  reduction?: ReductionStats;
}

export interface SelectionProgress {
  stage: string;
  fraction?: number;
  message?: string;
}

export interface SelectOptions {
  /** Stop HiGHS after this many seconds; the result is `timeLimit` with the incumbent and its proven gap. */
  timeLimitSeconds?: number;
  /** Accept a relative gap (default 0: prove optimality). A run stopped at an accepted gap > 0 is `feasible`. */
  mipRelGap?: number;
  /** A loader or a loaded runtime; overrides the registered loader. */
  highs?: HighsLoader | HighsLike;
  onProgress?: (progress: SelectionProgress) => void;
  signal?: AbortSignal;
  /** A known feasible selection (ids) to start from, e.g. the previous frontier point. */
  start?: readonly string[];
  /** Turns the engine's own model reduction off (for measurements; the result is the same). */
  reduce?: boolean;
  /**
   * Free projects from which the local-search start, the flip-cost core and reduced-cost fixing are
   * used (default 5,000; tests and measurements lower it; the result is the same).
   */
  guidedMinColumns?: number;
  /** Extra HiGHS options (tuning experiments); they override the engine's. */
  highsOptions?: Record<string, boolean | number | string>;
}

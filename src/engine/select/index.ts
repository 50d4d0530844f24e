// The select stage: any 0-1 portfolio program to a proven selection (SPEC §4.6). It knows nothing of
// workbooks; this is what the other stages, the surfaces and the bench use of it.
export { efficientFrontier, type Frontier, type FrontierPoint } from './frontier';
export { fits, indexProblem } from './indexed';
export { toLpText } from './lpFormat';
export { buildModel, type LinearModel } from './model';
export { greedySelection, selectPortfolio } from './optimize';
export type {
  BalanceLimit,
  Selection,
  SelectionProblem,
  SelectionProject,
  SelectionStatus,
  SelectOptions,
} from './problem';
export { reduce } from './reduce';
export { type HighsLike, type HighsLoader, registerHighsLoader } from './solver';

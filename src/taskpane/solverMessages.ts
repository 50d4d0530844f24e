// Messages between the pane and the solver worker (structured-cloned).
import type { Analysis } from '../engine/score';
import type { PipelineProgress } from '../pipeline/run';
import type { ReportResults } from '../report/buildReport';

export interface SolveRequest {
  analysis: Analysis;
  skip: { frontier?: boolean; sensitivity?: boolean } | undefined;
}

export type SolverMessage =
  | { kind: 'progress'; progress: PipelineProgress }
  | { kind: 'done'; results: ReportResults }
  | { kind: 'error'; name: string; message: string };

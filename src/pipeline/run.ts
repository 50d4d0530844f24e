// The one orchestration both surfaces run (SPEC §5): read → analyze → select and recommend → frontier →
// sensitivity → report → write, with progress events and an AbortSignal. The surface brings the
// workbook (a gateway) and registers the HiGHS loader; nothing here knows Office, Node or React.
import { analyzeWorkbook, type Analysis, type AnalyzeOptions } from '../engine/score';
import { AbortError } from '../engine/errors';
import { efficientFrontier } from '../engine/select';
import { rationalize, sensitivity } from '../engine/decide';
import { buildReport, type ReportResults } from '../report/buildReport';
import type { WorkbookReport } from '../report/model';
import type { RawTable } from '../engine/model';
import { readAllTables, type WorkbookGateway, type WrittenSheets } from '../workbook/port';

export type Stage = 'read' | 'analyze' | 'select' | 'frontier' | 'sensitivity' | 'write';

/** What a user sees while the run works, in the order the stages come. */
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  read: 'Reading the workbook',
  analyze: 'Scoring the projects',
  select: 'Selecting the portfolio and recommending',
  frontier: 'Tracing the efficient frontier',
  sensitivity: 'Testing the weights (sensitivity)',
  write: 'Writing the SRO sheets',
};

/** Share of the whole run done when each stage starts (the solves take most of it). */
const STAGE_START: Readonly<Record<Stage, number>> = {
  read: 0,
  analyze: 0.15,
  select: 0.2,
  frontier: 0.4,
  sensitivity: 0.7,
  write: 0.9,
};
const STAGE_END: Readonly<Record<Stage, number>> = {
  read: 0.15,
  analyze: 0.2,
  select: 0.4,
  frontier: 0.7,
  sensitivity: 0.9,
  write: 1,
};

export interface PipelineProgress {
  stage: Stage;
  label: string;
  /** Share of the whole run done, 0…1. */
  fraction: number;
  /** What within the stage, e.g. "stretch" or "+10% on Growth". */
  detail?: string;
}

export interface PipelineOptions extends AnalyzeOptions {
  /** Skip the efficient frontier / the sensitivity analysis (each is many exact solves). */
  skip?: { frontier?: boolean; sensitivity?: boolean };
  /** Run time printed on the summary (tests fix it). */
  generatedAt?: Date;
  onProgress?: (progress: PipelineProgress) => void;
  signal?: AbortSignal;
  /** Where the solves run: here by default; the task pane passes one that runs them in a Web Worker. */
  decide?: Decide;
}

export type Decide = (analysis: Analysis, options: PipelineOptions) => Promise<ReportResults>;

export interface PipelineRun {
  /** The tables as read for this run. */
  tables: RawTable[];
  analysis: Analysis;
  results: ReportResults;
  report: WorkbookReport;
  written: WrittenSheets;
}

function reporter(options: PipelineOptions) {
  const check = () => {
    if (options.signal?.aborted) throw new AbortError();
  };
  const enter = (stage: Stage) => {
    check();
    options.onProgress?.({ stage, label: STAGE_LABELS[stage], fraction: STAGE_START[stage] });
  };
  /** Progress within a stage: `done` of `total`. */
  const within = (stage: Stage) => (done: number, total: number, detail?: string) => {
    const f = STAGE_START[stage] + ((STAGE_END[stage] - STAGE_START[stage]) * done) / Math.max(1, total);
    options.onProgress?.({ stage, label: STAGE_LABELS[stage], fraction: f, ...(detail ? { detail } : {}) });
  };
  return { check, enter, within };
}

/**
 * Selection and recommendations, then the frontier and the sensitivity unless skipped. A program with
 * no feasible portfolio stops with the solver's reason (an InputError).
 */
export async function decide(analysis: Analysis, options: PipelineOptions = {}): Promise<ReportResults> {
  const { enter, within } = reporter(options);
  const signal = options.signal ? { signal: options.signal } : {};
  enter('select');
  const step = within('select');
  const rationalization = await rationalize(analysis, {
    ...signal,
    onProgress: (p) => step(p.done, p.total, p.stage),
  });
  const { problem, current } = rationalization.setup;
  let frontier;
  if (!options.skip?.frontier && problem.budgets.some((b) => Number.isFinite(b) && b > 0)) {
    enter('frontier');
    const f = within('frontier');
    frontier = await efficientFrontier(problem, {
      ...signal,
      current,
      userSelection: rationalization.selection,
      onProgress: (p) => f(p.fraction ?? 0, 1, p.message),
    });
  }
  if (options.skip?.sensitivity) return { rationalization, ...(frontier ? { frontier } : {}) };
  enter('sensitivity');
  const sens = within('sensitivity');
  const robustness = await sensitivity(analysis, {
    ...signal,
    baseSelected: rationalization.selection.selected,
    onProgress: (p) => sens(p.done, p.total, p.label),
  });
  return { rationalization, ...(frontier ? { frontier } : {}), sensitivity: robustness };
}

/** The whole run on one workbook: nothing is written unless every step before the write succeeded. */
export async function runPipeline(
  gateway: WorkbookGateway,
  options: PipelineOptions = {},
): Promise<PipelineRun> {
  const { enter, check } = reporter(options);
  enter('read');
  const tables = await readAllTables(gateway);
  enter('analyze');
  const analysis = analyzeWorkbook(tables, {
    ...(options.table ? { table: options.table } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  const results = await (options.decide ?? decide)(analysis, options);
  enter('write');
  const report = buildReport(
    analysis,
    results,
    options.generatedAt ? { generatedAt: options.generatedAt } : {},
  );
  check();
  const written = await gateway.writeReport(report);
  options.onProgress?.({ stage: 'write', label: STAGE_LABELS.write, fraction: 1 });
  return { tables, analysis, results, report, written };
}

// The `sro score` pipeline on one workbook in memory: read → analyze → select and recommend →
// report → write. Tests and the demo call it directly; the command adds files, flags and exit codes.
import ExcelJS from 'exceljs';
import { analyzeWorkbook, type Analysis } from '../engine/analyze';
import { InputError } from '../engine/errors';
import type { Settings } from '../engine/settings';
import type { RawTable } from '../engine/model';
import { XlsxWorkbookReader } from '../workbook/xlsx/read';
import { writeReport, type WrittenReport } from '../workbook/xlsx/write';
import { buildReport, type ReportResults } from '../report/buildReport';
import type { WorkbookReport } from '../report/model';
import type { Progress } from './progress';
import { rationalize } from '../engine/rationalizeRun';
import { efficientFrontier } from '../engine/frontier';
import { sensitivity } from '../engine/sensitivity';
import { useNodeHighs } from './highs';

export interface ScoreOptions {
  table?: string;
  settings?: Partial<Settings>;
  /** Run time on the summary (tests fix it). */
  generatedAt?: Date;
  progress?: Progress;
  /** Name of the workbook in messages. */
  name?: string;
  /** Skip the efficient frontier / the sensitivity analysis (each is many exact solves). */
  skip?: { frontier?: boolean; sensitivity?: boolean };
}

export interface ScoreRun {
  analysis: Analysis;
  results: ReportResults;
  report: WorkbookReport;
  written: WrittenReport;
}

const SILENT: Progress = { stage: () => undefined, update: () => undefined, done: () => undefined };

/**
 * Selection, recommendations, frontier and sensitivity, each a stage of the progress bar. A program
 * with no feasible portfolio stops here with the solver's reason (an InputError, exit code 2).
 */
async function decide(
  analysis: Analysis,
  progress: Progress,
  skip: ScoreOptions['skip'] = {},
): Promise<ReportResults> {
  useNodeHighs();
  const span = (from: number, to: number) => (done: number, total: number, detail?: string) =>
    progress.update(from + ((to - from) * done) / Math.max(1, total), detail);
  progress.stage('Selecting the portfolio and recommending', 0.2);
  const step = span(0.2, 0.4);
  const rationalization = await rationalize(analysis, {
    onProgress: (p) => step(p.done, p.total, p.stage),
  });
  const { problem, current } = rationalization.setup;
  let frontier;
  if (!skip.frontier && problem.budgets.some((b) => Number.isFinite(b) && b > 0)) {
    progress.stage('Tracing the efficient frontier', 0.4);
    const f = span(0.4, 0.7);
    frontier = await efficientFrontier(problem, {
      current,
      userSelection: rationalization.selection,
      onProgress: (p) => f(p.fraction ?? 0, 1, p.message),
    });
  }
  if (skip.sensitivity) return { rationalization, ...(frontier ? { frontier } : {}) };
  progress.stage('Testing the weights (sensitivity)', 0.7);
  const sens = span(0.7, 0.9);
  const robustness = await sensitivity(analysis, {
    baseSelected: rationalization.selection.selected,
    onProgress: (p) => sens(p.done, p.total, p.label),
  });
  return { rationalization, ...(frontier ? { frontier } : {}), sensitivity: robustness };
}

/** Loads an .xlsx package; anything else is the user's input error, said in one sentence. */
export async function loadWorkbook(data: Uint8Array, name = 'The file'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for its own Buffer type; a Uint8Array is what it reads.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(
      `${name} is not an Excel workbook (.xlsx): save it as "Excel Workbook" and run again.`,
    );
  }
  return wb;
}

/** Every table of the workbook; the ExcelJS model is dropped on return (it is the largest thing in memory). */
export async function readTables(data: Uint8Array, name?: string): Promise<RawTable[]> {
  return new XlsxWorkbookReader(await loadWorkbook(data, name)).all();
}

export async function scoreWorkbook(data: Uint8Array, options: ScoreOptions = {}): Promise<ScoreRun> {
  const progress = options.progress ?? SILENT;
  progress.stage('Reading the workbook', 0);
  const tables = await readTables(data, options.name);

  progress.stage('Scoring the projects', 0.15);
  const analysis = analyzeWorkbook(tables, {
    ...(options.table ? { table: options.table } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });

  const results = await decide(analysis, progress, options.skip);

  progress.stage('Writing the SRO sheets', 0.9);
  const report = buildReport(
    analysis,
    results,
    options.generatedAt ? { generatedAt: options.generatedAt } : {},
  );
  const written = await writeReport(data, report);
  progress.done();
  return { analysis, results, report, written };
}

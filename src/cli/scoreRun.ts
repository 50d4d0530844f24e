// The `sro score` run on one workbook in memory: the shared pipeline on an .xlsx gateway, with the
// terminal's progress bar. Tests and the demo call it directly; the command adds files, flags and exit codes.
import type { Analysis } from '../engine/score';
import type { Settings } from '../engine/read';
import { explainSkipped } from '../workbook/xlsx/gateway';
import { csvReading, gatewayFor } from './source';
import type { WrittenReport } from '../workbook/xlsx/write';
import type { ReportResults } from '../report/buildReport';
import type { WorkbookReport } from '../report/model';
import { runPipeline } from '../pipeline/run';
import type { Progress } from './progress';
import { useNodeHighs } from './highs';

export { loadWorkbook } from '../workbook/xlsx/gateway';

export interface ScoreOptions {
  table?: string;
  settings?: Partial<Settings>;
  /** Run time on the summary (tests fix it). */
  generatedAt?: Date;
  progress?: Progress;
  /** Name of the file in messages; a name ending in .csv reads the data as CSV. */
  name?: string;
  /** Skip the efficient frontier / the sensitivity analysis (each is many exact solves). */
  skip?: { frontier?: boolean; sensitivity?: boolean };
}

export interface ScoreRun {
  analysis: Analysis;
  results: ReportResults;
  report: WorkbookReport;
  written: WrittenReport;
  /** How a CSV input was read (encoding, separator, sheet), for the summary; absent for a workbook. */
  reading?: string;
}

export async function scoreWorkbook(data: Uint8Array, options: ScoreOptions = {}): Promise<ScoreRun> {
  useNodeHighs();
  const progress = options.progress;
  const gateway = gatewayFor(data, options.name);
  let stage = '';
  const run = await runPipeline(gateway, {
    ...(options.table ? { table: options.table } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.skip ? { skip: options.skip } : {}),
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    onProgress: (p) => {
      if (p.stage !== stage) progress?.stage(p.label, p.fraction);
      else progress?.update(p.fraction, p.detail);
      stage = p.stage;
    },
  }).catch((e: unknown) => {
    throw explainSkipped(e, gateway.skipped);
  });
  progress?.done();
  // The raw tables are not kept: at 10,000 projects they are tens of MB the caller has no use for.
  const { tables: _tables, ...rest } = run;
  const reading = csvReading(gateway);
  return {
    ...rest,
    written: { names: run.written, data: gateway.output!, notes: gateway.notes },
    ...(reading ? { reading } : {}),
  };
}

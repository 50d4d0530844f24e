#!/usr/bin/env node
// The `sro` command (SPEC §2): `sro score` and `sro inspect` on .xlsx (and .csv) files, for batch runs and
// machines without Excel; the output is always a workbook. One error boundary: bad input exits 2 with one sentence, anything else exits 1.
import path from 'node:path';
import { InputError } from '../engine/errors';
import { parseArgs, USAGE, UsageError, type InspectCommand, type ScoreCommand } from './args';
import { createProgress } from './progress';
import { scoreWorkbook } from './scoreRun';
import { inspectionJson, inspectionText, inspectWorkbook } from './inspect';
import { jsonReport } from './jsonReport';
import { summaryLines } from './summaryText';
import { checkOutputs, readInput, removePendingWrites, writeAtomic } from './files';
import { openPackage, type WorkbookKind } from '../workbook/xlsx/sniff';
import { isCsvName } from './source';

const VERSION = '0.1.0';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { isTTY?: boolean; columns?: number; write(s: string): unknown };
}

/**
 * `in.xlsx` → `in.sro.xlsx` beside it (`in.sro.xlsm` for a macro-enabled workbook, which Excel opens only
 * under that extension; `in.csv` → `in.sro.xlsx`): the input is never the default output.
 */
export function defaultOutput(
  input: string,
  kind: Pick<WorkbookKind, 'macroEnabled'> = { macroEnabled: false },
): string {
  const ext = path.extname(input);
  return path.join(
    path.dirname(input),
    `${path.basename(input, ext)}.sro.${kind.macroEnabled ? 'xlsm' : 'xlsx'}`,
  );
}

/** The output's extension must match the package: Excel refuses a macro-enabled workbook named .xlsx. */
function checkExtension(output: string, kind: WorkbookKind, input: string): void {
  const ext = path.extname(output).toLowerCase();
  const wanted = kind.macroEnabled ? '.xlsm' : '.xlsx';
  if (ext === wanted) return;
  if (kind.macroEnabled && ext === '.xlsx')
    throw new InputError(
      `${input} holds macros, so the output must be a macro-enabled workbook: name it .xlsm (-o ${path.basename(output, path.extname(output))}.xlsm); Excel does not open a macro-enabled workbook named .xlsx.`,
    );
  if (!kind.macroEnabled && ext === '.xlsm')
    throw new InputError(
      `${input} has no macros, so the output is an Excel Workbook: name it .xlsx, not .xlsm.`,
    );
  throw new InputError(`-o ${output}: the output is an Excel workbook, so its name must end in ${wanted}.`);
}

async function score(cmd: ScoreCommand, io: Io): Promise<void> {
  const data = await readInput(cmd.input);
  const name = path.basename(cmd.input);
  const kind: WorkbookKind = isCsvName(name)
    ? { macroEnabled: false, template: false }
    : (await openPackage(data, name)).kind;
  const output = cmd.output ?? defaultOutput(cmd.input, kind);
  checkExtension(output, kind, name);
  await checkOutputs(cmd.input, [
    { flag: cmd.output ? '-o' : 'the default output', file: output, mayBeInput: cmd.output !== undefined },
    ...(cmd.json ? [{ flag: '--json', file: cmd.json, mayBeInput: false }] : []),
  ]);
  const generatedAt = new Date();
  const progress = createProgress(io.stderr, cmd.quiet);
  let run;
  try {
    run = await scoreWorkbook(data, {
      ...(cmd.table ? { table: cmd.table } : {}),
      settings: cmd.settings,
      ...(cmd.skip ? { skip: cmd.skip } : {}),
      generatedAt,
      progress,
      name,
    });
  } finally {
    // An error message must not land on the end of a half-drawn bar.
    progress.done();
  }
  const sheets = Object.fromEntries(Object.entries(run.written.names)) as Record<string, string>;
  const json = cmd.json
    ? `${JSON.stringify(jsonReport(run.analysis, run.results, { input: cmd.input, output, sheets, generatedAt }), null, 2)}\n`
    : null;
  await writeAtomic(output, run.written.data);
  if (cmd.json && json !== null) await writeAtomic(cmd.json, json);
  const lines = [`SRO Portfolio — ${name}`];
  if (run.reading) lines.push(`Input ${run.reading}`);
  for (const line of summaryLines(run.analysis, run.results)) lines.push(line);
  for (const note of run.written.notes) lines.push(note);
  if (kind.template) lines.push(`${name} is a template: the output is a workbook made from it.`);
  lines.push(`Wrote ${output} (sheets: ${Object.values(sheets).join(', ')})`);
  if (cmd.json) lines.push(`Wrote ${cmd.json}`);
  io.stdout.write(`${lines.join('\n')}\n`);
}

async function inspect(cmd: InspectCommand, io: Io): Promise<void> {
  const data = await readInput(cmd.input);
  if (cmd.json) await checkOutputs(cmd.input, [{ flag: '--json', file: cmd.json, mayBeInput: false }]);
  const inspection = await inspectWorkbook(data, {
    ...(cmd.table ? { table: cmd.table } : {}),
    name: path.basename(cmd.input),
  });
  if (cmd.json) await writeAtomic(cmd.json, `${JSON.stringify(inspectionJson(inspection), null, 2)}\n`);
  io.stdout.write(`${inspectionText(inspection)}\n`);
}

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: Io = process): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    if (cmd.command === 'help') io.stdout.write(`${USAGE}\n`);
    else if (cmd.command === 'version') io.stdout.write(`${VERSION}\n`);
    else if (cmd.command === 'score') await score(cmd, io);
    else await inspect(cmd, io);
    return 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) {
      io.stderr.write(`sro: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`sro: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  // Ctrl+C or a kill mid-write: no temporary file is left beside the output.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => {
      removePendingWrites();
      process.exit(code);
    });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

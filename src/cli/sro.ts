#!/usr/bin/env node
// The `sro` command (SPEC §2): `sro score` and `sro inspect` on .xlsx files, for batch runs and machines
// without Excel. One error boundary: bad input exits 2 with one sentence, anything else exits 1.
import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../engine/errors';
import { parseArgs, USAGE, UsageError, type InspectCommand, type ScoreCommand } from './args';
import { createProgress } from './progress';
import { scoreWorkbook } from './scoreRun';
import { inspectionJson, inspectionText, inspectWorkbook } from './inspect';
import { jsonReport } from './jsonReport';
import { summaryLines } from './summaryText';

const VERSION = '0.1.0';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { isTTY?: boolean; columns?: number; write(s: string): unknown };
}

/** `in.xlsx` → `in.sro.xlsx` beside it: the input is never the default output. */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.sro.xlsx`);
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    throw new InputError(`Cannot read ${file}: ${fileProblem(e)}.`);
  }
}

async function writeFile(file: string, data: Uint8Array | string): Promise<void> {
  try {
    await fs.writeFile(file, data);
  } catch (e) {
    throw new InputError(`Cannot write ${file}: ${fileProblem(e)}.`);
  }
}

function fileProblem(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EBUSY') return 'the file is open in another program';
  return e instanceof Error ? e.message : String(e);
}

async function score(cmd: ScoreCommand, io: Io): Promise<void> {
  const data = await readInput(cmd.input);
  const output = cmd.output ?? defaultOutput(cmd.input);
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
      name: path.basename(cmd.input),
    });
  } finally {
    // An error message must not land on the end of a half-drawn bar.
    progress.done();
  }
  await writeFile(output, run.written.data);
  const sheets = Object.fromEntries(Object.entries(run.written.names)) as Record<string, string>;
  if (cmd.json) {
    const json = jsonReport(run.analysis, run.results, { input: cmd.input, output, sheets, generatedAt });
    await writeFile(cmd.json, `${JSON.stringify(json, null, 2)}\n`);
  }
  const lines = [`SRO Portfolio — ${path.basename(cmd.input)}`, ...summaryLines(run.analysis, run.results)];
  lines.push(`Wrote ${output} (sheets: ${Object.values(sheets).join(', ')})`);
  if (cmd.json) lines.push(`Wrote ${cmd.json}`);
  io.stdout.write(`${lines.join('\n')}\n`);
}

async function inspect(cmd: InspectCommand, io: Io): Promise<void> {
  const data = await readInput(cmd.input);
  const inspection = await inspectWorkbook(data, {
    ...(cmd.table ? { table: cmd.table } : {}),
    name: path.basename(cmd.input),
  });
  if (cmd.json) await writeFile(cmd.json, `${JSON.stringify(inspectionJson(inspection), null, 2)}\n`);
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
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

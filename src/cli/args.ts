// Command-line arguments of `sro`: parsed into a typed command, with one clear sentence when they are
// wrong. Settings flags become engine settings that override the workbook's "SRO Settings" sheet.
import { parseNumber, parsePercent, type Settings } from '../engine/read';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ScoreCommand {
  command: 'score';
  input: string;
  output?: string;
  table?: string;
  json?: string;
  /** Skip the efficient frontier / the sensitivity analysis (large portfolios: each is many exact solves). */
  skip?: { frontier?: boolean; sensitivity?: boolean };
  settings: Partial<Settings>;
  quiet: boolean;
}

export interface InspectCommand {
  command: 'inspect';
  input: string;
  table?: string;
  json?: string;
}

export type Command = ScoreCommand | InspectCommand | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  sro score <in.xlsx|in.csv> [-o out.xlsx] [--table NAME] [--budget AMOUNT | --budget 2027=5M,2028=6M]
            [--discount-rate RATE] [--json FILE] [--no-frontier] [--no-sensitivity] [--quiet]
  sro inspect <in.xlsx|in.csv> [--table NAME] [--json FILE]

score    ranks the projects, selects the best portfolio, recommends what to stop, and writes the input
         workbook plus the SRO sheets to out.xlsx (default: <in>.sro.xlsx next to the input, .sro.xlsm
         for a macro-enabled workbook; the input is never overwritten unless -o names it). A .csv input
         (UTF-8 or Windows-1252, separated by , ; or tabs) gives a new workbook: its data on a sheet
         named after the file, plus the SRO sheets; nothing is written as .csv.
inspect  lists the tables found, the proposed column mapping with its confidence, and the data issues.

Options:
  -o, --output FILE     where to write the scored workbook (.xlsx, or .xlsm for a macro-enabled one)
  --table NAME          the projects table (default: the best match)
  --budget AMOUNT       one total budget (12M, $12,000,000), or per period: 2027=5M,2028=6M
  --discount-rate RATE  per period: 8% or 0.08
  --json FILE           also write ranking, selection, frontier, recommendations and data issues as JSON
                        (never the input, never the same file as -o)
  --no-frontier         skip the efficient frontier (21+ exact solves; for very large portfolios)
  --no-sensitivity      skip the weight sensitivity (2 solves per objective; likewise)
  --quiet               no progress on stderr
  -h, --help            this text
  --version             the version

Exit codes: 0 done, 1 internal error, 2 bad input (the message says what to fix).`;

const VALUE_FLAGS = new Set(['-o', '--output', '--table', '--budget', '--discount-rate', '--json']);

/** Parses `--budget`: one amount, or `label=amount` pairs separated by commas. */
export function parseBudget(text: string): Partial<Settings> {
  if (text.includes('=')) {
    const budgets: Record<string, number> = {};
    // A comma separates periods only where the next period's "label=" follows ("2027=5M,2028=$6,000,000").
    for (const part of text.split(/[,;]\s*(?=[^,;=]+=)/)) {
      const [label, amount] = part.split('=').map((s) => s.trim());
      const n = amount ? parseNumber(amount).value : null;
      if (!label || n === null || n < 0)
        throw new UsageError(`--budget "${part}" is not a period budget such as 2027=5M.`);
      budgets[label] = n;
    }
    return { budgets, totalBudget: null };
  }
  const n = parseNumber(text).value;
  if (n === null || n <= 0) throw new UsageError(`--budget "${text}" is not a positive amount such as 12M.`);
  return { totalBudget: n };
}

export function parseRate(text: string): number {
  const n = parsePercent(text).value;
  if (n === null || n <= -1 || n > 1)
    throw new UsageError(`--discount-rate "${text}" is not a rate such as 8% or 0.08.`);
  return n;
}

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  let quiet = false;
  const skip: { frontier?: boolean; sensitivity?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return { command: 'help' };
    if (a === '--version') return { command: 'version' };
    if (a === '--quiet' || a === '-q') {
      quiet = true;
      continue;
    }
    if (a === '--no-frontier' || a === '--no-sensitivity') {
      skip[a === '--no-frontier' ? 'frontier' : 'sensitivity'] = true;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
      flags.set(name === '-o' ? '--output' : name, value);
      continue;
    }
    if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}; see sro --help.`);
    positional.push(a);
  }
  const [command, input, ...rest] = positional;
  if (!command) return { command: 'help' };
  if (command !== 'score' && command !== 'inspect')
    throw new UsageError(`Unknown command "${command}": use sro score or sro inspect.`);
  if (!input) throw new UsageError(`sro ${command} needs a workbook: sro ${command} <in.xlsx>.`);
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}"; see sro --help.`);
  const table = flags.get('--table');
  const json = flags.get('--json');
  if (command === 'inspect') {
    for (const f of ['--output', '--budget', '--discount-rate'])
      if (flags.has(f)) throw new UsageError(`${f} applies to sro score, not sro inspect.`);
    return { command, input, ...(table ? { table } : {}), ...(json ? { json } : {}) };
  }
  const settings: Partial<Settings> = {};
  const budget = flags.get('--budget');
  if (budget) Object.assign(settings, parseBudget(budget));
  const rate = flags.get('--discount-rate');
  if (rate) settings.discountRate = parseRate(rate);
  const output = flags.get('--output');
  return {
    command,
    input,
    ...(output ? { output } : {}),
    ...(table ? { table } : {}),
    ...(json ? { json } : {}),
    ...(skip.frontier || skip.sensitivity ? { skip } : {}),
    settings,
    quiet,
  };
}

// Every sentence the engine writes about the user's data, in one place so wording stays consistent
// and is easy to change. Each entry gives the problem and the assumption the run made to go on.
import { formatMoney, formatPercent } from './format';
import type { IssueKind } from './model';

type Msg = { problem: string; assumption: string };

const UNKNOWN_PERIOD = 'Nothing counted for this period; the project’s other periods are used.';

export const MSG = {
  excelError: (what: string, assumed: string): Msg => ({
    problem: `${what} holds an Excel error.`,
    assumption: assumed,
  }),
  notNumber: (what: string, assumed: string): Msg => ({
    problem: `${what} is not a number.`,
    assumption: assumed,
  }),
  notBoolean: (what: string): Msg => ({ problem: `${what} should be Yes or No.`, assumption: 'Read as No.' }),
  notDate: (what: string): Msg => ({ problem: `${what} is not a date.`, assumption: 'Left blank.' }),
  negativeCost: (what: string, value: number, sym: string): Msg => ({
    problem: `${what} is negative (${formatMoney(value, sym)}).`,
    assumption: `Read as a cost of ${formatMoney(Math.abs(value), sym)}.`,
  }),
  numberAsText: (what: string, value: number, sym: string): Msg => ({
    problem: `${what} is a number stored as text.`,
    assumption: `Read as ${formatMoney(value, sym)} (${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}).`,
  }),
  noCost: (column: string): Msg => ({
    problem: `${column} is blank: the project has no cost.`,
    assumption: 'Cost unknown: not a candidate for selection; recommended Needs data.',
  }),
  noBenefit: (column: string): Msg => ({
    problem: `${column} is blank: the project has no benefit figure.`,
    assumption: 'Benefit unknown: its return is not judged (no Stop or Re-scope on a missing benefit).',
  }),
  zeroBenefit: (column: string): Msg => ({
    problem: `${column} is 0 against a positive cost: no benefit is quantified.`,
    assumption: 'Benefit unknown (not quantified): its return is not judged.',
  }),
  /** `period`: one period of several, whose others still count. */
  withheld: (column: string, exemption: string | null, period = false): Msg => ({
    problem: exemption
      ? `${column} is withheld under ${exemption}.`
      : `${column} is withheld (exempt from publication).`,
    assumption: period ? UNKNOWN_PERIOD : 'Read as unknown, never as 0.',
  }),
  notAvailable: (column: string, text: string, period = false): Msg => ({
    problem: `${column} says "${text}": the figure is not available.`,
    assumption: period ? UNKNOWN_PERIOD : 'Read as unknown, never as 0.',
  }),
  unknownConfidence: (word: string): Msg => ({
    problem: `Delivery confidence "${word}" is not a rating on the Red … Green scale.`,
    assumption: 'No rating from this cell.',
  }),
  negativeNumber: (what: string): Msg => ({ problem: `${what} is negative.`, assumption: 'Read as 0.' }),
  probabilityAbove: (value: number, fallback: string): Msg => ({
    problem: `Probability of success is above 100% (${formatPercent(value, 0)}).`,
    assumption: fallback,
  }),
  probabilityNegative: (fallback: string): Msg => ({
    problem: 'Probability of success is negative.',
    assumption: fallback,
  }),
  unknownRisk: (word: string): Msg => ({
    problem: `Risk "${word}" is not one of the known levels (Low, Medium, High, Very High).`,
    assumption: 'No risk adjustment from this cell.',
  }),
  unknownStatus: (word: string, fallback = 'proposed'): Msg => ({
    problem: `Status "${word}" is not a known status.`,
    assumption: `Treated as ${fallback === 'onHold' ? 'On hold' : fallback[0]!.toUpperCase() + fallback.slice(1)}.`,
  }),
  unknownRatingWord: (word: string): Msg => ({
    problem: `Rating "${word}" is not a known rating word.`,
    assumption: 'Read as 0.',
  }),
  ratingOutOfScale: (value: number, max: number): Msg => ({
    problem: `Rating ${value} is outside the 0–${max} scale.`,
    assumption: value < 0 ? 'Read as 0.' : `Read as ${max}.`,
  }),
  /** `first`: where the id first appears, "row 12" (or "column F" in a transposed table). */
  duplicateId: (id: string, first: string, newId: string): Msg => ({
    problem: `Duplicate ID ${id} (also on ${first}).`,
    assumption: `Kept both; this ${first.startsWith('column') ? 'column' : 'row'} is referred to as ${newId}. Dependencies on ${id} mean ${first}.`,
  }),
  noName: (): Msg => ({
    problem: 'The row has data but no project name.',
    assumption: 'Left out of the analysis.',
  }),
  nameFromId: (id: string): Msg => ({
    problem: 'The row has no project name.',
    assumption: `Named after its ID, ${id}.`,
  }),
  totalsRow: (): Msg => ({
    problem: 'This looks like a totals row.',
    assumption: 'Left out of the analysis.',
  }),
  unknownDependency: (dep: string): Msg => ({
    problem: `Depends on ${dep}, which is not in the table.`,
    assumption: 'This dependency is ignored.',
  }),
  selfDependency: (): Msg => ({
    problem: 'The project depends on itself.',
    assumption: 'This dependency is ignored.',
  }),
  dependencyCycle: (ids: string[]): Msg => ({
    problem: `Dependency cycle: ${[...ids, ids[0]].join(' → ')}.`,
    assumption: 'These projects are treated as one package: selected together or not at all.',
  }),
  endBeforeStart: (): Msg => ({
    problem: 'The end date is before the start date.',
    assumption: 'The end date is ignored.',
  }),
  periodsVsTotal: (label: string, sum: number, total: number, sym: string): Msg => ({
    problem: `The yearly ${label} add up to ${formatMoney(sum, sym)} but the total says ${formatMoney(total, sym)}.`,
    assumption: 'Used the yearly figures.',
  }),
  remainingRescaled: (sum: number, remaining: number, sym: string): Msg => ({
    problem: `The yearly costs add up to ${formatMoney(sum, sym)} but EAC − actual cost is ${formatMoney(remaining, sym)}.`,
    assumption: `Remaining cost taken as ${formatMoney(remaining, sym)}, spread like the yearly costs.`,
  }),
  eacBelowActual: (eac: number, actual: number, sym: string): Msg => ({
    problem: `EAC ${formatMoney(eac, sym)} is below the actual cost ${formatMoney(actual, sym)}.`,
    assumption: 'Remaining cost taken as 0.',
  }),
  strayCell: (tables: string, more: number): Msg => ({
    problem: `A value far outside this sheet's tables (${tables})${more > 0 ? `; ${more.toLocaleString('en-US')} more cells like it` : ''}.`,
    assumption: 'Ignored; delete it if it was typed by mistake.',
  }),
  ambiguousNumber: (text: string): Msg => ({
    problem: `"${text}" could be read two ways.`,
    assumption: 'Read with the workbook’s decimal separator.',
  }),
} as const;

/** The sentence for a run that has no usable project. */
export const NO_PROJECTS = {
  noTables:
    'The workbook has no table or header row to read: add a table of projects with at least a Project Name column.',
  noProjectTable:
    'No table looks like a list of projects: name a column "Project" or "Project Name" (or choose the table and map its columns).',
  noRows: (table: string) =>
    `The table ${table} has no project rows with a name: fill in the Project Name column.`,
  tableNotFound: (table: string, known: string[]) =>
    `There is no table named "${table}"; the workbook has ${known.length ? known.join(', ') : 'none'}.`,
} as const;

/** Sizes past which a workbook is not read (SPEC §6: bad input gets one clear sentence, never a crash). */
export const SIZE_LIMITS = {
  /** Rows that hold a value, on any one sheet. */
  sheetRows: 50_000,
  /** Cells that hold a value, in the whole workbook. */
  workbookCells: 1_000_000,
  /** Cells of one table or range, blank or not (Excel's own API reads no more in one range). */
  tableCells: 5_000_000,
} as const;

const n = (x: number) => x.toLocaleString('en-US');

/** The sentence for a workbook past one of the size limits. */
export const TOO_LARGE = {
  sheetRows: (sheet: string) =>
    `Sheet "${sheet}" has more than ${n(SIZE_LIMITS.sheetRows)} rows with values; SRO Portfolio reads at most ${n(SIZE_LIMITS.sheetRows)} rows on a sheet: keep only the projects to score (for example, without closed ones) and the rows you need, and run again.`,
  workbookCells: () =>
    `The workbook has more than ${n(SIZE_LIMITS.workbookCells)} cells with values; SRO Portfolio reads at most ${n(SIZE_LIMITS.workbookCells)}: remove the sheets and columns the projects do not need (or copy the projects table to a workbook of its own) and run again.`,
  tableCells: (table: string, address: string) =>
    `The table ${table} covers ${address}, more than ${n(SIZE_LIMITS.tableCells)} cells; SRO Portfolio reads tables of up to ${n(SIZE_LIMITS.tableCells)} cells: resize the table to its data and run again.`,
} as const;

type GroupMsg = { problem: string; assumption?: string };
type Grouped = (
  column: string,
  n: number,
  cells: string,
  examples: readonly string[],
  exemption: string | null,
) => GroupMsg;
const quoted = (xs: readonly string[]) =>
  xs.map((x) => `"${x.length > 40 ? `${x.slice(0, 39)}…` : x}"`).join(', ');
const cellsOf = (n: number) => `${n.toLocaleString('en-US')} cells`;

/** Sentences of a grouped data issue: one per column and problem, with the count and the cells. */
export const GROUPED: Record<IssueKind, Grouped> = {
  numberAsText: (col, n, cells) => ({
    problem: `${cellsOf(n)} of ${col} hold numbers as text (${cells}).`,
    assumption: 'Read as numbers.',
  }),
  notNumber: (col, n, cells, ex) => ({
    problem: `${cellsOf(n)} of ${col} are not numbers (${cells}): ${quoted(ex)}.`,
  }),
  excelError: (col, n, cells) => ({ problem: `${cellsOf(n)} of ${col} hold Excel errors (${cells}).` }),
  withheld: (col, n, cells, _ex, exemption) => ({
    problem: `${cellsOf(n)} of ${col} are withheld ${exemption ? `under ${exemption}` : '(exempt from publication)'} (${cells}).`,
    assumption: 'Read as unknown, never as 0.',
  }),
  notAvailable: (col, n, cells, ex) => ({
    problem: `${cellsOf(n)} of ${col} say the figure is not available (${cells}): ${quoted(ex)}.`,
    assumption: 'Read as unknown, never as 0.',
  }),
  blankFigure: (col, n, cells) => ({
    problem: `${n.toLocaleString('en-US')} projects have ${col} blank (${cells}).`,
  }),
  notDate: (col, n, cells, ex) => ({
    problem: `${cellsOf(n)} of ${col} are not dates (${cells}): ${quoted(ex)}.`,
  }),
  notBoolean: (col, n, cells, ex) => ({
    problem: `${cellsOf(n)} of ${col} are not Yes or No (${cells}): ${quoted(ex)}.`,
  }),
  unknownWord: (col, n, cells, ex) => ({
    problem: `${cellsOf(n)} of ${col} hold words it does not know (${cells}): ${quoted(ex)}.`,
  }),
  negative: (col, n, cells) => ({
    problem: `${cellsOf(n)} of ${col} are negative (${cells}).`,
  }),
  zeroBenefit: (col, n, cells) => ({
    problem: `${n.toLocaleString('en-US')} projects give 0 in ${col} against a positive cost (${cells}): no benefit is quantified.`,
  }),
  nameFromId: (col, n, cells) => ({
    problem: `${n.toLocaleString('en-US')} rows have no ${col} (${cells}).`,
    assumption: 'Each is named after its ID.',
  }),
};

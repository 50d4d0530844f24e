// The analysis pipeline of the engine: workbook tables in, a typed analysis out (SPEC §3, §4.1–§4.5).
// Finds the tables, maps columns, reads projects, weighs objectives, and scores and ranks every project.
import type {
  BudgetLine,
  CapacityLine,
  DataIssue,
  Objective,
  Project,
  RawTable,
  WeightSource,
} from '../model';
import { mapColumns, type ColumnMap, type MappingOverride } from '../read/columnMatch';
import { cellText, detectDecimalSeparator, isBlank, parseNumber } from '../read/cells';
import { defaultSettings, readSettingsTable, type Settings } from '../read/settings';
import { classifyTable, bestProjectTable, OUTPUT_SHEET_RE, type TableRole } from '../read/tableDetect';
import { readBudgetTable, readCapacityTable, readObjectivesTable, readPairwiseTable } from '../read/strategy';
import { readProjects } from '../read/projects';
import { alignmentScore, detectRatingScale } from './alignment';
import { projectFinancials, type Financials } from './financials';
import { scoreAndRank } from './scoring';
import { ahp, type AhpResult } from './ahp';
import { InputError } from '../errors';
import { NO_PROJECTS } from '../messages';
import { isCandidate } from '../read/vocabulary';

export interface AnalyzeOptions {
  /** Name of the projects table; the best match is proposed when absent. */
  table?: string;
  /** Column mapping overrides, keyed by header. */
  overrides?: Record<string, MappingOverride>;
  /** Settings that override the workbook's settings sheet (CLI flags, task pane). */
  settings?: Partial<Settings>;
}

export interface ProjectResult {
  project: Project;
  alignment: number;
  financials: Financials;
  financialScore: number;
  valueScore: number;
  rank: number;
  eligible: boolean;
  /** Why the project cannot be selected, when it cannot. */
  ineligibleReason?: string;
}

export interface Analysis {
  table: { name: string; sheet: string };
  columns: ColumnMap[];
  /** In rank order. */
  projects: ProjectResult[];
  issues: DataIssue[];
  objectives: Objective[];
  weightSource: WeightSource;
  ahp: (AhpResult & { names: string[] }) | null;
  periods: string[];
  budgets: BudgetLine[];
  capacities: CapacityLine[];
  settings: Settings;
  currency: string;
  /** Sentences for the summary: assumptions the run made about the workbook as a whole. */
  notes: string[];
  /** Role of every table found, by table name. */
  roles: Record<string, TableRole>;
}

export function analyzeWorkbook(tables: readonly RawTable[], options: AnalyzeOptions = {}): Analysis {
  if (tables.length === 0) throw new InputError(NO_PROJECTS.noTables);
  const issues: DataIssue[] = [];
  const notes: string[] = [];
  const roles: Record<string, TableRole> = {};
  // The add-in's own output sheets are never input (a re-run must not read last run's coverage table
  // as the strategy); the settings sheet is, and is classified like any other.
  for (const t of tables) roles[t.name] = OUTPUT_SHEET_RE.test(t.sheet) ? 'other' : classifyTable(t);
  const find = (role: TableRole) => tables.find((t) => roles[t.name] === role);

  // Settings: defaults, then the settings sheet, then the caller's overrides.
  let settings = defaultSettings();
  const settingsTable = find('settings');
  if (settingsTable) {
    const r = readSettingsTable(settingsTable, settings);
    settings = r.settings;
    issues.push(...r.issues);
  }
  settings = { ...settings, ...stripUndefined(options.settings ?? {}) };

  // Objectives and their weights.
  const w = objectiveWeights(tables, roles, settings, issues, notes);

  // The projects table.
  let table: RawTable | null | undefined;
  if (options.table) {
    table = tables.find((t) => t.name.toLowerCase() === options.table!.toLowerCase());
    if (!table)
      throw new InputError(
        NO_PROJECTS.tableNotFound(
          options.table,
          tables.map((t) => t.name),
        ),
      );
  } else
    table = bestProjectTable(
      tables,
      w.objectives.map((o) => o.name),
    );
  if (!table) throw new InputError(NO_PROJECTS.noProjectTable);
  roles[table.name] = 'projects';
  const columns = mapColumns(
    table.headers,
    w.objectives.map((o) => o.name),
    options.overrides,
  );
  if (!columns.some((c) => c.field === 'name')) throw new InputError(NO_PROJECTS.noProjectTable);

  // Objectives named by "Obj: X" columns when the workbook has no strategy table; equal weights.
  let objectives = w.objectives;
  let weightSource = w.source;
  const ratingCols = columns.filter((c) => c.field === 'rating');
  if (objectives.length === 0 && ratingCols.length > 0) {
    const names = [...new Set(ratingCols.map((c) => c.objective!))];
    objectives = names.map((name) => ({ name, weight: 1 / names.length }));
    weightSource = 'equal';
    notes.push(
      `No objective weights were found: each of the ${names.length} objectives weighs the same (${(100 / names.length).toFixed(1)}%).`,
    );
  }
  objectives = dropUnrated(objectives, ratingCols, table, issues);
  if (objectives.length === 0)
    notes.push(
      'No objective ratings were found: alignment is 0 for every project and the value score rests on the financial measure.',
    );

  // Workbook-wide reading conventions.
  const decimalSeparator = settings.decimalSeparator ?? detectDecimalSeparator(textCells(table, columns));
  const currency = settings.currencySymbol ?? detectCurrency(table, columns);
  const ratingScaleMax =
    settings.ratingScaleMax ?? detectRatingScale(ratingNumbers(table, ratingCols, decimalSeparator));

  const read = readProjects(table, columns, { settings, decimalSeparator, currency, ratingScaleMax });
  issues.push(...read.issues);
  if (read.projects.length === 0) throw new InputError(NO_PROJECTS.noRows(table.name));

  // Budgets and capacity.
  const budgets = budgetLines(tables, roles, settings, issues);
  const capTable = find('capacity');
  const capacities = capTable ? collect(readCapacityTable(capTable), issues) : [];

  // Scores.
  const alignmentWeight = objectives.length === 0 ? 0 : settings.alignmentWeight;
  const items = read.projects.map((project) => {
    const alignment = alignmentScore(project.ratings, objectives);
    const financials = projectFinancials(project, settings.discountRate);
    const ineligibleReason = !isCandidate(project.status)
      ? `${project.status === 'completed' ? 'Completed' : 'Cancelled'} projects are not candidates.`
      : settings.alignmentGate !== null && alignment < settings.alignmentGate && !project.mandatory
        ? `Alignment ${alignment.toFixed(0)} is below the gate of ${settings.alignmentGate}.`
        : undefined;
    return {
      id: project.id,
      project,
      alignment,
      financials,
      eligible: ineligibleReason === undefined,
      ineligibleReason,
    };
  });
  const scores = scoreAndRank(items, settings.financialMeasure, alignmentWeight);
  const projects: ProjectResult[] = items.map((it, i) => ({
    project: it.project,
    alignment: it.alignment,
    financials: it.financials,
    ...scores[i]!,
    eligible: it.eligible,
    ...(it.ineligibleReason ? { ineligibleReason: it.ineligibleReason } : {}),
  }));
  projects.sort((a, b) => a.rank - b.rank);

  return {
    table: { name: table.name, sheet: table.sheet },
    columns,
    projects,
    issues,
    objectives,
    weightSource,
    ahp: w.ahp,
    periods: read.axis.labels,
    budgets,
    capacities,
    settings,
    currency,
    notes,
    roles,
  };
}

function objectiveWeights(
  tables: readonly RawTable[],
  roles: Record<string, TableRole>,
  settings: Settings,
  issues: DataIssue[],
  notes: string[],
): { objectives: Objective[]; source: WeightSource; ahp: Analysis['ahp'] } {
  const pairTable = tables.find((t) => roles[t.name] === 'pairwise');
  const objTable = tables.find((t) => roles[t.name] === 'objectives');
  let ahpResult: Analysis['ahp'] = null;
  if (pairTable) {
    const p = collect(readPairwiseTable(pairTable), issues);
    ahpResult = { ...ahp(p.matrix), names: p.names };
    if (!ahpResult.consistent) {
      const f = ahpResult.fix;
      issues.push({
        sheet: pairTable.sheet,
        row: pairTable.headerRow,
        problem: `The pairwise judgments are inconsistent (CR ${ahpResult.cr.toFixed(3)} > 0.10).`,
        assumption: f
          ? `Weights used as computed. Changing "${p.names[f.row]}" vs "${p.names[f.col]}" from ${fmtJudgment(f.current)} to ${fmtJudgment(f.suggested)} would bring CR to ${f.crAfter.toFixed(3)}.`
          : 'Weights used as computed.',
        severity: 'warning',
      });
    }
  }
  if (settings.objectiveWeights && Object.keys(settings.objectiveWeights).length) {
    const entries = Object.entries(settings.objectiveWeights);
    const sum = entries.reduce((s, [, x]) => s + x, 0) || 1;
    return {
      objectives: entries.map(([name, x]) => ({ name, weight: x / sum })),
      source: 'settings',
      ahp: ahpResult,
    };
  }
  const usePairwise = ahpResult && (settings.weightSource !== 'table' || !objTable);
  if (usePairwise) {
    if (objTable)
      notes.push(
        `Weights come from the pairwise comparison (AHP, CR ${ahpResult!.cr.toFixed(3)}), not from the table ${objTable.name}; set "Weight source" to table to use that table instead.`,
      );
    return {
      objectives: ahpResult!.names.map((name, i) => ({ name, weight: ahpResult!.weights[i]! })),
      source: 'pairwise',
      ahp: ahpResult,
    };
  }
  if (objTable) {
    const objectives = collect(readObjectivesTable(objTable, settings.ratingWords), issues);
    return { objectives, source: 'table', ahp: ahpResult };
  }
  return { objectives: [], source: 'equal', ahp: ahpResult };
}

/** Objectives without a rating column are dropped and the remaining weights renormalized, with an issue. */
function dropUnrated(
  objectives: Objective[],
  ratingCols: ColumnMap[],
  table: RawTable,
  issues: DataIssue[],
): Objective[] {
  const rated = new Set(ratingCols.map((c) => c.objective));
  const missing = objectives.filter((o) => !rated.has(o.name));
  for (const c of ratingCols) {
    if (objectives.length && !objectives.some((o) => o.name === c.objective)) {
      issues.push({
        sheet: table.sheet,
        row: table.headerRow,
        column: c.header,
        problem: `"${c.header}" rates an objective that is not in the strategy.`,
        assumption: 'The column does not count toward alignment.',
        severity: 'warning',
      });
    }
  }
  if (missing.length === 0 || missing.length === objectives.length) return missing.length ? [] : objectives;
  for (const o of missing) {
    issues.push({
      sheet: table.sheet,
      row: table.headerRow,
      problem: `The objective "${o.name}" has no rating column in ${table.name}.`,
      assumption: 'Its weight is shared among the other objectives.',
      severity: 'warning',
    });
  }
  const kept = objectives.filter((o) => rated.has(o.name));
  const sum = kept.reduce((s, o) => s + o.weight, 0) || 1;
  return kept.map((o) => ({ name: o.name, weight: o.weight / sum }));
}

function budgetLines(
  tables: readonly RawTable[],
  roles: Record<string, TableRole>,
  settings: Settings,
  issues: DataIssue[],
): BudgetLine[] {
  if (settings.totalBudget !== null) return [{ label: 'Total', amount: settings.totalBudget }];
  if (settings.budgets && Object.keys(settings.budgets).length)
    return Object.entries(settings.budgets).map(([label, amount]) => ({ label, amount }));
  const t = tables.find((x) => roles[x.name] === 'budget');
  return t ? collect(readBudgetTable(t), issues) : [];
}

function collect<T>(r: { value: T; issues: DataIssue[] }, issues: DataIssue[]): T {
  issues.push(...r.issues);
  return r.value;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Text cells of numeric columns that hold digits (a sample is enough to tell the decimal separator). */
function* textCells(t: RawTable, columns: ColumnMap[]): Generator<string> {
  const numeric = columns
    .filter((c) => MONEY.has(c.field) || c.field === 'rating' || c.field === 'resource')
    .map((c) => c.index);
  let seen = 0;
  for (const r of t.rows.slice(0, 1000)) {
    for (const i of numeric) {
      const v = r[i];
      if (typeof v === 'string' && /\d/.test(v)) {
        yield v;
        if (++seen >= 500) return;
      }
    }
  }
}

/** The largest numeric rating of the table (one value is all the scale detection needs). */
function ratingNumbers(t: RawTable, cols: ColumnMap[], decimalSeparator: '.' | ','): number[] {
  let max = 0;
  for (const r of t.rows) {
    for (const c of cols) {
      const v = r[c.index] ?? null;
      const n =
        typeof v === 'number'
          ? v
          : v === null || isBlank(v)
            ? null
            : parseNumber(v, { decimalSeparator }).value;
      if (n !== null && n > max) max = n;
    }
  }
  return [max];
}

const MONEY = new Set([
  'cost',
  'costPeriod',
  'benefit',
  'benefitPeriod',
  'actualCost',
  'eac',
  'baselineCost',
]);

/** The currency symbol of the money columns: number formats first, then symbols typed in cells, then headers; $ if none. */
function detectCurrency(t: RawTable, columns: ColumnMap[]): string {
  const money = columns.filter((c) => MONEY.has(c.field));
  const count = new Map<string, number>();
  const add = (s: string | undefined) => s && count.set(s, (count.get(s) ?? 0) + 1);
  for (const c of money) {
    const fmt = t.columnFormats?.[c.index];
    const m = fmt ? /[$€£¥₹]|\[\$([^\]-]+)/.exec(fmt) : null;
    add(m ? (m[1] ?? m[0]) : undefined);
    add(c.currency);
  }
  for (const r of t.rows.slice(0, 200)) {
    for (const c of money) {
      const v = r[c.index];
      const m = typeof v === 'string' ? /[$€£¥₹]/.exec(cellText(v)) : null;
      add(m?.[0]);
    }
  }
  let best = '$';
  let n = 0;
  for (const [s, k] of count) if (k > n) [best, n] = [s, k];
  return best;
}

function fmtJudgment(x: number): string {
  return x >= 1 ? String(Math.round(x * 100) / 100) : `1/${Math.round(1 / x)}`;
}

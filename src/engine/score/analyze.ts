// The analysis of a workbook (SPEC §3, §4.1–§4.5): tables in, a typed, scored and ranked analysis out.
// Reads through the read stage (settings, the projects table, limits) and weighs objectives in between,
// in that order, so data issues come out in the order a user meets them.
import type {
  BudgetLine,
  CapacityLine,
  DataIssue,
  Objective,
  Project,
  RawTable,
  WeightSource,
} from '../model';
import { InputError } from '../errors';
import { NO_PROJECTS } from '../messages';
import {
  budgetLines,
  capacityLines,
  defaultStatus,
  groupIssues,
  isCandidate,
  orientTable,
  projectTable,
  readingNotes,
  readingConventions,
  readProjects,
  settingsInForce,
  tableRoles,
  type ColumnMap,
  type MappingOverride,
  type Reading,
  type Settings,
  type TableRole,
} from '../read';
import { alignmentScore } from './alignment';
import { projectFinancials, type Financials } from './financials';
import { scoreAndRank } from './scoring';
import { objectiveWeights, ratedObjectives, type NamedAhp } from './weights';

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
  ahp: NamedAhp | null;
  periods: string[];
  budgets: BudgetLine[];
  capacities: CapacityLine[];
  settings: Settings;
  currency: string;
  /** Sentences for the summary: assumptions the run made about the workbook as a whole. */
  notes: string[];
  /** Missing inputs the summary says first (no benefit column, unknown costs, a transposed table). */
  readFirst: string[];
  /** What the read of the projects table found and assumed. */
  reading: Reading;
  /** Role of every table found, by table name. */
  roles: Record<string, TableRole>;
}

export function analyzeWorkbook(raw: readonly RawTable[], options: AnalyzeOptions = {}): Analysis {
  if (raw.length === 0) throw new InputError(NO_PROJECTS.noTables);
  const issues: DataIssue[] = sheetIssues(raw);
  // A transposed sheet (one project per column) is turned before anything reads it.
  const tables = raw.map((t) => orientTable(t));
  const notes: string[] = [];
  const roles = tableRoles(tables);
  const settings = settingsInForce(tables, roles, options.settings ?? {}, issues);
  const weights = objectiveWeights(tables, roles, settings, issues, notes);
  const { table, columns } = projectTable(
    tables,
    weights.objectives.map((o) => o.name),
    options,
  );
  roles[table.name] = 'projects';
  const { objectives, source: weightSource } = ratedObjectives(weights, columns, table, issues, notes);

  const conventions = readingConventions(table, columns, settings);
  if (conventions.guessedDates)
    notes.push(
      `${conventions.guessedDates} text dates such as 01/04/2027 read either way; they were read ${conventions.dateOrder === 'dmy' ? 'day first (1 April 2027)' : 'month first (4 January 2027)'}, as ${conventions.currency} amounts usually are. Set "Date order" in SRO Settings (dmy or mdy) to change it.`,
    );
  const status = defaultStatus(settings, columns);
  const read = readProjects(table, columns, { settings, ...conventions, defaultStatus: status.status });
  for (const x of groupIssues(read.issues)) issues.push(x);
  if (read.projects.length === 0) throw new InputError(NO_PROJECTS.noRows(table.name));
  const budgets = budgetLines(tables, roles, settings, issues);
  const capacities = capacityLines(tables, roles, issues);
  const told = readingNotes(table, columns, read.projects, issues, settings, status);
  if (objectives.length === 0) notes.push(valueScoreNote(told.reading.hasBenefits));
  for (const n of told.notes) notes.push(n);

  return {
    table: { name: table.name, sheet: table.sheet },
    columns,
    projects: scoreProjects(read.projects, objectives, settings, told.reading.hasBenefits),
    issues,
    objectives,
    weightSource,
    ahp: weights.ahp,
    periods: read.axis.labels,
    budgets,
    capacities,
    settings,
    currency: conventions.currency,
    notes,
    readFirst: told.readFirst,
    reading: told.reading,
    roles,
  };
}

/** What the reader noticed on the sheets, each sheet's once (its tables share one array). */
function sheetIssues(tables: readonly RawTable[]): DataIssue[] {
  const seen = new Set<DataIssue[]>();
  const out: DataIssue[] = [];
  for (const t of tables)
    if (t.sheetIssues && !seen.has(t.sheetIssues)) {
      seen.add(t.sheetIssues);
      for (const x of t.sheetIssues) out.push(x);
    }
  return out;
}

/** Alignment, financials, eligibility, value score and rank of every project, in rank order. */
function scoreProjects(
  read: readonly Project[],
  objectives: readonly Objective[],
  settings: Settings,
  hasBenefits: boolean,
): ProjectResult[] {
  const alignmentWeight = objectives.length === 0 ? 0 : settings.alignmentWeight;
  const items = read.map((project) => {
    const alignment = alignmentScore(project.ratings, objectives);
    const benefitKnown = hasBenefits && !project.unknown.some((u) => u.figure === 'benefit');
    const financials = projectFinancials(project, settings.discountRate, benefitKnown);
    const costUnknown = project.unknown.filter((u) => u.figure === 'cost');
    const ineligibleReason = !isCandidate(project.status)
      ? `${project.status === 'completed' ? 'Completed' : 'Cancelled'} projects are not candidates.`
      : costUnknown.length
        ? `Cost unknown (${costUnknown.map((u) => u.cell).join(', ')}): not a candidate until it is given.`
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
  return projects;
}

/** What the value score rests on when no objective is rated (SPEC §4.5; alignment is "not rated"). */
function valueScoreNote(hasBenefits: boolean): string {
  return hasBenefits
    ? 'No objective ratings were found: alignment is not rated (shown as 0) and the value score rests on the financial measure alone.'
    : 'No objective ratings were found and no benefit is known: alignment is not rated and the value score rests on nothing (50 for every project), so projects are not told apart by value; ties go by id.';
}

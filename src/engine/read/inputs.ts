// The workbook-level reads of an analysis (SPEC §3.3): the settings in force, the projects table and its
// mapping, and the budget and capacity lines. Each says what it assumed through data issues.
import type { BudgetLine, CapacityLine, CellValue, DataIssue, ProjectStatus, RawTable } from '../model';
import { InputError } from '../errors';
import { NO_PROJECTS } from '../messages';
import { mapColumns } from './columnMatch';
import type { ColumnMap, MappingOverride } from './fields';
import { readBudgetTable, readCapacityTable } from './limits';
import { defaultSettings, readSettingsTable, type Settings } from './settings';
import { bestProjectTable, classifyTable, OUTPUT_SHEET_RE, type TableRole } from './tableDetect';
import { type ColumnProfiles, profileColumn } from './profile';
import { STATUS_LABEL } from './vocabulary';

/** Role of every table, by table name. The add-in's own output sheets are never input. */
export function tableRoles(tables: readonly RawTable[]): Record<string, TableRole> {
  const roles: Record<string, TableRole> = {};
  // A re-run must not read last run's coverage table as the strategy; the settings sheet is input, and is
  // classified like any other.
  for (const t of tables) roles[t.name] = OUTPUT_SHEET_RE.test(t.sheet) ? 'other' : classifyTable(t);
  return roles;
}

/** Defaults, then the workbook's settings sheet, then the caller's overrides (CLI flags, task pane). */
export function settingsInForce(
  tables: readonly RawTable[],
  roles: Readonly<Record<string, TableRole>>,
  overrides: Partial<Settings>,
  issues: DataIssue[],
): Settings {
  let settings = defaultSettings();
  const settingsTable = tables.find((t) => roles[t.name] === 'settings');
  if (settingsTable) {
    const r = readSettingsTable(settingsTable, settings);
    settings = r.settings;
    for (const x of r.issues) issues.push(x);
  }
  return { ...settings, ...stripUndefined(overrides) };
}

/** The projects table the caller named, or the best match; and its column mapping. Throws when none fits. */
export function projectTable(
  tables: readonly RawTable[],
  objectiveNames: readonly string[],
  options: { table?: string; overrides?: Record<string, MappingOverride> },
): { table: RawTable; columns: ColumnMap[] } {
  let table: RawTable | null | undefined;
  const wanted = options.table;
  if (wanted) {
    table = tables.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
    if (!table)
      throw new InputError(
        NO_PROJECTS.tableNotFound(
          wanted,
          tables.map((t) => t.name),
        ),
      );
  } else table = bestProjectTable(tables, objectiveNames);
  if (!table) throw new InputError(NO_PROJECTS.noProjectTable);
  const columns = mapColumns(table.headers, objectiveNames, options.overrides, profileTable(table));
  if (!columns.some((c) => c.field === 'name')) throw new InputError(NO_PROJECTS.noProjectTable);
  return { table, columns };
}

/** Profiles of a table's columns, each made when first asked for (only mapped columns need one). */
export function profileTable(table: RawTable): ColumnProfiles {
  return (i, distinct) => {
    const values = new Array<CellValue>(table.rows.length);
    for (let r = 0; r < table.rows.length; r++) values[r] = table.rows[r]![i] ?? null;
    return profileColumn(values, distinct);
  };
}

/** Columns that say a portfolio is in delivery: delivery confidence, spend to date, progress, in-year figures. */
const IN_DELIVERY = new Set(['deliveryConfidence', 'actualCost', 'percentComplete', 'inYear']);

/**
 * The status of a project the table gives none for, and the note that says so: the "Default status"
 * setting; on auto, Active for a table without a status column that describes a portfolio in delivery,
 * else Proposed.
 */
export function defaultStatus(
  settings: Settings,
  columns: readonly ColumnMap[],
): { status: ProjectStatus; note: string | null } {
  const hasStatus = columns.some((c) => c.field === 'status');
  if (settings.defaultStatus !== 'auto') {
    const status = settings.defaultStatus;
    return {
      status,
      note: hasStatus
        ? null
        : `No status column: every project is taken as ${STATUS_LABEL[status]} (setting "Default status").`,
    };
  }
  if (hasStatus) return { status: 'proposed', note: null };
  const evidence = columns.find((c) => IN_DELIVERY.has(c.field));
  if (evidence)
    return {
      status: 'active',
      note: `No status column: every project is taken as Active (in delivery), because the table has ${shortHeader(evidence.header)}; set "Default status" in SRO Settings to change it.`,
    };
  return {
    status: 'proposed',
    note: 'No status column: every project is taken as Proposed; set "Default status" in SRO Settings to change it.',
  };
}

/** Budget lines: one total or per period from the settings, else the workbook's budget table. */
export function budgetLines(
  tables: readonly RawTable[],
  roles: Readonly<Record<string, TableRole>>,
  settings: Settings,
  issues: DataIssue[],
): BudgetLine[] {
  if (settings.totalBudget !== null) return [{ label: 'Total', amount: settings.totalBudget }];
  if (settings.budgets && Object.keys(settings.budgets).length)
    return Object.entries(settings.budgets).map(([label, amount]) => ({ label, amount }));
  const t = tables.find((x) => roles[x.name] === 'budget');
  return t ? collect(readBudgetTable(t), issues) : [];
}

/** Capacity lines from the workbook's capacity table, if it has one. */
export function capacityLines(
  tables: readonly RawTable[],
  roles: Readonly<Record<string, TableRole>>,
  issues: DataIssue[],
): CapacityLine[] {
  const t = tables.find((x) => roles[x.name] === 'capacity');
  return t ? collect(readCapacityTable(t), issues) : [];
}

/** The value of a read, its issues added to `issues`. */
export function collect<T>(r: { value: T; issues: DataIssue[] }, issues: DataIssue[]): T {
  for (const x of r.issues) issues.push(x);
  return r.value;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A header without its bracketed explanations ("IPA Delivery Confidence Assessment (A Delivery …)" → its first words). */
export function shortHeader(h: string): string {
  const cut = h.replace(/\s*\(.*$/, '').trim();
  return cut || h;
}

// The engine's data model: what a workbook adapter hands in (plain tables of cells) and what the
// analysis hands out (typed projects, data issues, scores). Everything here is plain data.

/** An Excel error value such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  error: string;
}

/** One cell as any adapter can produce it: Excel serial dates may arrive as numbers or Dates. */
export type CellValue = string | number | boolean | Date | null | CellError;

/** A table found in a workbook: an Excel table (ListObject) or a plain range with one header row. */
export interface RawTable {
  /** The Excel table name, or `Sheet!A3:F50` for a plain range. */
  name: string;
  sheet: string;
  kind: 'table' | 'range';
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** 1-based sheet column of the first column. */
  firstColumn: number;
  headers: string[];
  /** Data rows, each as wide as `headers`. */
  rows: CellValue[][];
  /** Number format of each column's first data cell, where known (used to detect the currency symbol). */
  columnFormats?: (string | undefined)[];
  /**
   * What the reader noticed on this table's sheet (values far outside every table); the tables of one
   * sheet share one array, and the analysis reports each array once.
   */
  sheetIssues?: DataIssue[];
  /**
   * Set when the read stage turned a transposed sheet area (field names down its first column, one
   * project per column) into this table: `headers` are the labels of that column, and data row i is
   * sheet column `firstColumn + 1 + i`; field k sits on sheet row `headerRow + k`.
   */
  transposed?: boolean;
  /**
   * Every cell is text as a text file holds it (a CSV): numbers can only arrive as text, so reading one
   * is no data issue there.
   */
  textOnly?: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the user's data, with the assumption the run made to go on. */
export interface DataIssue {
  sheet: string;
  /** 1-based sheet row, when the issue is about one row. */
  row?: number;
  /** Header of the column, when the issue is about one column. */
  column?: string;
  /** A1 address of the cell, when the issue is about one cell. */
  cell?: string;
  value?: string;
  problem: string;
  assumption: string;
  severity: Severity;
  projectId?: string;
  /**
   * For an issue that stands for many cells of one column with the same problem: how many, and where
   * (`cell` then holds their ranges, "E2:E233" or "E2:E40, E42:E90"). Absent for one-by-one issues.
   */
  count?: number;
  /** Kind of problem, for grouping: issues of one kind in one column are reported once. */
  kind?: IssueKind;
}

/**
 * Problems that repeat down a column and are reported once per column with a count; the others
 * (duplicate ids, cycles, a probability of 120%) stay one row each.
 */
export type IssueKind =
  | 'numberAsText'
  | 'notNumber'
  | 'excelError'
  | 'withheld'
  | 'notAvailable'
  | 'blankFigure'
  | 'zeroBenefit'
  | 'notDate'
  | 'notBoolean'
  | 'unknownWord'
  | 'negative'
  | 'nameFromId';

/** A figure the table should give but does not: withheld, marked not available, blank or unreadable. */
export interface UnknownFigure {
  /** What the figure is: "cost", "benefit", "probability". */
  figure: 'cost' | 'benefit';
  column: string;
  /** A1 address of the cell. */
  cell: string;
  why: 'withheld' | 'notAvailable' | 'blank' | 'unreadable' | 'notQuantified';
  /** The text of the cell, when it said something ("Exempt under Section 43 …"). */
  text?: string;
}

export type ProjectStatus = 'proposed' | 'approved' | 'active' | 'onHold' | 'completed' | 'cancelled';

/** A project as read from its row: typed values only, every doubtful cell already reported. */
export interface Project {
  id: string;
  name: string;
  /** Sheet row the project came from. */
  row: number;
  status: ProjectStatus;
  /** Forward-looking cost per period on the analysis period axis (remaining cost for in-flight projects). */
  costs: number[];
  /** Forward-looking benefit per period on the analysis period axis (remaining benefit for in-flight projects). */
  benefits: number[];
  /** Probability of success in [0, 1] and where it came from. */
  probability: number;
  probabilitySource: 'column' | 'confidence' | 'risk' | 'default';
  risk: string | null;
  mandatory: boolean;
  excluded: boolean;
  dependsOn: string[];
  exclusiveGroup: string | null;
  start: Date | null;
  end: Date | null;
  /** Grouping columns (sponsor, business unit, category, program…) by field name. */
  groups: Partial<Record<GroupField, string>>;
  /** Demand per role (FTE), keyed by role name. */
  resources: Record<string, number>;
  /** Rating per objective, normalized to [0, 1], keyed by objective name. */
  ratings: Record<string, number>;
  /** PMO figures, as given. */
  actualCost: number | null;
  baselineCost: number | null;
  eac: number | null;
  percentComplete: number | null;
  realizedBenefit: number | null;
  /** Lifetime totals as given (before removing sunk cost / realized benefit). */
  totalCost: number;
  totalBenefit: number;
  /**
   * Figures this project's row should give and does not (withheld, not available, blank): a project
   * whose cost is unknown is never a candidate; one whose benefit is unknown is never judged on a return.
   */
  unknown: UnknownFigure[];
  /** The delivery-confidence rating read (Red … Green), and whose it is ("IPA", "SRO"), when one is. */
  deliveryConfidence: { rating: string; source: string } | null;
  /** In-year PMO figures (one financial year's baseline, forecast, variance), never whole-project cost. */
  inYear: { baseline: number | null; forecast: number | null; variance: number | null } | null;
  /** Columns the mapping did not use, carried through to the ranking sheet. */
  extra: Record<string, CellValue>;
}

export const GROUP_FIELDS = ['sponsor', 'businessUnit', 'department', 'category', 'program'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export interface Objective {
  name: string;
  /** Normalized weight; weights of all objectives sum to 1. */
  weight: number;
}

export type WeightSource = 'table' | 'pairwise' | 'equal' | 'settings';

export interface BudgetLine {
  /** Period label ("2027"), or "Total". */
  label: string;
  amount: number;
}

export interface CapacityLine {
  role: string;
  /** Period label, or null for a capacity that applies to every period. */
  period: string | null;
  fte: number;
}

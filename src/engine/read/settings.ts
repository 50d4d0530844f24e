// Every assumption a run depends on (SPEC §3.3), its default, and how it is read from the two-column
// "SRO Settings" table. The same list is what the output writes back, so a re-run reproduces the result.
import type { CellValue, DataIssue, ProjectStatus, RawTable } from '../model';
import { parseBoolean, parseNumber, parsePercent, cellText } from './cells';
import { normalizeHeader } from './columnMatch';
import { confidenceKey } from './vocabulary';

export type FinancialMeasure = 'riskAdjustedNpv' | 'roi' | 'bcr';
export type SelectionObjective = 'value' | 'riskAdjustedNpv' | 'blend';

export interface Settings {
  /** Discount rate per period for NPV, MIRR and discounted payback. */
  discountRate: number;
  /** Weight `a` of alignment in the value score; 1 − a goes to the financial measure. */
  alignmentWeight: number;
  financialMeasure: FinancialMeasure;
  /** What the portfolio selection maximizes. */
  objective: SelectionObjective;
  /** Share of value score in the blended objective (the rest is risk-adjusted NPV, both scaled to [0, 1]). */
  blendValueShare: number;
  /** Minimum alignment (0–100) to be eligible, or null for no gate. */
  alignmentGate: number | null;
  maxProjects: number | null;
  /** Budget per period label; overrides a Budget table. */
  budgets: Record<string, number> | null;
  /** One budget for the whole horizon; overrides per-period budgets. */
  totalBudget: number | null;
  /** Top of the numeric rating scale, or null to detect it (5, 10 or 100). */
  ratingScaleMax: number | null;
  /** Probability of success for each risk word. */
  riskProbabilities: Record<string, number>;
  /**
   * Probability of success for each delivery-confidence rating (the IPA's five-point scale Red …
   * Green; a three-point scale uses red, amber, green), keyed as `confidenceKey` reads them.
   */
  confidenceProbabilities: Record<string, number>;
  /**
   * Status of a project whose status the table does not give. `auto`: Active when the table describes
   * a portfolio in delivery (delivery-confidence ratings, actual spend, % complete or in-year figures)
   * and has no status column, else Proposed.
   */
  defaultStatus: 'auto' | Exclude<ProjectStatus, 'completed' | 'cancelled'>;
  /** Rating for each rating word, in [0, 1]. */
  ratingWords: Record<string, number>;
  /** Currency symbol for output, or null to detect it from the workbook's number formats. */
  currencySymbol: string | null;
  /** Decimal separator of text numbers, or null to detect it. */
  decimalSeparator: '.' | ',' | null;
  /** Order of day and month in text dates (01/04/2027), or null to detect it. */
  dateOrder: 'dmy' | 'mdy' | null;
  /** Years over which a total benefit is spread after delivery. */
  benefitYears: number;
  /** Objective weights entered in the task pane or settings sheet (override the workbook's tables). */
  objectiveWeights: Record<string, number> | null;
  /** When both a weight table and a pairwise table exist, which one sets the weights. */
  weightSource: 'auto' | 'table' | 'pairwise';
  /**
   * Strategic balance: minimum/maximum share of selected spend per objective, business unit or
   * category, keyed by label ("Regulatory Compliance", "Business Unit: Technology", "Category: Growth").
   */
  minShare: Record<string, number> | null;
  maxShare: Record<string, number> | null;
  /** Constraint switches of a scenario: capacity per role, dependencies, exclusive groups bind when on. */
  useCapacity: boolean;
  useDependencies: boolean;
  useExclusiveGroups: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  discountRate: 0.08,
  alignmentWeight: 0.5,
  financialMeasure: 'riskAdjustedNpv',
  objective: 'value',
  blendValueShare: 0.5,
  alignmentGate: null,
  maxProjects: null,
  budgets: null,
  totalBudget: null,
  ratingScaleMax: null,
  riskProbabilities: { low: 0.9, medium: 0.75, high: 0.55, 'very high': 0.35 },
  // The IPA's words: Green "highly likely", Amber/Green "probable", Amber "feasible", Amber/Red "in
  // doubt", Red "appears to be unachievable"; set on the scale of the risk map (docs/methods.md §2).
  confidenceProbabilities: { green: 0.9, 'amber/green': 0.75, amber: 0.55, 'amber/red': 0.35, red: 0.15 },
  defaultStatus: 'auto',
  ratingWords: {
    none: 0,
    'n/a': 0,
    low: 0.25,
    weak: 0.25,
    moderate: 0.5,
    medium: 0.5,
    strong: 0.75,
    high: 0.75,
    'very high': 1,
    extreme: 1,
  },
  currencySymbol: null,
  decimalSeparator: null,
  dateOrder: null,
  benefitYears: 5,
  objectiveWeights: null,
  weightSource: 'auto',
  minShare: null,
  maxShare: null,
  useCapacity: true,
  useDependencies: true,
  useExclusiveGroups: true,
} satisfies Settings);

/**
 * A deep copy of settings (plain JSON data). Not `structuredClone`: the task pane runs in webviews of
 * ES2020 (Safari 14), which do not have it.
 */
function cloneSettings(s: Readonly<Settings>): Settings {
  return JSON.parse(JSON.stringify(s)) as Settings;
}

export function defaultSettings(): Settings {
  return cloneSettings(DEFAULT_SETTINGS);
}

/** Settings keys as the sheet names them; the writer uses the same labels. */
export const SETTING_LABELS: Record<
  Exclude<
    keyof Settings,
    | 'budgets'
    | 'riskProbabilities'
    | 'confidenceProbabilities'
    | 'ratingWords'
    | 'objectiveWeights'
    | 'minShare'
    | 'maxShare'
  >,
  string
> = {
  discountRate: 'Discount rate',
  alignmentWeight: 'Alignment weight',
  financialMeasure: 'Financial measure',
  objective: 'Selection objective',
  blendValueShare: 'Blend value share',
  alignmentGate: 'Alignment gate',
  maxProjects: 'Maximum projects',
  totalBudget: 'Total budget',
  ratingScaleMax: 'Rating scale maximum',
  currencySymbol: 'Currency symbol',
  decimalSeparator: 'Decimal separator',
  dateOrder: 'Date order',
  benefitYears: 'Benefit years',
  weightSource: 'Weight source',
  defaultStatus: 'Default status',
  useCapacity: 'Capacity limits',
  useDependencies: 'Dependencies',
  useExclusiveGroups: 'Exclusive groups',
};

const SWITCHES: ReadonlySet<string> = new Set(['useCapacity', 'useDependencies', 'useExclusiveGroups']);
/** Prefixes of the keyed settings rows: "Budget 2027", "Risk probability High", "Rating word Strong", "Weight Growth". */
export const KEYED_PREFIXES = {
  budgets: 'Budget ',
  riskProbabilities: 'Risk probability ',
  confidenceProbabilities: 'Delivery confidence ',
  ratingWords: 'Rating word ',
  objectiveWeights: 'Objective weight ',
  minShare: 'Minimum share ',
  maxShare: 'Maximum share ',
} as const;

const ENUMS: Partial<Record<keyof Settings, readonly string[]>> = {
  financialMeasure: ['riskAdjustedNpv', 'roi', 'bcr'],
  objective: ['value', 'riskAdjustedNpv', 'blend'],
  decimalSeparator: ['.', ','],
  weightSource: ['auto', 'table', 'pairwise'],
  defaultStatus: ['auto', 'proposed', 'approved', 'active', 'onHold'],
};

/** Reads a Setting | Value table into settings on top of `base`; unknown or bad rows become data issues. */
export function readSettingsTable(
  table: RawTable,
  base: Settings = defaultSettings(),
): { settings: Settings; issues: DataIssue[] } {
  const settings = cloneSettings(base);
  const issues: DataIssue[] = [];
  const byLabel = new Map<string, keyof typeof SETTING_LABELS>();
  for (const [key, label] of Object.entries(SETTING_LABELS))
    byLabel.set(normalizeHeader(label), key as keyof typeof SETTING_LABELS);

  table.rows.forEach((cells, i) => {
    const label = cellText(cells[0] ?? null).trim();
    const raw: CellValue = cells[1] ?? null;
    if (!label) return;
    const row = table.headerRow + 1 + i;
    const bad = (problem: string): void => {
      issues.push({
        sheet: table.sheet,
        row,
        column: table.headers[1] ?? 'Value',
        value: cellText(raw),
        problem,
        assumption: 'Kept the default for this setting.',
        severity: 'warning',
      });
    };
    const key = byLabel.get(normalizeHeader(label));
    if (key) {
      const err = applySetting(settings, key, raw);
      if (err) bad(`${label}: ${err}`);
      return;
    }
    for (const [field, prefix] of Object.entries(KEYED_PREFIXES) as [keyof typeof KEYED_PREFIXES, string][]) {
      if (!label.toLowerCase().startsWith(prefix.toLowerCase())) continue;
      const name = label.slice(prefix.length).trim();
      const n = field === 'budgets' ? parseNumber(raw).value : parsePercent(raw).value;
      if (!name || n === null || n < 0) return bad(`${label}: expected a non-negative number.`);
      const map = (settings[field] ?? {}) as Record<string, number>;
      // Risk and rating words are looked up in lower case; names (periods, objectives, groups) keep theirs.
      const lower = field === 'riskProbabilities' || field === 'ratingWords';
      const key =
        field === 'confidenceProbabilities' ? confidenceKey(name) : lower ? name.toLowerCase() : name;
      if (key === null) return bad(`${label}: expected a rating such as Amber/Green.`);
      map[key] = n;
      (settings as unknown as Record<string, unknown>)[field] = map;
      return;
    }
    issues.push({
      sheet: table.sheet,
      row,
      column: table.headers[0] ?? 'Setting',
      value: label,
      problem: `Unknown setting "${label}".`,
      assumption: 'Ignored this row.',
      severity: 'info',
    });
  });
  return { settings, issues };
}

/** Sets one scalar setting from a cell; returns an error sentence if the value does not fit. */
export function applySetting(
  settings: Settings,
  key: keyof typeof SETTING_LABELS,
  raw: CellValue,
): string | null {
  const text = cellText(raw).trim();
  const blank = raw === null || text === '';
  if (SWITCHES.has(key)) {
    const b = /^(on|off)$/i.test(text) ? text.toLowerCase() === 'on' : parseBoolean(raw).value;
    if (blank || b === null) return 'expected On or Off.';
    (settings as unknown as Record<string, unknown>)[key] = b;
    return null;
  }
  const nullable =
    key === 'alignmentGate' ||
    key === 'maxProjects' ||
    key === 'totalBudget' ||
    key === 'ratingScaleMax' ||
    key === 'currencySymbol' ||
    key === 'decimalSeparator' ||
    key === 'dateOrder';
  if (blank || /^(none|off|auto)$/i.test(text)) {
    if (nullable) {
      (settings as unknown as Record<string, unknown>)[key] = null;
      return null;
    }
    if (key === 'weightSource' && /^auto$/i.test(text)) {
      settings.weightSource = 'auto';
      return null;
    }
    if (key === 'defaultStatus' && /^auto$/i.test(text)) {
      settings.defaultStatus = 'auto';
      return null;
    }
    return 'a value is required.';
  }
  const allowed = ENUMS[key];
  if (allowed) {
    // Punctuation is the value itself for the decimal separator; words compare like headers.
    const same = (a: string) => (/^\W$/.test(a) ? a === text : normalizeHeader(a) === normalizeHeader(text));
    const hit = allowed.find(same);
    if (!hit) return `expected one of ${allowed.join(', ')}.`;
    (settings as unknown as Record<string, unknown>)[key] = hit;
    return null;
  }
  if (key === 'currencySymbol') {
    settings.currencySymbol = text;
    return null;
  }
  if (key === 'dateOrder') {
    const order = dateOrderOf(text);
    if (!order) return 'expected dmy (day first, 01/04 = 1 April) or mdy (month first), or auto.';
    settings.dateOrder = order;
    return null;
  }
  const isShare = key === 'discountRate' || key === 'alignmentWeight' || key === 'blendValueShare';
  const n = isShare ? parsePercent(raw).value : parseNumber(raw).value;
  if (n === null || !Number.isFinite(n)) return 'expected a number.';
  if ((key === 'alignmentWeight' || key === 'blendValueShare') && (n < 0 || n > 1))
    return 'expected a share between 0 and 1.';
  if (key === 'discountRate' && (n <= -1 || n > 1)) return 'expected a rate such as 8%.';
  if (key === 'alignmentGate' && (n < 0 || n > 100)) return 'expected an alignment between 0 and 100.';
  if ((key === 'maxProjects' || key === 'benefitYears') && (n < 1 || !Number.isInteger(n)))
    return 'expected a whole number of at least 1.';
  if ((key === 'totalBudget' || key === 'ratingScaleMax') && n <= 0) return 'expected a positive number.';
  (settings as unknown as Record<string, unknown>)[key] = n;
  return null;
}

/** "dmy", "d/m/y", "day/month/year", "day first" → dmy; the month-first spellings → mdy. */
function dateOrderOf(text: string): 'dmy' | 'mdy' | null {
  const t = text.toLowerCase().replace(/[^a-z]/g, '');
  if (/^(dmy|daymonthyear|dayfirst|ddmmyyyy)$/.test(t)) return 'dmy';
  if (/^(mdy|monthdayyear|monthfirst|mmddyyyy)$/.test(t)) return 'mdy';
  return null;
}

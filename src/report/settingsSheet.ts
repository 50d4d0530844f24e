// The "SRO Settings" sheet (SPEC §3.3): every assumption of the run as Setting | Value, written in the
// exact form `readSettingsTable` reads, so running again on the output reproduces the result.
import type { Analysis } from '../engine/score';
import { KEYED_PREFIXES, SETTING_LABELS, type Settings } from '../engine/read';
import { emptySheet, type Cell, type ReportSheet } from './model';
import { moneyFormat, PERCENT } from './formats';

export const SETTINGS_TABLE = 'SRO_Settings';
export const SETTINGS_HEADER_ROW = 4;

type ScalarKey = keyof typeof SETTING_LABELS;
type KeyedField = keyof typeof KEYED_PREFIXES;

/** Scalars whose blank value means "detect it from the workbook" rather than "no limit". */
const DETECTED: ReadonlySet<string> = new Set([
  'ratingScaleMax',
  'currencySymbol',
  'decimalSeparator',
  'dateOrder',
]);
/** Scalars that are shares: written as numbers with a percent format (the reader takes 0.08 or 8%). */
const SHARES: ReadonlySet<string> = new Set(['discountRate', 'alignmentWeight', 'blendValueShare']);

const NOTES: Partial<Record<ScalarKey | KeyedField, string>> = {
  discountRate: 'Per period; NPV, MIRR, BCR and discounted payback use it.',
  alignmentWeight: 'Share of alignment in the value score; the rest goes to the financial measure.',
  financialMeasure: 'riskAdjustedNpv, roi or bcr: the financial half of the value score.',
  objective: 'What the selection maximizes: value, riskAdjustedNpv or blend.',
  blendValueShare: 'Share of the value score in the blended objective.',
  alignmentGate: 'Minimum alignment (0–100) to be a candidate, unless mandatory; none = no gate.',
  maxProjects: 'Most projects in the portfolio; none = no limit.',
  totalBudget:
    'One budget for the whole horizon; overrides per-period budgets. none = use the Budget rows or table.',
  ratingScaleMax: 'Top of the numeric rating scale; auto = 5, 10 or 100 from the ratings.',
  currencySymbol: 'Symbol of the output; auto = from the number formats of the money columns.',
  decimalSeparator: 'Of numbers typed as text; auto = detected.',
  dateOrder:
    'Of dates typed as text (01/04/2027): dmy = day first, mdy = month first; auto = from the dates, else the currency (£, € day first; $ month first).',
  benefitYears: 'Years a total benefit is spread over after delivery.',
  weightSource: 'auto, table or pairwise: which strategy table sets the objective weights.',
  useCapacity: 'On: role capacity (Capacity table) binds the selection. Off: ignored in this scenario.',
  useDependencies: 'On: a project is selected only with the projects it depends on.',
  useExclusiveGroups: 'On: at most one project of each exclusive group is selected.',
  budgets: 'Budget of one period.',
  riskProbabilities: 'Probability of success for this risk level.',
  confidenceProbabilities:
    'Probability of success for this delivery-confidence rating (IPA or SRO, five- or three-point scale); an assumption.',
  defaultStatus:
    'Status of projects the table gives none for: auto = Active for a portfolio in delivery (ratings, spend to date), else Proposed.',
  ratingWords: 'Rating (0–100%) for this word.',
  objectiveWeights: 'Weight of this objective (overrides the strategy tables).',
};

export interface SettingRow {
  label: string;
  value: Cell;
  format?: string;
  note: string;
}

/** Every setting as the rows of the sheet, scalars first, then the keyed rows ("Budget 2027"). */
export function settingsRows(settings: Settings, currency: string): SettingRow[] {
  const rows: SettingRow[] = [];
  for (const [key, label] of Object.entries(SETTING_LABELS) as [ScalarKey, string][]) {
    const v = settings[key] as unknown;
    const note = NOTES[key] ?? '';
    if (v === null || v === undefined) rows.push({ label, value: DETECTED.has(key) ? 'auto' : 'none', note });
    else if (typeof v === 'number')
      rows.push({
        label,
        value: v,
        ...(SHARES.has(key)
          ? { format: PERCENT }
          : key === 'totalBudget'
            ? { format: moneyFormat(currency) }
            : {}),
        note,
      });
    else if (typeof v === 'boolean') rows.push({ label, value: v ? 'On' : 'Off', note });
    else rows.push({ label, value: String(v), note });
  }
  for (const [field, prefix] of Object.entries(KEYED_PREFIXES) as [KeyedField, string][]) {
    const map = settings[field as keyof Settings] as Record<string, number> | null | undefined;
    if (!map) continue;
    for (const [name, value] of Object.entries(map))
      rows.push({
        // Ratings are keyed in lower case; the sheet shows them as the scale writes them (Amber/Green).
        label: `${prefix}${field === 'confidenceProbabilities' ? name.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : name}`,
        value,
        format: field === 'budgets' ? moneyFormat(currency) : PERCENT,
        note: NOTES[field] ?? '',
      });
  }
  return rows;
}

export function buildSettingsSheet(analysis: Analysis): ReportSheet {
  const sheet = emptySheet('settings');
  const rows = settingsRows(analysis.settings, analysis.currency);
  sheet.blocks.push({
    row: 1,
    col: 1,
    cells: [
      ['Settings — every assumption of this run'],
      [
        'Change a value and run again: the add-in and the sro command read this sheet (command-line flags override it). ' +
          `Detected this run: currency ${analysis.currency}, ${analysis.periods.length} periods (${analysis.periods[0] ?? ''}–${analysis.periods[analysis.periods.length - 1] ?? ''}).`,
      ],
    ],
    rowStyles: ['title', 'note'],
  });
  sheet.tables.push({
    name: SETTINGS_TABLE,
    row: SETTINGS_HEADER_ROW,
    col: 1,
    headers: ['Setting', 'Value', 'Note'],
    rows: rows.map((r) => [r.label, r.value, r.note]),
    formats: [undefined, undefined, undefined],
    // Percent and money formats per cell: the Value column mixes kinds.
    cellFormats: rows.flatMap((r, i) => (r.format ? [{ r: i, c: 1, format: r.format }] : [])),
    style: 'TableStyleLight9',
  });
  sheet.columnWidths = [26, 16, 90];
  sheet.freeze = { rows: SETTINGS_HEADER_ROW, columns: 0 };
  sheet.tabColor = '7F7F7F';
  return sheet;
}

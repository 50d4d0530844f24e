// What a portfolio analyst maps each column of a published portfolio to, written from what the columns
// mean (not from what the code does). Patterns match the header as published, so the same expectations
// check the generated workbooks and the real publications when they are at hand.
import type { Field } from '../../../src/engine/read';

export interface Expect {
  /** The header, as a pattern (publications vary their wording a little). */
  header: RegExp;
  field: Field;
  /** For delivery-confidence columns: whose rating. */
  source?: string;
  /** For in-year columns: which figure. */
  measure?: 'baseline' | 'forecast' | 'variance';
  /** For money columns: the unit the header states. */
  multiplier?: number;
  /** Checked only where the publication has the column (narratives and notes vary by edition). */
  optional?: boolean;
}

export type TrackerKind = 'gmpp-rows' | 'gmpp-transposed' | 'us-it' | 'canada-it';

/** A column read as text and carried through, never a figure; not every edition has each one. */
const extra = (header: RegExp): Expect => ({ header, field: 'extra', optional: true });

const GMPP_COMMON: Expect[] = [
  { header: /^GMPP ID( Number)?$/i, field: 'id' },
  { header: /^Project Name$/i, field: 'name' },
  // The department owns the project: it is the portfolio's business unit.
  { header: /^Department/i, field: 'businessUnit' },
  extra(/^Description ?\/ ?Aims$/i),
  { header: /^IPA Delivery Confidence Assessment/i, field: 'deliveryConfidence', source: 'IPA' },
  extra(/^Departmental commentary on actions/i),
  { header: /^(Project - )?Start Date/i, field: 'start' },
  { header: /^(Project - )?End Date/i, field: 'end' },
  extra(/^Departmental narrative on schedule/i),
  // One financial year's figures: PMO figures of that year, never the project's cost.
  { header: /^Financial Year .*Baseline \(£m\)/i, field: 'inYear', measure: 'baseline', multiplier: 1e6 },
  { header: /^Financial Year .*Forecast \(£m\)/i, field: 'inYear', measure: 'forecast', multiplier: 1e6 },
  // Whole-life cost is the cost of the project.
  { header: /^(TOTAL Baseline )?Whole Life Costs? \(£m\)/i, field: 'cost', multiplier: 1e6 },
  extra(/^Departmental narrative on budget/i),
  extra(/^Departmental Narrative on Budgeted Whole Life Costs$/i),
];

export const EXPECTED: Record<TrackerKind, Expect[]> = {
  'gmpp-rows': [
    ...GMPP_COMMON,
    // Not in every edition; mapped so where present.
    { header: /^Annual Report Category$/i, field: 'category', optional: true },
    {
      header: /^SRO Delivery Confidence Assessment/i,
      field: 'deliveryConfidence',
      source: 'SRO',
      optional: true,
    },
    { header: /^Financial Year Variance \(%\)$/i, field: 'inYear', measure: 'variance', optional: true },
    { header: /^TOTAL Baseline Benefits \(£m\)$/i, field: 'benefit', multiplier: 1e6 },
    extra(/^Departmental Narrative on Budgeted Benefits$/i),
  ],
  'gmpp-transposed': [
    ...GMPP_COMMON,
    // An empty row whose label names a cost is no field.
    extra(/^Non-Government Whole Life Costs/i),
  ],
  'us-it': [
    // The project's own id; the investment's identifier repeats over its projects.
    { header: /^Project_ID$/i, field: 'id' },
    extra(/^Unique_Investment_Identifier$/i),
    extra(/^Business_Case_ID$/i),
    { header: /^Project_Name$/i, field: 'name' },
    { header: /^Agency_Name$/i, field: 'businessUnit' },
    // Projects are grouped under investments: the investment is the programme.
    { header: /^Investment_Title$/i, field: 'program' },
    extra(/^Objectives_Expected_Outcome$/i),
    { header: /^Project_Start_Date$/i, field: 'start' },
    // The latest estimate of the end, not the original plan.
    { header: /^Projected_Actual_Project_Completion_Date$/i, field: 'end' },
    { header: /^PlannedCost \(\$M\)$/i, field: 'baselineCost', multiplier: 1e6 },
    { header: /^ProjectedActualCost \(\$M\)$/i, field: 'eac', multiplier: 1e6 },
    // The dashboard's own differences: carried through, never a cost.
    extra(/^CostVariance \(\$M\)$/i),
    extra(/^ScheduleVariance/i),
  ],
  'canada-it': [
    { header: /^uniqueId$/, field: 'id' },
    { header: /^departmentName$/, field: 'businessUnit' },
    { header: /^projectName$/, field: 'name' },
    extra(/^projectDescription$/),
    { header: /^startDate$/, field: 'start' },
    { header: /^estimatedCompletionDate$/, field: 'end' },
    { header: /^originalBudget$/, field: 'baselineCost' },
    { header: /^estimatedTotalCost$/, field: 'cost' },
    { header: /^expendituresToDate$/, field: 'actualCost' },
  ],
};

/** Which kind a projects table is, from its headers (as read, transposed tables already turned). */
export function kindOf(headers: readonly string[], transposed: boolean): TrackerKind | null {
  const has = (re: RegExp) => headers.some((h) => re.test(h));
  if (has(/^Unique_Investment_Identifier$/i)) return 'us-it';
  if (has(/^uniqueId$/) && has(/^estimatedCompletionDate$/)) return 'canada-it';
  if (has(/^GMPP ID/i)) return transposed ? 'gmpp-transposed' : 'gmpp-rows';
  return null;
}

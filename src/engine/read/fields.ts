// The fields a projects table can map to (SPEC §3.1), and how one column is mapped: the shapes shared by
// the header vocabulary, the column matcher and the row reader.
import type { PeriodKey } from './periods';

export type Field =
  | 'id'
  | 'name'
  | 'status'
  | 'cost'
  | 'costPeriod'
  | 'benefit'
  | 'benefitPeriod'
  | 'benefitYears'
  | 'actualCost'
  | 'baselineCost'
  | 'eac'
  | 'percentComplete'
  | 'realizedBenefit'
  | 'probability'
  | 'risk'
  | 'mandatory'
  | 'excluded'
  | 'dependsOn'
  | 'exclusiveGroup'
  | 'start'
  | 'end'
  | 'sponsor'
  | 'businessUnit'
  | 'department'
  | 'category'
  | 'program'
  | 'resource'
  | 'rating'
  | 'deliveryConfidence'
  | 'inYear'
  | 'extra';

export interface ColumnMap {
  index: number;
  header: string;
  field: Field;
  /** 1 for an exact synonym, lower for a guess; 0 for carried-through columns. */
  confidence: number;
  period?: PeriodKey;
  /** Role name of a resource-demand column. */
  role?: string;
  /** Objective name of a rating column. */
  objective?: string;
  /** Unit multiplier stated in the header: "Cost ($k)" → 1000. */
  multiplier?: number;
  /** Currency stated in the header: "Cost (€)". */
  currency?: string;
  /** A whole-life baseline read as the cost ("TOTAL Baseline Whole Life Costs"): also the PMO baseline. */
  baseline?: boolean;
  /** Whose delivery-confidence rating the column holds ("IPA", "SRO"). */
  source?: string;
  /** Which in-year PMO figure the column holds. */
  measure?: 'baseline' | 'forecast' | 'variance';
  /** Why the column maps as it does, in words ("1,543 of 1,547 cells are numbers"). */
  reason?: string;
  /** The field the header named but the content ruled out, and why ("header says cost; 0 of 1,547 cells are numbers"). */
  vetoed?: { field: Field; reason: string };
}

/** A user's override for one header (from the task pane or the CLI). */
export interface MappingOverride {
  field: Field;
  objective?: string;
  role?: string;
}

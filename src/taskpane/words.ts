// The pane's words for engine codes: mapping fields, recommendation types, weight sources.
import type { Field } from '../engine/read';
import type { WeightSource } from '../engine/model';

export const FIELD_LABELS: Record<Field, string> = {
  id: 'Project ID',
  name: 'Project name',
  status: 'Status',
  cost: 'Cost (total)',
  costPeriod: 'Cost of a period',
  benefit: 'Benefit (total)',
  benefitPeriod: 'Benefit of a period',
  benefitYears: 'Benefit years',
  actualCost: 'Actual cost to date',
  baselineCost: 'Baseline cost',
  eac: 'Estimate at completion',
  percentComplete: '% complete',
  realizedBenefit: 'Benefit realized',
  probability: 'Probability of success',
  risk: 'Risk level',
  mandatory: 'Mandatory',
  excluded: 'Force out',
  dependsOn: 'Depends on',
  exclusiveGroup: 'Exclusive group',
  start: 'Start date',
  end: 'End date',
  sponsor: 'Sponsor',
  businessUnit: 'Business unit',
  department: 'Department',
  category: 'Category',
  program: 'Program',
  resource: 'Resource demand (FTE)',
  rating: 'Objective rating',
  deliveryConfidence: 'Delivery confidence (Red … Green)',
  inYear: 'In-year figure (PMO)',
  extra: 'Carried through',
};

/** Fields a user can pick for a column (the period, role and objective come from the header). */
export const PICKABLE_FIELDS: readonly Field[] = (Object.keys(FIELD_LABELS) as Field[]).filter(
  (f) => f !== 'costPeriod' && f !== 'benefitPeriod' && f !== 'resource' && f !== 'rating',
);

export const WEIGHT_SOURCE_LABELS: Record<WeightSource, string> = {
  table: 'from the weights table in the workbook',
  pairwise: 'from the pairwise comparison (AHP) in the workbook',
  equal: 'equal (no strategy table found)',
  settings: 'entered here or in SRO Settings',
};

/** "sure" / "likely" / "guess" for a mapping confidence. */
export function confidenceWord(confidence: number): {
  word: string;
  color: 'success' | 'warning' | 'informative';
} {
  if (confidence >= 0.9) return { word: 'sure', color: 'success' };
  if (confidence >= 0.6) return { word: 'likely', color: 'warning' };
  return { word: 'guess', color: 'informative' };
}

// US federal IT Dashboard "projects" data, in its published layout with invented values: snake_case
// and PascalCase field names, costs in $M, several projects per investment (so the investment's
// Unique_Investment_Identifier repeats), no benefits, no status; some projected costs blank.
import type { CellValue } from '../../../src/engine/model';
import { dateOf, Draw, type Generated, moneyCell, narrative, projectName, type TruthRow } from './common';

const AGENCIES: [string, string][] = [
  ['005', 'Department of Agriculture'],
  ['007', 'Department of Defense'],
  ['009', 'Department of Health and Human Services'],
  ['010', 'Department of the Interior'],
  ['012', 'Department of Labor'],
  ['015', 'Department of the Treasury'],
  ['021', 'Department of Transportation'],
  ['024', 'Department of Homeland Security'],
  ['029', 'Department of Veterans Affairs'],
  ['422', 'National Aeronautics and Space Administration'],
];

export const US_IT_HEADERS = [
  'Business_Case_ID',
  'Agency_Code',
  'Agency_Name',
  'Investment_Title',
  'Unique_Investment_Identifier',
  'Project_ID',
  'Agency_Project_ID',
  'Project_Name',
  'Objectives_Expected_Outcome',
  'Project_Start_Date',
  'Planned_Project_Completion_Date',
  'Projected_Actual_Project_Completion_Date',
  'PlannedCost ($M)',
  'ProjectedActualCost ($M)',
  'CostVariance ($M)',
  'CostVariance (%)',
  'ScheduleVariance (in days)',
  'ScheduleVariance (%)',
  'Updated_Date',
] as const;

/** `n` projects (1,547 as in the copy) of about a fifth as many investments. */
export function usItDashboard(seed = 1547, n = 1547): Generated {
  const d = new Draw(seed);
  const truth: TruthRow[] = [];
  const rows: CellValue[][] = [];
  let investment = 0;
  let left = 0;
  let agency = AGENCIES[0]!;
  let uii = '';
  let title = '';
  let caseId = 0;
  for (let k = 0; k < n; k++) {
    if (left === 0) {
      investment++;
      left = d.int(1, 9);
      agency = d.pick(AGENCIES);
      uii = `${agency[0]}-${String(100000000 + investment * 7919).slice(0, 9)}`;
      title = `${projectName(d, investment)} Investment`;
      caseId = 1000 + investment;
    }
    left--;
    const planned = d.size(0.05, 400);
    const projected = planned * (0.85 + 0.5 * d.u());
    const blank = d.chance(0.03);
    const start = dateOf(d.int(2012, 2023), d.int(1, 12), d.int(1, 28));
    const plannedEnd = new Date(start.getTime() + d.int(90, 1400) * 86_400_000);
    const slip = d.int(-30, 200);
    const projectedEnd = new Date(plannedEnd.getTime() + slip * 86_400_000);
    const id = String(200000 + k);
    const projectedCell = blank ? null : moneyCell(d, projected, '$', 0.08);
    const shown =
      projectedCell === null
        ? null
        : typeof projectedCell === 'number'
          ? projectedCell
          : Number(String(projectedCell).replace(/[$,]/g, ''));
    truth.push({
      id,
      name: `${projectName(d, k + 1)}`,
      cost: shown === null ? null : Math.round(shown * 1e6 * 100) / 100,
      benefit: null,
      ...(blank ? { costMissing: 'blank' as const } : {}),
    });
    rows.push([
      caseId,
      agency[0],
      agency[1],
      title,
      uii,
      Number(id),
      `${agency[0]}-P${String(k % 400).padStart(3, '0')}`,
      truth[k]!.name,
      narrative(d, 2),
      start,
      plannedEnd,
      projectedEnd,
      moneyCell(d, planned, '$', 0.08),
      projectedCell,
      Math.round((planned - projected) * 1000) / 1000,
      Math.round(((planned - projected) / planned) * 10000) / 100,
      slip,
      Math.round((slip / 365) * 10000) / 100,
      dateOf(2024, d.int(1, 12), d.int(1, 28)),
    ]);
  }
  return { sheet: 'Projects', grid: [[...US_IT_HEADERS], ...rows], truth, transposed: false, currency: '$' };
}

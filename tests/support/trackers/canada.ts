// Government of Canada IT projects data, in its published layout with invented values: camelCase field
// names, dollar amounts as text ("$1,234,567"), ISO date text, no benefit column and no status.
import type { CellValue } from '../../../src/engine/model';
import { Draw, type Generated, narrative, projectName, type TruthRow } from './common';

const DEPARTMENTS = [
  'Employment and Social Development Canada',
  'Canada Revenue Agency',
  'Shared Services Canada',
  'Immigration, Refugees and Citizenship Canada',
  'Public Services and Procurement Canada',
  'National Defence',
  'Health Canada',
  'Statistics Canada',
];

export const CANADA_HEADERS = [
  'uniqueId',
  'departmentName',
  'projectName',
  'projectDescription',
  'startDate',
  'estimatedCompletionDate',
  'originalBudget',
  'estimatedTotalCost',
  'expendituresToDate',
  'lastUpdated',
] as const;

const dollars = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** `n` projects (165 gives the 495 money cells of the copy). */
export function canadaItProjects(seed = 165, n = 165): Generated {
  const d = new Draw(seed);
  const truth: TruthRow[] = [];
  const rows: CellValue[][] = [];
  for (let k = 0; k < n; k++) {
    const dept = d.pick(DEPARTMENTS);
    const budget = d.size(1e6, 2e9);
    const estimate = budget * (0.9 + 0.8 * d.u());
    const spent = estimate * d.u();
    const start = new Date(Date.UTC(d.int(2010, 2023), d.int(0, 11), d.int(1, 28)));
    const end = new Date(start.getTime() + d.int(365, 3650) * 86_400_000);
    const missing = d.u();
    const estimateCell: CellValue =
      missing < 0.03 ? 'N/A' : missing < 0.05 ? 'TBD' : missing < 0.06 ? null : dollars(estimate);
    const id = `${dept
      .split(' ')
      .map((w) => w[0])
      .join('')
      .toUpperCase()}-${String(k + 1).padStart(4, '0')}`;
    const name = projectName(d, k + 1);
    truth.push({
      id,
      name,
      cost: typeof estimateCell === 'string' && estimateCell.startsWith('$') ? Math.round(estimate) : null,
      benefit: null,
      ...(missing < 0.05
        ? { costMissing: 'notAvailable' as const }
        : missing < 0.06
          ? { costMissing: 'blank' as const }
          : {}),
    });
    rows.push([
      id,
      dept,
      name,
      narrative(d, 2),
      iso(start),
      iso(end),
      dollars(budget),
      estimateCell,
      dollars(spent),
      iso(new Date(Date.UTC(2024, d.int(0, 11), d.int(1, 28)))),
    ]);
  }
  return {
    sheet: 'IT Projects',
    grid: [[...CANADA_HEADERS], ...rows],
    truth,
    transposed: false,
    currency: '$',
  };
}

// Hand-built portfolios for the rationalization tests: one row per project with only the columns a
// case needs, two objectives (Growth 3 : Efficiency 1, so weights 0.75 / 0.25) on a 0–5 rating scale,
// total cost in period 1 and total benefit in period 2 (Benefit Years = 1), one total budget.
import { analyzeWorkbook, type Analysis } from '../../../src/engine/score';
import type { CellValue, RawTable } from '../../../src/engine/model';
import type { Settings } from '../../../src/engine/read';
import { table } from '../support';

export interface Row {
  id: string;
  name?: string;
  status?: string;
  cost: number;
  benefit: number;
  p?: number;
  actual?: number;
  eac?: number;
  baseline?: number;
  bu?: string;
  sponsor?: string;
  mandatory?: boolean;
  forceOut?: boolean;
  dependsOn?: string;
  group?: string;
  /** Growth and Efficiency ratings, 0–5. */
  g: number;
  e: number;
  fte?: number;
}

const HEADERS = [
  'ID',
  'Project Name',
  'Status',
  'Cost',
  'Benefit',
  'Benefit Years',
  'Probability of Success',
  'Actual Cost',
  'EAC',
  'Baseline',
  'Business Unit',
  'Sponsor',
  'Mandatory',
  'Force Out',
  'Depends On',
  'Exclusive Group',
  'Growth',
  'Efficiency',
  'Engineering FTE',
];

export function portfolio(
  rows: readonly Row[],
  budget: number | null,
  opts: { capacity?: number; settings?: Partial<Settings>; allowIssues?: boolean } = {},
): Analysis {
  const cells: CellValue[][] = rows.map((r) => [
    r.id,
    r.name ?? `Project ${r.id}`,
    r.status ?? 'Proposed',
    r.cost,
    r.benefit,
    1,
    r.p ?? 1,
    r.actual ?? null,
    r.eac ?? null,
    r.baseline ?? null,
    r.bu ?? null,
    r.sponsor ?? null,
    r.mandatory ? 'Yes' : null,
    r.forceOut ? 'Yes' : null,
    r.dependsOn ?? null,
    r.group ?? null,
    r.g,
    r.e,
    r.fte ?? null,
  ]);
  const tables: RawTable[] = [
    table(HEADERS, cells, { sheet: 'Projects' }),
    table(
      ['Objective', 'Weight'],
      [
        ['Growth', 3],
        ['Efficiency', 1],
      ],
      { sheet: 'Strategy' },
    ),
  ];
  if (opts.capacity !== undefined) {
    tables.push(table(['Role', 'Capacity (FTE)'], [['Engineering', opts.capacity]], { sheet: 'Capacity' }));
  }
  const a = analyzeWorkbook(tables, {
    settings: { ratingScaleMax: 5, ...(budget !== null ? { totalBudget: budget } : {}), ...opts.settings },
  });
  const errors = a.issues.filter((i) => i.severity !== 'info');
  if (errors.length && !opts.allowIssues)
    throw new Error(`test portfolio has data issues: ${errors.map((i) => i.problem).join(' ')}`);
  return a;
}

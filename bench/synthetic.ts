// Synthetic workbooks for benchmarks: a projects table of any size with per-period costs and benefits,
// objective ratings and the usual tracker columns, plus an objectives table. Seeded, so runs repeat.
import type { CellValue, RawTable } from '../src/engine/model';
import { seededRandom as rng } from '../src/engine/random';

export function syntheticWorkbook(
  projects: number,
  objectives: number,
  periods: number,
  seed = 1,
): RawTable[] {
  const r = rng(seed);
  const objNames = Array.from({ length: objectives }, (_, j) => `Objective ${j + 1}`);
  const years = Array.from({ length: periods }, (_, t) => 2027 + t);
  const headers = [
    'Project ID',
    'Project Name',
    'Business Unit',
    'Status',
    'Risk',
    'Mandatory',
    'Depends On',
    ...years.map((y) => `Cost ${y}`),
    ...years.map((y) => `Benefit ${y}`),
    'Actual Cost',
    'EAC',
    'FTE Engineering',
    ...objNames,
  ];
  const statuses = ['Proposed', 'Proposed', 'Proposed', 'Approved', 'Active'];
  const risks = ['Low', 'Medium', 'High', 'Very High'];
  const rows: CellValue[][] = [];
  for (let i = 0; i < projects; i++) {
    const status = statuses[Math.floor(r() * statuses.length)]!;
    const size = 1e5 * (1 + 40 * r() * r());
    const build = 1 + Math.floor(r() * 3);
    const costs = years.map((_, t) => (t < build ? Math.round(size / build) : 0));
    const benefits = years.map((_, t) => (t >= build ? Math.round((size * (0.15 + 0.4 * r())) / 1) : 0));
    const actual = Math.round(size * 0.4);
    const eac = costs.reduce((s, c) => s + c, 0) + actual;
    const active = status === 'Active';
    rows.push([
      `P${String(i + 1).padStart(5, '0')}`,
      `Project ${i + 1}`,
      `BU ${1 + Math.floor(r() * 6)}`,
      status,
      risks[Math.floor(r() * risks.length)]!,
      r() < 0.01 ? 'Yes' : null,
      i > 10 && r() < 0.1 ? `P${String(1 + Math.floor(r() * i)).padStart(5, '0')}` : null,
      ...costs,
      ...benefits,
      active ? actual : null,
      active ? eac : null,
      Math.round(r() * 50) / 10,
      ...objNames.map(() => Math.floor(r() * 6)),
    ]);
  }
  const weights = objNames.map(() => 1 + Math.floor(r() * 9));
  return [
    { name: 'Projects', sheet: 'Projects', kind: 'table', headerRow: 1, firstColumn: 1, headers, rows },
    {
      name: 'Objectives',
      sheet: 'Strategy',
      kind: 'table',
      headerRow: 1,
      firstColumn: 1,
      headers: ['Objective', 'Weight'],
      rows: objNames.map((n, j) => [n, weights[j]!]),
    },
  ];
}

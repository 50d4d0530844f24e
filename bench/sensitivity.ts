// Sensitivity bench (SPEC §4.8, §6): the cost of the ±20% one-at-a-time robustness analysis on the
// sample workbook and on a 500-project synthetic portfolio, beside one selection solve of the same problem.
import path from 'node:path';
import { analyzeWorkbook, type Analysis } from '../src/engine/score';
import type { CellValue, RawTable } from '../src/engine/model';
import { selectionSetup, sensitivity } from '../src/engine/decide';
import { selectPortfolio } from '../src/engine/select';
import { XlsxWorkbookReader } from '../src/workbook/xlsx/read';
import { useNodeHighs } from '../src/cli/highs';
import { fmtSeconds, medianSeconds, printTable, type BenchRow } from './harness';
import { syntheticWorkbook } from './synthetic';

/**
 * A synthetic portfolio with binding limits: per-period budgets at 40% of what the candidates ask in
 * each period, and an Engineering capacity at 40% of the demand (the synthetic table has neither).
 */
function boundSynthetic(n: number, objectives: number, periods: number, seed: number): Analysis {
  const tables = syntheticWorkbook(n, objectives, periods, seed);
  const free = analyzeWorkbook(tables);
  const budgets: Record<string, number> = {};
  free.periods.forEach((label, t) => {
    const ask = free.projects.filter((p) => p.eligible).reduce((s, p) => s + (p.project.costs[t] ?? 0), 0);
    budgets[label] = Math.round(0.4 * ask);
  });
  const fte = free.projects
    .filter((p) => p.eligible)
    .reduce((s, p) => s + (p.project.resources.Engineering ?? 0), 0);
  const capacity: RawTable = {
    name: 'Capacity',
    sheet: 'Capacity',
    kind: 'table',
    headerRow: 1,
    firstColumn: 1,
    headers: ['Role', 'Capacity (FTE)'],
    rows: [['Engineering', Math.round(0.4 * fte)] as CellValue[]],
  };
  return analyzeWorkbook([...tables, capacity], { settings: { budgets } });
}

export async function benchSensitivity(): Promise<void> {
  const highs = useNodeHighs();
  const sample = path.join(__dirname, '..', 'assets', 'sample-portfolio.xlsx');
  const reader = await XlsxWorkbookReader.fromFile(sample);
  const cases: { name: string; analysis: Analysis; runs: number }[] = [
    { name: 'sample workbook', analysis: analyzeWorkbook(reader.all()), runs: 5 },
    { name: 'synthetic 500 × 5 objectives × 5 periods', analysis: boundSynthetic(500, 5, 5, 42), runs: 3 },
  ];
  const rows: BenchRow[] = [];
  for (const c of cases) {
    const { problem } = selectionSetup(c.analysis);
    const one = await medianSeconds(() => selectPortfolio(problem, { highs }), c.runs, 1);
    const sens = await medianSeconds(() => sensitivity(c.analysis, { select: { highs } }), c.runs, 1);
    const r = sens.result;
    const solves = r.perturbations.length + 1;
    const labels = { Robust: 0, Sensitive: 0, Fragile: 0 };
    for (const p of r.projects) labels[p.label]++;
    rows.push({
      portfolio: c.name,
      candidates: r.projects.length,
      perturbations: r.perturbations.length,
      'one solve': fmtSeconds(one.seconds),
      'sensitivity (median)': `${fmtSeconds(sens.seconds)} (${sens.all.length} runs)`,
      'per solve': fmtSeconds(sens.seconds / solves),
      'ratio to one solve': `${(sens.seconds / one.seconds).toFixed(1)}×`,
      'robust / sensitive / fragile': `${labels.Robust} / ${labels.Sensitive} / ${labels.Fragile}`,
    });
  }
  printTable('Sensitivity: weights ±20% one at a time, each selection re-solved to proven optimum', rows);
}

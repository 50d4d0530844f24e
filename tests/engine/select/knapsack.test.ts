// Proven optima on published knapsack instances (SPEC §6): Burkardt's KNAPSACK_01 P01–P08 (one
// constraint, with the published optimal selection) and OR-Library's mknap1 (seven multi-constraint
// problems with their published optimal values). Sources are cited in tests/support/knapsackData.ts.
import { useNodeHighs } from '../../../src/cli/highs';
import { selectPortfolio } from '../../../src/engine/select/optimize';
import type { SelectionProblem } from '../../../src/engine/select/problem';
import { KNAPSACK_01, MKNAP1_TEXT, parseMknap } from '../../support/knapsackData';

beforeAll(() => {
  useNodeHighs();
});

const id = (j: number) => `item${String(j + 1).padStart(2, '0')}`;

describe('KNAPSACK_01 (Burkardt) — single budget', () => {
  test.each(KNAPSACK_01)('$name reaches the published optimal selection', async (k) => {
    const problem: SelectionProblem = {
      projects: k.weights.map((w, j) => ({ id: id(j), value: k.profits[j]!, costs: [w] })),
      budgets: [k.capacity],
    };
    const result = await selectPortfolio(problem);
    const expected = k.selection.flatMap((s, j) => (s ? [id(j)] : []));
    const optimum = k.selection.reduce((sum, s, j) => sum + s * k.profits[j]!, 0);
    expect(result.status).toBe('optimal');
    expect(result.gap).toBe(0);
    expect(result.objective).toBe(optimum);
    expect(result.selected).toEqual(expected);
  });

  test('the published optima are the ones the data set states', () => {
    const optima = KNAPSACK_01.map((k) => k.selection.reduce((sum, s, j) => sum + s * k.profits[j]!, 0));
    expect(optima).toEqual([309, 51, 150, 107, 900, 1735, 1458, 13549094]);
  });
});

describe('mknap1 (OR-Library) — several budgets at once', () => {
  const problems = parseMknap(MKNAP1_TEXT);

  test('the file holds the 7 problems and their published optima', () => {
    expect(problems.map((p) => p.optimum)).toEqual([3800, 8706.1, 4015, 6120, 12400, 10618, 16537]);
  });

  test.each(problems)('$name reaches the published optimum', async (p) => {
    const problem: SelectionProblem = {
      projects: p.profits.map((v, j) => ({ id: id(j), value: v, costs: p.weights.map((row) => row[j]!) })),
      budgets: p.capacities,
    };
    const result = await selectPortfolio(problem);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(p.optimum, 6);
    // The selection itself meets every capacity of the published instance.
    p.capacities.forEach((cap, i) => {
      const used = result.selected.reduce((s, sid) => s + p.weights[i]![Number(sid.slice(4)) - 1]!, 0);
      expect(used).toBeLessThanOrEqual(cap);
    });
  });
});

// efficientFrontier (SPEC §4.6): levels from the mandatory cost to the cost of every candidate, each
// point proven optimal and never below the previous one; period budgets scaled together; the current
// portfolio set against it; the greedy shortfall at the user's budget; progress and cancellation.
import fc from 'fast-check';
import { useNodeHighs } from '../../../src/cli/highs';
import { efficientFrontier } from '../../../src/engine/select/frontier';
import { greedySelection, selectPortfolio } from '../../../src/engine/select/optimize';
import type { SelectionProblem } from '../../../src/engine/select/problem';
import { portfolioArb } from '../../support/arbitraries';
import { isFeasible } from '../../support/bruteForce';
import { KNAPSACK_01 } from '../../support/knapsackData';

beforeAll(() => {
  useNodeHighs();
});

// Burkardt's P07 (tests/support/knapsackData.ts) with its published optimum 1458 at capacity 750.
const p07 = KNAPSACK_01.find((k) => k.name === 'P07')!;
const single: SelectionProblem = {
  projects: p07.weights.map((w, j) => ({
    id: `I${String(j + 1).padStart(2, '0')}`,
    value: p07.profits[j]!,
    costs: [w],
  })),
  budgets: [p07.capacity],
};

describe('efficient frontier', () => {
  test('a proven selection at the user budget is reused for that point; anything else is solved', async () => {
    const sel = await selectPortfolio(single);
    const reused = await efficientFrontier(single, { userSelection: sel, levels: 3 });
    expect(reused.user).toMatchObject({ value: 1458, selected: sel.selected, seconds: sel.seconds });
    // A selection that is not proven optimal (here a deliberately wrong one) is never trusted.
    const wrong = { ...sel, status: 'timeLimit' as const, selected: [], objective: 0 };
    const solved = await efficientFrontier(single, { userSelection: wrong, levels: 3 });
    expect(solved.user).toMatchObject({ value: 1458, status: 'optimal' });
  });

  test('21 levels from 0 to the cost of all candidates, plus the user budget; optimal and non-decreasing', async () => {
    const f = await efficientFrontier(single);
    const levels = f.points.filter((p) => p.kind === 'level');
    expect(levels).toHaveLength(21);
    expect(levels[0]!.budget).toBe(0);
    expect(levels[20]!.budget).toBeCloseTo(
      p07.weights.reduce((a, b) => a + b, 0),
      9,
    );
    expect(f.points.every((p) => p.status === 'optimal')).toBe(true);
    for (let j = 1; j < f.points.length; j++)
      expect(f.points[j]!.value).toBeGreaterThanOrEqual(f.points[j - 1]!.value);
    expect(f.user).toMatchObject({ budget: 750, value: 1458, status: 'optimal' });
    expect(f.points.every((p) => p.cost <= p.budget + 1e-9)).toBe(true);
  });

  test('period budgets are scaled by one factor; the lowest level is where the mandatory projects fit', async () => {
    const problem: SelectionProblem = {
      projects: [
        { id: 'M', value: 1, costs: [30, 10], mandatory: true },
        { id: 'A', value: 5, costs: [20, 20] },
        { id: 'B', value: 4, costs: [10, 40] },
      ],
      budgets: [60, 40],
    };
    const f = await efficientFrontier(problem, { levels: 5 });
    for (const p of f.points) expect(p.budgets[0]! / 60).toBeCloseTo(p.budgets[1]! / 40, 12);
    const lowest = f.points[0]!;
    expect(lowest.budgets[0]).toBeCloseTo(30, 9); // M needs 30 of a 60 budget: factor 0.5
    expect(lowest.selected).toEqual(['M']);
    expect(f.points.at(-1)!.selected).toEqual(['M', 'A', 'B']);
  });

  test('the current portfolio: same value for less, more value for the same spend', async () => {
    // The current portfolio: the six heaviest items (weight 672, profit 1305).
    const current = single.projects.slice(9).map((p) => p.id);
    const f = await efficientFrontier(single, { current });
    const c = f.current!;
    expect(c.value).toBe(201 + 210 + 214 + 221 + 229 + 240);
    expect(c.cost).toBe(106 + 110 + 113 + 115 + 118 + 120);
    expect(c.issues).toEqual([]);
    const sameSpend = await selectPortfolio({ ...single, budgets: [c.cost] });
    expect(c.sameSpend!.point.value).toBe(sameSpend.objective);
    expect(c.sameSpend!.gain).toBeCloseTo((sameSpend.objective - c.value) / c.value, 12);
    expect(c.sameValue!.point.value).toBeGreaterThanOrEqual(c.value);
    expect(c.sameValue!.saving).toBe(c.cost - c.sameValue!.point.cost);
    expect(c.sameValue!.saving).toBeGreaterThan(0);
    expect(c.sentences[0]).toBe(`Same value for $${c.sameValue!.saving} less.`);
    expect(c.sentences[1]).toMatch(/^\d+(\.\d)?% more value for the same spend\.$/);
  });

  test('a current portfolio that spends exactly the user budget is compared with the user point', async () => {
    const problem: SelectionProblem = {
      projects: [
        { id: 'A', value: 3, costs: [5] },
        { id: 'B', value: 4, costs: [5] },
        { id: 'C', value: 9, costs: [6] },
      ],
      budgets: [10],
    };
    const f = await efficientFrontier(problem, { levels: 3, current: ['A', 'B'] });
    expect(f.current!.sameSpend!.point).toBe(f.user);
    expect(f.user.value).toBe(9);
    expect(f.current!.sameSpend!.gain).toBeCloseTo(2 / 7, 12);
    expect(f.current!.sameValue!.point.selected).toEqual(['C']);
    expect(f.current!.sameValue!.saving).toBe(4);
  });

  test('greedy value beside the optimum at the user budget, with the shortfall', async () => {
    const f = await efficientFrontier(single, { levels: 3 });
    const g = greedySelection(single);
    expect(f.greedy.value).toBe(g.objective);
    expect(f.greedy.shortfall).toBeCloseTo((1458 - g.objective) / 1458, 12);
    expect(f.greedy.sentence).toMatch(/value per cost/);
  });

  test('progress per point, and abort before start rejects with an AbortError', async () => {
    const stages: (number | undefined)[] = [];
    await efficientFrontier(single, { levels: 4, onProgress: (p) => stages.push(p.fraction) });
    expect(stages.length).toBeGreaterThanOrEqual(5);
    expect(stages.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(efficientFrontier(single, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  test('abort between points stops the frontier', async () => {
    const controller = new AbortController();
    const run = efficientFrontier(single, {
      onProgress: (p) => {
        if ((p.fraction ?? 0) > 0.2) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('property: frontier values never decrease as the budget grows; every selection is feasible at its level', async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb({ maxProjects: 18, mandatoryRate: 0.03 }), async (problem) => {
        const f = await efficientFrontier(problem, { levels: 6 });
        const solved = f.points.filter((p) => p.status !== 'infeasible');
        for (let j = 1; j < solved.length; j++) {
          expect(solved[j]!.value).toBeGreaterThanOrEqual(solved[j - 1]!.value - 1e-9);
        }
        for (const p of solved) expect(isFeasible({ ...problem, budgets: p.budgets }, p.selected)).toBe(true);
      }),
      { numRuns: 30, seed: 99 },
    );
  });
});

// The relaxation's duals as the selection uses them (src/engine/lagrange.ts): the Lagrangian bound is
// never below the optimum, reduced-cost fixing never cuts off the optimum, the local-search start is a
// portfolio, and the whole selection with start and fixing reaches the same optimum as without them.
import { nodeHighsLoader, useNodeHighs } from '../../../src/cli/highs';
import { runHighs } from '../../../src/engine/select/highsRun';
import { fixByReducedValue, lagrangian, lagrangianStart } from '../../../src/engine/select/lagrange';
import { selectPortfolio } from '../../../src/engine/select/optimize';
import type { SelectionProblem } from '../../../src/engine/select/problem';
import { seededRandom } from '../../../src/engine/random';
import { checkSelection } from '../../../src/engine/select/check';
import { indexProblem, objectiveOf } from '../../../src/engine/select/indexed';
import { buildModel } from '../../../src/engine/select/model';
import { reduce } from '../../../src/engine/select/reduce';

beforeAll(() => {
  useNodeHighs();
});

function randomProblem(seed: number, n: number): SelectionProblem {
  const rnd = seededRandom(seed);
  const projects = Array.from({ length: n }, (_, i) => ({
    id: `P${String(i).padStart(4, '0')}`,
    value: Math.round(rnd() * 1000) / 10,
    costs: [Math.round(rnd() * 100), rnd() < 0.5 ? Math.round(rnd() * 60) : 0],
    resources: [Math.round(rnd() * 40) / 10],
  }));
  const total = (k: number) => projects.reduce((s, p) => s + p.costs[k]!, 0);
  const dependencies: [string, string][] = [];
  for (let i = 1; i < n; i++) {
    if (rnd() < 0.15) dependencies.push([projects[i]!.id, projects[Math.floor(rnd() * i)]!.id]);
  }
  return {
    projects,
    budgets: [Math.round(total(0) * 0.45), Math.round(total(1) * 0.5)],
    capacities: [Math.round(projects.reduce((s, p) => s + p.resources[0]!, 0) * 4) / 10],
    dependencies,
  };
}

/** Every 0-1 vector over the model's columns, best feasible value (small models only). */
function bruteForce(problem: SelectionProblem): { value: number; x: Uint8Array } {
  const ip = indexProblem(problem);
  let best = { value: -Infinity, x: new Uint8Array(ip.n) };
  for (let mask = 0; mask < 1 << ip.n; mask++) {
    const x = Uint8Array.from({ length: ip.n }, (_, i) => (mask >> i) & 1);
    if (checkSelection(ip, x).length) continue;
    const value = objectiveOf(ip, x);
    if (value > best.value) best = { value, x };
  }
  return best;
}

describe('Lagrangian bound and reduced-cost fixing', () => {
  test.each(Array.from({ length: 12 }, (_, k) => k + 1))(
    'seed %i: bound ≥ optimum, fixing keeps the optimum, the start is a portfolio',
    async (seed) => {
      const problem = randomProblem(seed, 12);
      const ip = indexProblem(problem);
      const fixed = reduce(ip, false);
      const model = buildModel(ip, fixed);
      const lp = await runHighs(nodeHighsLoader, { model, relax: true, mipRelGap: 0 });
      const lag = lagrangian(model, lp.rowDuals!);
      const best = bruteForce(problem);
      expect(lag.bound).toBeGreaterThanOrEqual(best.value - 1e-9);
      expect(lag.bound).toBeCloseTo(lp.objective, 6);

      const fix = fixByReducedValue(lag, best.value);
      model.cols.forEach((i, c) => {
        expect(fix.lower[c]! <= best.x[i]! && best.x[i]! <= fix.upper[c]!).toBe(true);
      });

      const start = lagrangianStart(model, lp.x!, lag);
      if (start) {
        const x = Uint8Array.from(fixed, (f) => (f === 1 ? 1 : 0));
        model.cols.forEach((i, c) => (x[i] = start[c]!));
        expect(checkSelection(ip, x)).toEqual([]);
        expect(objectiveOf(ip, x)).toBeLessThanOrEqual(best.value + 1e-9);
      }
    },
  );
});

describe('selection with the LP-guided start and fixing', () => {
  test.each([1, 2, 3, 4, 5, 6])(
    'seed %i, 150 projects: the same optimum as the plain solve',
    async (seed) => {
      const problem = randomProblem(100 + seed, 150);
      // The guided path is the default from 5,000 free projects; here it is forced on.
      const guided = await selectPortfolio(problem, { guidedMinColumns: 0 });
      const plain = await selectPortfolio(problem, { reduce: false });
      expect(guided.status).toBe('optimal');
      expect(plain.status).toBe('optimal');
      expect(guided.objective).toBeCloseTo(plain.objective, 9);
    },
    30_000,
  );
});

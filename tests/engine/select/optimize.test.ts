// selectPortfolio (SPEC §4.6): infeasibility reasons in words, every constraint family, status and
// gap semantics, time limit and cancellation, and properties over random portfolios checked against an
// independent exhaustive search.
import fc from 'fast-check';
import { nodeHighsLoader, useNodeHighs } from '../../../src/cli/highs';
import { greedySelection, selectPortfolio } from '../../../src/engine/select/optimize';
import { registerHighsLoader } from '../../../src/engine/select/solver';
import type { SelectionProblem, SelectionProgress } from '../../../src/engine/select/problem';
import { portfolioArb } from '../../support/arbitraries';
import { exhaustiveOptimum, isFeasible } from '../../support/bruteForce';
import { benchPortfolio } from '../../support/portfolios';

beforeAll(() => {
  useNodeHighs();
});

const proj = (
  id: string,
  value: number,
  costs: number[],
  extra: Partial<SelectionProblem['projects'][0]> = {},
) => ({
  id,
  value,
  costs,
  ...extra,
});

describe('infeasibility is explained in words, with the figures', () => {
  test('mandatory spend above a period budget', async () => {
    const r = await selectPortfolio({
      projects: [
        proj('A', 5, [0, 9_000_000], { mandatory: true }),
        proj('B', 5, [0, 5_200_000], { mandatory: true }),
      ],
      budgets: [1e7, 12_000_000],
      budgetLabels: ['2026', '2027'],
    });
    expect(r.status).toBe('infeasible');
    expect(r.selected).toEqual([]);
    expect(r.reason).toBe('Mandatory projects need $14.2M in 2027; the 2027 budget is $12M.');
  });

  test('a mandatory project depending on an excluded one, directly and through a chain', async () => {
    const base = { budgets: [100], dependencies: [['PRJ-004', 'PRJ-009']] as [string, string][] };
    const direct = await selectPortfolio({
      ...base,
      projects: [proj('PRJ-004', 1, [1], { mandatory: true }), proj('PRJ-009', 1, [1], { excluded: true })],
    });
    expect(direct.reason).toBe('Mandatory project PRJ-004 depends on PRJ-009, which is excluded.');
    const chain = await selectPortfolio({
      budgets: [100],
      dependencies: [
        ['PRJ-004', 'PRJ-007'],
        ['PRJ-007', 'PRJ-009'],
      ],
      projects: [
        proj('PRJ-004', 1, [1], { mandatory: true }),
        proj('PRJ-007', 1, [1]),
        proj('PRJ-009', 1, [1], { excluded: true }),
      ],
    });
    expect(chain.reason).toBe(
      'Mandatory project PRJ-004 depends on PRJ-009 (through PRJ-007), which is excluded.',
    );
  });

  test('capacity shortfall in FTE', async () => {
    const r = await selectPortfolio({
      projects: [
        proj('A', 1, [1], { mandatory: true, resources: [7.5] }),
        proj('B', 1, [1], { mandatory: true, resources: [5] }),
      ],
      budgets: [10],
      capacities: [10],
      capacityLabels: ['Engineering'],
    });
    expect(r.reason).toBe(
      'Mandatory projects need 12.5 FTE of Engineering; capacity is 10 FTE (short by 2.5 FTE).',
    );
  });

  test('two mandatory projects (one pulled in by a dependency) in one exclusive group', async () => {
    const r = await selectPortfolio({
      projects: [
        proj('A', 1, [1], { mandatory: true }),
        proj('B', 1, [1]),
        proj('C', 1, [1], { mandatory: true }),
      ],
      budgets: [10],
      dependencies: [['C', 'B']],
      exclusiveGroups: [['A', 'B']],
    });
    expect(r.status).toBe('infeasible');
    expect(r.reason).toBe(
      'A and B (needed by mandatory C) are alternatives in one exclusive group, so at most one can be selected, but all are mandatory.',
    );
  });

  test('more mandatory projects than the maximum count', async () => {
    const r = await selectPortfolio({
      projects: ['A', 'B', 'C'].map((id) => proj(id, 1, [1], { mandatory: true })),
      budgets: [10],
      maxProjects: 2,
    });
    expect(r.reason).toBe(
      '3 projects must be selected (mandatory projects and what they depend on), but at most 2 may be.',
    );
  });

  test('a balance minimum the mandatory spend cannot reach', async () => {
    const r = await selectPortfolio({
      projects: [proj('A', 1, [90], { mandatory: true }), proj('B', 1, [10], { groups: ['Sustainability'] })],
      budgets: [1000],
      balance: [{ label: 'Sustainability', shares: {}, min: 0.25 }],
    });
    expect(r.status).toBe('infeasible');
    expect(r.reason).toBe(
      'Strategic balance: "Sustainability" needs at least 25% of selected spend, but the mandatory projects put 0% there and even every project that adds to it lifts it only to 10%.',
    );
  });

  test('a balance minimum that only the budget prevents: the solver proves it, the reason names both families', async () => {
    const r = await selectPortfolio({
      projects: [proj('A', 1, [50], { mandatory: true }), proj('B', 1, [50], { groups: ['Green'] })],
      budgets: [80],
      balance: [{ label: 'Green', shares: {}, min: 0.4 }],
    });
    expect(r.status).toBe('infeasible');
    expect(r.reason).toMatch(/strategic balance limits \(Green ≥ 40% of selected spend\)|budgets/);
    expect(r.reason).toMatch(/budgets/);
  });
});

describe('constraint families', () => {
  test('dependencies pull in what they need; negative values only when forced or needed', async () => {
    const r = await selectPortfolio({
      projects: [
        proj('A', 10, [5]),
        proj('B', -2, [1]),
        proj('C', -3, [1]),
        proj('D', -1, [1], { mandatory: true }),
      ],
      budgets: [10],
      dependencies: [['A', 'B']],
    });
    expect(r.status).toBe('optimal');
    expect(r.selected).toEqual(['A', 'B', 'D']);
    expect(r.objective).toBe(7);
  });

  test('exclusive groups, max count and balance shares by id and by group', async () => {
    const problem: SelectionProblem = {
      projects: [
        proj('A', 10, [4], { groups: ['Digital'] }),
        proj('B', 9, [4]),
        proj('C', 8, [2]),
        proj('D', 7, [2]),
      ],
      budgets: [100],
      exclusiveGroups: [['A', 'B']],
      maxProjects: 2,
      balance: [{ label: 'Digital', shares: { C: 0.5 }, max: 0.5 }],
    };
    const r = await selectPortfolio(problem);
    expect(r.status).toBe('optimal');
    expect(isFeasible(problem, r.selected)).toBe(true);
    expect(r.objective).toBe(exhaustiveOptimum(problem));
  });

  test('an empty problem and a problem with nothing free are optimal at once', async () => {
    expect((await selectPortfolio({ projects: [], budgets: [] })).status).toBe('optimal');
    const r = await selectPortfolio({ projects: [proj('A', 3, [1], { mandatory: true })], budgets: [1] });
    expect(r).toMatchObject({ status: 'optimal', selected: ['A'], objective: 3, gap: 0 });
  });

  test('bad input is one clear error', async () => {
    await expect(
      selectPortfolio({ projects: [proj('A', 1, [1]), proj('A', 2, [1])], budgets: [1] }),
    ).rejects.toThrow('project id "A" appears twice');
    await expect(selectPortfolio({ projects: [proj('A', 1, [-1])], budgets: [1] })).rejects.toThrow(
      'cost -1',
    );
    await expect(
      selectPortfolio({ projects: [proj('A', 1, [1])], budgets: [1], dependencies: [['A', 'Z']] }),
    ).rejects.toThrow('unknown project "Z"');
  });
});

describe('status, time limit, cancellation, determinism', () => {
  const hard = benchPortfolio({ projects: 500, seed: 6 });

  test('a tiny time limit gives timeLimit with the incumbent and its proven gap, never a false optimal', async () => {
    const r = await selectPortfolio(hard, { timeLimitSeconds: 0.05 });
    expect(['timeLimit', 'optimal']).toContain(r.status);
    expect(isFeasible(hard, r.selected)).toBe(true);
    if (r.status === 'timeLimit') {
      expect(r.gap).toBeGreaterThan(0);
      expect(r.bound!).toBeGreaterThan(r.objective);
    }
  });

  test('an accepted gap ends as feasible (or optimal when closed), within that gap', async () => {
    const r = await selectPortfolio(hard, { mipRelGap: 0.01 });
    expect(['feasible', 'optimal']).toContain(r.status);
    expect(r.gap).toBeLessThanOrEqual(0.01);
    expect(isFeasible(hard, r.selected)).toBe(true);
  });

  test('a start already within the accepted gap of the LP bound ends without branch and bound, the same each time', async () => {
    const stages: string[] = [];
    const r = await selectPortfolio(hard, { mipRelGap: 0.01, onProgress: (p) => stages.push(p.stage) });
    expect(stages).not.toContain('solve');
    expect(['feasible', 'optimal']).toContain(r.status);
    expect(r.gap).toBeLessThanOrEqual(0.01);
    expect(r.bound!).toBeGreaterThanOrEqual(r.objective);
    expect(isFeasible(hard, r.selected)).toBe(true);
    const again = await selectPortfolio(hard, { mipRelGap: 0.01 });
    expect(again.selected).toEqual(r.selected);
    expect(again.objective).toBe(r.objective);
  });

  test('abort before start rejects with an AbortError; abort from a progress handler stops the solve', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(selectPortfolio(hard, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const inFlight = new AbortController();
    const seen: SelectionProgress[] = [];
    const run = selectPortfolio(hard, {
      signal: inFlight.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.stage === 'solve') inFlight.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen[0]).toEqual({ stage: 'prepare', fraction: 0 });
  });

  test('the same problem gives the same selection every time', async () => {
    const p = benchPortfolio({ projects: 120, seed: 3 });
    const a = await selectPortfolio(p);
    const b = await selectPortfolio(p);
    expect(b.selected).toEqual(a.selected);
    expect(b.objective).toBe(a.objective);
  });

  test('without a registered loader the error says what to do; options.highs overrides it', async () => {
    registerHighsLoader(undefined);
    try {
      await expect(selectPortfolio({ projects: [proj('A', 1, [1])], budgets: [1] })).rejects.toThrow(
        /registerHighsLoader/,
      );
      const r = await selectPortfolio(
        { projects: [proj('A', 1, [1])], budgets: [1] },
        { highs: nodeHighsLoader },
      );
      expect(r.selected).toEqual(['A']);
    } finally {
      useNodeHighs();
    }
  });
});

describe('properties over random portfolios', () => {
  test('n ≤ 16: the optimum equals exhaustive search, infeasibility agrees and has a reason', async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb({ maxProjects: 16 }), async (problem) => {
        const r = await selectPortfolio(problem);
        const best = exhaustiveOptimum(problem);
        if (best === null) {
          expect(r.status).toBe('infeasible');
          expect(r.reason).toMatch(/\w/);
          return;
        }
        expect(r.status).toBe('optimal');
        expect(isFeasible(problem, r.selected)).toBe(true);
        expect(r.objective).toBeCloseTo(best, 6);
      }),
      { numRuns: 160, seed: 20270101 },
    );
  });

  test('n ≤ 60: the selection meets every constraint and is never below greedy', async () => {
    await fc.assert(
      fc.asyncProperty(
        portfolioArb({ minProjects: 15, maxProjects: 60, mandatoryRate: 0.02 }),
        async (problem) => {
          const r = await selectPortfolio(problem);
          const g = greedySelection(problem);
          if (r.status === 'infeasible') {
            expect(g.feasible).toBe(false);
            return;
          }
          expect(r.status).toBe('optimal');
          expect(isFeasible(problem, r.selected)).toBe(true);
          if (g.feasible) {
            expect(isFeasible(problem, g.selected)).toBe(true);
            expect(r.objective).toBeGreaterThanOrEqual(g.objective - 1e-9);
          }
        },
      ),
      { numRuns: 60, seed: 4242 },
    );
  });

  test('generated infeasible problems come back infeasible with a reason naming the family', async () => {
    const cases = fc.record({
      base: portfolioArb({ minProjects: 3, maxProjects: 20, mandatoryRate: 0 }),
      kind: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ base, kind }) => {
        const problem: SelectionProblem = {
          ...base,
          projects: base.projects.map((p) => ({ ...p, excluded: false })),
        };
        const [a, b] = problem.projects;
        let pattern: RegExp;
        if (kind === 0) {
          a!.mandatory = true;
          a!.costs = problem.budgets.map((x) => x + 1);
          pattern = /Mandatory projects( \(with [^)]*\))? need .* budget is/;
        } else if (kind === 1) {
          a!.mandatory = true;
          b!.excluded = true;
          problem.dependencies = [...(problem.dependencies ?? []), [a!.id, b!.id]];
          pattern = new RegExp(`Mandatory project ${a!.id} depends on ${b!.id}.*which is excluded`);
        } else if (kind === 2) {
          a!.mandatory = true;
          b!.mandatory = true;
          a!.costs = a!.costs.map(() => 0);
          b!.costs = b!.costs.map(() => 0);
          problem.exclusiveGroups = [[a!.id, b!.id]];
          problem.dependencies = [];
          problem.capacities = [];
          delete problem.maxProjects;
          delete problem.balance;
          pattern = /alternatives in one exclusive group/;
        } else {
          for (const p of problem.projects) p.mandatory = true;
          problem.maxProjects = problem.projects.length - 1;
          problem.budgets = problem.budgets.map(() => Infinity);
          problem.capacities = [];
          problem.exclusiveGroups = [];
          pattern = /at most \d+ may be/;
        }
        const r = await selectPortfolio(problem);
        expect(r.status).toBe('infeasible');
        expect(r.reason).toMatch(pattern);
      }),
      { numRuns: 40, seed: 77 },
    );
  });
});

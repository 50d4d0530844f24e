// fast-check generators of random portfolios mixing every constraint family: several periods and
// roles, mandatory and excluded projects, dependencies (chains and the odd cycle), exclusive groups,
// a maximum count and a strategic balance limit.
import fc from 'fast-check';
import type { SelectionProblem, SelectionProject } from '../../src/engine/select';
import { rng } from './portfolios';

export interface ArbOptions {
  minProjects?: number;
  maxProjects: number;
  /** Chance of each project being mandatory. */
  mandatoryRate?: number;
}

const pid = (i: number) => `P${String(i + 1).padStart(2, '0')}`;

export function portfolioArb(opts: ArbOptions): fc.Arbitrary<SelectionProblem> {
  const mandatoryRate = opts.mandatoryRate ?? 0.06;
  return fc
    .record({
      n: fc.integer({ min: opts.minProjects ?? 1, max: opts.maxProjects }),
      periods: fc.integer({ min: 1, max: 3 }),
      roles: fc.integer({ min: 0, max: 2 }),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      budgetShare: fc.double({ min: 0.15, max: 0.9, noNaN: true }),
      capacityShare: fc.double({ min: 0.3, max: 1, noNaN: true }),
      withCount: fc.boolean(),
      withBalance: fc.boolean(),
    })
    .map(({ n, periods, roles, seed, budgetShare, capacityShare, withCount, withBalance }) => {
      const rand = rng(seed);
      const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
      const projects: SelectionProject[] = Array.from({ length: n }, (_, i) => ({
        id: pid(i),
        // Mostly positive values, some negative (risk-adjusted NPV can be), a few with decimals.
        value: rand() < 0.1 ? -int(1, 30) : rand() < 0.3 ? int(0, 1000) / 10 : int(1, 100),
        costs: Array.from({ length: periods }, () => (rand() < 0.25 ? 0 : int(1, 50))),
        resources: Array.from({ length: roles }, () => (rand() < 0.4 ? 0 : int(1, 10))),
        ...(rand() < mandatoryRate ? { mandatory: true } : {}),
        ...(rand() < 0.05 ? { excluded: true } : {}),
        ...(rand() < 0.3 ? { groups: ['Growth'] } : {}),
      }));
      // Keep generated problems mostly feasible; the infeasible ones are built on purpose elsewhere.
      for (const p of projects) if (p.mandatory && p.excluded) delete p.excluded;
      const dependencies: [string, string][] = [];
      for (let i = 1; i < n; i++) {
        if (rand() < 0.25) dependencies.push([pid(i), pid(int(0, i - 1))]);
      }
      if (n > 2 && rand() < 0.1) dependencies.push([pid(0), pid(n - 1)]); // occasionally a cycle
      const exclusiveGroups: string[][] = [];
      for (let g = 0; g < Math.floor(n / 5); g++) {
        const a = int(0, n - 1);
        const b = int(0, n - 1);
        if (a !== b)
          exclusiveGroups.push(
            rand() < 0.3 && n > 2 ? [pid(a), pid(b), pid(int(0, n - 1))] : [pid(a), pid(b)],
          );
      }
      const total = (k: number, f: (p: SelectionProject) => number[]) =>
        projects.reduce((acc, p) => acc + (f(p)[k] ?? 0), 0);
      const problem: SelectionProblem = {
        projects,
        budgets: Array.from({ length: periods }, (_, k) =>
          Math.round(total(k, (p) => p.costs) * budgetShare),
        ),
        capacities: Array.from({ length: roles }, (_, k) =>
          Math.round(total(k, (p) => p.resources ?? []) * capacityShare),
        ),
        dependencies,
        exclusiveGroups,
        budgetLabels: Array.from({ length: periods }, (_, k) => String(2027 + k)),
        capacityLabels: ['Engineering', 'Data'].slice(0, roles),
      };
      if (withCount) problem.maxProjects = int(1, Math.max(1, n));
      if (withBalance) {
        const shares: Record<string, number> = {};
        for (const p of projects) if (rand() < 0.3) shares[p.id] = int(0, 4) / 4;
        problem.balance = [{ label: 'Growth', shares, min: int(0, 6) / 20, max: int(12, 20) / 20 }];
      }
      return problem;
    });
}

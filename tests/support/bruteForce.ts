// An independent reference for small selection problems: a plain feasibility check written from the
// problem statement (not the engine's), and exhaustive search over every subset for n ≤ 20.
import type { SelectionProblem } from '../../src/engine/select';

const TOL = 1e-9;
const within = (sum: number, limit: number) =>
  sum <= limit + TOL * Math.max(Math.abs(limit), Math.abs(sum), 1);

/** Whether the set of ids meets every constraint of the problem, read directly from its fields. */
export function isFeasible(problem: SelectionProblem, ids: readonly string[]): boolean {
  const chosen = new Set(ids);
  for (const p of problem.projects) {
    if (p.mandatory && !chosen.has(p.id)) return false;
    if (p.excluded && chosen.has(p.id)) return false;
  }
  for (const [a, b] of problem.dependencies ?? []) if (chosen.has(a) && !chosen.has(b)) return false;
  for (const g of problem.exclusiveGroups ?? [])
    if (new Set(g.filter((id) => chosen.has(id))).size > 1) return false;
  if (problem.maxProjects !== undefined && chosen.size > problem.maxProjects) return false;
  const picked = problem.projects.filter((p) => chosen.has(p.id));
  for (let k = 0; k < problem.budgets.length; k++) {
    if (
      !within(
        picked.reduce((s, p) => s + (p.costs[k] ?? 0), 0),
        problem.budgets[k]!,
      )
    )
      return false;
  }
  for (let k = 0; k < (problem.capacities ?? []).length; k++) {
    if (
      !within(
        picked.reduce((s, p) => s + (p.resources?.[k] ?? 0), 0),
        problem.capacities![k]!,
      )
    )
      return false;
  }
  for (const b of problem.balance ?? []) {
    let part = 0;
    let total = 0;
    for (const p of picked) {
      const spend = p.costs.reduce((s, c) => s + c, 0);
      part += (b.shares[p.id] ?? (p.groups?.includes(b.label) ? 1 : 0)) * spend;
      total += spend;
    }
    if (b.min !== undefined && !within(b.min * total, part)) return false;
    if (b.max !== undefined && !within(part, b.max * total)) return false;
  }
  return true;
}

/** The best objective over all feasible subsets, or null when none is feasible. */
export function exhaustiveOptimum(problem: SelectionProblem): number | null {
  const n = problem.projects.length;
  if (n > 20) throw new Error('exhaustive search is for n ≤ 20');
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const ids: string[] = [];
    let value = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        ids.push(problem.projects[i]!.id);
        value += problem.projects[i]!.value;
      }
    }
    if ((best === null || value > best) && isFeasible(problem, ids)) best = value;
  }
  return best;
}

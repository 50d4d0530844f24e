// A good first portfolio for the solver: the greedy selection improved by local search (adds, and
// swaps of one selected project for a better unselected one with what it needs). HiGHS starts from it,
// so its reduced-cost fixing removes most projects at the root instead of after long heuristics.
import { SelectionState } from './greedy';
import type { IndexedProblem } from './selectionCheck';

const FREE = -1;

/** Improves a feasible 0/1 vector in place of a copy; never touches projects fixed by the reduction. */
export function improveSelection(
  ip: IndexedProblem,
  x: Uint8Array,
  fixed: Int8Array,
  budgetMs = 200,
): Uint8Array {
  const deadline = performance.now() + budgetMs;
  const state = new SelectionState(ip, x);
  const free: number[] = [];
  for (let i = 0; i < ip.n; i++) if (fixed[i] === FREE) free.push(i);
  // Best value first, so the first improving move found is usually a good one.
  free.sort((a, b) => ip.value[b]! - ip.value[a]! || a - b);
  const gainOf = (pkg: readonly number[]) => pkg.reduce((s, j) => s + ip.value[j]!, 0);

  for (let improved = true; improved && performance.now() < deadline;) {
    improved = false;
    for (const j of free) {
      if (state.x[j]) continue;
      const pkg = state.packageOf(j);
      if (pkg.some((k) => fixed[k] === 0) || gainOf(pkg) <= 0) continue;
      if (state.canSwap(pkg)) {
        state.add(pkg);
        improved = true;
      }
    }
    for (const i of free) {
      if (!state.x[i] || ip.neededBy[i]!.some((a) => state.x[a])) continue;
      if (performance.now() > deadline) break;
      let best: number[] | undefined;
      let bestGain = 0;
      for (const j of free) {
        if (state.x[j] || ip.value[j]! <= ip.value[i]! - bestGain) continue;
        const pkg = state.packageOf(j);
        if (pkg.some((k) => fixed[k] === 0 || ip.needs[k]!.includes(i))) continue;
        const gain = gainOf(pkg) - ip.value[i]!;
        if (gain > bestGain && state.canSwap(pkg, i)) {
          best = pkg;
          bestGain = gain;
        }
      }
      if (best) {
        state.remove(i);
        state.add(best);
        improved = true;
      }
    }
  }
  return state.x;
}

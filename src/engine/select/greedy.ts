// The greedy baseline (SPEC §4.6): mandatory projects first, then projects by value per unit of spend,
// each with whatever it depends on, while every limit still holds. It is what a ranked list gives, so
// the optimum is reported against it; the solver also starts from it.
import { balanceSums, checkSelection } from './check';
import { fits, idsOf, objectiveOf, type IndexedProblem } from './indexed';
import { forcedIn } from './reduce';

export interface GreedyResult {
  selected: string[];
  objective: number;
  /** False when the greedy pass ends on a selection that breaks a limit (mandatory projects alone may). */
  feasible: boolean;
}

/** Running sums of a selection, so adding a package of projects is checked in O(package × rows). */
export class SelectionState {
  readonly x: Uint8Array;
  readonly used: Float64Array;
  readonly groupUsed: Int32Array;
  count = 0;

  constructor(
    readonly ip: IndexedProblem,
    x?: Uint8Array,
  ) {
    this.x = x ? Uint8Array.from(x) : new Uint8Array(ip.n);
    this.used = new Float64Array(ip.limits.length);
    this.groupUsed = new Int32Array(ip.groups.length);
    for (let i = 0; i < ip.n; i++) if (this.x[i]) this.account(i, 1);
  }

  private account(i: number, sign: 1 | -1): void {
    const ip = this.ip;
    ip.limits.forEach((row, r) => (this.used[r] = this.used[r]! + sign * row.coef[i]!));
    for (const g of ip.groupsOf[i]!) this.groupUsed[g] = this.groupUsed[g]! + sign;
    this.count += sign;
  }

  /** The projects `i` brings in: itself and what it needs (transitively) that is not selected yet. */
  packageOf(i: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>([i]);
    const stack = [i];
    while (stack.length) {
      const j = stack.pop()!;
      if (this.x[j]) continue;
      out.push(j);
      for (const b of this.ip.needs[j]!) {
        if (!seen.has(b)) {
          seen.add(b);
          stack.push(b);
        }
      }
    }
    return out;
  }

  /** Whether adding `pkg` (and removing `drop`, if given) keeps budgets, capacities, groups, count and balance. */
  canSwap(pkg: readonly number[], drop = -1): boolean {
    const ip = this.ip;
    if (this.count + pkg.length - (drop >= 0 ? 1 : 0) > ip.maxProjects) return false;
    for (let r = 0; r < ip.limits.length; r++) {
      const row = ip.limits[r]!;
      let s = this.used[r]! - (drop >= 0 ? row.coef[drop]! : 0);
      for (const j of pkg) s += row.coef[j]!;
      if (!fits(s, row.limit)) return false;
    }
    const extra = new Map<number, number>();
    if (drop >= 0) for (const g of ip.groupsOf[drop]!) extra.set(g, -1);
    for (const j of pkg) {
      for (const g of ip.groupsOf[j]!) {
        const k = (extra.get(g) ?? 0) + 1;
        if (this.groupUsed[g]! + k > 1) return false;
        extra.set(g, k);
      }
    }
    if (ip.balance.length === 0) return true;
    if (drop >= 0) this.x[drop] = 0;
    for (const j of pkg) this.x[j] = 1;
    const ok = ip.balance.every((b) => {
      const [part, total] = balanceSums(ip, b, this.x);
      return (
        (b.min === undefined || fits(b.min * total, part)) &&
        (b.max === undefined || fits(part, b.max * total))
      );
    });
    for (const j of pkg) this.x[j] = 0;
    if (drop >= 0) this.x[drop] = 1;
    return ok;
  }

  add(pkg: readonly number[]): void {
    for (const j of pkg) {
      this.x[j] = 1;
      this.account(j, 1);
    }
  }

  remove(i: number): void {
    this.x[i] = 0;
    this.account(i, -1);
  }
}

/** Value per unit of spend, best first; free projects of positive value first; ties by id. */
export function greedyOrder(ip: IndexedProblem): number[] {
  const ratio = (i: number) => {
    const v = ip.value[i]!;
    const s = ip.spend[i]!;
    return s > 0 ? v / s : v > 0 ? Infinity : v < 0 ? -Infinity : 0;
  };
  const order = Array.from({ length: ip.n }, (_, i) => i);
  return order.sort(
    (a, b) => ratio(b) - ratio(a) || (ip.ids[a]! < ip.ids[b]! ? -1 : ip.ids[a]! > ip.ids[b]! ? 1 : 0),
  );
}

/**
 * Greedy vector over a problem, never choosing a project marked 0 in `fixed` (when given). A package is
 * taken only when it adds value, so negative-value projects come in only as mandatory or as needed.
 */
export function greedyVector(ip: IndexedProblem, fixed?: Int8Array): Uint8Array {
  const state = new SelectionState(ip, forcedIn(ip));
  for (const i of greedyOrder(ip)) {
    if (state.x[i] || ip.value[i]! <= 0) continue;
    const pkg = state.packageOf(i);
    if (pkg.some((j) => ip.excluded[j] || fixed?.[j] === 0)) continue;
    let gain = 0;
    for (const j of pkg) gain += ip.value[j]!;
    if (gain > 0 && state.canSwap(pkg)) state.add(pkg);
  }
  return state.x;
}

/** The greedy baseline on an indexed problem. */
export function greedyOnIndexed(ip: IndexedProblem): GreedyResult & { x: Uint8Array } {
  const x = greedyVector(ip);
  return {
    x,
    selected: idsOf(ip, x),
    objective: objectiveOf(ip, x),
    feasible: checkSelection(ip, x).length === 0,
  };
}

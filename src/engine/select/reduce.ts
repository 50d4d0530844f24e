// Model reduction: fixes what the data already decides before any solve — the forced-in closure,
// force-outs and their dependants, projects that cannot fit, worthless leaves, dominated alternatives.
// Each rule keeps every optimal portfolio, so the reduced program has the same optimum.
import { fits, type IndexedProblem } from './indexed';

/** The mark of a project the reduction leaves to the solver (fixed ones are 0 or 1). */
export const FREE = -1;

/** Marks `start` and everything that (transitively) depends on it as fixed out. */
function fixOut(ip: IndexedProblem, fixed: Int8Array, start: number): void {
  const stack = [start];
  while (stack.length) {
    const i = stack.pop()!;
    if (fixed[i] === 0) continue;
    fixed[i] = 0;
    for (const a of ip.neededBy[i]!) if (fixed[a] !== 0) stack.push(a);
  }
}

/** `start` plus everything it needs, transitively (dependency cycles included once). */
function closureOf(ip: IndexedProblem, start: number, mark: Int32Array, stamp: number): number[] {
  const out: number[] = [];
  const stack = [start];
  mark[start] = stamp;
  while (stack.length) {
    const i = stack.pop()!;
    out.push(i);
    for (const b of ip.needs[i]!) {
      if (mark[b] !== stamp) {
        mark[b] = stamp;
        stack.push(b);
      }
    }
  }
  return out;
}

/** The forced-in set: mandatory projects and everything they need. */
export function forcedIn(ip: IndexedProblem): Uint8Array {
  const inn = new Uint8Array(ip.n);
  const stack: number[] = [];
  for (let i = 0; i < ip.n; i++) if (ip.mandatory[i]) stack.push(i);
  while (stack.length) {
    const i = stack.pop()!;
    if (inn[i]) continue;
    inn[i] = 1;
    for (const b of ip.needs[i]!) if (!inn[b]) stack.push(b);
  }
  return inn;
}

/**
 * Fixes projects whose value the data decides: per project 1 (in), 0 (out) or -1 (free). Assumes the
 * forced-in set is itself consistent (the infeasibility diagnosis runs first). With `full` false only
 * the forced closures are fixed.
 */
export function reduce(ip: IndexedProblem, full = true): Int8Array {
  const n = ip.n;
  const fixed = new Int8Array(n).fill(FREE);
  const inn = forcedIn(ip);
  for (let i = 0; i < n; i++) if (inn[i]) fixed[i] = 1;
  for (let i = 0; i < n; i++) if (ip.excluded[i] && !inn[i]) fixOut(ip, fixed, i);
  if (!full) return fixed;

  // Alternatives of a forced-in project, and a project needing its own alternative, can never be chosen.
  for (const g of ip.groups) {
    const taken = g.find((i) => fixed[i] === 1);
    for (const i of g) if (taken !== undefined && i !== taken && fixed[i] !== 0) fixOut(ip, fixed, i);
  }
  for (let a = 0; a < n; a++) {
    if (fixed[a] !== FREE) continue;
    const clash = ip.needs[a]!.some((b) => ip.groupsOf[a]!.some((g) => ip.groupsOf[b]!.includes(g)));
    if (clash) fixOut(ip, fixed, a);
  }

  fixUnfit(ip, fixed);
  if (ip.balance.length === 0) {
    fixWorthless(ip, fixed);
    fixDominated(ip, fixed);
  }
  return fixed;
}

/** A free project whose dependency closure cannot fit next to the forced-in set is fixed out. */
function fixUnfit(ip: IndexedProblem, fixed: Int8Array): void {
  const n = ip.n;
  const used = ip.limits.map((row) => {
    let s = 0;
    for (let i = 0; i < n; i++) if (fixed[i] === 1) s += row.coef[i]!;
    return s;
  });
  let forcedCount = 0;
  for (let i = 0; i < n; i++) if (fixed[i] === 1) forcedCount++;
  const groupTaken = ip.groups.map((g) => g.some((i) => fixed[i] === 1));
  const mark = new Int32Array(n).fill(-1);
  const seenGroup = new Int32Array(ip.groups.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (fixed[i] !== FREE) continue;
    const closure = closureOf(ip, i, mark, i).filter((j) => fixed[j] !== 1);
    let ok = closure.every((j) => fixed[j] === FREE) && forcedCount + closure.length <= ip.maxProjects;
    for (let r = 0; ok && r < ip.limits.length; r++) {
      const row = ip.limits[r]!;
      let s = used[r]!;
      for (const j of closure) s += row.coef[j]!;
      ok = fits(s, row.limit);
    }
    for (let c = 0; ok && c < closure.length; c++) {
      for (const g of ip.groupsOf[closure[c]!]!) {
        if (groupTaken[g] || seenGroup[g] === i) ok = false;
        seenGroup[g] = i;
      }
    }
    if (!ok) fixOut(ip, fixed, i);
  }
}

/** Without balance limits, a free project of value ≤ 0 that no free project needs is never worth taking. */
function fixWorthless(ip: IndexedProblem, fixed: Int8Array): void {
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < ip.n; i++) {
      if (fixed[i] !== FREE || ip.value[i]! > 0) continue;
      if (ip.neededBy[i]!.some((a) => fixed[a] === FREE)) continue;
      fixed[i] = 0;
      changed = true;
    }
  }
}

/**
 * Within an exclusive group, j dominates i when swapping i for j keeps every solution feasible and
 * does not lower its value: no less value, no more of any budget or capacity, no need that i lacks,
 * no other group i is not in, and nothing free needing i. Ties keep the earlier project.
 */
function fixDominated(ip: IndexedProblem, fixed: Int8Array): void {
  const dominates = (j: number, i: number): boolean => {
    if (ip.value[j]! < ip.value[i]!) return false;
    let strict = ip.value[j]! > ip.value[i]!;
    for (const row of ip.limits) {
      if (row.coef[j]! > row.coef[i]!) return false;
      if (row.coef[j]! < row.coef[i]!) strict = true;
    }
    if (!ip.needs[j]!.every((b) => fixed[b] === 1 || ip.needs[i]!.includes(b))) return false;
    if (!ip.groupsOf[j]!.every((g) => ip.groupsOf[i]!.includes(g))) return false;
    if (ip.neededBy[i]!.some((a) => fixed[a] !== 0)) return false;
    return strict || j < i;
  };
  for (const g of ip.groups) {
    for (const i of g) {
      if (fixed[i] !== FREE) continue;
      if (g.some((j) => j !== i && fixed[j] === FREE && dominates(j, i))) fixed[i] = 0;
    }
  }
}

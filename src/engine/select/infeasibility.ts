// Why no portfolio exists, in words with the figures. The common causes are found directly from the
// forced-in set (mandatory projects and what they need), before any solve: budgets, capacities and the
// project count only grow as projects are added, so if the forced set breaks one, everything does.
import { formatPercent } from '../format';
import { balanceSums } from './check';
import { fits, type BalanceRow, type IndexedProblem, type LimitRow } from './indexed';
import { forcedIn } from './reduce';
import { amountWords, limitReason as wordsFor } from './words';

function limitWords(ip: IndexedProblem, row: LimitRow, amount: number): string {
  return amountWords(row, amount, ip.currency, ip.capacityUnit);
}

function limitReason(ip: IndexedProblem, row: LimitRow, who: string, used: number): string {
  return wordsFor(row, who, used, ip.currency, ip.capacityUnit);
}

/** A path of dependencies from `from` to `to` (both included), found by breadth-first search. */
function dependencyPath(ip: IndexedProblem, from: number, to: number): number[] {
  const prev = new Map<number, number>([[from, -1]]);
  const queue = [from];
  while (queue.length) {
    const i = queue.shift()!;
    if (i === to) break;
    for (const b of ip.needs[i]!) {
      if (!prev.has(b)) {
        prev.set(b, i);
        queue.push(b);
      }
    }
  }
  const path: number[] = [];
  for (let i = to; i !== -1; i = prev.get(i) ?? -1) path.unshift(i);
  return path;
}

/** For each forced-in project, the mandatory project that pulls it in (itself when mandatory). */
function forcedBy(ip: IndexedProblem): Int32Array {
  const by = new Int32Array(ip.n).fill(-1);
  for (let m = 0; m < ip.n; m++) if (ip.mandatory[m]) by[m] = m;
  for (let m = 0; m < ip.n; m++) {
    if (!ip.mandatory[m]) continue;
    const stack = [...ip.needs[m]!];
    while (stack.length) {
      const i = stack.pop()!;
      if (by[i] !== -1) continue;
      by[i] = m;
      for (const j of ip.needs[i]!) stack.push(j);
    }
  }
  return by;
}

/** "PRJ-002" when mandatory, else "PRJ-002 (needed by mandatory PRJ-005)". */
function forcedName(ip: IndexedProblem, i: number, by: Int32Array): string {
  const m = by[i]!;
  return m === i || m < 0 ? ip.ids[i]! : `${ip.ids[i]} (needed by mandatory ${ip.ids[m]})`;
}

/** Share limits the forced set cannot get within, even with every project that would help. */
function balanceReason(ip: IndexedProblem, b: BalanceRow, inn: Uint8Array): string | undefined {
  const [part, total] = balanceSums(ip, b, inn);
  if (total <= 0) return undefined;
  const share = part / total;
  const label = `"${b.label}"`;
  if (b.min !== undefined && b.max !== undefined && b.min > b.max) {
    return `Strategic balance: the minimum share for ${label} (${formatPercent(b.min)}) is above its maximum (${formatPercent(b.max)}), and the mandatory projects must be funded.`;
  }
  // Best reachable share ignoring every other limit: add each eligible project that moves it the right way.
  const reach = (dir: 1 | -1, bound: number) => {
    let p = part;
    let t = total;
    for (let i = 0; i < ip.n; i++) {
      if (inn[i] || ip.excluded[i]) continue;
      if (dir * (b.share[i]! - bound) > 0) {
        p += b.share[i]! * ip.spend[i]!;
        t += ip.spend[i]!;
      }
    }
    return p / t;
  };
  if (b.min !== undefined && !fits(b.min * total, part)) {
    const best = reach(1, b.min);
    if (!fits(b.min, best)) {
      return (
        `Strategic balance: ${label} needs at least ${formatPercent(b.min)} of selected spend, but the mandatory ` +
        `projects put ${formatPercent(share)} there and even every project that adds to it lifts it only to ${formatPercent(best)}.`
      );
    }
  }
  if (b.max !== undefined && !fits(part, b.max * total)) {
    const best = reach(-1, b.max);
    if (!fits(best, b.max)) {
      return (
        `Strategic balance: ${label} may take at most ${formatPercent(b.max)} of selected spend, but the mandatory ` +
        `projects put ${formatPercent(share)} there and even every other project brings it down only to ${formatPercent(best)}.`
      );
    }
  }
  return undefined;
}

/**
 * The reason no portfolio exists when it can be seen from the forced-in set alone, else undefined.
 * Covers: mandatory and excluded at once, a mandatory project needing an excluded one, two forced
 * projects in one exclusive group, a budget, a capacity or the project count overrun by the forced
 * set, negative limits, and balance limits the forced set cannot reach.
 */
export function diagnoseForced(ip: IndexedProblem): string | undefined {
  const inn = forcedIn(ip);
  const by = forcedBy(ip);
  for (let i = 0; i < ip.n; i++) {
    if (ip.mandatory[i] && ip.excluded[i])
      return `Project ${ip.ids[i]} is marked both mandatory and excluded.`;
  }
  for (let i = 0; i < ip.n; i++) {
    if (!inn[i] || !ip.excluded[i]) continue;
    const m = by[i]!;
    const path = dependencyPath(ip, m, i);
    const through = path.slice(1, -1).map((k) => ip.ids[k]);
    const via = through.length ? ` (through ${through.join(', ')})` : '';
    return `Mandatory project ${ip.ids[m]} depends on ${ip.ids[i]}${via}, which is excluded.`;
  }
  for (const g of ip.groups) {
    const forced = g.filter((i) => inn[i]);
    if (forced.length > 1) {
      const names = forced.map((i) => forcedName(ip, i, by));
      return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are alternatives in one exclusive group, so at most one can be selected, but all are mandatory.`;
    }
  }
  let count = 0;
  for (let i = 0; i < ip.n; i++) count += inn[i]!;
  const mandatoryCount = ip.mandatory.reduce((a, b) => a + b, 0);
  const who =
    count > mandatoryCount
      ? `Mandatory projects (with the ${count - mandatoryCount} project${count - mandatoryCount === 1 ? '' : 's'} they depend on)`
      : 'Mandatory projects';
  for (const row of ip.limits) {
    let used = 0;
    for (let i = 0; i < ip.n; i++) if (inn[i]) used += row.coef[i]!;
    if (row.limit < 0 && count === 0) {
      const what =
        row.kind === 'budget'
          ? `${row.label ? `The ${row.label} budget` : 'The budget'}`
          : `Capacity of ${row.label}`;
      return `${what} is ${limitWords(ip, row, row.limit)}, below zero, so no portfolio can meet it.`;
    }
    if (!fits(used, row.limit)) return limitReason(ip, row, count ? who : 'The selection', used);
  }
  if (count > ip.maxProjects) {
    return `${count} projects must be selected (mandatory projects and what they depend on), but at most ${Math.max(0, ip.maxProjects)} may be.`;
  }
  if (ip.maxProjects < 0) return `The maximum number of projects is ${ip.maxProjects}, below zero.`;
  for (const b of ip.balance) {
    const reason = balanceReason(ip, b, inn);
    if (reason) return reason;
  }
  return undefined;
}

/** Names of the constraint families, as the relaxation fallback reports them. */
export const FAMILY_WORDS: Record<string, string> = {
  balance: 'strategic balance limits',
  budget: 'budgets',
  capacity: 'capacities',
  count: 'maximum number of projects',
  group: 'exclusive groups',
  dependency: 'dependencies',
};

/**
 * The sentence when the solver proved infeasibility that the direct checks do not explain: which
 * families conflict, found by re-solving with one family relaxed at a time (`freedBy` lists the families
 * whose removal alone makes a portfolio possible).
 */
export function relaxationReason(ip: IndexedProblem, freedBy: string[]): string {
  const limits = ip.balance
    .flatMap((b) => [
      b.min !== undefined ? `${b.label} ≥ ${formatPercent(b.min)}` : '',
      b.max !== undefined ? `${b.label} ≤ ${formatPercent(b.max)}` : '',
    ])
    .filter(Boolean)
    .join(', ');
  const names = freedBy.map((f) => FAMILY_WORDS[f] ?? f);
  const balance = freedBy.includes('balance') && limits ? ` (${limits} of selected spend)` : '';
  if (names.length === 0) {
    return 'No portfolio meets all the limits together, and no single family of limits (budgets, capacities, dependencies, exclusive groups, project count, strategic balance) is to blame alone: several must be relaxed.';
  }
  if (names.length === 1) {
    return `No portfolio meets all the limits together with the mandatory projects: the ${names[0]}${balance} cannot be met; relaxing them makes a portfolio possible.`;
  }
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `No portfolio meets all the limits together with the mandatory projects: the ${list}${balance} conflict; relaxing any one of them makes a portfolio possible.`;
}

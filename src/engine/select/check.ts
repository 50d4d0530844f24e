// The check of a selection against every original constraint, in words — run after each solve, by the
// greedy baseline and on the current portfolio, so no answer leaves the stage unchecked.
import { formatPercent } from '../format';
import { fits, type BalanceRow, type IndexedProblem } from './indexed';
import { limitReason } from './words';

export type ConstraintFamily =
  'mandatory' | 'excluded' | 'dependency' | 'budget' | 'capacity' | 'group' | 'count' | 'balance';

export interface Violation {
  family: ConstraintFamily;
  message: string;
}

/** The shares of spend of a balance label: [sum of share·spend, total spend]. */
export function balanceSums(ip: IndexedProblem, b: BalanceRow, x: Uint8Array): [number, number] {
  let part = 0;
  let total = 0;
  for (let i = 0; i < ip.n; i++) {
    if (!x[i]) continue;
    part += b.share[i]! * ip.spend[i]!;
    total += ip.spend[i]!;
  }
  return [part, total];
}

/** Every constraint the 0/1 selection `x` breaks, in plain words (empty when feasible). */
export function checkSelection(ip: IndexedProblem, x: Uint8Array): Violation[] {
  const out: Violation[] = [];
  const id = (i: number) => ip.ids[i]!;
  for (let i = 0; i < ip.n; i++) {
    if (ip.mandatory[i] && !x[i])
      out.push({ family: 'mandatory', message: `Mandatory project ${id(i)} is not selected.` });
    if (ip.excluded[i] && x[i])
      out.push({ family: 'excluded', message: `Excluded project ${id(i)} is selected.` });
    if (!x[i]) continue;
    for (const b of ip.needs[i]!) {
      if (!x[b])
        out.push({ family: 'dependency', message: `${id(i)} depends on ${id(b)}, which is not selected.` });
    }
  }
  for (const row of ip.limits) {
    let sum = 0;
    for (let i = 0; i < ip.n; i++) if (x[i]) sum += row.coef[i]!;
    if (!fits(sum, row.limit)) {
      out.push({
        family: row.kind,
        message: limitReason(row, 'The selected projects', sum, ip.currency, ip.capacityUnit),
      });
    }
  }
  for (const g of ip.groups) {
    const chosen = g.filter((i) => x[i]);
    if (chosen.length > 1) {
      out.push({
        family: 'group',
        message: `${chosen.map(id).join(' and ')} are alternatives (exclusive group).`,
      });
    }
  }
  let count = 0;
  for (let i = 0; i < ip.n; i++) count += x[i]!;
  if (count > ip.maxProjects)
    out.push({ family: 'count', message: `${count} projects selected; at most ${ip.maxProjects}.` });
  for (const b of ip.balance) {
    const [part, total] = balanceSums(ip, b, x);
    if (b.min !== undefined && !fits(b.min * total, part)) {
      out.push({
        family: 'balance',
        message: `"${b.label}" takes ${formatPercent(part / total)} of selected spend; the minimum is ${formatPercent(b.min)}.`,
      });
    }
    if (b.max !== undefined && !fits(part, b.max * total)) {
      out.push({
        family: 'balance',
        message: `"${b.label}" takes ${formatPercent(part / total)} of selected spend; the maximum is ${formatPercent(b.max)}.`,
      });
    }
  }
  return out;
}

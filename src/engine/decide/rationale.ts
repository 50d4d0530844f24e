// Every sentence of the rationalization (SPEC §4.7) and the coverage notes, in one place so the wording
// stays consistent and is easy to change. Functions take plain figures and return finished sentences.
import { formatMoney, formatNumber, formatPercent } from '../format';
import type { UnknownFigure } from '../model';

/** A project named in a sentence: `PRJ-026 Intelligent Document Processing`. */
export interface Named {
  id: string;
  name: string;
}

const named = (p: Named): string => (p.name ? `${p.id} ${p.name}` : p.id);
const score = (x: number): string => formatNumber(x, 1);
const quote = (terms: readonly string[]): string => terms.map((t) => `“${t}”`).join(', ');

/** How the budget reads in a sentence: "the $82.0M budget (2027–2031)", "a $12.0M budget", "no budget limit". */
export function budgetPhrase(total: number | null, labels: readonly string[], sym: string): string {
  if (total === null) return 'no budget limit';
  const m = formatMoney(total, sym);
  if (labels.length <= 1) return `a ${m} budget`;
  return `the ${m} budget (${labels[0]}–${labels[labels.length - 1]})`;
}

/** "not in the optimal portfolio at the $82.0M budget (2027–2031)". */
export function notSelected(budget: string): string {
  return budget === 'no budget limit'
    ? 'not in the optimal portfolio'
    : `not in the optimal portfolio at ${budget}`;
}

/** Sunk cost for an in-flight project: why it does not count (or that no spend to date is given). */
export function sunkCost(actual: number | null, sym: string, percentComplete: number | null = null): string {
  if (actual === null && percentComplete === null)
    return 'No spend to date is given, so the whole cost counts as remaining.';
  if (actual === null) return 'Judged on remaining figures only.';
  return actual > 0
    ? `Judged on remaining figures: the ${formatMoney(actual, sym)} already spent is sunk and does not count.`
    : 'Judged on remaining figures only.';
}

const sentence = (clauses: readonly string[]): string => {
  const s = clauses.filter((c) => c !== '').join('; ');
  return s === '' ? '' : `${s[0]!.toUpperCase()}${s.slice(1)}.`;
};

export const WORDS = {
  // Clauses (lower case, joined by "; " into one sentence).
  alignment: (a: number) => `alignment ${formatNumber(a, 0)}/100`,
  alignmentNotRated: () => 'alignment not rated (no objective ratings)',
  notRated: () => 'value not rated (no objective ratings and no benefit figure)',
  bottomQuartile: (a: number, q1: number) =>
    `alignment ${formatNumber(a, 0)}/100 (bottom quartile, at or below ${formatNumber(q1, 1)})`,
  riskAdjustedNpv: (x: number, sym: string) => `risk-adjusted NPV ${formatMoney(x, sym)}`,
  benefitUnknown: () => 'no benefit figure, so its return is not judged',
  remainingVsBenefit: (cost: number, riskBenefit: number, sym: string) =>
    cost > riskBenefit
      ? `remaining cost ${formatMoney(cost, sym)} exceeds its risk-adjusted remaining benefit ${formatMoney(riskBenefit, sym)}`
      : `remaining cost ${formatMoney(cost, sym)} against a risk-adjusted remaining benefit of ${formatMoney(riskBenefit, sym)}`,
  dominated: (other: Named, v: number, vOther: number, cost: number, costOther: number, sym: string) =>
    `${named(other)} brings ${vOther > v ? `more value (${score(vOther)} vs ${score(v)})` : `as much value (${score(v)})`} for ${
      costOther < cost
        ? `less remaining cost (${formatMoney(costOther, sym)} vs ${formatMoney(cost, sym)})`
        : `the same remaining cost (${formatMoney(cost, sym)})`
    }`,
  alternativeChosen: (other: Named) => `its alternative ${named(other)} is in the portfolio`,
  inPlaceOf: (other: Named) => `it would take the place of its alternative ${named(other)}`,
  forcedOut: () => 'marked Force Out in the tracker, so it is never selected',
  cpi: (cpi: number) => `CPI ${formatNumber(cpi, 2)}: the forecast at completion overruns the baseline`,
  singleObjective: (share: number, objective: string) =>
    `${formatPercent(share, 0)} of its alignment comes from ${objective} alone`,
  selected: () => 'selected',
  borderline: (pct: number, budget: number, sym: string, gap = 0) =>
    `borderline: enters ${gap > 0 ? `a portfolio within ${formatPercent(gap, 2)} of the optimum` : 'the optimal portfolio'} with ${formatPercent(pct, 0)} more budget (${formatMoney(budget, sym)})`,
  evenWithMore: (outAt: string, pct: number) =>
    pct > 0 ? `${outAt}, even with ${formatPercent(pct, 0)} more budget` : outAt,
  mandatory: () => 'mandatory',
  value: (v: number, rank: number, n: number) => `value ${score(v)} (rank ${rank} of ${n})`,
  topDecile: (v: number, rank: number, n: number) => `top-decile value ${score(v)} (rank ${rank} of ${n})`,
  capacityShort: (role: string, need: number, free: number, unit: string) =>
    `it needs ${formatNumber(need, 1)} ${role} ${unit} and only ${formatNumber(Math.max(0, free), 1)} are free`,
  countFull: (max: number) => `the portfolio already holds the maximum of ${max} projects`,
  needs: (other: Named, why: string) => `it needs ${named(other)}, which ${why}`,
  noBetter: () => 'no cheaper project brings more value',
  slackBudget: (label: string, free: number, sym: string) =>
    `${label ? `the ${label} budget` : 'the budget'} has ${formatMoney(free, sym)} unused`,
  slackCapacity: (label: string, free: number, unit: string) =>
    `${label} has ${formatNumber(free, 1)} ${unit} free`,
  overlap: (other: Named, cosine: number) =>
    `overlaps ${named(other)}: objective profiles ${formatNumber(cosine, 3)} alike (cosine)`,
  sharedTerms: (terms: readonly string[]) => `shared name terms ${quote(terms)}`,
  sameSponsor: (s: string) => `same sponsor (${s})`,
  sameUnit: (u: string) => `same business unit (${u})`,

  // Closing sentences (one per type), each with the money the decision moves.
  stopFrees: (cost: number, sym: string) => `Stopping frees ${formatMoney(cost, sym)} of remaining cost.`,
  mergeAsk: (cost: number, both: number, sym: string) =>
    `Merge the scopes into one project: the two ask ${formatMoney(both, sym)} of remaining cost (this one ${formatMoney(cost, sym)}).`,
  rescopeAsk: (flaw: 'negativeReturn' | 'overrun' | 'singleObjective') =>
    flaw === 'overrun'
      ? 'Re-scope it to bring the forecast back within the baseline.'
      : flaw === 'negativeReturn'
        ? 'Re-scope it to the part that pays back before funding the rest.'
        : 'Re-scope it so that more than one objective gains, or confirm that this objective alone justifies it.',
  deferAsk: (cost: number, sym: string) =>
    `Defer it and its ${formatMoney(cost, sym)} of remaining cost to the next review.`,
  accelerateAsk: (benefit: number, sym: string) =>
    `Use the slack to bring its ${formatMoney(benefit, sym)} of risk-adjusted benefit forward.`,
  continueAsk: (cost: number, sym: string) => `Continue: ${formatMoney(cost, sym)} of remaining cost.`,

  needsData: (unknown: readonly UnknownFigure[]) => {
    const missing = unknown.map((u) => `${u.figure} in ${u.column} (${u.cell}) ${WHY[u.why]}`);
    const costs = unknown.some((u) => u.figure === 'cost');
    return `Needs data: ${missing.join('; ')}. ${costs ? 'Without a cost it cannot be weighed against the budget, so it is not a candidate and nothing is decided on it.' : 'Its return cannot be judged.'} Give the figure and run again.`;
  },
  completed: (realization: number | null) =>
    `Completed: nothing left to fund or decide${realization === null ? '' : `; benefits realized so far ${formatPercent(realization, 0)}`}. Not a candidate for selection.`,
  cancelled: (planned: number, sym: string) =>
    `Cancelled in the tracker: not a candidate for selection, so its ${formatMoney(planned, sym)} of planned cost is not in the requested budget and stopping it frees nothing new.`,
} as const;

export { sentence };

/** Why a figure is missing, as a needs-data rationale says it. */
const WHY: Record<UnknownFigure['why'], string> = {
  withheld: 'is withheld',
  notAvailable: 'is marked not available',
  blank: 'is blank',
  unreadable: 'is not a number',
  notQuantified: 'is 0 (no benefit quantified)',
};

/** A Saaty judgment as the user typed it: 3, 1/5. */
function judgment(x: number): string {
  return x >= 1 ? String(Math.round(x * 100) / 100) : `1/${Math.round(1 / x)}`;
}

/** Coverage note when the pairwise judgments are inconsistent (SPEC §4.2), with the one change that fixes most. */
export function inconsistentWeights(
  cr: number,
  used: boolean,
  fix: { a: string; b: string; current: number; suggested: number; crAfter: number } | undefined,
): string {
  const head = `The pairwise judgments ${used ? 'behind the objective weights' : '(not used for the weights)'} are inconsistent (CR ${formatNumber(cr, 3)} > 0.10).`;
  return fix
    ? `${head} Changing "${fix.a}" vs "${fix.b}" from ${judgment(fix.current)} to ${judgment(fix.suggested)} would bring CR to ${formatNumber(fix.crAfter, 3)}.`
    : head;
}

/** Coverage note for spend that rates on no objective. */
export function unalignedSpend(share: number): string {
  return `${formatPercent(share, 1)} of the selected spend goes to projects rated on no objective.`;
}

/** Sensitivity notes (SPEC §4.8). */
export const SENSITIVITY_WORDS = {
  nothingToPerturb: () =>
    'Nothing to perturb: no objective weight or alignment split can move, so every decision counts as robust.',
  weightsDoNotMatter: () =>
    'The selection maximizes risk-adjusted NPV, which the weights do not change: every decision is robust to them.',
  notProven: (k: number, n: number) =>
    `${k} of ${n} re-solves stopped before proving optimality; their portfolios count as found.`,
} as const;

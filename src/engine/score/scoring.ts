// Value score and ranking (SPEC §4.5): V = a·A + (1 − a)·F, F the financial measure's percentile rank
// among eligible projects (Excel's PERCENTRANK.INC: share of eligible values strictly below, over n − 1).
import type { FinancialMeasure } from '../read';
import type { Financials } from './financials';

export interface ScoreInput {
  id: string;
  alignment: number;
  financials: Financials;
  eligible: boolean;
}

export interface Score {
  /** Financial measure scaled to [0, 1]. */
  financialScore: number;
  valueScore: number;
  rank: number;
}

export function financialMeasure(f: Financials, measure: FinancialMeasure): number {
  const x = measure === 'roi' ? f.roi : measure === 'bcr' ? f.bcr : f.riskAdjustedNpv;
  // A project with no cost has no ROI or BCR; rank it below every measurable one.
  return x ?? Number.NEGATIVE_INFINITY;
}

/** Scores and ranks; returns one Score per input, in input order. Ranks: eligible projects first, 1..n. */
export function scoreAndRank(
  items: readonly ScoreInput[],
  measure: FinancialMeasure,
  alignmentWeight: number,
): Score[] {
  const m = new Float64Array(items.length);
  const eligible: number[] = [];
  for (let i = 0; i < items.length; i++) {
    m[i] = financialMeasure(items[i]!.financials, measure);
    // A measure made of cost alone (benefit unknown) is no return: it does not set the percentiles.
    if (items[i]!.eligible && items[i]!.financials.benefitKnown) eligible.push(m[i]!);
  }
  const sorted = Float64Array.from(eligible).sort();
  const n = sorted.length;
  const below = (x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const scores = items.map((it, i) => {
    // Unknown benefit: the middle of the scale, neither rewarded nor punished for a return nobody gave.
    const financialScore = !it.financials.benefitKnown
      ? 0.5
      : n <= 1
        ? 1
        : Math.min(1, below(m[i]!) / (n - 1));
    const valueScore = alignmentWeight * it.alignment + (1 - alignmentWeight) * 100 * financialScore;
    return { financialScore, valueScore: Math.min(100, Math.max(0, valueScore)), rank: 0 };
  });
  const order = items
    .map((_, i) => i)
    .sort((a, b) => {
      const ia = items[a]!;
      const ib = items[b]!;
      if (ia.eligible !== ib.eligible) return ia.eligible ? -1 : 1;
      return (
        scores[b]!.valueScore - scores[a]!.valueScore ||
        tieNpv(ib.financials) - tieNpv(ia.financials) ||
        (ia.id < ib.id ? -1 : ia.id > ib.id ? 1 : 0)
      );
    });
  order.forEach((i, k) => (scores[i]!.rank = k + 1));
  return scores;
}

/** Risk-adjusted NPV as a tie-break; a project whose benefit is unknown has none, and ties go by id. */
function tieNpv(f: Financials): number {
  return f.benefitKnown ? f.riskAdjustedNpv : Number.NEGATIVE_INFINITY;
}

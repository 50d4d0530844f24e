// Per-project financial figures (SPEC §4.4) on the project's decision flows: remaining cost and
// remaining benefit for in-flight projects (sunk cost never counts), the whole plan for the others.
import type { Project } from '../model';
import { discountedPaybackPeriod, irr, mirr, npv, paybackPeriod } from './finance';

export interface Financials {
  /** Present value (Excel NPV convention) of the decision costs and benefits. */
  pvCosts: number;
  pvBenefits: number;
  npv: number;
  irr: number | null;
  mirr: number | null;
  /** (Σ benefits − Σ costs) / Σ costs, undiscounted. */
  roi: number | null;
  /** PV(benefits) / PV(costs). */
  bcr: number | null;
  payback: number | null;
  discountedPayback: number | null;
  /** p · PV(benefits) − PV(costs). */
  riskAdjustedNpv: number;
  /** Σ of the decision costs: what funding the project still needs. */
  remainingCost: number;
  remainingBenefit: number;
  /** PMO figures, kept beside the decision figures. */
  costVariance: number | null;
  percentBudgetSpent: number | null;
  benefitsRealization: number | null;
  /** Cost performance as baseline ÷ EAC (below 1: forecast overrun). */
  cpi: number | null;
  /**
   * Whether the project's benefit is known. When it is not (no benefit column, or the cell withheld,
   * not available or blank), NPV, ROI, BCR and risk-adjusted NPV only restate the cost: they rank no
   * project and justify no stop or re-scope.
   */
  benefitKnown: boolean;
}

export function projectFinancials(p: Project, rate: number, benefitKnown = true): Financials {
  const T = p.costs.length;
  const flows = new Array<number>(T);
  let sumC = 0;
  let sumB = 0;
  for (let t = 0; t < T; t++) {
    const c = p.costs[t]!;
    const b = p.benefits[t]!;
    flows[t] = b - c;
    sumC += c;
    sumB += b;
  }
  const pvCosts = npv(rate, p.costs) ?? 0;
  const pvBenefits = npv(rate, p.benefits) ?? 0;
  return {
    pvCosts,
    pvBenefits,
    npv: pvBenefits - pvCosts,
    irr: irr(flows),
    mirr: mirr(flows, rate, rate),
    roi: sumC > 0 ? (sumB - sumC) / sumC : null,
    bcr: pvCosts > 0 ? pvBenefits / pvCosts : null,
    payback: paybackPeriod(flows),
    discountedPayback: discountedPaybackPeriod(rate, flows),
    riskAdjustedNpv: p.probability * pvBenefits - pvCosts,
    remainingCost: sumC,
    remainingBenefit: sumB,
    costVariance: p.baselineCost !== null && p.eac !== null ? p.baselineCost - p.eac : null,
    percentBudgetSpent: p.actualCost !== null && p.baselineCost ? p.actualCost / p.baselineCost : null,
    benefitsRealization:
      p.realizedBenefit !== null && p.totalBenefit > 0 ? p.realizedBenefit / p.totalBenefit : null,
    cpi: p.baselineCost !== null && p.eac ? p.baselineCost / p.eac : null,
    benefitKnown,
  };
}

// Rationalization recommendations (SPEC §4.7): exactly one per project, chosen by a fixed precedence of
// rules over the optimal selection, with a rationale sentence built from the figures that drove it.
import type { Analysis, ProjectResult } from '../score';
import type { SelectionSetup } from './selectionSetup';
import { bestOverlaps, type MergeRule, type Overlap } from './overlap';
import { WORDS, notSelected, sentence, sunkCost, type Named } from './rationale';
import { budgetTotal, budgetWords, candidateFacts, RULES, type Facts, type RecommendContext } from './facts';

/**
 * The six decisions of SPEC §4.7, plus `closed` for Completed and Cancelled projects: they are not
 * candidates, so no decision is open on them — none of the six fits (a cancelled one is not "continue",
 * and calling it "stop" would list it among the decisions that free money when it frees nothing).
 */
export type RecommendationType =
  'stop' | 'merge' | 'rescope' | 'defer' | 'needsData' | 'accelerate' | 'continue' | 'closed';

/**
 * Sheet order of SPEC §5.3 (stop → merge → re-scope → defer → accelerate → continue), with needs data
 * after the decisions (figures to fill in before anything is decided) and closed last.
 */
export const RECOMMENDATION_ORDER: readonly RecommendationType[] = [
  'stop',
  'merge',
  'rescope',
  'defer',
  'needsData',
  'accelerate',
  'continue',
  'closed',
];

/** Which rule fired; a recommendation lists the codes behind its rationale. */
export type Reason =
  | 'completed'
  | 'cancelled'
  | 'costUnknown'
  | 'forcedOut'
  | 'weakAndUnprofitable'
  | 'overlap'
  | 'negativeReturn'
  | 'overrun'
  | 'singleObjective'
  | 'borderline'
  | 'capacity'
  | 'projectCount'
  | 'dominated'
  | 'alternativeChosen'
  | 'noReturn'
  | 'dependency'
  | 'doesNotFit'
  | 'topDecileWithSlack'
  | 'selected';

/** The flaws that make a selected or borderline project a re-scope. */
type Flaw = Extract<Reason, 'negativeReturn' | 'overrun' | 'singleObjective'>;

export interface Recommendation {
  id: string;
  name: string;
  type: RecommendationType;
  /** Sentences a reader can check: the figures that drove the decision, with the workbook's currency. */
  rationale: string;
  reasons: Reason[];
  /** Merge partner (type `merge` only). */
  partner?: string;
  /** The cheaper, more valuable project that dominates this one, when dominance drove a stop. */
  dominatedBy?: string;
  /** In the optimal portfolio at the budget. */
  selected: boolean;
  /** What the project still asks of the budget: its remaining cost; 0 for closed projects (nothing more is funded). */
  remainingCost: number;
  /**
   * Money the decision releases: the remaining cost for `stop`, 0 otherwise — a deferred project's
   * cost comes back later, a merge saves an amount only the merged plan can tell, a re-scope likewise.
   */
  budgetFreed: number;
  /**
   * Risk-adjusted present value of the remaining benefit (probability × PV of benefits): what the
   * decision puts at stake, to set beside `remainingCost`; 0 for closed projects.
   */
  valueAtStake: number;
}

/** An optimal selection at the budgets multiplied by `factor` (> 1). */
export interface StretchPoint {
  factor: number;
  selected: readonly string[];
  /** Proven relative gap of this level's portfolio (0: optimal; large programs accept a small one). */
  gap?: number;
}

export interface RecommendInput {
  analysis: Analysis;
  setup: SelectionSetup;
  /** Ids of the optimal portfolio at the budget. */
  selected: readonly string[];
  /** Optimal portfolios at budgets up to +20% (see RULES.stretchFactors); empty when no budget binds. */
  stretch?: readonly StretchPoint[];
  mergeRule?: MergeRule;
}

const asNamed = (r: ProjectResult): Named => ({ id: r.project.id, name: r.project.name });

/**
 * One recommendation per project of the analysis, in the analysis' (rank) order. First rule that applies:
 *  1. closed     — Completed or Cancelled: not a candidate.
 *  2. stop       — marked Force Out; or not selected with bottom-quartile alignment and risk-adjusted NPV ≤ 0.
 *  3. merge      — overlaps a candidate not stopped by rule 2 (see overlap.ts); alternatives of one
 *                  exclusive group and projects where one needs the other are never merge partners.
 *  4. re-scope   — selected or borderline (enters within +20% budget) with negative risk-adjusted NPV,
 *                  CPI < 0.8, or alignment carried by one objective.
 *  5. defer      — not selected but borderline, or it fits the unused budget and only capacity (or the
 *                  project count) keeps it out.
 *  6. stop       — not selected and dominated (a candidate with no less value for no more remaining cost,
 *                  one strictly), or an alternative of its exclusive group is selected.
 *  7. stop       — not selected, risk-adjusted NPV ≤ 0 (remaining cost above risk-adjusted remaining benefit).
 *  8. defer      — any other unselected project: blocked by a dependency, or sound but too large to fit
 *                  even at +20% (SPEC names no rule for it; it is worth doing, not now).
 *  9. accelerate — selected, top decile of value, and slack in a budget period or capacity it draws on.
 * 10. continue   — selected.
 * Rules 2 and 5 come before dominance because SPEC's defer ("on the frontier within +20%") is stronger
 * evidence than dominance by some other project, which says nothing when both fit; rule 2's weak and
 * unprofitable projects are stopped even when a larger budget would take them.
 */
export function recommend(input: RecommendInput): Recommendation[] {
  const ctx: RecommendContext = {
    analysis: input.analysis,
    setup: input.setup,
    selected: new Set(input.selected),
    stretch: [...(input.stretch ?? [])].sort((a, b) => a.factor - b.factor),
  };
  const facts = candidateFacts(ctx);
  const stoppedEarly = new Set(
    [...facts.values()].filter((f) => !f.selected && (f.forcedOut || f.weak)).map((f) => f.r.project.id),
  );
  const overlaps = mergeOverlaps(ctx, facts, stoppedEarly, input.mergeRule ?? 'nameAndOwner');
  const budget = budgetWords(ctx.setup.problem, ctx.analysis.currency);
  return input.analysis.projects.map((r) => {
    const f = facts.get(r.project.id);
    if (f) return decide(f, ctx, budget, overlaps.get(r.project.id), facts);
    return costUnknown(r) ? needsData(r) : closed(r, ctx.analysis.currency);
  });
}

function mergeOverlaps(
  ctx: RecommendContext,
  facts: Map<string, Facts>,
  stopped: Set<string>,
  rule: MergeRule,
): Map<string, Overlap> {
  const pool = [...facts.values()].filter((f) => !stopped.has(f.r.project.id)).map((f) => f.r.project);
  const alternatives = (a: string | null, b: string | null) =>
    a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
  return bestOverlaps(
    pool,
    ctx.analysis.objectives,
    (a, b) =>
      !alternatives(a.exclusiveGroup, b.exclusiveGroup) &&
      !a.dependsOn.includes(b.id) &&
      !b.dependsOn.includes(a.id),
    rule,
  );
}

/** A project the selection could not weigh: its cost is unknown (withheld, not available, blank). */
function costUnknown(r: ProjectResult): boolean {
  const s = r.project.status;
  return s !== 'completed' && s !== 'cancelled' && r.project.unknown.some((u) => u.figure === 'cost');
}

/** Needs data: names the figures that are missing and their cells; decides nothing and frees nothing. */
function needsData(r: ProjectResult): Recommendation {
  return {
    id: r.project.id,
    name: r.project.name,
    type: 'needsData',
    rationale: WORDS.needsData(r.project.unknown),
    reasons: ['costUnknown'],
    selected: false,
    remainingCost: 0,
    budgetFreed: 0,
    valueAtStake: 0,
  };
}

function closed(r: ProjectResult, sym: string): Recommendation {
  const completed = r.project.status === 'completed';
  return {
    id: r.project.id,
    name: r.project.name,
    type: 'closed',
    rationale: completed
      ? WORDS.completed(r.financials.benefitsRealization)
      : WORDS.cancelled(r.financials.remainingCost, sym),
    reasons: [completed ? 'completed' : 'cancelled'],
    selected: false,
    remainingCost: 0,
    budgetFreed: 0,
    valueAtStake: 0,
  };
}

/** The first rule of `recommend` that applies to one candidate. */
function decide(
  f: Facts,
  ctx: RecommendContext,
  budget: string,
  overlap: Overlap | undefined,
  facts: Map<string, Facts>,
): Recommendation {
  const d = new Decision(f, ctx, budget);
  return (
    d.stopFirst() ??
    (overlap ? d.merge(overlap, facts) : null) ??
    d.rescope() ??
    (f.selected ? d.selectedOutcome() : d.unselectedOutcome())
  );
}

/** One candidate's decision: the clauses its rules share, and one method per group of rules. */
class Decision {
  private readonly sym: string;
  private readonly base: Omit<Recommendation, 'type' | 'rationale' | 'reasons'>;
  /** The project's return in words: remaining cost against benefit in flight, else risk-adjusted NPV. */
  private readonly ret: string;
  private readonly sunk: string;
  private readonly outAt: string;
  private readonly dominated: string;
  /** When the project enters at a stretched budget: at what budget, in words. */
  private readonly stretchClause: string;
  /** Not selected, even at the largest budget tried. */
  private readonly outEven: string;

  constructor(
    private readonly f: Facts,
    private readonly ctx: RecommendContext,
    budget: string,
  ) {
    const sym = (this.sym = ctx.analysis.currency);
    const p = f.r.project;
    this.base = {
      id: p.id,
      name: p.name,
      selected: f.selected,
      remainingCost: f.cost,
      budgetFreed: 0,
      valueAtStake: f.riskBenefit,
    };
    this.ret = !f.benefitKnown
      ? WORDS.benefitUnknown()
      : f.inFlight
        ? WORDS.remainingVsBenefit(f.cost, f.riskBenefit, sym)
        : WORDS.riskAdjustedNpv(f.raNpv, sym);
    this.sunk = f.inFlight ? ` ${sunkCost(p.actualCost, sym, p.percentComplete)}` : '';
    this.outAt = notSelected(budget);
    this.dominated = f.dominatedBy
      ? WORDS.dominated(
          asNamed(f.dominatedBy),
          f.value,
          f.dominatedBy.valueScore,
          f.cost,
          f.dominatedBy.financials.remainingCost,
          sym,
        )
      : '';
    const total = budgetTotal(ctx.setup.problem);
    const level = ctx.stretch.find((x) => x.factor === f.enteredAt);
    this.stretchClause =
      f.enteredAt !== null
        ? WORDS.borderline(f.enteredAt - 1, (total ?? 0) * f.enteredAt, sym, level?.gap ?? 0)
        : '';
    const tried = ctx.stretch.length ? ctx.stretch[ctx.stretch.length - 1]!.factor - 1 : 0;
    this.outEven = WORDS.evenWithMore(this.outAt, tried);
  }

  private stop(reasons: Reason[], clauses: string[], dominatedBy?: ProjectResult): Recommendation {
    const { f, sym } = this;
    return {
      ...this.base,
      type: 'stop',
      reasons,
      rationale: `${sentence(clauses)}${this.sunk} ${WORDS.stopFrees(f.cost, sym)}`,
      budgetFreed: f.cost,
      ...(dominatedBy ? { dominatedBy: dominatedBy.project.id } : {}),
    };
  }

  private defer(reasons: Reason[], clauses: string[]): Recommendation {
    return {
      ...this.base,
      type: 'defer',
      reasons,
      rationale: `${sentence(clauses)} ${WORDS.deferAsk(this.f.cost, this.sym)}`,
    };
  }

  /** Rule 2: Force Out, or weak and unprofitable. */
  stopFirst(): Recommendation | null {
    const { f, ret } = this;
    if (f.forcedOut && !f.selected) return this.stop(['forcedOut'], [WORDS.forcedOut(), ret]);
    if (!f.selected && f.weak) {
      return this.stop(
        f.dominatedBy ? ['weakAndUnprofitable', 'dominated'] : ['weakAndUnprofitable'],
        [WORDS.bottomQuartile(f.r.alignment, f.q1), ret, this.dominated, this.outAt],
        f.dominatedBy ?? undefined,
      );
    }
    return null;
  }

  /** Rule 3: merge with the overlapping candidate. */
  merge(overlap: Overlap, facts: Map<string, Facts>): Recommendation {
    const { f } = this;
    const p = f.r.project;
    const partner = facts.get(overlap.partner)!;
    const clauses = [WORDS.overlap(asNamed(partner.r), overlap.cosine)];
    if (overlap.sharedTerms.length) clauses.push(WORDS.sharedTerms(overlap.sharedTerms));
    if (overlap.sameSponsor) clauses.push(WORDS.sameSponsor(p.groups.sponsor!));
    if (overlap.sameBusinessUnit) clauses.push(WORDS.sameUnit(p.groups.businessUnit!));
    return {
      ...this.base,
      type: 'merge',
      reasons: ['overlap'],
      partner: overlap.partner,
      rationale: `${sentence(clauses)} ${WORDS.mergeAsk(f.cost, f.cost + partner.cost, this.sym)}`,
    };
  }

  /** Rule 4: selected or borderline, with a flaw. */
  rescope(): Recommendation | null {
    const { f } = this;
    const inPlay = f.selected || f.enteredAt !== null;
    const flaws: Flaw[] = [];
    const flawClauses: string[] = [];
    if (f.benefitKnown && f.raNpv < 0) {
      flaws.push('negativeReturn');
      flawClauses.push(this.ret);
    }
    if (f.cpi !== null && f.cpi < RULES.cpiFloor) {
      flaws.push('overrun');
      flawClauses.push(WORDS.cpi(f.cpi));
    }
    if (f.concentration >= RULES.singleObjectiveShare && f.ratingShare >= RULES.singleObjectiveShare) {
      flaws.push('singleObjective');
      flawClauses.push(WORDS.singleObjective(f.concentration, f.topObjective));
    }
    if (!inPlay || !flaws.length) return null;
    const status = f.selected
      ? f.r.project.mandatory
        ? `${WORDS.selected()} (${WORDS.mandatory()})`
        : WORDS.selected()
      : this.stretchClause;
    return {
      ...this.base,
      type: 'rescope',
      reasons: f.selected ? flaws : ['borderline', ...flaws],
      rationale: `${sentence([status, ...flawClauses])}${this.sunk} ${WORDS.rescopeAsk(flaws[0]!)}`,
    };
  }

  /** Rules 5 to 8, for a project outside the portfolio. */
  unselectedOutcome(): Recommendation {
    const { f, ret, outAt } = this;
    // 5. Borderline, or kept out by capacity alone.
    if (f.enteredAt !== null) {
      const swap = f.alternativeChosen ? WORDS.inPlaceOf(asNamed(f.alternativeChosen)) : '';
      return this.defer(['borderline'], [outAt, this.stretchClause, swap]);
    }
    if (f.capacityBlock) {
      const b = f.capacityBlock;
      return this.defer(['capacity'], [outAt, WORDS.capacityShort(b.label, b.need, b.free, b.unit)]);
    }
    if (f.countBlock !== null) return this.defer(['projectCount'], [outAt, WORDS.countFull(f.countBlock)]);
    // 6. Dominated, or its alternative chosen.
    if (f.dominatedBy) return this.stop(['dominated'], [this.dominated, ret, outAt], f.dominatedBy);
    if (f.alternativeChosen) {
      return this.stop(
        ['alternativeChosen'],
        [WORDS.alternativeChosen(asNamed(f.alternativeChosen)), ret, outAt],
      );
    }
    // 7. Does not return its remaining cost (a return made of cost alone, benefit unknown, is no evidence).
    if (f.benefitKnown && f.raNpv <= 0) return this.stop(['noReturn'], [ret, this.outEven]);
    // 8. Blocked by a dependency, or too large for now.
    if (f.dependencyBlock) {
      const d = f.dependencyBlock;
      return this.defer(['dependency'], [outAt, WORDS.needs(d.on, d.why)]);
    }
    return this.defer(['doesNotFit'], [this.outEven, WORDS.noBetter(), this.ret]);
  }

  /** Value and alignment in words; "not rated" where nothing was rated (no objective ratings, no benefit). */
  private standing(): string[] {
    const { f } = this;
    const rated = this.ctx.analysis.objectives.length > 0;
    if (!rated && !f.benefitKnown) return [WORDS.notRated()];
    return [
      WORDS.value(f.value, f.r.rank, f.n),
      rated ? WORDS.alignment(f.r.alignment) : WORDS.alignmentNotRated(),
    ];
  }

  /** Rules 9 and 10, for a project in the portfolio: accelerate, else continue. */
  selectedOutcome(): Recommendation {
    const { f, sym } = this;
    if (f.topDecile && f.slack.length) {
      return {
        ...this.base,
        type: 'accelerate',
        reasons: ['topDecileWithSlack'],
        rationale: `${sentence([WORDS.topDecile(f.value, f.r.rank, f.n), WORDS.selected(), ...f.slack.slice(0, 2)])} ${WORDS.accelerateAsk(f.riskBenefit, sym)}`,
      };
    }
    return {
      ...this.base,
      type: 'continue',
      reasons: ['selected'],
      rationale: `${sentence([WORDS.selected(), ...this.standing(), this.ret])}${this.sunk} ${WORDS.continueAsk(f.cost, sym)}`,
    };
  }
}

// The figures and sentences of the Summary sheet: KPIs before and after selection, the assumptions of
// the run, objective coverage against the weights, and the decisions that free money or change scope.
import type { Analysis } from '../engine/score';
import { formatMoney, formatPercent } from '../engine/format';
import { isCurrent, STATUS_LABEL } from '../engine/read';
import type { Recommendation } from '../engine/decide';
import type { Cell } from './model';
import type { ReportResults } from './results';
import { INTEGER, PERCENT, shortMoneyFormat } from './formats';
import type { Kpi } from './summaryParts';
import { orderRecommendations } from './recommendations';

const WEIGHT_SOURCE: Record<Analysis['weightSource'], string> = {
  table: 'the objectives table',
  pairwise: 'pairwise comparison (AHP)',
  equal: 'equal weights (no strategy table was found)',
  settings: 'the settings sheet',
};

const sumOf = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((s, x) => s + f(x), 0);

/** First row: the portfolio as asked for, before any decision. */
export function analysisKpis(analysis: Analysis): Kpi[] {
  const sym = analysis.currency;
  const candidates = analysis.projects.filter((p) => p.eligible);
  const requested = sumOf(candidates, (p) => p.financials.remainingCost);
  const current = candidates.filter((p) => isCurrent(p.project.status));
  const budget = sumOf(analysis.budgets, (b) => b.amount);
  const money = shortMoneyFormat(sym, Math.max(requested, budget));
  const closed = analysis.projects.length - candidates.length;
  return [
    {
      label: 'Projects analysed',
      value: analysis.projects.length,
      format: INTEGER,
      note: `${candidates.length} candidates${closed ? `, ${closed} completed or cancelled` : ''}`,
    },
    {
      label: 'Budget requested',
      value: requested,
      format: money,
      note: `remaining cost of the ${candidates.length} candidates`,
    },
    budget > 0
      ? {
          label: 'Budget available',
          value: budget,
          format: money,
          note: analysis.budgets.length > 1 ? `over ${analysis.budgets.length} periods` : 'one total',
        }
      : { label: 'Budget available', value: 'not set', note: 'no budget in the workbook or settings' },
    {
      label: 'Current portfolio',
      value: sumOf(current, (p) => p.financials.remainingCost),
      format: money,
      note: `remaining cost of ${current.length} Approved and Active projects`,
    },
    {
      label: 'Risk-adjusted NPV',
      value: sumOf(candidates, (p) => p.financials.riskAdjustedNpv),
      format: money,
      note: 'sum over all candidates',
    },
    {
      label: 'Data issues',
      value: analysis.issues.length,
      format: INTEGER,
      note: analysis.issues.length ? 'assumptions made: see Data Issues' : 'none found',
    },
  ];
}

/** Second row: what the recommended portfolio changes ("fewer projects, more value"). */
export function decisionKpis(analysis: Analysis, results: ReportResults): Kpi[] {
  const r = results.rationalization;
  if (!r) return [];
  const f = r.figures;
  const sym = analysis.currency;
  const money = shortMoneyFormat(sym, f.budgetRequested);
  const sel = r.selection;
  const status =
    sel.status === 'optimal'
      ? 'proven optimal'
      : sel.status === 'feasible'
        ? `within ${formatPercent(sel.gap, 2)} of optimal`
        : sel.status === 'timeLimit'
          ? `time limit; within ${formatPercent(sel.gap, 1)}`
          : 'no feasible portfolio';
  return [
    {
      label: 'Projects before → after',
      value: `${f.projectsBefore} → ${f.projectsAfter}`,
      note: `${f.currentProjects} in the current portfolio`,
    },
    {
      label: 'Budget recommended',
      value: f.budgetRecommended,
      format: money,
      note:
        f.budgetLimit !== null
          ? `of a ${formatMoney(f.budgetLimit, sym)} budget; ${status}`
          : `no budget limit; ${status}`,
    },
    {
      label: 'Budget freed',
      value: f.budgetFreed,
      format: money,
      note: `by stopping ${f.counts.stop} project${f.counts.stop === 1 ? '' : 's'}`,
    },
    {
      label: 'Value kept',
      value: f.valueKept,
      format: PERCENT,
      note: `of all candidates' value, with ${f.projectsAfter} of ${f.projectsBefore} projects`,
    },
    gainKpi(analysis, results) ?? {
      label: 'Decisions',
      value: f.counts.stop + f.counts.merge + f.counts.rescope + f.counts.defer,
      format: INTEGER,
      note: `${f.counts.stop} stop, ${f.counts.merge} merge, ${f.counts.rescope} re-scope, ${f.counts.defer} defer`,
    },
    {
      label: 'Value concentration',
      value: f.valueConcentration,
      format: PERCENT,
      note: 'of value from the top 20% of candidates',
    },
  ];
}

/**
 * "Gain over current portfolio": more value for the same spend when the frontier offers it, else the
 * same value for less money. A current portfolio that breaks a period's budget can beat the frontier at
 * its spend; the tile then shows the saving, never a negative gain.
 */
function gainKpi(analysis: Analysis, results: ReportResults): Kpi | null {
  const c = results.frontier?.current;
  if (!c) return null;
  const sym = analysis.currency;
  const saving = c.sameValue && c.sameValue.saving > 0 ? c.sameValue.saving : null;
  if (c.sameSpend && c.sameSpend.gain > 1e-12)
    return {
      label: 'Gain over current portfolio',
      value: c.sameSpend.gain,
      format: PERCENT,
      note: `more value for the same spend${saving !== null ? `; same value for ${formatMoney(saving, sym)} less` : ''}`,
    };
  if (saving !== null)
    return {
      label: 'Same value for less',
      value: saving,
      format: shortMoneyFormat(sym, saving),
      note: "less spend than the current portfolio's for the same value",
    };
  return {
    label: 'Gain over current portfolio',
    value: 'none',
    note: 'the current portfolio is on the efficient frontier',
  };
}

export function assumptions(analysis: Analysis): { label: string; value: Cell; format?: string }[] {
  const s = analysis.settings;
  const measure = { riskAdjustedNpv: 'risk-adjusted NPV', roi: 'ROI', bcr: 'BCR' }[s.financialMeasure];
  const objective = {
    value: 'value score',
    riskAdjustedNpv: 'risk-adjusted NPV',
    blend: 'blend of value score and risk-adjusted NPV',
  }[s.objective];
  const sym = analysis.currency;
  const total = sumOf(analysis.budgets, (b) => b.amount);
  // The per-period detail lives on the Settings sheet and the Budget table; three periods still fit here.
  const budget =
    analysis.budgets.length === 0
      ? 'none'
      : analysis.budgets.length <= 3
        ? analysis.budgets.map((b) => `${b.label} ${formatMoney(b.amount, sym)}`).join(', ')
        : `${formatMoney(total, sym)} over ${analysis.budgets.length} periods (${analysis.budgets[0]!.label}–${analysis.budgets[analysis.budgets.length - 1]!.label})`;
  const weights =
    analysis.weightSource === 'pairwise' && analysis.ahp
      ? `${WEIGHT_SOURCE.pairwise}, CR ${analysis.ahp.cr.toFixed(3)}${analysis.ahp.cr > 0.1 ? ' (inconsistent)' : ''}`
      : WEIGHT_SOURCE[analysis.weightSource];
  const first = analysis.periods[0] ?? '';
  const last = analysis.periods[analysis.periods.length - 1] ?? '';
  const reading = readingAssumptions(analysis);
  return [
    { label: 'Discount rate', value: s.discountRate, format: PERCENT },
    {
      label: 'Value score',
      value: `${formatPercent(s.alignmentWeight, 0)} alignment + ${formatPercent(1 - s.alignmentWeight, 0)} ${measure}`,
    },
    { label: 'Selection maximizes', value: objective },
    { label: 'Budget', value: budget },
    { label: 'Alignment gate', value: s.alignmentGate === null ? 'off' : s.alignmentGate },
    { label: 'Maximum projects', value: s.maxProjects === null ? 'no limit' : s.maxProjects },
    { label: 'Objective weights', value: weights },
    { label: 'Periods', value: `${first}–${last} (${analysis.periods.length})` },
    ...reading,
  ];
}

/** What the read assumed that a reader must know to trust the figures: ratings map, default status, layout. */
function readingAssumptions(analysis: Analysis): { label: string; value: Cell }[] {
  const r = analysis.reading;
  const out: { label: string; value: Cell }[] = [];
  if (r.confidence) {
    const map = Object.entries(analysis.settings.confidenceProbabilities)
      .map(([k, p]) => `${k.replace(/\b[a-z]/g, (ch) => ch.toUpperCase())} ${formatPercent(p, 0)}`)
      .join(', ');
    const used = Object.keys(r.confidence.bySource).join(' then ');
    out.push({ label: 'Delivery confidence', value: `${map} (${used || 'no'} rating; assumed)` });
  }
  if (r.defaultStatus) out.push({ label: 'Status (not given)', value: STATUS_LABEL[r.defaultStatus] });
  if (analysis.objectives.length === 0) out.push({ label: 'Alignment', value: 'not rated' });
  if (r.transposed) out.push({ label: 'Table layout', value: 'transposed (one project per column)' });
  return out;
}

/** Objective | Weight [| Recommended share | Gap | Current share], one row per objective. */
export function coverageRows(
  analysis: Analysis,
  results: ReportResults,
): { header: string[]; rows: Cell[][]; formats: (string | undefined)[] } {
  const f = results.rationalization?.figures;
  if (!f) {
    return {
      header: ['Objective', 'Weight'],
      rows: analysis.objectives.map((o) => [o.name, o.weight]),
      formats: [undefined, PERCENT],
    };
  }
  const current = new Map(f.currentCoverage.rows.map((r) => [r.objective, r.share]));
  return {
    header: ['Objective', 'Weight', 'Spend share', 'Gap', 'Current share'],
    rows: f.coverage.rows.map((r) => [
      r.objective,
      r.weight,
      r.share,
      r.gap,
      current.get(r.objective) ?? null,
    ]),
    formats: [undefined, PERCENT, PERCENT, GAP, PERCENT],
  };
}

/** A gap in percentage points with its sign: over-spend in black, under-spend in red. */
export const GAP = '+0.0%;[Red]-0.0%;0.0%';

/** Sentences under the tables: what the run assumed about the workbook and the selection. */
export function summaryNotes(analysis: Analysis, results: ReportResults): string[] {
  const notes = [...analysis.notes];
  const r = results.rationalization;
  if (r) {
    for (const n of [...r.setup.notes, ...r.figures.coverage.notes]) notes.push(n);
    notes.push(
      "Spend share: each project's remaining cost split across objectives in proportion to its ratings; gap = spend share − weight.",
    );
  }
  const fr = results.frontier;
  if (fr) {
    if (fr.reason) notes.push(fr.reason);
    for (const n of [...(fr.current?.sentences ?? []), fr.greedy.sentence]) notes.push(n);
  }
  for (const n of results.sensitivity?.notes ?? []) notes.push(n);
  return [...new Set(notes)];
}

/** Stop, merge, re-scope and defer decisions, most money first within each, for the summary list. */
export function keyDecisions(recs: readonly Recommendation[]): Recommendation[] {
  return orderRecommendations(
    recs.filter((r) => r.type === 'stop' || r.type === 'merge' || r.type === 'rescope' || r.type === 'defer'),
  );
}

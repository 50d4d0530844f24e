// The `--json` output of `sro score`: ranking, selection, frontier, recommendations and data issues as
// plain JSON for other tools. Names are data (strings), never formulas; absent steps are null.
import type { Analysis } from '../engine/score';
import { STATUS_LABEL } from '../engine/read';
import { decisionsOf, type ReportResults } from '../report/results';

export const JSON_SCHEMA_VERSION = 1;

/** Rounds away binary noise but keeps Excel's 15 significant digits. */
function num(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Number(x.toPrecision(15));
}

export function jsonReport(
  analysis: Analysis,
  results: ReportResults,
  meta: { input: string; output: string | null; sheets: Record<string, string>; generatedAt: Date },
): unknown {
  const d = decisionsOf(results);
  const r = results.rationalization;
  const f = results.frontier;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    generatedAt: meta.generatedAt.toISOString(),
    input: meta.input,
    output: meta.output,
    sheets: meta.sheets,
    table: analysis.table,
    currency: analysis.currency,
    periods: analysis.periods,
    objectives: analysis.objectives.map((o) => ({ name: o.name, weight: num(o.weight) })),
    weightSource: analysis.weightSource,
    settings: analysis.settings,
    notes: analysis.notes,
    ranking: analysis.projects.map((p) => ({
      rank: p.rank,
      id: p.project.id,
      name: p.project.name,
      status: STATUS_LABEL[p.project.status],
      eligible: p.eligible,
      ...(p.ineligibleReason ? { note: p.ineligibleReason } : {}),
      alignment: num(p.alignment),
      npv: num(p.financials.npv),
      irr: num(p.financials.irr),
      mirr: num(p.financials.mirr),
      roi: num(p.financials.roi),
      bcr: num(p.financials.bcr),
      payback: num(p.financials.payback),
      discountedPayback: num(p.financials.discountedPayback),
      probability: num(p.project.probability),
      riskAdjustedNpv: num(p.financials.riskAdjustedNpv),
      remainingCost: num(p.financials.remainingCost),
      remainingBenefit: num(p.financials.remainingBenefit),
      valueScore: num(p.valueScore),
      selected: d.selected ? d.selected.has(p.project.id) : null,
      recommendation: d.recommendation?.get(p.project.id) ?? null,
      robustness: d.robustness ? num(d.robustness.get(p.project.id)?.share ?? null) : null,
    })),
    selection: r
      ? {
          status: r.selection.status,
          selected: r.selection.selected,
          objective: num(r.selection.objective),
          gap: num(r.selection.gap),
          seconds: num(r.selection.seconds),
          ...(r.selection.reason ? { reason: r.selection.reason } : {}),
        }
      : null,
    frontier: f
      ? {
          points: f.points.map((p) => ({
            budget: num(p.budget),
            kind: p.kind,
            status: p.status,
            value: num(p.value),
            cost: num(p.cost),
            count: p.count,
            marginalValue: num(p.marginalValue),
            gap: num(p.gap),
            selected: p.selected,
          })),
          user: {
            budget: num(f.user.budget),
            value: num(f.user.value),
            cost: num(f.user.cost),
            count: f.user.count,
          },
          current: f.current
            ? {
                value: num(f.current.value),
                cost: num(f.current.cost),
                selected: f.current.selected,
                sameValueSaving: num(f.current.sameValue?.saving ?? null),
                sameSpendGain: num(f.current.sameSpend?.gain ?? null),
                sentences: f.current.sentences,
                issues: f.current.issues,
              }
            : null,
          greedy: {
            value: num(f.greedy.value),
            feasible: f.greedy.feasible,
            shortfall: num(f.greedy.shortfall),
            sentence: f.greedy.sentence,
          },
          ...(f.reason ? { reason: f.reason } : {}),
        }
      : null,
    recommendations: r
      ? r.recommendations.map((x) => ({
          id: x.id,
          name: x.name,
          recommendation: x.type,
          rationale: x.rationale,
          selected: x.selected,
          remainingCost: num(x.remainingCost),
          budgetFreed: num(x.budgetFreed),
          valueAtStake: num(x.valueAtStake),
          partner: x.partner ?? null,
          dominatedBy: x.dominatedBy ?? null,
        }))
      : null,
    figures: r ? r.figures : null,
    sensitivity: results.sensitivity
      ? {
          design: results.sensitivity.design,
          step: results.sensitivity.step,
          perturbations: results.sensitivity.perturbations.map((p) => ({
            label: p.label,
            status: p.status,
            selected: p.selected,
          })),
          notes: results.sensitivity.notes,
        }
      : null,
    dataIssues: analysis.issues,
  };
}

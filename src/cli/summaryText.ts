// The summary figures printed after a run (`sro score`, `npm run demo`): the same KPIs as the Summary
// sheet, in a few terminal lines, then where the workbook was written.
import type { Analysis } from '../engine/score';
import { formatMoney, formatPercent } from '../engine/format';
import type { ReportResults } from '../report/results';
import { analysisKpis, decisionKpis } from '../report/summaryContent';
import type { Kpi } from '../report/summaryParts';
import { STATUS_LABEL } from '../engine/read';
import { textTable } from './text';
import { RECOMMENDATION_LABEL } from '../report/palette';
import { RECOMMENDATION_ORDER } from '../engine/decide';

function kpiText(k: Kpi, sym: string): string {
  const v = k.value;
  let value: string;
  if (typeof v === 'number') {
    if (k.format?.includes('%')) value = formatPercent(v);
    else if (k.format?.includes('"')) value = formatMoney(v, sym);
    else value = String(v);
  } else value = String(v ?? '');
  return `${k.label}: ${value} (${k.note})`;
}

export function summaryLines(analysis: Analysis, results: ReportResults): string[] {
  const sym = analysis.currency;
  return [...analysisKpis(analysis), ...decisionKpis(analysis, results)].map((k) => `  ${kpiText(k, sym)}`);
}

/** The top of the ranking, compactly. */
export function rankingText(
  analysis: Analysis,
  results: ReportResults,
  limit = analysis.projects.length,
): string {
  const rec = new Map(results.rationalization?.recommendations.map((r) => [r.id, r.type]) ?? []);
  return textTable(analysis.projects.slice(0, limit), [
    { header: 'Rank', value: (p) => String(p.rank), align: 'right' },
    { header: 'ID', value: (p) => p.project.id },
    { header: 'Name', value: (p) => p.project.name, max: 34 },
    { header: 'Status', value: (p) => STATUS_LABEL[p.project.status] },
    { header: 'Align', value: (p) => p.alignment.toFixed(1), align: 'right' },
    {
      header: 'Risk-adj. NPV',
      value: (p) => formatMoney(p.financials.riskAdjustedNpv, analysis.currency),
      align: 'right',
    },
    { header: 'Value', value: (p) => p.valueScore.toFixed(1), align: 'right' },
    ...(rec.size
      ? [
          {
            header: 'Decision',
            value: (p: Analysis['projects'][number]) => {
              const t = rec.get(p.project.id);
              return t ? RECOMMENDATION_LABEL[t] : '';
            },
          },
        ]
      : []),
  ]);
}

export function issuesText(analysis: Analysis): string {
  return textTable(analysis.issues, [
    { header: 'Where', value: (i) => `${i.sheet}!${i.cell ?? (i.row ? `row ${i.row}` : '')}`, max: 24 },
    { header: 'Problem', value: (i) => i.problem, max: 60 },
    { header: 'Assumed', value: (i) => i.assumption, max: 60 },
  ]);
}

/**
 * The selection at the user's budget, the efficient frontier as a small table (the evenly spaced
 * levels and the user's own budget), and what the optimum gains over greedy and the current portfolio.
 */
export function selectionText(analysis: Analysis, results: ReportResults): string[] {
  const sym = analysis.currency;
  const r = results.rationalization;
  const out: string[] = [];
  if (r) {
    const s = r.selection;
    const cost = r.setup.problem.projects
      .filter((p) => s.selected.includes(p.id))
      .reduce((sum, p) => sum + p.costs.reduce((a, c) => a + c, 0), 0);
    const proof = s.status === 'optimal' ? 'proven optimal' : `${s.status}, gap ${formatPercent(s.gap, 2)}`;
    out.push(
      `  ${s.selected.length} of ${r.setup.candidates.length} candidates, value ${s.objective.toFixed(1)}, spend ${formatMoney(cost, sym)} (${proof}, ${s.seconds.toFixed(2)} s)`,
      `  Selected: ${s.selected.join(', ')}`,
    );
  }
  const f = results.frontier;
  if (f) {
    const points = f.points.filter((p) => p.kind === 'level' || p.kind === 'user');
    out.push(
      '',
      textTable(points, [
        {
          header: 'Budget',
          value: (p) => formatMoney(p.budget, sym) + (p.kind === 'user' ? ' (yours)' : ''),
          align: 'right',
        },
        { header: 'Optimal value', value: (p) => p.value.toFixed(1), align: 'right' },
        { header: 'Projects', value: (p) => String(p.count), align: 'right' },
        { header: 'Spend', value: (p) => formatMoney(p.cost, sym), align: 'right' },
        {
          header: 'Value per $1M more',
          value: (p) => (p.marginalValue === null ? '' : (p.marginalValue * 1e6).toFixed(2)),
          align: 'right',
        },
      ])
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
      '',
      `  Greedy (value per cost): ${f.greedy.sentence}`,
    );
    for (const x of f.current?.sentences ?? []) out.push(`  Current portfolio (Approved + Active): ${x}`);
    out.push(`  Frontier: ${f.points.length} points, ${proven(f.points)} in ${f.seconds.toFixed(1)} s.`);
  }
  return out;
}

/** Recommendation counts, then every stop, merge and re-scope decision with its reason. */
export function decisionsText(results: ReportResults): string[] {
  const recs = results.rationalization?.recommendations;
  if (!recs) return [];
  // Needs data is listed only when some project needs it (most trackers give every cost).
  const counts = RECOMMENDATION_ORDER.filter((t) => t !== 'needsData' || recs.some((x) => x.type === t)).map(
    (t) => `${RECOMMENDATION_LABEL[t]} ${recs.filter((x) => x.type === t).length}`,
  );
  const out = [`  ${counts.join(' · ')}`];
  for (const type of ['stop', 'merge', 'rescope'] as const) {
    for (const x of recs.filter((r) => r.type === type))
      out.push(`  ${RECOMMENDATION_LABEL[type]} ${x.id} ${x.name}: ${x.rationale}`);
  }
  return out;
}

function proven(points: readonly { status: string }[]): string {
  const n = points.filter((p) => p.status === 'optimal').length;
  return n === points.length
    ? 'every one proven optimal,'
    : `${n} proven optimal (the others stopped at their time limit with the gap shown in SRO Frontier),`;
}

// The summary figures printed after a run (`sro score`, `npm run demo`): the same KPIs as the Summary
// sheet, in a few terminal lines, then where the workbook was written.
import type { Analysis } from '../engine/analyze';
import { formatMoney, formatPercent } from '../engine/format';
import type { ReportResults } from '../report/results';
import { analysisKpis, decisionKpis } from '../report/summaryContent';
import type { Kpi } from '../report/summaryParts';
import { STATUS_LABEL } from '../engine/vocabulary';
import { textTable } from './text';
import { RECOMMENDATION_LABEL } from '../report/palette';

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

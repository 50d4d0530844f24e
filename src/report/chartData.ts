// The chart-data area of the Summary sheet: the figures behind the bubble chart, grouped so each group
// is one contiguous range (one chart series, one colour). Kept visible beside the summary for auditors.
import type { Analysis, ProjectResult } from '../engine/score';
import { isCurrent } from '../engine/read';
import { columnLetter } from '../engine/address';
import type { Block, ChartSeries, ChartSpec } from './model';
import type { ProjectDecisions } from './decisions';
import { COLORS, RECOMMENDATION_COLOR, RECOMMENDATION_LABEL } from './palette';
import { RECOMMENDATION_ORDER } from '../engine/decide';
import { moneyFormat, SCORE, shortMoneyFormat } from './formats';
import { maxOf } from '../engine/extremes';

/** First column of the chart-data area (P), right of the printed summary. */
export const CHART_DATA_COLUMN = 16;

interface Group {
  name: string;
  color: string;
  projects: ProjectResult[];
}

function groups(analysis: Analysis, d: ProjectDecisions): Group[] {
  const candidates = analysis.projects.filter((p) => p.eligible);
  const rec = d.recommendation;
  if (rec) {
    return RECOMMENDATION_ORDER.map((type) => ({
      name: RECOMMENDATION_LABEL[type],
      color: RECOMMENDATION_COLOR[type],
      projects: candidates.filter((p) => rec.get(p.project.id) === type),
    })).filter((g) => g.projects.length > 0);
  }
  const current = candidates.filter((p) => isCurrent(p.project.status));
  const proposed = candidates.filter((p) => p.project.status === 'proposed');
  const onHold = candidates.filter((p) => p.project.status === 'onHold');
  return [
    { name: 'Current portfolio', color: COLORS.blue, projects: current },
    { name: 'Proposed', color: COLORS.orange, projects: proposed },
    { name: 'On hold', color: COLORS.grey, projects: onHold },
  ].filter((g) => g.projects.length > 0);
}

/**
 * The data block at (row, CHART_DATA_COLUMN) and the bubble chart (alignment vs risk-adjusted NPV,
 * size = remaining cost) that reads it; the chart is placed at (chartRow, chartCol).
 */
export function bubbleChart(
  analysis: Analysis,
  d: ProjectDecisions,
  row: number,
  place: { row: number; col: number; width: number; height: number },
): { block: Block; chart: ChartSpec } | null {
  const gs = groups(analysis, d);
  if (gs.length === 0) return null;
  const col = CHART_DATA_COLUMN;
  const cells: Block['cells'] = [
    ['Bubble chart data', null, null, null, null, null],
    ['Group', 'ID', 'Name', 'Alignment', 'Risk-adj. NPV', 'Remaining cost'],
  ];
  const series: ChartSeries[] = [];
  let r = row + 2;
  const letter = (k: number) => columnLetter(col + k);
  for (const g of gs) {
    const first = r;
    for (const p of g.projects) {
      cells.push([
        g.name,
        p.project.id,
        p.project.name,
        p.alignment,
        p.financials.riskAdjustedNpv,
        p.financials.remainingCost,
      ]);
      r++;
    }
    const range = (k: number) => `${letter(k)}${first}:${letter(k)}${r - 1}`;
    series.push({
      name: g.name,
      x: { sheet: 'summary', range: range(3) },
      y: { sheet: 'summary', range: range(4) },
      size: { sheet: 'summary', range: range(5) },
      color: g.color,
    });
  }
  const money = moneyFormat(analysis.currency);
  return {
    block: {
      row,
      col,
      cells,
      formats: [undefined, undefined, undefined, SCORE, money, money],
      rowStyles: ['heading', 'header'],
    },
    chart: {
      kind: 'bubble',
      title: 'Alignment vs risk-adjusted NPV (size = remaining cost)',
      xTitle: 'Strategic alignment (0–100)',
      yTitle: `Risk-adjusted NPV (${analysis.currency})`,
      xFormat: '0',
      yFormat: shortMoneyFormat(
        analysis.currency,
        maxOf(gs.flatMap((g) => g.projects.map((p) => Math.abs(p.financials.riskAdjustedNpv)))),
      ),
      series,
      ...place,
    },
  };
}

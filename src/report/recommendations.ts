// The "SRO Recommendations" sheet (SPEC §4.7, §5.3): one decision per project with its rationale and the
// money it moves, stop first; above it, the count and money per decision that the summary chart reads.
import type { Analysis } from '../engine/score';
import { RECOMMENDATION_ORDER, type Recommendation, type RecommendationType } from '../engine/decide';
import { STATUS_LABEL } from '../engine/read';
import { formatMoney } from '../engine/format';
import { emptySheet, type ChartSpec, type ReportSheet } from './model';
import { columnRange, tableFrom, wrappedRowHeights, type Column } from './columns';
import { INTEGER, moneyFormat, shortMoneyFormat } from './formats';
import { COLORS, RECOMMENDATION_COLOR, RECOMMENDATION_LABEL, RECOMMENDATION_STYLE } from './palette';
import { maxOf } from '../engine/extremes';

export const RECOMMENDATIONS_TABLE = 'SRO_Recommendations';
export const BY_TYPE_TABLE = 'SRO_RecommendationTotals';
/** The per-decision totals start here; the project table follows below them. */
const TOTALS_ROW = 4;

/** SPEC §5.3 order (stop → … → continue, closed last), then by money at stake, then id. */
export function orderRecommendations(recs: readonly Recommendation[]): Recommendation[] {
  const rank = (t: RecommendationType) => RECOMMENDATION_ORDER.indexOf(t);
  return [...recs].sort(
    (a, b) =>
      rank(a.type) - rank(b.type) ||
      b.remainingCost - a.remainingCost ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export interface RecommendationTotals {
  type: RecommendationType;
  projects: number;
  remainingCost: number;
  budgetFreed: number;
}

export function totalsByType(recs: readonly Recommendation[]): RecommendationTotals[] {
  return RECOMMENDATION_ORDER.map((type) => {
    const of = recs.filter((r) => r.type === type);
    return {
      type,
      projects: of.length,
      remainingCost: of.reduce((s, r) => s + r.remainingCost, 0),
      budgetFreed: of.reduce((s, r) => s + r.budgetFreed, 0),
    };
  }).filter((t) => t.projects > 0);
}

export interface RecommendationsSheet {
  sheet: ReportSheet;
  /** The bar chart of remaining cost per decision, for the summary (it reads this sheet); none if all are closed. */
  chart: Omit<ChartSpec, 'row' | 'col' | 'width' | 'height'> | null;
}

export function buildRecommendationsSheet(
  analysis: Analysis,
  recs: readonly Recommendation[],
): RecommendationsSheet {
  const sym = analysis.currency;
  const money = moneyFormat(sym);
  const sheet = emptySheet('recommendations');
  const byId = new Map(analysis.projects.map((p) => [p.project.id, p]));
  const ordered = orderRecommendations(recs);
  const totals = totalsByType(recs);
  const freed = totals.reduce((s, t) => s + t.budgetFreed, 0);
  const stops = totals.find((t) => t.type === 'stop')?.projects ?? 0;

  sheet.blocks.push({
    row: 1,
    col: 1,
    cells: [
      ['Recommendations — one decision per project'],
      [
        `${stops} to stop, freeing ${formatMoney(freed, sym)} of remaining cost. Decisions on Active and On-hold projects count remaining cost only: money already spent does not count.`,
      ],
    ],
    rowStyles: ['title', 'note'],
  });

  const totalCols: Column<RecommendationTotals>[] = [
    { header: 'Decision', value: (t) => RECOMMENDATION_LABEL[t.type] },
    { header: 'Projects', value: (t) => t.projects, format: INTEGER },
    { header: 'Remaining cost', value: (t) => t.remainingCost, format: money },
    { header: 'Budget freed', value: (t) => t.budgetFreed, format: money },
  ];
  const totalsTable = tableFrom(BY_TYPE_TABLE, TOTALS_ROW, 1, totalCols, totals, 'TableStyleLight1');
  sheet.tables.push(totalsTable);

  const tableRow = TOTALS_ROW + totals.length + 3;
  const cols: Column<Recommendation>[] = [
    { header: 'Decision', value: (r) => RECOMMENDATION_LABEL[r.type], width: 12 },
    { header: 'ID', value: (r) => r.id, width: 15 },
    { header: 'Name', value: (r) => r.name, width: 36 },
    {
      header: 'Status',
      value: (r) => {
        const p = byId.get(r.id);
        return p ? STATUS_LABEL[p.project.status] : null;
      },
      width: 11,
    },
    { header: 'Selected', value: (r) => (r.selected ? 'Yes' : 'No'), width: 10 },
    { header: 'Rationale', value: (r) => r.rationale, width: 90, style: 'wrap' },
    // A project that needs data has no known cost: blank, never a cost of 0.
    {
      header: 'Remaining cost',
      value: (r) => (r.type === 'needsData' ? null : r.remainingCost),
      format: money,
      width: 15,
    },
    { header: 'Budget freed', value: (r) => r.budgetFreed, format: money, width: 14 },
    { header: 'Value at stake', value: (r) => r.valueAtStake, format: money, width: 15 },
    { header: 'Merge partner', value: (r) => r.partner ?? null, width: 15 },
    { header: 'Dominated by', value: (r) => r.dominatedBy ?? null, width: 15 },
  ];
  sheet.blocks.push({
    row: tableRow - 1,
    col: 1,
    cells: [['Decisions, stop first']],
    style: 'heading',
    mergeAcross: 6,
  });
  const table = tableFrom(RECOMMENDATIONS_TABLE, tableRow, 1, cols, ordered, 'TableStyleMedium2');
  sheet.tables.push(table);
  sheet.columnWidths = cols.map((c) => c.width);
  sheet.freeze = { rows: 0, columns: 3 };
  const decisionRange = columnRange(table, 0);
  const totalsRange = columnRange(totalsTable, 0);
  for (const [type, style] of Object.entries(RECOMMENDATION_STYLE) as [
    RecommendationType,
    (typeof RECOMMENDATION_STYLE)[RecommendationType],
  ][]) {
    if (!style) continue;
    sheet.conditionalFormats.push(
      { kind: 'textEquals', range: decisionRange, text: RECOMMENDATION_LABEL[type], style },
      { kind: 'textEquals', range: totalsRange, text: RECOMMENDATION_LABEL[type], style },
    );
  }
  sheet.tabColor = 'C00000';
  sheet.landscape = true;
  sheet.rowHeights = [{ row: tableRow, height: 30 }, ...wrappedRowHeights(table, sheet.columnWidths)];

  const magnitude = Math.max(maxOf(totals.map((t) => t.remainingCost)), 0);
  // Closed projects come last in the totals and ask nothing: the chart shows the open decisions only.
  const open = totals.filter((t) => t.type !== 'closed').length;
  return {
    sheet,
    chart:
      open === 0
        ? null
        : {
            kind: 'column',
            title: 'Remaining cost by decision',
            yTitle: `Remaining cost (${sym})`,
            yFormat: shortMoneyFormat(sym, magnitude),
            series: [
              {
                name: 'Remaining cost',
                x: { sheet: 'recommendations', range: columnRange(totalsTable, 0, 0, open - 1) },
                y: { sheet: 'recommendations', range: columnRange(totalsTable, 2, 0, open - 1) },
                color: COLORS.blue,
                pointColors: totals.slice(0, open).map((t) => RECOMMENDATION_COLOR[t.type]),
                labels: 'value',
              },
            ],
          },
  };
}

// The "SRO Ranking" sheet (SPEC §5.3): every project in rank order as one Excel table, decision figures
// first, then PMO figures, then the tracker's own columns carried through unchanged.
import type { Analysis, ProjectResult } from '../engine/score';
import { STATUS_LABEL } from '../engine/read';
import { columnLetter } from '../engine/address';
import { formatPercent } from '../engine/format';
import { emptySheet, type ConditionalFormat, type ReportSheet } from './model';
import { columnRange, fromInput, maybe, tableFrom, type Column } from './columns';
import type { ProjectDecisions } from './decisions';
import type { RecommendationType } from '../engine/decide';
import { moneyFormat, PERCENT, PERIODS, RATIO, SCORE, PERCENT_WHOLE } from './formats';
import { RECOMMENDATION_LABEL, RECOMMENDATION_STYLE } from './palette';

type RecommendationStyle = (typeof RECOMMENDATION_STYLE)[RecommendationType];

export const RANKING_TABLE = 'SRO_Ranking';
/** Row of the table's header; rows above hold the title and the reading notes. */
export const RANKING_HEADER_ROW = 4;

/** The ranking columns in SPEC order; the ones whose step has not run are left out. */
function rankingColumns(analysis: Analysis, d: ProjectDecisions): Column<ProjectResult>[] {
  const money = moneyFormat(analysis.currency);
  const cumulative = new Map<string, number>();
  let sum = 0;
  for (const p of analysis.projects) {
    if (!p.eligible) continue;
    sum += p.financials.remainingCost;
    cumulative.set(p.project.id, sum);
  }
  const cols: Column<ProjectResult>[] = [
    { header: 'Rank', value: (p) => p.rank, width: 7 },
    { header: 'ID', value: (p) => p.project.id, width: 12 },
    { header: 'Name', value: (p) => p.project.name, width: 38 },
    { header: 'Status', value: (p) => STATUS_LABEL[p.project.status], width: 11 },
    { header: 'Alignment', value: (p) => p.alignment, format: SCORE, width: 12 },
    { header: 'NPV', value: (p) => p.financials.npv, format: money, width: 14 },
    { header: 'IRR', value: (p) => maybe(p.financials.irr), format: PERCENT, width: 9 },
    { header: 'ROI', value: (p) => maybe(p.financials.roi), format: PERCENT, width: 9 },
    { header: 'BCR', value: (p) => maybe(p.financials.bcr), format: RATIO, width: 8 },
    { header: 'Payback (periods)', value: (p) => maybe(p.financials.payback), format: PERIODS, width: 11 },
    { header: 'Probability', value: (p) => p.project.probability, format: PERCENT_WHOLE, width: 11 },
    { header: 'Risk-adj. NPV', value: (p) => p.financials.riskAdjustedNpv, format: money, width: 14 },
    { header: 'Value score', value: (p) => p.valueScore, format: SCORE, width: 12 },
  ];
  if (d.selected) {
    const sel = d.selected;
    cols.push({ header: 'Selected', value: (p) => (sel.has(p.project.id) ? 'Yes' : 'No'), width: 10 });
  }
  cols.push({
    header: 'Cumulative cost',
    value: (p) => cumulative.get(p.project.id) ?? null,
    format: money,
    width: 15,
  });
  if (d.recommendation) {
    const rec = d.recommendation;
    cols.push({
      header: 'Recommendation',
      value: (p) => {
        const t = rec.get(p.project.id);
        return t ? RECOMMENDATION_LABEL[t] : null;
      },
      width: 16,
    });
  }
  if (d.robustness) {
    const rob = d.robustness;
    cols.push(
      {
        header: 'Robustness',
        value: (p) => rob.get(p.project.id)?.share ?? null,
        format: PERCENT_WHOLE,
        width: 12,
      },
      { header: 'Robustness label', value: (p) => rob.get(p.project.id)?.label ?? null, width: 12 },
    );
  }
  cols.push(
    {
      header: 'Remaining cost',
      // Unknown (withheld, not available, blank) is left blank: never a cost of 0.
      value: (p) => (p.project.unknown.some((u) => u.figure === 'cost') ? null : p.financials.remainingCost),
      format: money,
      width: 14,
    },
    { header: 'Remaining benefit', value: (p) => p.financials.remainingBenefit, format: money, width: 15 },
    { header: 'MIRR', value: (p) => maybe(p.financials.mirr), format: PERCENT, width: 9 },
    {
      header: 'Discounted payback (periods)',
      value: (p) => maybe(p.financials.discountedPayback),
      format: PERIODS,
      width: 13,
    },
    { header: 'Cost variance', value: (p) => maybe(p.financials.costVariance), format: money, width: 14 },
    {
      header: '% of budget spent',
      value: (p) => maybe(p.financials.percentBudgetSpent),
      format: PERCENT_WHOLE,
      width: 10,
    },
    {
      header: 'Benefits realization',
      value: (p) => maybe(p.financials.benefitsRealization),
      format: PERCENT_WHOLE,
      width: 11,
    },
    { header: 'Note', value: (p) => p.ineligibleReason ?? null, width: 36 },
  );
  // The decision flows per period, so every figure above can be recomputed with Excel's own functions
  // (docs/methods.md): remaining cost and benefit of in-flight projects, totals spread over periods.
  analysis.periods.forEach((label, t) =>
    cols.push({
      header: `Decision cost ${label}`,
      value: (p) => p.project.costs[t] ?? 0,
      format: money,
      width: 13,
    }),
  );
  analysis.periods.forEach((label, t) =>
    cols.push({
      header: `Decision benefit ${label}`,
      value: (p) => p.project.benefits[t] ?? 0,
      format: money,
      width: 13,
    }),
  );
  // The tracker's own columns, in their order, as the user wrote them.
  const extra = new Set<string>();
  for (const p of analysis.projects) for (const k of Object.keys(p.project.extra)) extra.add(k);
  for (const header of extra)
    cols.push({ header, value: (p) => fromInput(p.project.extra[header]), width: 14 });
  return cols;
}

export function buildRankingSheet(analysis: Analysis, decisions: ProjectDecisions = {}): ReportSheet {
  const sheet = emptySheet('ranking');
  const columns = rankingColumns(analysis, decisions);
  const table = tableFrom(RANKING_TABLE, RANKING_HEADER_ROW, 1, columns, analysis.projects);
  const a = analysis.settings.alignmentWeight;
  const measure = { riskAdjustedNpv: 'risk-adjusted NPV', roi: 'ROI', bcr: 'BCR' }[
    analysis.settings.financialMeasure
  ];
  sheet.blocks.push({
    row: 1,
    col: 1,
    cells: [
      [`Ranking — ${analysis.projects.length} projects from ${analysis.table.name}`],
      [
        `Value score = ${formatPercent(a, 0)} alignment + ${formatPercent(1 - a, 0)} ${measure} (percentile rank among candidates); ties by risk-adjusted NPV, then ID. ` +
          `For Active and On-hold projects, NPV, IRR, ROI, BCR and payback use remaining cost and remaining benefit: sunk cost is ignored.`,
      ],
    ],
    rowStyles: ['title', 'note'],
  });
  sheet.tables.push(table);
  sheet.columnWidths = columns.map((c) => c.width);
  sheet.freeze = { rows: RANKING_HEADER_ROW, columns: 3 };
  const at = (header: string) => table.headers.indexOf(header);
  const cf: ConditionalFormat[] = [
    { kind: 'dataBar', range: columnRange(table, at('Alignment')), color: '5B9BD5', min: 0, max: 100 },
    { kind: 'dataBar', range: columnRange(table, at('Value score')), color: '70AD47', min: 0, max: 100 },
  ];
  if (decisions.robustness)
    cf.push({
      kind: 'dataBar',
      range: columnRange(table, at('Robustness')),
      color: 'A5A5A5',
      min: 0,
      max: 1,
    });
  if (decisions.recommendation) {
    const range = columnRange(table, at('Recommendation'));
    for (const [type, style] of Object.entries(RECOMMENDATION_STYLE) as [
      RecommendationType,
      RecommendationStyle,
    ][])
      if (style) cf.push({ kind: 'textEquals', range, text: RECOMMENDATION_LABEL[type], style });
  }
  if (decisions.selected) {
    cf.push({ kind: 'textEquals', range: columnRange(table, at('Selected')), text: 'Yes', style: 'good' });
  }
  sheet.conditionalFormats = cf;
  sheet.tabColor = '2F5597';
  sheet.landscape = true;
  sheet.rowHeights = [{ row: RANKING_HEADER_ROW, height: 30 }];
  // Print the decision columns; the PMO and carried-through columns stay on screen.
  const lastPrinted = Math.max(
    at('Value score'),
    at('Cumulative cost'),
    at('Recommendation'),
    at('Robustness label'),
  );
  sheet.printArea = `A1:${columnLetter(lastPrinted + 1)}${RANKING_HEADER_ROW + table.rows.length}`;
  return sheet;
}

// The "SRO Frontier" sheet (SPEC §4.6, §5.3): the optimal portfolio at each budget level, the current and
// recommended portfolios beside it, and the frontier chart the summary shows too.
import type { Analysis } from '../engine/score';
import type { Frontier, FrontierPoint } from '../engine/select';
import { columnLetter } from '../engine/address';
import { emptySheet, type ChartSpec, type ReportSheet } from './model';
import { tableFrom, type Column } from './columns';
import { INTEGER, moneyFormat, SCORE, shortMoneyFormat, SMALL, PERCENT } from './formats';
import { COLORS } from './palette';
import { maxOf } from '../engine/extremes';

export const FRONTIER_TABLE = 'SRO_Frontier';
/** Excel's limit on the characters of one cell. */
const CELL_LIMIT = 32_767;
const CHART_ROWS = 18;
/** Rows of the recommended and current portfolios in the comparison block (the chart's highlighted points). */
const RECOMMENDED_ROW = 5;
const CURRENT_ROW = 6;

const KIND_LABEL: Record<FrontierPoint['kind'], string> = {
  level: 'Budget level',
  user: 'Your budget',
  currentSpend: 'Current spend',
  sameValue: 'Same value as current',
};

/** Ids joined for one cell, cut to fit Excel's cell limit with a count of the rest. */
export function idList(ids: readonly string[]): string {
  const all = ids.join(', ');
  if (all.length <= CELL_LIMIT) return all;
  let out = '';
  let k = 0;
  while (k < ids.length && out.length + ids[k]!.length + 40 < CELL_LIMIT) out += (k ? ', ' : '') + ids[k++];
  return `${out} … and ${ids.length - k} more`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export interface FrontierSheet {
  sheet: ReportSheet;
  chart: Omit<ChartSpec, 'row' | 'col' | 'width' | 'height'>;
}

/** The frontier needs budget levels; without a budget there is none, and no sheet. */
export function buildFrontierSheet(analysis: Analysis, frontier: Frontier): FrontierSheet | null {
  const points = [...frontier.points].sort((a, b) => a.budget - b.budget || a.value - b.value);
  if (points.filter((p) => p.kind === 'level').length < 2) return null;
  const sym = analysis.currency;
  const money = moneyFormat(sym);
  const sheet = emptySheet('frontier');
  const user = frontier.user;
  const current = frontier.current;

  sheet.blocks.push({
    row: 1,
    col: 1,
    cells: [
      ['Efficient frontier — the best portfolio at each budget'],
      [
        'Each row is the selection re-solved at that budget, proven optimal unless Status says otherwise; budgets per period are scaled together. ' +
          'Marginal value: value gained per currency unit of budget since the previous row.',
      ],
    ],
    rowStyles: ['title', 'note'],
  });

  // The two portfolios set against the frontier (also the chart's highlighted points).
  const cmp: (string | number | null)[][] = [
    ['Portfolio', 'Budget', 'Spend', 'Value', 'Projects'],
    ['Recommended (your budget)', user.budget, user.cost, user.value, user.count],
  ];
  if (current)
    cmp.push([
      'Current (Approved + Active)',
      current.cost,
      current.cost,
      current.value,
      current.selected.length,
    ]);
  sheet.blocks.push({
    row: 4,
    col: 1,
    cells: cmp,
    formats: [undefined, money, money, SCORE, INTEGER],
    rowStyles: ['header'],
  });
  const sentences = [
    ...(current?.sentences ?? []),
    frontier.greedy.sentence,
    ...(current?.issues.map((i) => `The current portfolio breaks a limit: ${i}`) ?? []),
  ];
  if (frontier.reason) sentences.unshift(frontier.reason);
  sheet.blocks.push({ row: 5 + cmp.length, col: 1, cells: sentences.map((s) => [s]), style: 'bold' });

  // The chart sits between the figures and the table: an executive sees it first.
  const chartRow = 6 + cmp.length + sentences.length;
  const tableRow = chartRow + CHART_ROWS + 1;
  const cols: Column<FrontierPoint>[] = [
    { header: 'Budget level', value: (p) => p.budget, format: money, width: 26 },
    { header: 'Point', value: (p) => KIND_LABEL[p.kind], width: 22 },
    { header: 'Status', value: (p) => p.status, width: 11 },
    { header: 'Optimal value', value: (p) => p.value, format: SCORE, width: 14 },
    { header: 'Spend', value: (p) => p.cost, format: money, width: 15 },
    { header: 'Projects', value: (p) => p.count, format: INTEGER, width: 10 },
    { header: `Marginal value per ${sym}`, value: (p) => p.marginalValue, format: SMALL, width: 14 },
    { header: 'Gap', value: (p) => p.gap, format: PERCENT, width: 8 },
    { header: 'Selected IDs', value: (p) => idList(p.selected), width: 80 },
  ];
  const table = tableFrom(FRONTIER_TABLE, tableRow, 1, cols, points, 'TableStyleMedium2');
  sheet.tables.push(table);
  sheet.columnWidths = cols.map((c) => c.width);
  sheet.freeze = { rows: 0, columns: 1 };
  sheet.tabColor = '548235';
  sheet.landscape = true;
  // The id lists run long; the printed page keeps the figures.
  sheet.printArea = `A1:${columnLetter(cols.length - 1)}${tableRow + points.length}`;

  const first = tableRow + 1;
  const last = tableRow + points.length;
  const col = (k: number) => columnLetter(1 + k);
  const magnitude = Math.max(maxOf(points.map((p) => p.cost)), current?.cost ?? 0);
  const series: ChartSpec['series'] = [
    {
      name: 'Efficient frontier',
      x: { sheet: 'frontier', range: `${col(4)}${first}:${col(4)}${last}` },
      y: { sheet: 'frontier', range: `${col(3)}${first}:${col(3)}${last}` },
      color: COLORS.blue,
      line: true,
      marker: 'circle',
      markerSize: 5,
    },
    {
      name: 'Recommended',
      x: { sheet: 'frontier', range: `${col(2)}${RECOMMENDED_ROW}` },
      y: { sheet: 'frontier', range: `${col(3)}${RECOMMENDED_ROW}` },
      color: COLORS.lightGreen,
      marker: 'diamond',
      markerSize: 11,
      labels: 'seriesName',
    },
  ];
  if (current)
    series.push({
      name: 'Current',
      x: { sheet: 'frontier', range: `${col(2)}${CURRENT_ROW}` },
      y: { sheet: 'frontier', range: `${col(3)}${CURRENT_ROW}` },
      color: COLORS.red,
      marker: 'square',
      markerSize: 9,
      labels: 'seriesName',
    });
  const chart: FrontierSheet['chart'] = {
    kind: 'scatter',
    title: current?.sentences[0]
      ? `Efficient frontier — ${lowerFirst(current.sentences[0].replace(/\.$/, ''))}`
      : 'Efficient frontier',
    // Spend, not budget level, on x: the current portfolio has a spend, and "same value for less" reads as a distance.
    xTitle: `Spend of the portfolio (${sym})`,
    yTitle: 'Portfolio value',
    xFormat: shortMoneyFormat(sym, magnitude),
    yFormat: '0',
    series,
  };
  sheet.charts.push({ ...chart, row: chartRow, col: 1, width: 6, height: CHART_ROWS });
  return { sheet, chart };
}

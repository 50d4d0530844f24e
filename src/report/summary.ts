// The "SRO Summary" sheet (SPEC §5.3): what an executive reads in a minute — KPIs, objective coverage
// against the weights, the charts, the decisions that free money — with the assumptions beside them.
import type { Analysis } from '../engine/score';
import { formatMoney } from '../engine/format';
import { emptySheet, type Block, type ChartSpec, type ReportSheet, type SheetKey } from './model';
import { decisionsOf, type ReportResults } from './results';
import { moneyFormat } from './formats';
import { heading, kpiRow, kpiRowHeights, LAST_COLUMN, pairs, paragraph } from './summaryParts';
import {
  analysisKpis,
  assumptions,
  coverageRows,
  decisionKpis,
  keyDecisions,
  summaryNotes,
} from './summaryContent';
import { bubbleChart } from './chartData';
import { RECOMMENDATION_LABEL } from './palette';

export interface SummaryInput {
  analysis: Analysis;
  results: ReportResults;
  generatedAt: Date;
  /** The other sheets of this report, for the links row. */
  sheets: readonly SheetKey[];
  /** Charts that read other sheets (frontier, recommendations), placed by this layout in order. */
  charts: readonly Omit<ChartSpec, 'row' | 'col' | 'width' | 'height'>[];
}

const LINK_LABELS: Record<SheetKey, string> = {
  summary: 'Summary',
  ranking: 'Ranking →',
  recommendations: 'Recommendations →',
  frontier: 'Efficient frontier →',
  dataIssues: 'Data issues →',
  settings: 'Settings →',
};

/** Most decisions listed on the summary; the rest are one click away. */
const MAX_DECISIONS = 15;
const CHART_WIDTH = 6;
const CHART_HEIGHT = 20;

/** The run time as text, in UTC so the same run reads the same everywhere. */
function runStamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function buildSummarySheet(input: SummaryInput): ReportSheet {
  const { analysis, results, generatedAt } = input;
  const sheet = emptySheet('summary');
  const blocks: Block[] = sheet.blocks;
  blocks.push({
    row: 1,
    col: 2,
    cells: [
      ['SRO Portfolio — Summary'],
      [
        `${analysis.projects.length} projects from ${analysis.table.name} (sheet ${analysis.table.sheet}) · run ${runStamp(generatedAt)}`,
      ],
    ],
    rowStyles: ['title', 'subtitle'],
  });
  // Links sit two columns apart so each label has room.
  input.sheets
    .filter((k) => k !== 'summary')
    .forEach((k, i) =>
      blocks.push({
        row: 3,
        col: 2 + 2 * i,
        cells: [[{ text: LINK_LABELS[k], link: { sheet: k } }]],
        style: 'link',
      }),
    );

  const heights: { row: number; height: number }[] = [];
  let row = 5;
  // Missing inputs come first: what the figures below cannot show (no benefits, unknown costs, a turned table).
  if (analysis.readFirst.length) {
    blocks.push(heading(row, 2, 'Read first', 12));
    blocks.push(paragraph(row + 1, 2, analysis.readFirst, 12, 'wrap'));
    analysis.readFirst.forEach((_, k) => heights.push({ row: row + 1 + k, height: 30 }));
    row += analysis.readFirst.length + 2;
  }
  blocks.push(heading(row, 2, 'Key figures', 12));
  row += 1;
  for (const kpis of [analysisKpis(analysis), decisionKpis(analysis, results)]) {
    if (kpis.length === 0) continue;
    for (const b of kpiRow(row, kpis)) blocks.push(b);
    for (const h of kpiRowHeights(row)) heights.push(h);
    row += 4;
  }

  // Strategy and coverage (left), assumptions (right).
  const coverage = coverageRows(analysis, results);
  const coverageTitle = results.rationalization
    ? 'Objective coverage: recommended spend vs weights'
    : 'Strategy: objectives and weights';
  blocks.push(heading(row, 2, coverageTitle, 6));
  blocks.push(heading(row, 9, 'Assumptions', 5));
  // The objective name takes two columns; the figures one each.
  blocks.push({
    row: row + 1,
    col: 2,
    cells: [
      [coverage.header[0]!, null, ...coverage.header.slice(1)],
      ...coverage.rows.map((r) => [r[0]!, null, ...r.slice(1)]),
    ],
    formats: [undefined, undefined, ...coverage.formats.slice(1)],
    rowStyles: ['header'],
  });
  const items = assumptions(analysis);
  for (const b of pairs(row + 1, 9, items)) blocks.push(b);
  row += 2 + Math.max(coverage.rows.length + 1, items.length);
  const notes = summaryNotes(analysis, results);
  if (notes.length) {
    blocks.push(paragraph(row, 2, notes, 12, 'note'));
    row += notes.length + 1;
  }

  // Charts, two per row.
  blocks.push(heading(row, 2, 'Charts', 12));
  row += 1;
  const placed: ChartSpec[] = [];
  const place = (k: number) => ({
    row: row + Math.floor(k / 2) * (CHART_HEIGHT + 1),
    col: 2 + (k % 2) * CHART_WIDTH,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  input.charts.forEach((c, k) => placed.push({ ...c, ...place(k) }));
  const bubble = bubbleChart(analysis, decisionsOf(results), 1, place(placed.length));
  if (bubble) {
    blocks.push(bubble.block);
    placed.push(bubble.chart);
  }
  sheet.charts = placed;
  // A printed page holds the figures and one row of charts; later rows start a page of their own.
  const breaks: number[] = [];
  for (let k = 2; k < placed.length; k += 2) breaks.push(placed[k]!.row - 1);
  row += Math.ceil(placed.length / 2) * (CHART_HEIGHT + 1) + 1;

  // The decisions an executive must take, most money first.
  const recs = results.rationalization?.recommendations;
  if (recs) {
    const list = keyDecisions(recs);
    if (breaks.length === 0) breaks.push(row);
    blocks.push(heading(row, 2, `Decisions: stop, merge, re-scope, defer (${list.length})`, 12));
    row += 1;
    const shown = list.slice(0, MAX_DECISIONS);
    const money = moneyFormat(analysis.currency);
    heights.push({ row, height: 30 });
    blocks.push({
      row,
      col: 2,
      cells: [
        [
          'Decision',
          'ID',
          'Name',
          null,
          null,
          'Remaining cost',
          'Budget freed',
          'Partner or reason',
          null,
          null,
          null,
          null,
        ],
        ...shown.map((r) => [
          RECOMMENDATION_LABEL[r.type],
          r.id,
          r.name,
          null,
          null,
          r.remainingCost,
          r.budgetFreed,
          r.partner
            ? `merge with ${r.partner}`
            : r.dominatedBy
              ? `dominated by ${r.dominatedBy}`
              : firstClause(r.rationale),
          null,
          null,
          null,
          null,
        ]),
      ],
      formats: [undefined, undefined, undefined, undefined, undefined, money, money, undefined],
      rowStyles: ['header'],
    });
    row += shown.length + 1;
    if (list.length > shown.length) {
      blocks.push({
        row,
        col: 2,
        cells: [
          [
            {
              text: `… and ${list.length - shown.length} more on the Recommendations sheet →`,
              link: { sheet: 'recommendations' },
            },
          ],
        ],
      });
      row += 1;
    }
    if (list.length === 0) {
      blocks.push(
        paragraph(row, 2, ['No project needs to stop, merge, re-scope or be deferred.'], 12, 'note'),
      );
      row += 1;
    }
    const freed = list.reduce((s, r) => s + r.budgetFreed, 0);
    blocks.push(
      paragraph(
        row,
        2,
        [`Total budget freed by these decisions: ${formatMoney(freed, analysis.currency)}.`],
        12,
        'bold',
      ),
    );
    row += 1;
  }

  sheet.rowHeights = heights;
  sheet.pageBreaksBefore = breaks;
  sheet.columnWidths = [2, ...new Array<number>(LAST_COLUMN - 1).fill(13), 2, 18, 12, 34, 11, 14, 14];
  sheet.printArea = `A1:M${row}`;
  sheet.landscape = true;
  sheet.showGridLines = false;
  sheet.tabColor = '1F3864';
  return sheet;
}

/** The first clause of a rationale, short enough for one summary cell. */
function firstClause(rationale: string): string {
  const s = rationale.split(/[;.]/)[0] ?? rationale;
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

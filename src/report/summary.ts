// The "SRO Summary" sheet (SPEC §5.3): what an executive reads in a minute — run and assumptions, KPIs,
// strategy weights, the charts, and links to the detail sheets.
import type { Analysis } from '../engine/analyze';
import { formatPercent } from '../engine/format';
import { isCurrent } from '../engine/vocabulary';
import { emptySheet, type Block, type Cell, type ReportSheet, type SheetKey } from './model';
import type { ProjectDecisions } from './decisions';
import { INTEGER, PERCENT, shortMoneyFormat } from './formats';
import { heading, kpiRow, LAST_COLUMN, pairs, paragraph, type Kpi } from './summaryParts';
import { bubbleChart } from './chartData';

export interface SummaryInput {
  analysis: Analysis;
  generatedAt: Date;
  /** The other sheets of this report, for the links row. */
  sheets: readonly SheetKey[];
  decisions: ProjectDecisions;
}

const LINK_LABELS: Record<SheetKey, string> = {
  summary: 'Summary',
  ranking: 'Ranking →',
  recommendations: 'Recommendations →',
  frontier: 'Efficient frontier →',
  dataIssues: 'Data issues →',
  settings: 'Settings →',
};

const WEIGHT_SOURCE: Record<Analysis['weightSource'], string> = {
  table: 'the objectives table',
  pairwise: 'pairwise comparison (AHP)',
  equal: 'equal weights (no strategy table was found)',
  settings: 'the settings sheet',
};

function analysisKpis(analysis: Analysis): Kpi[] {
  const sym = analysis.currency;
  const candidates = analysis.projects.filter((p) => p.eligible);
  const requested = candidates.reduce((s, p) => s + p.financials.remainingCost, 0);
  const current = candidates.filter((p) => isCurrent(p.project.status));
  const currentCost = current.reduce((s, p) => s + p.financials.remainingCost, 0);
  const budget = analysis.budgets.reduce((s, b) => s + b.amount, 0);
  const raNpv = candidates.reduce((s, p) => s + p.financials.riskAdjustedNpv, 0);
  const money = shortMoneyFormat(sym, Math.max(requested, budget));
  const closed = analysis.projects.length - candidates.length;
  return [
    {
      label: 'Projects analysed',
      value: analysis.projects.length,
      format: INTEGER,
      note: `${candidates.length} candidates${closed ? `, ${closed} not candidates` : ''}`,
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
          note: analysis.budgets.length > 1 ? `${analysis.budgets.length} periods` : 'one total',
        }
      : { label: 'Budget available', value: 'not set', note: 'no budget in the workbook or settings' },
    {
      label: 'Current portfolio',
      value: currentCost,
      format: money,
      note: `${current.length} Approved and Active projects`,
    },
    {
      label: 'Risk-adjusted NPV',
      value: raNpv,
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

function assumptions(analysis: Analysis): { label: string; value: Cell; format?: string }[] {
  const s = analysis.settings;
  const measure = { riskAdjustedNpv: 'risk-adjusted NPV', roi: 'ROI', bcr: 'BCR' }[s.financialMeasure];
  const objective = { value: 'value score', riskAdjustedNpv: 'risk-adjusted NPV', blend: 'blend of value score and risk-adjusted NPV' }[
    s.objective
  ];
  const budget = analysis.budgets.length
    ? analysis.budgets.map((b) => `${b.label} ${shortMoney(b.amount, analysis.currency)}`).join(', ')
    : 'none';
  const weightSource =
    analysis.weightSource === 'pairwise' && analysis.ahp
      ? `${WEIGHT_SOURCE.pairwise}, CR ${analysis.ahp.cr.toFixed(3)}${analysis.ahp.cr > 0.1 ? ' (inconsistent)' : ''}`
      : WEIGHT_SOURCE[analysis.weightSource];
  return [
    { label: 'Discount rate', value: s.discountRate, format: PERCENT },
    { label: 'Value score', value: `${formatPercent(s.alignmentWeight, 0)} alignment + ${formatPercent(1 - s.alignmentWeight, 0)} ${measure}` },
    { label: 'Selection maximizes', value: objective },
    { label: 'Budget', value: budget },
    { label: 'Alignment gate', value: s.alignmentGate === null ? 'off' : s.alignmentGate },
    { label: 'Maximum projects', value: s.maxProjects === null ? 'no limit' : s.maxProjects },
    { label: 'Objective weights', value: weightSource },
    { label: 'Periods', value: `${analysis.periods[0] ?? ''}–${analysis.periods[analysis.periods.length - 1] ?? ''} (${analysis.periods.length})` },
  ];
}

/** The run time as text, in UTC so the same run reads the same everywhere. */
function runStamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function shortMoney(x: number, sym: string): string {
  return x >= 1e6 ? `${sym}${(x / 1e6).toFixed(1)}M` : `${sym}${Math.round(x / 1e3)}k`;
}

export function buildSummarySheet(input: SummaryInput): ReportSheet {
  const { analysis, generatedAt } = input;
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
      blocks.push({ row: 3, col: 2 + 2 * i, cells: [[{ text: LINK_LABELS[k], link: { sheet: k } }]], style: 'link' }),
    );

  let row = 5;
  blocks.push(heading(row, 2, 'Key figures', 12));
  blocks.push(...kpiRow(row + 1, analysisKpis(analysis)));
  row += 5;

  // Strategy (left) and assumptions (right), side by side.
  blocks.push(heading(row, 2, 'Strategy: objectives and weights', 5));
  blocks.push(heading(row, 8, 'Assumptions', 6));
  const objectives = analysis.objectives;
  blocks.push({
    row: row + 1,
    col: 2,
    cells: [['Objective', null, null, 'Weight'], ...objectives.map((o) => [o.name, null, null, o.weight])],
    formats: [undefined, undefined, undefined, PERCENT],
    rowStyles: ['header'],
  });
  const items = assumptions(analysis);
  blocks.push(pairs(row + 1, 8, items));
  row += 2 + Math.max(objectives.length + 1, items.length);
  const notes = [...analysis.notes];
  if (objectives.length === 0) notes.push('No objectives were found: alignment is 0 and the value score rests on the financial measure.');
  if (notes.length) {
    blocks.push(paragraph(row, 2, notes, 12, 'note'));
    row += notes.length + 1;
  }

  // Charts.
  blocks.push(heading(row, 2, 'Charts', 12));
  row += 1;
  const bubble = bubbleChart(analysis, input.decisions, 1, { row, col: 2, width: 12, height: 22 });
  if (bubble) {
    blocks.push(bubble.block);
    sheet.charts.push(bubble.chart);
    row += 23;
  }

  sheet.columnWidths = [2, ...new Array<number>(LAST_COLUMN - 1).fill(13), 2, 12, 12, 34, 11, 14, 14];
  sheet.printArea = `A1:M${row}`;
  sheet.landscape = true;
  sheet.showGridLines = false;
  sheet.tabColor = '1F3864';
  return sheet;
}

// Analysis (and, when they ran, selection, recommendations and sensitivity) → the output workbook's
// description. The one entry point both surfaces call; a sheet whose data does not exist is left out.
import type { Analysis } from '../engine/score';
import { SHEET_ORDER, type ChartSpec, type ReportSheet, type SheetKey, type WorkbookReport } from './model';
import { decisionsOf, type ReportResults } from './results';
import { buildSummarySheet } from './summary';
import { buildRankingSheet } from './ranking';
import { buildRecommendationsSheet } from './recommendations';
import { buildFrontierSheet } from './frontierSheet';
import { buildDataIssuesSheet } from './dataIssues';
import { buildSettingsSheet } from './settingsSheet';

export type { ReportResults } from './results';

export interface ReportOptions {
  /** Run time written on the summary (tests pass a fixed one). */
  generatedAt?: Date;
}

export function buildReport(
  analysis: Analysis,
  results: ReportResults = {},
  options: ReportOptions = {},
): WorkbookReport {
  const generatedAt = options.generatedAt ?? new Date();
  const detail: ReportSheet[] = [buildRankingSheet(analysis, decisionsOf(results))];
  const charts: Omit<ChartSpec, 'row' | 'col' | 'width' | 'height'>[] = [];
  // Summary charts in reading order: the frontier, then the decisions, then the bubble chart.
  const frontier = results.frontier ? buildFrontierSheet(analysis, results.frontier) : null;
  if (frontier) charts.push(frontier.chart);
  if (results.rationalization) {
    const r = buildRecommendationsSheet(analysis, results.rationalization.recommendations);
    detail.push(r.sheet);
    if (r.chart) charts.push(r.chart);
  }
  if (frontier) detail.push(frontier.sheet);
  const issues = buildDataIssuesSheet(analysis);
  if (issues) detail.push(issues);
  detail.push(buildSettingsSheet(analysis));
  const keys: SheetKey[] = ['summary', ...detail.map((s) => s.key)];
  const summary = buildSummarySheet({ analysis, results, generatedAt, sheets: keys, charts });
  const sheets = [summary, ...detail].sort((a, b) => SHEET_ORDER.indexOf(a.key) - SHEET_ORDER.indexOf(b.key));
  return { sheets, generatedAt };
}

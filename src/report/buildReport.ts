// Analysis (and, when they ran, selection, frontier and recommendations) → the output workbook's
// description. The one entry point both surfaces call; a sheet whose data does not exist is left out.
import type { Analysis } from '../engine/analyze';
import { SHEET_ORDER, type ReportSheet, type SheetKey, type WorkbookReport } from './model';
import type { ProjectDecisions } from './decisions';
import { buildSummarySheet } from './summary';
import { buildRankingSheet } from './ranking';
import { buildDataIssuesSheet } from './dataIssues';
import { buildSettingsSheet } from './settingsSheet';

export interface ReportOptions {
  /** Run time written on the summary (tests pass a fixed one). */
  generatedAt?: Date;
}

export function buildReport(analysis: Analysis, options: ReportOptions = {}): WorkbookReport {
  const generatedAt = options.generatedAt ?? new Date();
  const decisions: ProjectDecisions = {};
  const detail: ReportSheet[] = [buildRankingSheet(analysis, decisions)];
  const issues = buildDataIssuesSheet(analysis);
  if (issues) detail.push(issues);
  detail.push(buildSettingsSheet(analysis));
  const keys: SheetKey[] = ['summary', ...detail.map((s) => s.key)];
  const summary = buildSummarySheet({ analysis, generatedAt, sheets: keys, decisions });
  const sheets = [summary, ...detail].sort((a, b) => SHEET_ORDER.indexOf(a.key) - SHEET_ORDER.indexOf(b.key));
  return { sheets, generatedAt };
}

// The "SRO Data Issues" sheet (SPEC §3.2, §5.3): every problem found in the user's data with the
// assumption the run made, each linked to the cell to fix. Absent when the data had no issue.
import type { Analysis } from '../engine/score';
import type { DataIssue, Severity } from '../engine/model';
import { emptySheet, type ReportSheet } from './model';
import { tableFrom, wrappedRowHeights, type Column } from './columns';

export const ISSUES_TABLE = 'SRO_DataIssues';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const COLUMNS: Column<DataIssue>[] = [
  { header: 'Severity', value: (i) => SEVERITY_LABEL[i.severity], width: 10 },
  { header: 'Sheet', value: (i) => i.sheet, width: 16 },
  { header: 'Row', value: (i) => i.row ?? null, width: 7 },
  { header: 'Column', value: (i) => i.column ?? null, width: 22 },
  {
    header: 'Cells',
    // A link straight to the cell (or the first range of a grouped issue), so fixing the data is one click away.
    value: (i) => (i.cell ? { text: i.cell, link: { sheetName: i.sheet, cell: firstRange(i.cell) } } : null),
    width: 14,
    style: 'wrap',
  },
  // How many cells the row stands for: 1, or the size of a group (one column, one problem).
  { header: 'Count', value: (i) => i.count ?? 1, width: 7 },
  { header: 'Value', value: (i) => i.value ?? null, width: 16 },
  { header: 'Problem', value: (i) => i.problem, width: 60, style: 'wrap' },
  { header: 'Assumption', value: (i) => i.assumption, width: 60, style: 'wrap' },
  { header: 'Project ID', value: (i) => i.projectId ?? null, width: 12 },
];

/** Errors first, then by sheet and row, so the sheet reads top-down like the tracker. */
export function sortIssues(issues: readonly DataIssue[]): DataIssue[] {
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] ||
        a.issue.sheet.localeCompare(b.issue.sheet) ||
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        a.k - b.k,
    )
    .map((x) => x.issue);
}

const count = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

/** "E2:E40, E42:E90 and 3 more" → "E2:E40": where a link to a grouped issue goes. */
function firstRange(cells: string): string {
  return cells.split(/,| and /)[0]!.trim();
}

export function buildDataIssuesSheet(analysis: Analysis): ReportSheet | null {
  if (analysis.issues.length === 0) return null;
  const sheet = emptySheet('dataIssues');
  const issues = sortIssues(analysis.issues);
  const n = (s: Severity) => issues.filter((i) => i.severity === s).length;
  sheet.blocks.push({
    row: 1,
    col: 1,
    cells: [
      [
        `Data issues — ${issues.length} found (${count(n('error'), 'error')}, ${count(n('warning'), 'warning')}, ${count(n('info'), 'note')})`,
      ],
      [
        'Each row names the cells, what was wrong and what the run assumed to go on; a problem repeated down a column is one row with its count. The input sheets were not changed.',
      ],
    ],
    rowStyles: ['title', 'note'],
  });
  const table = tableFrom(ISSUES_TABLE, 4, 1, COLUMNS, issues, 'TableStyleMedium3');
  sheet.tables.push(table);
  sheet.columnWidths = COLUMNS.map((c) => c.width);
  sheet.rowHeights = wrappedRowHeights(table, sheet.columnWidths);
  sheet.freeze = { rows: 4, columns: 0 };
  sheet.conditionalFormats.push({
    kind: 'textEquals',
    range: `A5:A${4 + issues.length}`,
    text: 'Error',
    style: 'bad',
  });
  sheet.tabColor = 'C55A11';
  sheet.landscape = true;
  return sheet;
}

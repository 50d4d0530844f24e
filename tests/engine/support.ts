// Builders for the engine tests: workbook tables as plain RawTable objects, and small lookups over an
// analysis, so each test states its workbook inline and reads like the sheet a user would type.
import type { CellValue, DataIssue, RawTable } from '../../src/engine/model';
import type { Analysis, ProjectResult } from '../../src/engine/score';
import { defaultSettings, type ReadContext } from '../../src/engine/read';

export type TableOptions = Partial<Omit<RawTable, 'headers' | 'rows'>>;

/** A table on sheet `opts.sheet` (default "Projects") with its header on row 1, column A unless told. */
export function table(headers: string[], rows: CellValue[][], opts: TableOptions = {}): RawTable {
  const sheet = opts.sheet ?? 'Projects';
  return {
    name: opts.name ?? sheet,
    sheet,
    kind: opts.kind ?? 'table',
    headerRow: opts.headerRow ?? 1,
    firstColumn: opts.firstColumn ?? 1,
    headers,
    rows: rows.map((r) => headers.map((_, i) => r[i] ?? null)),
    ...(opts.columnFormats ? { columnFormats: opts.columnFormats } : {}),
  };
}

/** The reading context of a workbook with dot decimals, dollars and a 0–5 rating scale. */
export function readContext(overrides: Partial<ReadContext> = {}): ReadContext {
  return {
    settings: defaultSettings(),
    decimalSeparator: '.',
    currency: '$',
    ratingScaleMax: 5,
    ...overrides,
  };
}

/** The result for one project id; fails the test when the id is missing. */
export function byId(a: Analysis, id: string): ProjectResult {
  const r = a.projects.find((p) => p.project.id === id);
  if (!r)
    throw new Error(
      `no project ${id} in the analysis (have ${a.projects.map((p) => p.project.id).join(', ')})`,
    );
  return r;
}

/** Issues whose problem sentence matches. */
export function issuesMatching(issues: readonly DataIssue[], problem: RegExp): DataIssue[] {
  return issues.filter((i) => problem.test(i.problem));
}

/** Splits text into sentences (a full stop, ! or ? followed by a space and a capital letter starts a new one). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== '');
}

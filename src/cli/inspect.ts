// `sro inspect`: what the add-in sees in a workbook before anything is written — the tables and their
// roles, the proposed column mapping with its confidence, and the data issues.
import { analyzeWorkbook, type Analysis } from '../engine/score';
import { classifyTable, type ColumnMap, OUTPUT_SHEET_RE, periodLabel } from '../engine/read';
import type { RawTable } from '../engine/model';
import { explainSkipped } from '../workbook/xlsx/gateway';
import { readAllTables } from '../workbook/port';
import { csvReading, gatewayFor } from './source';
import { textTable } from './text';
import { formatMoney } from '../engine/format';

export interface Inspection {
  tables: { name: string; sheet: string; kind: string; rows: number; role: string }[];
  analysis: Analysis;
  /** How a CSV input was read (encoding, separator, sheet); absent for a workbook. */
  reading?: string;
}

function detail(c: ColumnMap): string {
  const parts: string[] = [];
  if (c.period) parts.push(`period ${periodLabel(c.period)}`);
  if (c.objective) parts.push(`objective ${c.objective}`);
  if (c.role) parts.push(`role ${c.role}`);
  if (c.multiplier && c.multiplier !== 1) parts.push(`× ${c.multiplier}`);
  if (c.currency) parts.push(`currency ${c.currency}`);
  return parts.join(', ');
}

export async function inspectWorkbook(
  data: Uint8Array,
  options: { table?: string; name?: string } = {},
): Promise<Inspection> {
  const gateway = gatewayFor(data, options.name);
  const raw: RawTable[] = await readAllTables(gateway);
  let analysis: Analysis;
  try {
    analysis = analyzeWorkbook(raw, options.table ? { table: options.table } : {});
  } catch (e) {
    throw explainSkipped(e, gateway.skipped);
  }
  const reading = csvReading(gateway);
  const tables = raw.map((t) => ({
    name: t.name,
    sheet: t.sheet,
    kind: t.kind,
    rows: t.rows.length,
    role: OUTPUT_SHEET_RE.test(t.sheet)
      ? 'SRO output (not read)'
      : (analysis.roles[t.name] ?? classifyTable(t)),
  }));
  return { tables, analysis, ...(reading ? { reading } : {}) };
}

export function inspectionText(i: Inspection): string {
  const a = i.analysis;
  const out: string[] = [];
  if (i.reading) out.push(`Input ${i.reading}`, '');
  out.push(`Tables found (${i.tables.length})`);
  out.push(
    textTable(i.tables, [
      { header: 'Table', value: (t) => t.name, max: 40 },
      { header: 'Sheet', value: (t) => t.sheet, max: 24 },
      { header: 'Kind', value: (t) => (t.kind === 'table' ? 'Excel table' : 'range') },
      { header: 'Rows', value: (t) => String(t.rows), align: 'right' },
      { header: 'Role', value: (t) => t.role },
    ]),
  );
  out.push('', `Projects table: ${a.table.name} on sheet ${a.table.sheet} (${a.projects.length} projects)`);
  out.push('', 'Proposed column mapping');
  out.push(
    textTable(a.columns, [
      { header: 'Header', value: (c) => c.header, max: 34 },
      { header: 'Field', value: (c) => (c.field === 'extra' ? '(carried through)' : c.field) },
      {
        header: 'Confidence',
        value: (c) => (c.field === 'extra' ? '' : `${Math.round(c.confidence * 100)}%`),
        align: 'right',
      },
      { header: 'Detail', value: detail, max: 40 },
    ]),
  );
  const weights = a.objectives.map((o) => `${o.name} ${(o.weight * 100).toFixed(1)}%`).join(', ');
  out.push('', `Objectives (${a.weightSource}): ${weights || 'none'}`);
  out.push(
    `Periods: ${a.periods.join(', ')}; currency ${a.currency}; budget ${a.budgets.map((b) => `${b.label} ${formatMoney(b.amount, a.currency)}`).join(', ') || 'none'}`,
  );
  for (const n of a.notes) out.push(`Note: ${n}`);
  out.push('', `Data issues (${a.issues.length})`);
  if (a.issues.length) {
    out.push(
      textTable(a.issues, [
        { header: 'Where', value: (x) => `${x.sheet}!${x.cell ?? (x.row ? `row ${x.row}` : '')}`, max: 28 },
        { header: 'Column', value: (x) => x.column ?? '', max: 22 },
        { header: 'Value', value: (x) => x.value ?? '', max: 14 },
        { header: 'Problem', value: (x) => x.problem, max: 70 },
        { header: 'Assumed', value: (x) => x.assumption, max: 60 },
      ]),
    );
  }
  return out.join('\n');
}

export function inspectionJson(i: Inspection): unknown {
  const a = i.analysis;
  return {
    ...(i.reading ? { reading: i.reading } : {}),
    tables: i.tables,
    projectsTable: a.table,
    mapping: a.columns.map((c) => ({
      header: c.header,
      field: c.field,
      confidence: c.confidence,
      ...(c.period ? { period: periodLabel(c.period) } : {}),
      ...(c.objective ? { objective: c.objective } : {}),
      ...(c.role ? { role: c.role } : {}),
    })),
    objectives: a.objectives,
    weightSource: a.weightSource,
    periods: a.periods,
    currency: a.currency,
    budgets: a.budgets,
    notes: a.notes,
    dataIssues: a.issues,
  };
}

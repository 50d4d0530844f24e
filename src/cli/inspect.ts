// `sro inspect`: what the add-in sees in a workbook before anything is written — the tables and their
// roles, the proposed column mapping with its confidence, and the data issues.
import { analyzeWorkbook, type Analysis } from '../engine/score';
import {
  classifyTable,
  type ColumnMap,
  fieldWord,
  orientTable,
  OUTPUT_SHEET_RE,
  periodLabel,
} from '../engine/read';
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
  if (c.multiplier && c.multiplier !== 1) parts.push(`× ${c.multiplier.toLocaleString('en-US')}`);
  if (c.currency) parts.push(`currency ${c.currency}`);
  if (c.source) parts.push(`${c.source}'s rating`);
  if (c.measure) parts.push(`in-year ${c.measure}`);
  return parts.join(', ');
}

/** Why a column maps as it does: the content's verdict, or the header that named another field. */
function why(c: ColumnMap): string {
  if (c.vetoed) return `not ${fieldWord(c.vetoed.field)}: ${c.vetoed.reason}`;
  return c.reason ?? '';
}

/** What is unknown in the table, in one line: "cost of 16 projects (9 withheld, 3 not available, 4 blank); …". */
function unknownLine(a: Analysis): string | null {
  const r = a.reading;
  if (!r.costUnknown && !r.benefitUnknown) return null;
  const by = Object.entries(r.costUnknownBy)
    .map(
      ([k, n]) => `${n} ${k === 'notAvailable' ? 'not available' : k === 'unreadable' ? 'not a number' : k}`,
    )
    .join(', ');
  const parts = [];
  if (r.costUnknown) parts.push(`cost of ${r.costUnknown} project${r.costUnknown === 1 ? '' : 's'} (${by})`);
  if (r.benefitUnknown) parts.push(`benefit of ${r.benefitUnknown}`);
  return `Unknown figures: ${parts.join('; ')}. Cells withheld under an FOI exemption: ${r.withheldCells}; marked not available: ${r.notAvailableCells}.`;
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
  // Rows as the analysis reads them: a transposed table has one project per column.
  const tables = raw
    .map((t) => orientTable(t))
    .map((t) => ({
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
  for (const s of a.readFirst) out.push(`Read first: ${s}`);
  const unknown = unknownLine(a);
  if (unknown) out.push(unknown);
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
      { header: 'Why', value: why, max: 70 },
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
        { header: 'Cells', value: (x) => (x.count ? String(x.count) : '1'), align: 'right' },
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
    ...(i.reading ? { input: i.reading } : {}),
    tables: i.tables,
    projectsTable: a.table,
    mapping: a.columns.map((c) => ({
      header: c.header,
      field: c.field,
      confidence: c.confidence,
      ...(c.period ? { period: periodLabel(c.period) } : {}),
      ...(c.objective ? { objective: c.objective } : {}),
      ...(c.role ? { role: c.role } : {}),
      ...(c.source ? { source: c.source } : {}),
      ...(c.measure ? { measure: c.measure } : {}),
      ...(c.multiplier ? { multiplier: c.multiplier } : {}),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.vetoed ? { vetoed: c.vetoed } : {}),
    })),
    reading: a.reading,
    readFirst: a.readFirst,
    objectives: a.objectives,
    weightSource: a.weightSource,
    periods: a.periods,
    currency: a.currency,
    budgets: a.budgets,
    notes: a.notes,
    dataIssues: a.issues,
  };
}

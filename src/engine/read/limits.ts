// The limits side of a workbook (SPEC §3.3): budgets per period or in total, and capacity per role
// (optionally per period).
import type { BudgetLine, CapacityLine, CellValue, DataIssue, RawTable } from '../model';
import { cellText, isBlank, parseNumber } from './cells';
import { extractPeriod, periodLabel } from './periods';
import { at, findColumn, type TableRead } from './tableRead';

const YEAR_HEADERS = ['year', 'period', 'fiscalyear', 'fy', 'budgetyear'];
const BUDGET_HEADERS = [
  'budget',
  'amount',
  'funding',
  'available',
  'budgetavailable',
  'cap',
  'limit',
  'totalbudget',
];

/** Year | Budget rows, or one row of a total. */
export function readBudgetTable(t: RawTable): TableRead<BudgetLine[]> {
  const issues: DataIssue[] = [];
  const yc = findColumn(t.headers, YEAR_HEADERS);
  const bc = findColumn(t.headers, BUDGET_HEADERS);
  const lines: BudgetLine[] = [];
  t.rows.forEach((r, i) => {
    const v = r[bc] ?? null;
    if (r.every(isBlank)) return;
    const amount = parseNumber(v).value;
    if (amount === null || amount < 0) {
      issues.push({
        ...at(t, i, bc, v),
        problem: 'A budget must be a non-negative amount.',
        assumption: 'This row is ignored.',
        severity: 'warning',
      });
      return;
    }
    const yv = yc >= 0 ? (r[yc] ?? null) : null;
    const ytext = cellText(yv).trim();
    const p =
      typeof yv === 'number' && Number.isInteger(yv) ? extractPeriod(String(yv)) : extractPeriod(ytext);
    lines.push({ label: p ? periodLabel(p.period) : ytext || 'Total', amount });
  });
  return { value: lines, issues };
}

const ROLE_HEADERS = ['role', 'resource', 'skill', 'team', 'resourcetype', 'function'];
const CAPACITY_HEADERS = ['capacity', 'capacityfte', 'fte', 'availablefte', 'available', 'headcount'];

/** Role | Capacity (FTE) [| Year], or Role | 2027 | 2028 … with capacity per period. */
export function readCapacityTable(t: RawTable): TableRead<CapacityLine[]> {
  const issues: DataIssue[] = [];
  const rc = findColumn(t.headers, ROLE_HEADERS);
  const cc = findColumn(t.headers, CAPACITY_HEADERS);
  const yc = findColumn(t.headers, YEAR_HEADERS);
  const periodCols = t.headers
    .map((h, j) => ({ j, p: j !== rc ? extractPeriod(h) : null }))
    .filter((x) => x.p);
  const lines: CapacityLine[] = [];
  t.rows.forEach((r, i) => {
    const role = cellText(r[rc] ?? null).trim();
    if (!role) return;
    const cols =
      cc >= 0
        ? [{ j: cc, label: yc >= 0 ? labelOf(r[yc] ?? null) : null }]
        : periodCols.map((x) => ({ j: x.j, label: periodLabel(x.p!.period) }));
    for (const { j, label } of cols) {
      const v = r[j] ?? null;
      if (isBlank(v)) continue;
      const fte = parseNumber(v).value;
      if (fte === null || fte < 0) {
        issues.push({
          ...at(t, i, j, v),
          problem: `The capacity of ${role} must be a non-negative number of FTE.`,
          assumption: 'No capacity limit for this role.',
          severity: 'warning',
        });
        continue;
      }
      lines.push({ role, period: label, fte });
    }
  });
  return { value: lines, issues };
}

function labelOf(v: CellValue): string | null {
  const t = cellText(v).trim();
  if (!t) return null;
  const p = extractPeriod(t);
  return p ? periodLabel(p.period) : t;
}

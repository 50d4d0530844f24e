// Data issues grouped per column and problem (SPEC §3.2): 232 numbers typed as text in one column are one
// issue with a count and the cells ("E2:E233"), not 232. Problems that matter one by one (a duplicate id,
// a dependency cycle, a probability of 120%) carry no kind and stay one row each. Done in the engine, so
// the pane, the command line and the Data Issues sheet agree.
import type { DataIssue, IssueKind, Severity } from '../model';
import { columnLetter, columnNumber } from '../address';
import { GROUPED } from '../messages';
import { exemptionName, exemptionSection } from './unknowns';

/** Fewest cells of one kind in one column that make a group; fewer stay one by one. */
export const GROUP_FROM = 3;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The issues with every kind-and-column run of `GROUP_FROM` or more folded into one, in first-seen order. */
export function groupIssues(issues: readonly DataIssue[], from = GROUP_FROM): DataIssue[] {
  const groups = new Map<string, DataIssue[]>();
  for (const i of issues) {
    if (!i.kind || !i.column || !i.cell) continue;
    const key = `${i.sheet}\u0000${i.column}\u0000${i.kind}\u0000${i.severity}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const folded = new Map<DataIssue, DataIssue | null>();
  for (const members of groups.values()) {
    if (members.length < from) continue;
    members.forEach((m, k) => folded.set(m, k === 0 ? fold(members) : null));
  }
  const out: DataIssue[] = [];
  for (const i of issues) {
    const f = folded.get(i);
    if (f === undefined) out.push(i);
    else if (f !== null) out.push(f);
  }
  return out;
}

/** One issue for the members of a group: the count, the cells as ranges, a few example values. */
function fold(members: DataIssue[]): DataIssue {
  const first = members[0]!;
  const kind = first.kind as IssueKind;
  const cells = cellRanges(members.map((m) => m.cell!));
  const values = [...new Set(members.map((m) => m.value).filter((v): v is string => !!v))];
  const exemption = exemptionsOf(values);
  const m = GROUPED[kind](first.column!, members.length, cells, values.slice(0, 3), exemption);
  const severity = members.reduce<Severity>(
    (s, x) => (SEVERITY_RANK[x.severity] < SEVERITY_RANK[s] ? x.severity : s),
    first.severity,
  );
  return {
    sheet: first.sheet,
    column: first.column!,
    cell: cells,
    ...(values.length ? { value: values.slice(0, 3).join(' · ') } : {}),
    problem: m.problem,
    assumption:
      m.assumption ??
      (kind === 'negative' && first.assumption.startsWith('Read as a cost')
        ? 'Each read as a cost of the same size.'
        : first.assumption),
    severity,
    count: members.length,
    kind,
  };
}

const MAX_RANGES = 4;

/**
 * A1 cells as ranges: runs down one column ("E2:E233") or along one row ("B14:DV14", a transposed
 * table), at most four, then how many more.
 */
export function cellRanges(cells: readonly string[]): string {
  const parsed = cells.map((c) => {
    const m = /^([A-Z]+)(\d+)$/.exec(c);
    return m ? { col: columnNumber(m[1]!), row: +m[2]! } : null;
  });
  if (parsed.some((p) => p === null)) return cells.join(', ');
  const ps = parsed as { col: number; row: number }[];
  const sameCol = ps.every((p) => p.col === ps[0]!.col);
  const sameRow = ps.every((p) => p.row === ps[0]!.row);
  if (!sameCol && !sameRow) return summarizeList(cells);
  const along = sameCol ? ps.map((p) => p.row) : ps.map((p) => p.col);
  const sorted = [...new Set(along)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const x of sorted) {
    const last = runs[runs.length - 1];
    if (last && x === last[1] + 1) last[1] = x;
    else runs.push([x, x]);
  }
  const at = (x: number) => (sameCol ? `${columnLetter(ps[0]!.col)}${x}` : `${columnLetter(x)}${ps[0]!.row}`);
  const words = runs.map(([a, b]) => (a === b ? at(a) : `${at(a)}:${at(b)}`));
  return summarizeList(words);
}

function summarizeList(items: readonly string[]): string {
  if (items.length <= MAX_RANGES) return items.join(', ');
  return `${items.slice(0, MAX_RANGES).join(', ')} and ${items.length - MAX_RANGES} more`;
}

/** The exemptions the withheld cells name: "Section 43 of the …", "Sections 26 and 43 of the …", or null. */
function exemptionsOf(values: readonly string[]): string | null {
  const names = new Set(values.map((v) => exemptionName(v)));
  if (names.size === 1) return [...names][0]!;
  const sections = [...new Set(values.map((v) => exemptionSection(v)))];
  if (sections.some((s) => s === null)) return null;
  const sorted = (sections as string[]).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  return `Sections ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]} of the Freedom of Information Act`;
}

// The reduced 0-1 program: the projects reduce.ts left free as columns, every fixed project substituted
// out, and each constraint family as sparse rows for HiGHS or an LP file.
import type { IndexedProblem } from './indexed';
import { FREE } from './reduce';

/** The reduced program: maximize Σ cost·x + offset over the free projects, rows `lower ≤ Σ a·x ≤ upper`. */
export interface LinearModel {
  /** Original project index of each column. */
  cols: Int32Array;
  /** Objective coefficient of each column (maximize): the project's original value. */
  objective: Float64Array;
  /** Sum of the values of the projects fixed in. */
  offset: number;
  rowNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row r holds columns `indices[starts[r]..starts[r+1]]`. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** Row families of the model; the infeasibility fallback leaves one out at a time. */
export type RowFamily = 'budget' | 'capacity' | 'dependency' | 'group' | 'count' | 'balance';

/** Writes the program over the free projects, with every fixed project substituted out. */
export function buildModel(ip: IndexedProblem, fixed: Int8Array, skip?: ReadonlySet<RowFamily>): LinearModel {
  const free = freeColumns(ip, fixed);
  const rows = new RowWriter();
  addLimitRows(rows, ip, fixed, free, skip);
  if (!skip?.has('dependency')) addDependencyRows(rows, ip, fixed, free);
  if (!skip?.has('group')) addGroupRows(rows, ip, fixed, free);
  if (!skip?.has('count')) addCountRow(rows, ip, fixed, free);
  if (!skip?.has('balance')) addBalanceRows(rows, ip, fixed, free);
  return {
    cols: Int32Array.from(free.list),
    objective: Float64Array.from(free.list, (i) => ip.value[i]!),
    offset: free.offset,
    ...rows.finish(),
  };
}

/** The free projects as columns, and the value of the projects fixed in. */
interface FreeColumns {
  /** Column of each project, −1 when fixed. */
  colOf: Int32Array;
  /** Project of each column. */
  list: number[];
  offset: number;
}

function freeColumns(ip: IndexedProblem, fixed: Int8Array): FreeColumns {
  const colOf = new Int32Array(ip.n).fill(-1);
  const list: number[] = [];
  let offset = 0;
  for (let i = 0; i < ip.n; i++) {
    if (fixed[i] === FREE) {
      colOf[i] = list.length;
      list.push(i);
    } else if (fixed[i] === 1) offset += ip.value[i]!;
  }
  return { colOf, list, offset };
}

/** Collects rows `lower ≤ Σ a·x ≤ upper` in compressed sparse row form. */
class RowWriter {
  private readonly names: string[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];

  push(name: string, lo: number, up: number, entries: [number, number][]): void {
    this.names.push(name);
    this.lower.push(lo);
    this.upper.push(up);
    for (const [c, v] of entries) {
      this.indices.push(c);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
  }

  finish(): Omit<LinearModel, 'cols' | 'objective' | 'offset'> {
    return {
      rowNames: this.names,
      rowLower: Float64Array.from(this.lower),
      rowUpper: Float64Array.from(this.upper),
      starts: Int32Array.from(this.starts),
      indices: Int32Array.from(this.indices),
      values: Float64Array.from(this.values),
    };
  }
}

/** Budget and capacity rows; a row the free projects cannot break even all together is left out. */
function addLimitRows(
  rows: RowWriter,
  ip: IndexedProblem,
  fixed: Int8Array,
  free: FreeColumns,
  skip: ReadonlySet<RowFamily> | undefined,
): void {
  ip.limits.forEach((row, r) => {
    if (!Number.isFinite(row.limit) || skip?.has(row.kind)) return;
    let rhs = row.limit;
    for (let i = 0; i < ip.n; i++) if (fixed[i] === 1) rhs -= row.coef[i]!;
    const entries: [number, number][] = [];
    let total = 0;
    for (const i of free.list) {
      if (row.coef[i]! === 0) continue;
      entries.push([free.colOf[i]!, row.coef[i]!]);
      total += row.coef[i]!;
    }
    if (total > rhs) rows.push(`${row.kind}${r}`, -Infinity, rhs, entries);
  });
}

/** x_a ≤ x_b for each free project a and free project b it needs. */
function addDependencyRows(rows: RowWriter, ip: IndexedProblem, fixed: Int8Array, free: FreeColumns): void {
  for (const a of free.list) {
    for (const b of ip.needs[a]!) {
      if (fixed[b] === FREE)
        rows.push(`dep${a}_${b}`, -Infinity, 0, [
          [free.colOf[a]!, 1],
          [free.colOf[b]!, -1],
        ]);
    }
  }
}

/** At most one of the free members of each exclusive group. */
function addGroupRows(rows: RowWriter, ip: IndexedProblem, fixed: Int8Array, free: FreeColumns): void {
  ip.groups.forEach((g, k) => {
    const members = g.filter((i) => fixed[i] === FREE).sort((a, b) => a - b);
    if (members.length > 1)
      rows.push(
        `group${k}`,
        -Infinity,
        1,
        members.map((i) => [free.colOf[i]!, 1]),
      );
  });
}

/** The maximum project count, less the projects fixed in, when the free ones could exceed it. */
function addCountRow(rows: RowWriter, ip: IndexedProblem, fixed: Int8Array, free: FreeColumns): void {
  if (!Number.isFinite(ip.maxProjects)) return;
  let rhs = ip.maxProjects;
  for (let i = 0; i < ip.n; i++) if (fixed[i] === 1) rhs -= 1;
  if (free.list.length > rhs)
    rows.push(
      'count',
      -Infinity,
      rhs,
      free.list.map((i) => [free.colOf[i]!, 1]),
    );
}

/** Strategic balance: share·spend ≥ min·spend, i.e. Σ (share − min)·spend·x ≥ 0; likewise for the maximum. */
function addBalanceRows(rows: RowWriter, ip: IndexedProblem, fixed: Int8Array, free: FreeColumns): void {
  ip.balance.forEach((b, k) => {
    for (const [bound, sign, tag] of [
      [b.min, 1, 'min'],
      [b.max, -1, 'max'],
    ] as const) {
      if (bound === undefined) continue;
      let rhs = 0;
      const entries: [number, number][] = [];
      let least = 0;
      for (let i = 0; i < ip.n; i++) {
        const a = sign * (b.share[i]! - bound) * ip.spend[i]!;
        if (fixed[i] === 1) rhs -= a;
        else if (fixed[i] === FREE && a !== 0) {
          entries.push([free.colOf[i]!, a]);
          if (a < 0) least += a;
        }
      }
      // A row with no free entry stays when the fixed projects alone break it, so HiGHS reports it.
      if (least < rhs) rows.push(`balance${k}${tag}`, rhs, Infinity, entries);
    }
  });
}

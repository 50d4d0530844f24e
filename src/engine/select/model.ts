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
  const n = ip.n;
  const colOf = new Int32Array(n).fill(-1);
  const colList: number[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    if (fixed[i] === FREE) {
      colOf[i] = colList.length;
      colList.push(i);
    } else if (fixed[i] === 1) offset += ip.value[i]!;
  }
  const cols = Int32Array.from(colList);
  const objective = Float64Array.from(colList, (i) => ip.value[i]!);
  const names: string[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const push = (name: string, lo: number, up: number, entries: [number, number][]) => {
    names.push(name);
    lower.push(lo);
    upper.push(up);
    for (const [c, v] of entries) {
      indices.push(c);
      values.push(v);
    }
    starts.push(indices.length);
  };

  ip.limits.forEach((row, r) => {
    if (!Number.isFinite(row.limit) || skip?.has(row.kind)) return;
    let rhs = row.limit;
    for (let i = 0; i < n; i++) if (fixed[i] === 1) rhs -= row.coef[i]!;
    const entries: [number, number][] = [];
    let total = 0;
    for (const i of colList) {
      if (row.coef[i]! === 0) continue;
      entries.push([colOf[i]!, row.coef[i]!]);
      total += row.coef[i]!;
    }
    if (total > rhs) push(`${row.kind}${r}`, -Infinity, rhs, entries);
  });
  for (const a of skip?.has('dependency') ? [] : colList) {
    for (const b of ip.needs[a]!) {
      if (fixed[b] === FREE)
        push(`dep${a}_${b}`, -Infinity, 0, [
          [colOf[a]!, 1],
          [colOf[b]!, -1],
        ]);
    }
  }
  ip.groups.forEach((g, k) => {
    if (skip?.has('group')) return;
    const members = g.filter((i) => fixed[i] === FREE).sort((a, b) => a - b);
    if (members.length > 1)
      push(
        `group${k}`,
        -Infinity,
        1,
        members.map((i) => [colOf[i]!, 1]),
      );
  });
  if (Number.isFinite(ip.maxProjects) && !skip?.has('count')) {
    let rhs = ip.maxProjects;
    for (let i = 0; i < n; i++) if (fixed[i] === 1) rhs -= 1;
    if (colList.length > rhs)
      push(
        'count',
        -Infinity,
        rhs,
        colList.map((i) => [colOf[i]!, 1]),
      );
  }
  ip.balance.forEach((b, k) => {
    if (skip?.has('balance')) return;
    // share·spend ≥ min·spend, i.e. Σ (share − min)·spend·x ≥ 0; likewise for the maximum.
    for (const [bound, sign, tag] of [
      [b.min, 1, 'min'],
      [b.max, -1, 'max'],
    ] as const) {
      if (bound === undefined) continue;
      let rhs = 0;
      const entries: [number, number][] = [];
      let least = 0;
      for (let i = 0; i < n; i++) {
        const a = sign * (b.share[i]! - bound) * ip.spend[i]!;
        if (fixed[i] === 1) rhs -= a;
        else if (fixed[i] === FREE && a !== 0) {
          entries.push([colOf[i]!, a]);
          if (a < 0) least += a;
        }
      }
      // A row with no free entry stays when the fixed projects alone break it, so HiGHS reports it.
      if (least < rhs) push(`balance${k}${tag}`, rhs, Infinity, entries);
    }
  });
  return {
    cols,
    objective,
    offset,
    rowNames: names,
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

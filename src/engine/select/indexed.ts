// A selection problem turned into index form, validated once: what every other part of the select stage
// works on (the model, the greedy baseline, the check, the frontier).
import type { SelectionProblem } from './problem';

/** One "Σ coef·x ≤ limit" family member: a period budget or a resource capacity. */
export interface LimitRow {
  kind: 'budget' | 'capacity';
  /** Position in `budgets` or `capacities`. */
  k: number;
  label: string;
  limit: number;
  coef: Float64Array;
}

export interface BalanceRow {
  label: string;
  min: number | undefined;
  max: number | undefined;
  /** Share of each project's spend that counts toward the label. */
  share: Float64Array;
}

export interface IndexedProblem {
  problem: SelectionProblem;
  n: number;
  ids: string[];
  index: Map<string, number>;
  value: Float64Array;
  /** A project's spend: the sum of its costs over all budget dimensions. */
  spend: Float64Array;
  limits: LimitRow[];
  /** needs[a]: the projects a depends on (deduplicated). */
  needs: number[][];
  neededBy: number[][];
  /** Exclusive groups as index lists (duplicates within a group removed). */
  groups: number[][];
  groupsOf: number[][];
  maxProjects: number;
  balance: BalanceRow[];
  mandatory: Uint8Array;
  excluded: Uint8Array;
  currency: string;
  capacityUnit: string;
}

/** Relative tolerance of every feasibility check on floating sums (SPEC: 1e-9 relative). */
export const REL_TOL = 1e-9;

/** True when `sum ≤ limit` up to the relative tolerance. */
export function fits(sum: number, limit: number): boolean {
  return sum <= limit + REL_TOL * Math.max(Math.abs(limit), Math.abs(sum));
}

function fail(message: string): never {
  throw new Error(`Invalid selection problem: ${message}`);
}

/** Validates the problem (ids, numbers, references) and builds its index form. */
export function indexProblem(problem: SelectionProblem): IndexedProblem {
  const n = problem.projects.length;
  const ids = problem.projects.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) fail(`project id "${id}" appears twice.`);
    index.set(id, i);
  });
  const find = (id: string, where: string): number => {
    const i = index.get(id);
    if (i === undefined) fail(`${where} names unknown project "${id}".`);
    return i;
  };
  const limits = limitRows(problem);
  const { value, spend } = projectColumns(problem, limits);
  const { needs, neededBy } = dependencyLists(problem, find);
  const { groups, groupsOf } = groupLists(problem, find);
  const maxProjects = problem.maxProjects ?? Infinity;
  if (Number.isNaN(maxProjects)) fail('the maximum number of projects is not a number.');
  const balance = balanceRows(problem, find);
  const mandatory = Uint8Array.from(problem.projects, (p) => (p.mandatory ? 1 : 0));
  const excluded = Uint8Array.from(problem.projects, (p) => (p.excluded ? 1 : 0));
  return {
    problem,
    n,
    ids,
    index,
    value,
    spend,
    limits,
    needs,
    neededBy,
    groups,
    groupsOf,
    maxProjects,
    balance,
    mandatory,
    excluded,
    currency: problem.currency ?? '$',
    capacityUnit: problem.capacityUnit ?? 'FTE',
  };
}

/** Index of a project id; fails naming `where` the unknown id came from. */
type Find = (id: string, where: string) => number;

/** One row per budget period, then one per capacity, with their coefficients still zero. */
function limitRows(problem: SelectionProblem): LimitRow[] {
  const n = problem.projects.length;
  const budgets = problem.budgets;
  const limits: LimitRow[] = [];
  budgets.forEach((limit, k) => {
    if (Number.isNaN(limit)) fail(`budget ${k + 1} is not a number.`);
    const label = problem.budgetLabels?.[k] ?? (budgets.length === 1 ? '' : `period ${k + 1}`);
    limits.push({ kind: 'budget', k, label, limit, coef: new Float64Array(n) });
  });
  (problem.capacities ?? []).forEach((limit, k) => {
    if (Number.isNaN(limit)) fail(`capacity ${k + 1} is not a number.`);
    const label = problem.capacityLabels?.[k] ?? `resource ${k + 1}`;
    limits.push({ kind: 'capacity', k, label, limit, coef: new Float64Array(n) });
  });
  return limits;
}

/** Each project's value and spend, and its costs and demands written into the limit rows. */
function projectColumns(
  problem: SelectionProblem,
  limits: LimitRow[],
): { value: Float64Array; spend: Float64Array } {
  const n = problem.projects.length;
  const nb = problem.budgets.length;
  const nc = (problem.capacities ?? []).length;
  const value = new Float64Array(n);
  const spend = new Float64Array(n);
  problem.projects.forEach((p, i) => {
    if (!Number.isFinite(p.value)) fail(`project ${p.id} has a value that is not a finite number.`);
    value[i] = p.value;
    p.costs.forEach((c, k) => {
      if (!Number.isFinite(c) || c < 0) fail(`project ${p.id} has cost ${c} in period ${k + 1}.`);
      spend[i] = spend[i]! + c;
      if (k < nb) limits[k]!.coef[i] = c;
    });
    (p.resources ?? []).forEach((r, k) => {
      if (!Number.isFinite(r) || r < 0)
        fail(`project ${p.id} has resource demand ${r} in dimension ${k + 1}.`);
      if (k < nc) limits[nb + k]!.coef[i] = r;
    });
  });
  return { value, spend };
}

/** Dependencies both ways, without self-dependencies and repeats. */
function dependencyLists(problem: SelectionProblem, find: Find): { needs: number[][]; neededBy: number[][] } {
  const n = problem.projects.length;
  const needs: number[][] = Array.from({ length: n }, () => []);
  const neededBy: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of problem.dependencies ?? []) {
    const ia = find(a, 'A dependency');
    const ib = find(b, 'A dependency');
    if (ia === ib || needs[ia]!.includes(ib)) continue;
    needs[ia]!.push(ib);
    neededBy[ib]!.push(ia);
  }
  return { needs, neededBy };
}

/** Exclusive groups of two or more distinct projects, and the groups of each project. */
function groupLists(problem: SelectionProblem, find: Find): { groups: number[][]; groupsOf: number[][] } {
  const groups: number[][] = [];
  const groupsOf: number[][] = Array.from({ length: problem.projects.length }, () => []);
  for (const group of problem.exclusiveGroups ?? []) {
    const members = [...new Set(group.map((id) => find(id, 'An exclusive group')))];
    if (members.length < 2) continue;
    for (const m of members) groupsOf[m]!.push(groups.length);
    groups.push(members);
  }
  return { groups, groupsOf };
}

/** Balance limits with each project's share of its spend that counts toward the label. */
function balanceRows(problem: SelectionProblem, find: Find): BalanceRow[] {
  return (problem.balance ?? []).map((b) => {
    const share = new Float64Array(problem.projects.length);
    problem.projects.forEach((p, i) => {
      const s = b.shares[p.id] ?? (p.groups?.includes(b.label) ? 1 : 0);
      if (!(s >= 0 && s <= 1)) fail(`project ${p.id} has share ${s} of "${b.label}" (expected 0 to 1).`);
      share[i] = s;
    });
    for (const id of Object.keys(b.shares)) find(id, `Balance "${b.label}"`);
    return { label: b.label, min: b.min, max: b.max, share };
  });
}

/** Sum of original values over a 0/1 vector, in project order (so equal selections give equal sums). */
export function objectiveOf(ip: IndexedProblem, x: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < ip.n; i++) if (x[i]) s += ip.value[i]!;
  return s;
}

/** 0/1 vector of a list of ids (unknown ids are ignored). */
export function vectorOf(ip: IndexedProblem, ids: readonly string[]): Uint8Array {
  const x = new Uint8Array(ip.n);
  for (const s of ids) {
    const i = ip.index.get(s);
    if (i !== undefined) x[i] = 1;
  }
  return x;
}

/** Selected ids in problem order. */
export function idsOf(ip: IndexedProblem, x: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < ip.n; i++) if (x[i]) out.push(ip.ids[i]!);
  return out;
}

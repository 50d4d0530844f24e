// Reads the projects table into typed projects (SPEC §3.1–§3.2) and puts every project's money on one
// period axis; each row is read by RowReader, which reports every doubtful cell as a data issue.
import type { DataIssue, Project, RawTable } from '../model';
import type { ColumnMap } from './fields';
import { MSG } from '../messages';
import { buildAxis, extendAxis, periodOfDate, type PeriodAxis } from './periods';
import { isInFlight } from './vocabulary';
import { shortestCycle, stronglyConnected } from '../graph';
import { RowReader, type Draft, type ReadContext } from './projectRow';
import { cellOf, issueRow, lineOf } from './place';

export interface ReadResult {
  projects: Project[];
  issues: DataIssue[];
  axis: PeriodAxis;
}

const SUM = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export function readProjects(table: RawTable, columns: readonly ColumnMap[], ctx: ReadContext): ReadResult {
  const issues: DataIssue[] = [];
  const baseAxis = buildAxis(
    columns
      .filter((c) => c.period && (c.field === 'costPeriod' || c.field === 'benefitPeriod'))
      .map((c) => c.period!),
    1,
  );
  const drafts: Draft[] = [];
  const firstRowOfId = new Map<string, number>();
  const reader = new RowReader(table, columns, ctx, issues, baseAxis);
  table.rows.forEach((cells, i) => {
    const draft = reader.read(cells, lineOf(table, i), firstRowOfId);
    if (draft) drafts.push(draft);
  });
  const axis = placeFlows(drafts, baseAxis, ctx, issues, table);
  checkDependencies(
    drafts.map((d) => d.project),
    issues,
    table,
    columns.find((c) => c.field === 'dependsOn'),
  );
  return { projects: drafts.map((d) => d.project), issues, axis };
}

/** Where the money of the drafts is placed, and where its issues go. */
interface FlowEnv {
  baseAxis: PeriodAxis;
  ctx: ReadContext;
  issues: DataIssue[];
  table: RawTable;
}

/** One project's costs and benefits before the axis is final (total benefits need its length). */
interface FlowPlan {
  costs: number[];
  /** Benefit spread over `years` after `deliver`, or null when the benefits are given by period. */
  benefitTotal: number | null;
  benefits: number[] | null;
  years: number;
  /** Period of delivery: the last one with a cost, or the end date's. */
  deliver: number;
}

/**
 * Puts every project's costs and benefits on one period axis: yearly figures where given; a total cost
 * spread over the start–end years (or the first period); a total benefit spread evenly over the benefit
 * years after delivery. In-flight projects keep only what remains (EAC − actual; total − realized).
 */
function placeFlows(
  drafts: Draft[],
  baseAxis: PeriodAxis,
  ctx: ReadContext,
  issues: DataIssue[],
  table: RawTable,
): PeriodAxis {
  const env: FlowEnv = { baseAxis, ctx, issues, table };
  let length = baseAxis.keys.length;
  const plans = drafts.map((d) => {
    const plan = planFlows(d, env);
    if (plan.benefitTotal !== null) length = Math.max(length, plan.deliver + 1 + plan.years);
    return plan;
  });
  const axis = extendAxis(baseAxis, length);
  drafts.forEach((d, i) => layFlows(d.project, plans[i]!, axis.keys.length));
  return axis;
}

/** A data issue on one project's row. */
function flowIssue(
  env: FlowEnv,
  p: Project,
  m: { problem: string; assumption: string },
  severity: DataIssue['severity'],
): void {
  const row = issueRow(env.table, p.row);
  env.issues.push({
    sheet: env.table.sheet,
    ...(row !== undefined ? { row } : {}),
    projectId: p.id,
    ...m,
    severity,
  });
}

/** One project's plan; sets its lifetime totals on the way. */
function planFlows(d: Draft, env: FlowEnv): FlowPlan {
  const p = d.project;
  const inFlight = isInFlight(p.status);
  p.totalCost =
    p.eac ?? d.costTotal ?? (d.costByPeriod ? SUM(d.costByPeriod) + (inFlight ? (p.actualCost ?? 0) : 0) : 0);
  const remaining = inFlight ? remainingCost(d, env) : null;
  const costs = plannedCosts(d, remaining, env);
  let lastCost = -1;
  costs.forEach((c, i) => {
    if (c > 0) lastCost = i;
  });
  const endIdx = p.end ? periodOfDate(env.baseAxis, p.end) : null;
  const deliver = Math.max(lastCost, endIdx ?? -1, 0);
  let plan: FlowPlan;
  if (!d.benefitByPeriod && d.benefitTotal !== null) {
    const benefitTotal =
      inFlight && p.realizedBenefit !== null
        ? Math.max(0, d.benefitTotal - p.realizedBenefit)
        : d.benefitTotal;
    const years = Math.max(1, Math.round(d.benefitYears ?? env.ctx.settings.benefitYears));
    plan = { costs, benefitTotal, benefits: null, years, deliver };
  } else plan = { costs, benefitTotal: null, benefits: d.benefitByPeriod, years: 0, deliver };
  p.totalBenefit =
    d.benefitTotal ?? (d.benefitByPeriod ? SUM(d.benefitByPeriod) + (p.realizedBenefit ?? 0) : 0);
  return plan;
}

/** What an in-flight project has still to spend, or null when its figures cannot tell. */
function remainingCost(d: Draft, env: FlowEnv): number | null {
  const p = d.project;
  if (p.eac !== null && p.actualCost !== null) {
    if (p.eac < p.actualCost)
      flowIssue(env, p, MSG.eacBelowActual(p.eac, p.actualCost, env.ctx.currency), 'warning');
    return Math.max(0, p.eac - p.actualCost);
  }
  if (p.actualCost !== null && (d.costTotal ?? p.eac) !== null)
    return Math.max(0, (d.costTotal ?? p.eac)! - p.actualCost);
  if (p.percentComplete !== null && (d.costTotal ?? p.eac) !== null && !d.costByPeriod)
    return (d.costTotal ?? p.eac)! * (1 - p.percentComplete);
  return null;
}

/** Costs by period: the yearly figures (rescaled to what remains when they disagree), else a spread total. */
function plannedCosts(d: Draft, remaining: number | null, env: FlowEnv): number[] {
  const p = d.project;
  const { baseAxis } = env;
  if (!d.costByPeriod) {
    // Without a cost column the forecast at completion is the cost (a tracker may keep only EAC).
    const amount = remaining ?? d.costTotal ?? p.eac ?? 0;
    return spread(amount, spanOf(p, baseAxis), baseAxis.keys.length);
  }
  const costs = d.costByPeriod;
  const sum = SUM(costs);
  const disagree = remaining !== null && Math.abs(sum - remaining) > 0.01 * Math.max(1, remaining);
  if (!disagree) return costs;
  flowIssue(env, p, MSG.remainingRescaled(sum, remaining, env.ctx.currency), 'info');
  return sum > 0
    ? costs.map((c) => (c * remaining) / sum)
    : spread(remaining, spanOf(p, baseAxis), baseAxis.keys.length);
}

/** Writes a plan's costs and benefits onto the final axis of `T` periods. */
function layFlows(p: Project, plan: FlowPlan, T: number): void {
  const costs = pad(plan.costs, T);
  let benefits: number[];
  if (plan.benefitTotal !== null) {
    benefits = new Array<number>(T).fill(0);
    for (let k = 0; k < plan.years; k++) benefits[plan.deliver + 1 + k] = plan.benefitTotal / plan.years;
  } else benefits = pad(plan.benefits ?? [], T);
  p.costs = costs;
  p.benefits = benefits;
}

function pad(xs: number[], n: number): number[] {
  if (xs.length === n) return xs;
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < Math.min(n, xs.length); i++) out[i] = xs[i]!;
  return out;
}

/** Period range a total cost is spread over: start-to-end years when both dates are known, else the first period. */
function spanOf(p: Project, axis: PeriodAxis): [number, number] {
  const s = p.start ? periodOfDate(axis, p.start) : null;
  const e = p.end ? periodOfDate(axis, p.end) : null;
  if (s === null) return [0, 0];
  return [s, Math.max(s, e ?? s)];
}

function spread(amount: number, [from, to]: [number, number], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  const k = to - from + 1;
  for (let i = from; i <= to; i++) out[i] = amount / k;
  return out;
}

/** Unknown and self dependencies are dropped with an issue; cycles are kept (the selection treats them as a package) and reported. */
function checkDependencies(
  projects: Project[],
  issues: DataIssue[],
  table: RawTable,
  col: ColumnMap | undefined,
): void {
  const byId = new Map(projects.map((p) => [p.id.toLowerCase(), p]));
  const at = (p: Project) => {
    const row = issueRow(table, p.row);
    return {
      sheet: table.sheet,
      ...(row !== undefined ? { row } : {}),
      projectId: p.id,
      ...(col ? { column: col.header, cell: cellOf(table, p.row, col.index) } : {}),
    };
  };
  for (const p of projects) {
    const kept: string[] = [];
    for (const dep of p.dependsOn) {
      const target = byId.get(dep.toLowerCase());
      if (!target) issues.push({ ...at(p), value: dep, ...MSG.unknownDependency(dep), severity: 'warning' });
      else if (target === p)
        issues.push({ ...at(p), value: dep, ...MSG.selfDependency(), severity: 'warning' });
      else if (!kept.includes(target.id)) kept.push(target.id);
    }
    p.dependsOn = kept;
  }
  for (const cycle of findCycles(projects)) {
    const first = projects.find((p) => p.id === cycle[0])!;
    issues.push({ ...at(first), ...MSG.dependencyCycle(cycle), severity: 'warning' });
  }
}

/**
 * Dependency cycles: each strongly connected component of more than one project, as the shortest chain
 * through its smallest id (so the message reads as a real chain a user can follow). Only projects with
 * dependencies can start a cycle.
 */
export function findCycles(projects: readonly Project[]): string[][] {
  const deps = new Map(projects.filter((p) => p.dependsOn.length).map((p) => [p.id, p.dependsOn]));
  return stronglyConnected(deps.keys(), deps)
    .filter((c) => c.length > 1)
    .map((c) => {
      const start = [...c].sort()[0]!;
      return shortestCycle(c, deps, start) ?? c.sort();
    })
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

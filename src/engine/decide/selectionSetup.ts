// From an analysis to the selection program (SPEC §4.6): which projects are candidates, what each is
// worth to the chosen objective, and which budgets, capacities, dependencies and groups bind them.
import type { Analysis, ProjectResult } from '../score';
import type { BalanceLimit, SelectionProblem, SelectionProject } from '../select';
import type { GroupField } from '../model';
import { isCurrent, normalizeHeader } from '../read';
import { formatMoney } from '../format';
import { maxOf, minOf } from '../extremes';

export interface SelectionSetup {
  problem: SelectionProblem;
  /** The candidates, in the problem's order. */
  candidates: ProjectResult[];
  /** Projects in the current portfolio (Approved + Active) that are candidates. */
  current: string[];
  /** Sentences on how the workbook became a program, for the summary. */
  notes: string[];
}

/**
 * The value each candidate brings to the objective. Value scores are 0–100 to two decimals; risk-adjusted
 * NPV is money; the blend mixes the value score and the risk-adjusted NPV scaled to [0, 1] by the
 * candidates' range (min → 0, max → 1).
 */
export function objectiveValues(analysis: Analysis, candidates: readonly ProjectResult[]): number[] {
  const s = analysis.settings;
  if (s.objective === 'riskAdjustedNpv') return candidates.map((p) => p.financials.riskAdjustedNpv);
  if (s.objective === 'value') return candidates.map((p) => p.valueScore);
  const ra = candidates.map((p) => p.financials.riskAdjustedNpv);
  const lo = minOf(ra);
  const hi = maxOf(ra);
  return candidates.map((p, i) => {
    const f = hi > lo ? (ra[i]! - lo) / (hi - lo) : 1;
    return 100 * (s.blendValueShare * (p.valueScore / 100) + (1 - s.blendValueShare) * f);
  });
}

export function selectionSetup(analysis: Analysis): SelectionSetup {
  const notes: string[] = [];
  const candidates = analysis.projects.filter((p) => p.eligible);
  const values = objectiveValues(analysis, candidates);
  const periodIndex = new Map(analysis.periods.map((label, i) => [label, i]));
  const budgets = budgetDimensions(analysis, periodIndex, notes);
  const capacity = capacityDimensions(analysis, candidates, periodIndex, notes);
  const { dependencies, blocked } = dependencyLinks(analysis, candidates, notes);
  const groups = exclusiveGroups(analysis, candidates, notes);

  const projects: SelectionProject[] = candidates.map((p, i) => ({
    id: p.project.id,
    name: p.project.name,
    value: values[i]!,
    costs: budgets.dims.map((_, k) => budgets.costOf(p, k)),
    ...(capacity.dims.length ? { resources: capacity.dims.map((_, k) => capacity.demandOf(p, k)) } : {}),
    ...(p.project.mandatory ? { mandatory: true } : {}),
    ...(p.project.excluded || blocked.has(p.project.id) ? { excluded: true } : {}),
  }));

  const problem: SelectionProblem = {
    projects,
    budgets: budgets.dims.map((b) => b.amount),
    budgetLabels: budgets.dims.map((b) => b.label),
    dependencies,
    exclusiveGroups: groups,
    currency: analysis.currency,
  };
  if (capacity.dims.length) {
    problem.capacities = capacity.dims.map((c) => c.fte);
    problem.capacityLabels = capacity.dims.map((c) => (c.period ? `${c.role} ${c.period}` : c.role));
  }
  if (analysis.settings.maxProjects !== null) problem.maxProjects = analysis.settings.maxProjects;
  const balance = balanceLimits(analysis, candidates, notes);
  if (balance.length) problem.balance = balance;
  if (budgets.dims.length === 0)
    notes.push('No budget was found: the selection is limited only by capacity and the other constraints.');

  return {
    problem,
    candidates,
    current: candidates.filter((p) => isCurrent(p.project.status)).map((p) => p.project.id),
    notes,
  };
}

type BudgetLine = Analysis['budgets'][number];
type CapacityLine = Analysis['capacities'][number];

/** Budgets: one dimension per budget line that names a period of the axis, or one total. */
function budgetDimensions(
  analysis: Analysis,
  periodIndex: Map<string, number>,
  notes: string[],
): { dims: BudgetLine[]; costOf: (p: ProjectResult, k: number) => number } {
  let budgetLines = analysis.budgets.filter((b) => b.label === 'Total' || periodIndex.has(b.label));
  if (budgetLines.length === 0 && analysis.budgets.length > 0) {
    // Yearly budgets but no yearly costs (the tracker gives totals): the budgets still bind, as one
    // total over the horizon — never silently dropped, which would leave the selection unconstrained.
    const amount = analysis.budgets.reduce((s, b) => s + b.amount, 0);
    budgetLines = [{ label: 'Total', amount }];
    notes.push(
      `The budget gives ${analysis.budgets.map((b) => b.label).join(', ')} but the projects table has no costs by those periods: the selection uses their total, ${formatMoney(amount, analysis.currency)}, against each project's total cost.`,
    );
  } else {
    for (const b of analysis.budgets) {
      if (!budgetLines.includes(b))
        notes.push(`The budget for ${b.label} matches no period of the projects table and is not used.`);
    }
  }
  const total = budgetLines.find((b) => b.label === 'Total');
  const dims = total ? [total] : budgetLines;
  const costOf = (p: ProjectResult, k: number): number => {
    const line = dims[k]!;
    if (line.label === 'Total') return p.project.costs.reduce((s, c) => s + c, 0);
    return p.project.costs[periodIndex.get(line.label)!] ?? 0;
  };
  return { dims, costOf };
}

/** Capacity: per role (whole horizon) or per role and period; demand counts in periods the project spends. */
function capacityDimensions(
  analysis: Analysis,
  candidates: readonly ProjectResult[],
  periodIndex: Map<string, number>,
  notes: string[],
): { dims: CapacityLine[]; demandOf: (p: ProjectResult, k: number) => number } {
  const roleKey = new Map<string, string>();
  for (const p of candidates)
    for (const r of Object.keys(p.project.resources)) roleKey.set(normalizeHeader(r), r);
  const { useCapacity } = analysis.settings;
  const capacities = useCapacity ? analysis.capacities : [];
  if (!useCapacity && analysis.capacities.length)
    notes.push('Capacity limits are switched off for this scenario: role capacity does not bind.');
  const dims = capacities.filter(
    (c) => roleKey.has(normalizeHeader(c.role)) && (c.period === null || periodIndex.has(c.period)),
  );
  for (const c of capacities) {
    if (!roleKey.has(normalizeHeader(c.role)))
      notes.push(`No project asks for ${c.role}; its capacity does not bind.`);
  }
  const demandOf = (p: ProjectResult, k: number): number => {
    const c = dims[k]!;
    const fte = p.project.resources[roleKey.get(normalizeHeader(c.role))!] ?? 0;
    if (c.period === null) return fte;
    return (p.project.costs[periodIndex.get(c.period)!] ?? 0) > 0 ? fte : 0;
  };
  return { dims, demandOf };
}

/**
 * Dependencies between candidates, and the candidates blocked by one outside them (a Completed one is
 * satisfied; anything else blocks), keyed by id with the dependency that blocks.
 */
function dependencyLinks(
  analysis: Analysis,
  candidates: readonly ProjectResult[],
  notes: string[],
): { dependencies: [string, string][]; blocked: Map<string, string> } {
  const ids = new Set(candidates.map((p) => p.project.id));
  const byId = new Map(analysis.projects.map((p) => [p.project.id, p]));
  const { useDependencies } = analysis.settings;
  const dependencies: [string, string][] = [];
  const blocked = new Map<string, string>();
  if (!useDependencies && candidates.some((p) => p.project.dependsOn.length))
    notes.push(
      'Dependencies are switched off for this scenario: a project may be selected without what it depends on.',
    );
  for (const p of useDependencies ? candidates : []) {
    for (const dep of p.project.dependsOn) {
      if (ids.has(dep)) dependencies.push([p.project.id, dep]);
      else if (byId.get(dep)?.project.status !== 'completed') blocked.set(p.project.id, dep);
    }
  }
  for (const [id, dep] of blocked) {
    const d = byId.get(dep);
    notes.push(
      `${id} depends on ${dep}, which cannot be selected (${d?.ineligibleReason ?? 'not a candidate'}); ${id} is left out.`,
    );
  }
  return { dependencies, blocked };
}

/** Exclusive groups of two or more candidates, compared like headers ("CRM-Option" = "crm option"). */
function exclusiveGroups(
  analysis: Analysis,
  candidates: readonly ProjectResult[],
  notes: string[],
): string[][] {
  const { useExclusiveGroups } = analysis.settings;
  const groups = new Map<string, string[]>();
  if (!useExclusiveGroups && candidates.some((p) => p.project.exclusiveGroup))
    notes.push('Exclusive groups are switched off for this scenario: alternatives may be selected together.');
  for (const p of useExclusiveGroups ? candidates : []) {
    const g = p.project.exclusiveGroup;
    if (!g) continue;
    const key = normalizeHeader(g);
    groups.set(key, [...(groups.get(key) ?? []), p.project.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

const GROUP_LABELS: Record<string, GroupField> = {
  businessunit: 'businessUnit',
  bu: 'businessUnit',
  category: 'category',
  sponsor: 'sponsor',
  department: 'department',
  program: 'program',
  programme: 'program',
};

/**
 * Strategic balance limits from the settings ("Minimum share Regulatory Compliance = 10%",
 * "Maximum share Business Unit: Technology = 40%"). An objective counts each project's spend split in
 * proportion to its ratings (SPEC §4.3); a business unit or category counts the whole spend of its projects.
 */
function balanceLimits(
  analysis: Analysis,
  candidates: readonly ProjectResult[],
  notes: string[],
): BalanceLimit[] {
  const limits = new Map<string, BalanceLimit>();
  const add = (label: string, bound: 'min' | 'max', share: number): void => {
    const shares = balanceShares(analysis, candidates, label);
    if (!shares) {
      notes.push(
        `The balance limit on "${label}" names no objective, business unit or category and is not used.`,
      );
      return;
    }
    const limit = limits.get(label) ?? { label, shares };
    limit[bound] = share;
    limits.set(label, limit);
  };
  for (const [label, share] of Object.entries(analysis.settings.minShare ?? {})) add(label, 'min', share);
  for (const [label, share] of Object.entries(analysis.settings.maxShare ?? {})) add(label, 'max', share);
  return [...limits.values()];
}

function balanceShares(
  analysis: Analysis,
  candidates: readonly ProjectResult[],
  label: string,
): Record<string, number> | null {
  const m = /^([^:]+):\s*(.+)$/.exec(label);
  const field = m ? GROUP_LABELS[normalizeHeader(m[1]!)] : undefined;
  if (field) {
    const value = normalizeHeader(m![2]!);
    const shares: Record<string, number> = {};
    for (const p of candidates)
      if (normalizeHeader(p.project.groups[field] ?? '') === value) shares[p.project.id] = 1;
    return shares;
  }
  const objective = analysis.objectives.find((o) => normalizeHeader(o.name) === normalizeHeader(label));
  if (!objective) return null;
  const shares: Record<string, number> = {};
  for (const p of candidates) {
    const total = Object.values(p.project.ratings).reduce((s, r) => s + r, 0);
    const r = p.project.ratings[objective.name] ?? 0;
    if (total > 0 && r > 0) shares[p.project.id] = r / total;
  }
  return shares;
}

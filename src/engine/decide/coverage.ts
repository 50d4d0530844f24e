// Objective coverage (SPEC §4.3): each project's remaining cost split across objectives in proportion to
// its ratings; the share of a portfolio's spend per objective set beside the objective's weight.
import type { Analysis, ProjectResult } from '../score';
import type { Objective } from '../model';
import { inconsistentWeights, unalignedSpend } from './rationale';

export interface CoverageRow {
  objective: string;
  /** Normalized weight of the objective (the strategy). */
  weight: number;
  /** Money of the portfolio's remaining cost attributed to the objective. */
  spend: number;
  /** spend ÷ the portfolio's total spend (0 when the portfolio spends nothing). */
  share: number;
  /** share − weight: positive where the portfolio spends more than the strategy asks. */
  gap: number;
}

export interface Coverage {
  rows: CoverageRow[];
  /** Total remaining cost of the portfolio. */
  spend: number;
  /** Spend of projects rated 0 on every objective, which no objective can claim. */
  unaligned: number;
  unalignedShare: number;
  /** Sentences for the summary (inconsistent AHP weights and the fix, unaligned spend). */
  notes: string[];
}

/**
 * Coverage of the projects `ids` (any order; unknown ids are ignored). Shares are of all the portfolio's
 * spend, so the rows' shares plus `unalignedShare` sum to 1 when the portfolio spends anything.
 */
export function objectiveCoverage(analysis: Analysis, ids: Iterable<string>): Coverage {
  const wanted = new Set(ids);
  const projects = analysis.projects.filter((r) => wanted.has(r.project.id));
  const out = coverageOf(projects, analysis.objectives);
  const notes: string[] = [];
  const a = analysis.ahp;
  if (a && !a.consistent) {
    const fix = a.fix
      ? {
          a: a.names[a.fix.row] ?? `#${a.fix.row + 1}`,
          b: a.names[a.fix.col] ?? `#${a.fix.col + 1}`,
          current: a.fix.current,
          suggested: a.fix.suggested,
          crAfter: a.fix.crAfter,
        }
      : undefined;
    notes.push(inconsistentWeights(a.cr, analysis.weightSource === 'pairwise', fix));
  }
  if (out.unalignedShare > 0) notes.push(unalignedSpend(out.unalignedShare));
  return { ...out, notes };
}

/** The split itself, on any projects and objectives (pure arithmetic, no notes). */
export function coverageOf(
  projects: readonly ProjectResult[],
  objectives: readonly Objective[],
): Omit<Coverage, 'notes'> {
  const spendBy = new Array<number>(objectives.length).fill(0);
  let total = 0;
  let unaligned = 0;
  for (const r of projects) {
    const cost = r.financials.remainingCost;
    total += cost;
    let sum = 0;
    for (const o of objectives) sum += r.project.ratings[o.name] ?? 0;
    if (sum <= 0) {
      unaligned += cost;
      continue;
    }
    objectives.forEach((o, j) => (spendBy[j]! += (cost * (r.project.ratings[o.name] ?? 0)) / sum));
  }
  const rows = objectives.map((o, j) => {
    const share = total > 0 ? spendBy[j]! / total : 0;
    return { objective: o.name, weight: o.weight, spend: spendBy[j]!, share, gap: share - o.weight };
  });
  return { rows, spend: total, unaligned, unalignedShare: total > 0 ? unaligned / total : 0 };
}

// Strategic alignment (SPEC §4.1): A_i = Σ_j w_j · r_ij with ratings in [0, 1] and Σ w_j = 1, shown 0–100.
import type { Objective, Project } from '../model';

export function alignmentScore(
  ratings: Readonly<Record<string, number>>,
  objectives: readonly Objective[],
): number {
  let a = 0;
  for (const o of objectives) a += o.weight * (ratings[o.name] ?? 0);
  // Rounding noise must not push a perfect score past 100.
  return Math.min(100, Math.max(0, a * 100));
}

/** The share of a project's alignment that comes from its strongest objective (1 = carried by one objective). */
export function alignmentConcentration(p: Project, objectives: readonly Objective[]): number {
  let total = 0;
  let top = 0;
  for (const o of objectives) {
    const c = o.weight * (p.ratings[o.name] ?? 0);
    total += c;
    if (c > top) top = c;
  }
  return total > 0 ? top / total : 0;
}

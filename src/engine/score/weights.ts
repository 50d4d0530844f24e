// Objective weights (SPEC §3.3, §4.2): from SRO Settings, the pairwise comparison (AHP), the objectives
// table, or equal weights over the rated objectives; objectives no column rates are dropped.
import type { DataIssue, Objective, RawTable, WeightSource } from '../model';
import {
  collect,
  readObjectivesTable,
  readPairwiseTable,
  type ColumnMap,
  type Settings,
  type TableRole,
} from '../read';
import { ahp, type AhpResult } from './ahp';

export type NamedAhp = AhpResult & { names: string[] };

export interface Weights {
  objectives: Objective[];
  source: WeightSource;
  ahp: NamedAhp | null;
}

export function objectiveWeights(
  tables: readonly RawTable[],
  roles: Record<string, TableRole>,
  settings: Settings,
  issues: DataIssue[],
  notes: string[],
): Weights {
  const pairTable = tables.find((t) => roles[t.name] === 'pairwise');
  const objTable = tables.find((t) => roles[t.name] === 'objectives');
  let ahpResult: NamedAhp | null = null;
  if (pairTable) {
    const p = collect(readPairwiseTable(pairTable), issues);
    ahpResult = { ...ahp(p.matrix), names: p.names };
    if (!ahpResult.consistent) {
      const f = ahpResult.fix;
      issues.push({
        sheet: pairTable.sheet,
        row: pairTable.headerRow,
        problem: `The pairwise judgments are inconsistent (CR ${ahpResult.cr.toFixed(3)} > 0.10).`,
        assumption: f
          ? `Weights used as computed. Changing "${p.names[f.row]}" vs "${p.names[f.col]}" from ${fmtJudgment(f.current)} to ${fmtJudgment(f.suggested)} would bring CR to ${f.crAfter.toFixed(3)}.`
          : 'Weights used as computed.',
        severity: 'warning',
      });
    }
  }
  if (settings.objectiveWeights && Object.keys(settings.objectiveWeights).length) {
    const entries = Object.entries(settings.objectiveWeights);
    const sum = entries.reduce((s, [, x]) => s + x, 0) || 1;
    return {
      objectives: entries.map(([name, x]) => ({ name, weight: x / sum })),
      source: 'settings',
      ahp: ahpResult,
    };
  }
  const usePairwise = ahpResult && (settings.weightSource !== 'table' || !objTable);
  if (usePairwise) {
    if (objTable)
      notes.push(
        `Weights come from the pairwise comparison (AHP, CR ${ahpResult!.cr.toFixed(3)}), not from the table ${objTable.name}; set "Weight source" to table to use that table instead.`,
      );
    return {
      objectives: ahpResult!.names.map((name, i) => ({ name, weight: ahpResult!.weights[i]! })),
      source: 'pairwise',
      ahp: ahpResult,
    };
  }
  if (objTable) {
    const objectives = collect(readObjectivesTable(objTable, settings.ratingWords), issues);
    return { objectives, source: 'table', ahp: ahpResult };
  }
  return { objectives: [], source: 'equal', ahp: ahpResult };
}

/** Objectives without a rating column are dropped and the remaining weights renormalized, with an issue. */
function dropUnrated(
  objectives: Objective[],
  ratingCols: readonly ColumnMap[],
  table: RawTable,
  issues: DataIssue[],
): Objective[] {
  const rated = new Set(ratingCols.map((c) => c.objective));
  const missing = objectives.filter((o) => !rated.has(o.name));
  for (const c of ratingCols) {
    if (objectives.length && !objectives.some((o) => o.name === c.objective)) {
      issues.push({
        sheet: table.sheet,
        row: table.headerRow,
        column: c.header,
        problem: `"${c.header}" rates an objective that is not in the strategy.`,
        assumption: 'The column does not count toward alignment.',
        severity: 'warning',
      });
    }
  }
  if (missing.length === 0 || missing.length === objectives.length) return missing.length ? [] : objectives;
  for (const o of missing) {
    issues.push({
      sheet: table.sheet,
      row: table.headerRow,
      problem: `The objective "${o.name}" has no rating column in ${table.name}.`,
      assumption: 'Its weight is shared among the other objectives.',
      severity: 'warning',
    });
  }
  const kept = objectives.filter((o) => rated.has(o.name));
  const sum = kept.reduce((s, o) => s + o.weight, 0) || 1;
  return kept.map((o) => ({ name: o.name, weight: o.weight / sum }));
}

/**
 * The objectives the alignment uses: the weighted ones that some column rates (weights renormalized),
 * or, when the workbook weighs none, the rated objectives at equal weights. Notes say what was assumed.
 */
export function ratedObjectives(
  weights: Weights,
  columns: readonly ColumnMap[],
  table: RawTable,
  issues: DataIssue[],
  notes: string[],
): { objectives: Objective[]; source: WeightSource } {
  let objectives = weights.objectives;
  let source = weights.source;
  const ratingCols = columns.filter((c) => c.field === 'rating');
  if (objectives.length === 0 && ratingCols.length > 0) {
    const names = [...new Set(ratingCols.map((c) => c.objective!))];
    objectives = names.map((name) => ({ name, weight: 1 / names.length }));
    source = 'equal';
    notes.push(
      `No objective weights were found: each of the ${names.length} objectives weighs the same (${(100 / names.length).toFixed(1)}%).`,
    );
  }
  objectives = dropUnrated(objectives, ratingCols, table, issues);
  return { objectives, source };
}

function fmtJudgment(x: number): string {
  return x >= 1 ? String(Math.round(x * 100) / 100) : `1/${Math.round(1 / x)}`;
}

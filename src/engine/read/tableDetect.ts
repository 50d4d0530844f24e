// Tells which of a workbook's tables holds the projects, the objectives, the pairwise judgments,
// the budget, the capacity and the settings, so a user never has to say where things are.
import type { RawTable } from '../model';
import { normalizeHeader, projectTableScore } from './columnMatch';
import { findColumn } from './tableRead';
import { isPairwiseTable, OBJECTIVE_HEADERS, WEIGHT_HEADERS } from './strategy';

export type TableRole = 'projects' | 'objectives' | 'pairwise' | 'budget' | 'capacity' | 'settings' | 'other';

/** Sheets the add-in writes; never read back as input (SPEC §5.3). */
export const OUTPUT_SHEET_RE = /^SRO (Summary|Ranking|Recommendations|Frontier|Data Issues)( \(\d+\))?$/i;
export const SETTINGS_SHEET = 'SRO Settings';

export function classifyTable(t: RawTable, objectives: readonly string[] = []): TableRole {
  const h = t.headers.map(normalizeHeader);
  const has = (names: string[]) => h.some((x) => names.includes(x));
  if (
    t.sheet.toLowerCase().startsWith(SETTINGS_SHEET.toLowerCase()) ||
    (h[0] === 'setting' && (h[1] === 'value' || h.length === 2))
  )
    return 'settings';
  if (isPairwiseTable(t)) return 'pairwise';
  if (
    findColumn(t.headers, OBJECTIVE_HEADERS) >= 0 &&
    has(WEIGHT_HEADERS) &&
    !has(['project', 'projectname', 'name'])
  )
    return 'objectives';
  if (
    has(['role', 'resource', 'skill', 'team', 'resourcetype']) &&
    h.some((x) => x.startsWith('capacity') || x === 'fte' || x === 'availablefte') &&
    h.length <= 4
  )
    return 'capacity';
  if (
    has(['role', 'resource', 'skill', 'team']) &&
    h.some((x) => /^(fy|cy)?\d{2,4}$/.test(x)) &&
    h.length <= 12 &&
    !has(['project', 'projectname', 'name'])
  )
    return 'capacity';
  if (
    has(['budget', 'amount', 'funding', 'totalbudget']) &&
    h.length <= 3 &&
    !has(['project', 'projectname', 'name'])
  )
    return 'budget';
  if (projectTableScore(t.headers, objectives) >= 2) return 'projects';
  return 'other';
}

/** The project table that best matches project vocabulary (SPEC §3): most confident mapped columns, then most rows. */
export function bestProjectTable(
  tables: readonly RawTable[],
  objectives: readonly string[] = [],
): RawTable | null {
  let best: RawTable | null = null;
  let bestScore = 0;
  for (const t of tables) {
    if (OUTPUT_SHEET_RE.test(t.sheet)) continue;
    if (classifyTable(t, objectives) !== 'projects') continue;
    const score = projectTableScore(t.headers, objectives) + Math.min(1, t.rows.length / 1000);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

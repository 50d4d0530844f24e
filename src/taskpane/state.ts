// The pane's choices (kept in the workbook and restored on reopen) and what they turn into for the run.
import type { MappingOverride, Settings } from '../engine/read';
import type { PipelineOptions } from '../pipeline/run';

export type Step = 'data' | 'strategy' | 'scenario' | 'run' | 'results';

export const STEPS: readonly { key: Step; label: string }[] = [
  { key: 'data', label: 'Data' },
  { key: 'strategy', label: 'Strategy' },
  { key: 'scenario', label: 'Scenario' },
  { key: 'run', label: 'Run' },
  { key: 'results', label: 'Results' },
];

export interface PaneChoices {
  /** The projects table; the best match when absent. */
  table?: string;
  /** Column mapping overrides, by header. */
  overrides: Record<string, MappingOverride>;
  /** Settings chosen in the pane; they override the workbook's SRO Settings sheet. */
  settings: Partial<Settings>;
  /** Run the frontier and the sensitivity (minutes for thousands of projects). */
  thorough: boolean;
}

export const NO_CHOICES: PaneChoices = { overrides: {}, settings: {}, thorough: true };

/** The analysis options the choices stand for. */
export function analyzeOptions(c: PaneChoices): Pick<PipelineOptions, 'table' | 'overrides' | 'settings'> {
  return {
    ...(c.table ? { table: c.table } : {}),
    ...(Object.keys(c.overrides).length ? { overrides: c.overrides } : {}),
    ...(Object.keys(c.settings).length ? { settings: c.settings } : {}),
  };
}

/** Reads stored choices defensively: the store is the user's workbook and may hold anything. */
export function parseChoices(raw: unknown): PaneChoices | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const obj = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
  return {
    ...(typeof r.table === 'string' ? { table: r.table } : {}),
    overrides: obj(r.overrides) as PaneChoices['overrides'],
    settings: obj(r.settings) as PaneChoices['settings'],
    thorough: r.thorough !== false,
  };
}

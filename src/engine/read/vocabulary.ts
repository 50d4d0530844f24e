// Words PMO trackers use for status and risk, and how the engine reads them (SPEC §3.1).
import type { ProjectStatus } from '../model';

const STATUS_WORDS: [ProjectStatus, string[]][] = [
  [
    'proposed',
    [
      'proposed',
      'idea',
      'candidate',
      'new',
      'pipeline',
      'draft',
      'submitted',
      'backlog',
      'proposal',
      'requested',
      'under review',
      'in review',
      'evaluation',
    ],
  ],
  [
    'approved',
    ['approved', 'funded', 'planned', 'not started', 'committed', 'ready', 'authorized', 'authorised'],
  ],
  [
    'active',
    [
      'active',
      'in progress',
      'inprogress',
      'ongoing',
      'executing',
      'execution',
      'running',
      'wip',
      'underway',
      'started',
      'in flight',
      'in-flight',
      'delivery',
      'in delivery',
    ],
  ],
  ['onHold', ['on hold', 'onhold', 'hold', 'paused', 'suspended', 'deferred', 'parked']],
  ['completed', ['completed', 'complete', 'closed', 'done', 'delivered', 'finished']],
  [
    'cancelled',
    ['cancelled', 'canceled', 'stopped', 'killed', 'rejected', 'terminated', 'abandoned', 'withdrawn'],
  ],
];

const STATUS_BY_WORD = new Map<string, ProjectStatus>(
  STATUS_WORDS.flatMap(([status, words]) => words.map((w) => [squash(w), status] as [string, ProjectStatus])),
);

function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

/** Status from a tracker word, or null when the word is not known. */
export function parseStatus(text: string): ProjectStatus | null {
  return STATUS_BY_WORD.get(squash(text)) ?? null;
}

export const STATUS_LABEL: Record<ProjectStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  active: 'Active',
  onHold: 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** Projects already under way: judged on remaining cost and benefit (sunk cost never counts). */
export function isInFlight(s: ProjectStatus): boolean {
  return s === 'active' || s === 'onHold';
}

/** Projects the selection may choose from. */
export function isCandidate(s: ProjectStatus): boolean {
  return s !== 'completed' && s !== 'cancelled';
}

/** The current portfolio: what the organization is already committed to. */
export function isCurrent(s: ProjectStatus): boolean {
  return s === 'approved' || s === 'active';
}

/** Risk word → key of the settings map ("Very High" → "very high"); also reads "V. High", "Med", "Critical". */
export function riskKey(text: string): string | null {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return null;
  if (/^(very high|v high|vhigh|critical|severe|extreme)$/.test(s)) return 'very high';
  if (/^(high|h)$/.test(s)) return 'high';
  if (/^(medium|med|moderate|m|amber)$/.test(s)) return 'medium';
  if (/^(low|l|minor|green)$/.test(s)) return 'low';
  if (/^(very low|v low|minimal)$/.test(s)) return 'very low';
  return s;
}

/**
 * A delivery-confidence rating → key of the settings map: "green", "amber/green", "amber", "amber/red",
 * "red" (the IPA's five-point scale; the three-point scale uses green, amber, red). Reads "Amber/Red",
 * "Amber-Green", "AMBER", "Red/Amber", "A/G", "RAG: Green"; null for anything else ("Not set", "Exempt").
 */
export function confidenceKey(text: string): string | null {
  const t = text
    .toLowerCase()
    .replace(/^(rag|dca)\s*[:-]?\s*/, '')
    .trim();
  if (!t || t.length > 24) return null;
  const parts = t.split(/\s*(?:\/|-|–|\s)\s*/).filter(Boolean);
  const colours = new Set<string>();
  for (const part of parts) {
    const c = COLOUR[part];
    if (!c) return null;
    colours.add(c);
  }
  if (colours.size === 1) return [...colours][0]!;
  if (colours.size === 2 && colours.has('amber')) return colours.has('green') ? 'amber/green' : 'amber/red';
  return null;
}

const COLOUR: Record<string, string> = {
  red: 'red',
  r: 'red',
  amber: 'amber',
  a: 'amber',
  yellow: 'amber',
  y: 'amber',
  green: 'green',
  g: 'green',
};

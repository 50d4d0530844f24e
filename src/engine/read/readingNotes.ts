// What the read of the projects table assumed, for the surfaces to say: transposed, columns whose
// content vetoed their header, figures withheld or missing, whose delivery confidence was used, the
// default status. The sentences a reader must see first (missing inputs) are kept apart.
import type { DataIssue, Project, ProjectStatus, RawTable, UnknownFigure } from '../model';
import type { ColumnMap, Field } from './fields';
import type { Settings } from './settings';

export interface Reading {
  transposed: boolean;
  /** Columns whose header named a field that their content ruled out, with the reason. */
  vetoed: { header: string; field: Field; reason: string }[];
  /** Projects whose cost, or benefit, is unknown. */
  costUnknown: number;
  /** Of `costUnknown`, how many by why: withheld, not available, blank, unreadable. */
  costUnknownBy: Partial<Record<UnknownFigure['why'], number>>;
  benefitUnknown: number;
  /** Cells withheld (an FOI exemption) or marked not available, over the figure columns. */
  withheldCells: number;
  notAvailableCells: number;
  /** Whether a benefit column (total or per period) maps. */
  hasBenefits: boolean;
  /** Delivery-confidence columns, and how many projects took their probability from each source. */
  confidence: { columns: string[]; bySource: Record<string, number> } | null;
  /** The status given to projects the table gives none for, when the table has no status column. */
  defaultStatus: ProjectStatus | null;
}

export interface ReadingNotes {
  reading: Reading;
  /** Missing inputs, said before anything else on the summary. */
  readFirst: string[];
  /** Other assumptions of the read, for the notes. */
  notes: string[];
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function readingNotes(
  table: RawTable,
  columns: readonly ColumnMap[],
  projects: readonly Project[],
  issues: readonly DataIssue[],
  settings: Settings,
  status: { status: ProjectStatus; note: string | null },
): ReadingNotes {
  const has = (f: Field) => columns.some((c) => c.field === f);
  const hasBenefits = has('benefit') || has('benefitPeriod');
  const confidenceCols = columns.filter((c) => c.field === 'deliveryConfidence');
  const bySource: Record<string, number> = {};
  for (const p of projects)
    if (p.probabilitySource === 'confidence' && p.deliveryConfidence)
      bySource[p.deliveryConfidence.source] = (bySource[p.deliveryConfidence.source] ?? 0) + 1;
  const count = (k: DataIssue['kind']) =>
    issues.filter((i) => i.kind === k && i.sheet === table.sheet).reduce((s, i) => s + (i.count ?? 1), 0);
  const reading: Reading = {
    transposed: table.transposed === true,
    vetoed: columns.flatMap((c) => (c.vetoed ? [{ header: c.header, ...c.vetoed }] : [])),
    costUnknown: projects.filter((p) => p.unknown.some((u) => u.figure === 'cost')).length,
    costUnknownBy: whyCostUnknown(projects),
    benefitUnknown: projects.filter((p) => p.unknown.some((u) => u.figure === 'benefit')).length,
    withheldCells: count('withheld'),
    notAvailableCells: count('notAvailable'),
    hasBenefits,
    confidence: confidenceCols.length ? { columns: confidenceCols.map((c) => c.header), bySource } : null,
    defaultStatus: has('status') ? null : status.status,
  };
  return {
    reading,
    readFirst: readFirst(reading, table, projects.length),
    notes: notesOf(reading, settings, status),
  };
}

function readFirst(r: Reading, table: RawTable, n: number): string[] {
  const out: string[] = [];
  if (!r.hasBenefits)
    out.push(
      'The projects table has no benefit column: NPV, ROI and BCR cannot be computed, so projects are judged on cost, delivery confidence and alignment, and none is stopped or re-scoped for a negative return.',
    );
  else if (r.benefitUnknown)
    out.push(
      `${plural(r.benefitUnknown, 'project')} of ${n.toLocaleString('en-US')} ${r.benefitUnknown === 1 ? 'has' : 'have'} no known benefit (withheld, not available or blank): their return is not judged, and none is stopped or re-scoped for a negative return.`,
    );
  if (r.costUnknown) {
    const by = r.costUnknownBy;
    const why = [
      by.withheld ? `${by.withheld} withheld under a freedom-of-information exemption` : '',
      by.notAvailable ? `${by.notAvailable} marked not available` : '',
      by.blank ? `${by.blank} blank` : '',
      by.unreadable ? `${by.unreadable} not a number` : '',
    ].filter(Boolean);
    out.push(
      `${plural(r.costUnknown, 'project')} ${r.costUnknown === 1 ? 'has' : 'have'} no known cost (${why.join(', ')}): not candidates for selection, each recommended Needs data with the cells to fill in.`,
    );
  }
  if (r.transposed)
    out.push(
      `The table ${table.name} was read transposed: field names down its first column, one project per column (${plural(n, 'project')}).`,
    );
  return out;
}

function notesOf(
  r: Reading,
  settings: Settings,
  status: { status: ProjectStatus; note: string | null },
): string[] {
  const out: string[] = [];
  if (r.confidence) {
    const map = Object.entries(settings.confidenceProbabilities)
      .map(([k, p]) => `${k.replace(/\b[a-z]/g, (ch) => ch.toUpperCase())} ${Math.round(p * 100)}%`)
      .join(', ');
    const sources = Object.entries(r.confidence.bySource).sort((a, b) => b[1] - a[1]);
    const used = sources.map(([s, k]) => `${s}'s rating for ${plural(k, 'project')}`).join(', ');
    out.push(
      `Probability of success comes from the delivery-confidence rating (${map}; an assumption, set in SRO Settings)${used ? `: ${used}` : ''}${r.confidence.columns.length > 1 ? '; where both the IPA and the SRO rated a project, the IPA’s rating is used' : ''}.`,
    );
  }
  if (status.note) out.push(status.note);
  for (const v of r.vetoed) out.push(`Column "${v.header}" was not read as ${v.field}: ${v.reason}.`);
  return out;
}

/** Projects whose cost is unknown, counted by why their first cost cell gave nothing. */
function whyCostUnknown(projects: readonly Project[]): Partial<Record<UnknownFigure['why'], number>> {
  const by: Partial<Record<UnknownFigure['why'], number>> = {};
  for (const p of projects) {
    const u = p.unknown.find((x) => x.figure === 'cost');
    if (u) by[u.why] = (by[u.why] ?? 0) + 1;
  }
  return by;
}

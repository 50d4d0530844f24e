// Content against header (SPEC §3.2): a column's profile confirms what its header says, lowers the
// confidence, or vetoes the match — an id-like or unique-text column never becomes money, narrative
// text never a number, an empty column never a field. The reason is kept in words for inspect and the pane.
import type { ColumnMap, Field } from './fields';
import { filled, shareOf, type ColumnProfile } from './profile';

const NUMERIC: ReadonlySet<Field> = new Set<Field>([
  'cost',
  'costPeriod',
  'benefit',
  'benefitPeriod',
  'benefitYears',
  'actualCost',
  'baselineCost',
  'eac',
  'percentComplete',
  'realizedBenefit',
  'probability',
  'resource',
  'inYear',
]);
const TEXT: ReadonlySet<Field> = new Set<Field>([
  'status',
  'risk',
  'sponsor',
  'businessUnit',
  'department',
  'category',
  'program',
  'exclusiveGroup',
]);

const FIELD_WORD: Partial<Record<Field, string>> = {
  costPeriod: 'a cost per period',
  benefitPeriod: 'a benefit per period',
  benefitYears: 'benefit years',
  actualCost: 'actual cost',
  baselineCost: 'baseline cost',
  eac: 'forecast at completion',
  percentComplete: '% complete',
  realizedBenefit: 'realized benefit',
  dependsOn: 'dependencies',
  exclusiveGroup: 'exclusive group',
  businessUnit: 'business unit',
  deliveryConfidence: 'delivery confidence',
  inYear: 'an in-year figure',
  excluded: 'force out',
};

/** The field in a few words, as a reason names it ("header says baseline cost"). */
export function fieldWord(f: Field): string {
  return FIELD_WORD[f] ?? f;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Confirms, weakens or vetoes `c` by the profile `p` of its cells; sets its reason. */
export function applyContent(c: ColumnMap, p: ColumnProfile): void {
  if (c.field === 'extra') return;
  const says = `header says ${fieldWord(c.field)}`;
  // A name column with no names is the "no project rows" error, said as such where rows are read; a
  // column named after an objective rates it even when nobody has yet.
  // A year column with nothing in it is a plan year with no spend (SPEC §3.1: gaps are 0), not noise.
  const kept =
    c.field === 'name' || c.field === 'rating' || c.field === 'costPeriod' || c.field === 'benefitPeriod';
  if (p.cells > 0 && p.blanks === p.cells && !kept) return veto(c, `${says}; the column is empty`);
  if (c.field === 'probability' && p.ratings >= Math.max(1, 0.5 * filled(p))) {
    // "Confidence" holding Red/Amber/Green is a delivery-confidence rating, not a percentage.
    Object.assign(c, { field: 'deliveryConfidence', source: 'the tracker' });
  }
  if (NUMERIC.has(c.field)) return numeric(c, p, says);
  if (c.field === 'start' || c.field === 'end') return dates(c, p, says);
  if (c.field === 'deliveryConfidence') return ratings(c, p, says);
  if (c.field === 'id') return ids(c, p, says);
  if (c.field === 'mandatory' || c.field === 'excluded') return flags(c, p, says);
  if (TEXT.has(c.field) || c.field === 'name') return text(c, p, says);
}

/** Fewest filled cells on which the share of a kind can veto a header (one odd cell of two proves nothing). */
const EVIDENCE = 3;

function veto(c: ColumnMap, reason: string): void {
  const field = c.field;
  Object.assign(c, { field: 'extra', confidence: 0, vetoed: { field, reason }, reason });
}

/** Header confidence times how well the content fits (1 when every filled cell fits). */
function fit(c: ColumnMap, share: number, reason: string): void {
  c.confidence = Math.round(c.confidence * (0.7 + 0.3 * share) * 1000) / 1000;
  c.reason = reason;
}

function numeric(c: ColumnMap, p: ColumnProfile, says: string): void {
  const n = filled(p);
  if (n < EVIDENCE) {
    if (n === 0 && p.withheld + p.notAvailable > 0)
      c.reason = `all ${count(p.withheld + p.notAvailable)} figures withheld or not available`;
    return;
  }
  if (c.field !== 'probability' && shareOf(p, p.codes) > 0.5)
    return veto(c, `${says}; ${count(p.codes)} of ${count(n)} cells are codes, like an id`);
  if (shareOf(p, p.longText) > 0.3)
    return veto(c, `${says}; ${count(p.longText)} of ${count(n)} cells are narrative text`);
  const numbers = p.numbers;
  if (shareOf(p, numbers) < 0.5)
    return veto(c, `${says}; ${count(numbers)} of ${count(n)} cells are numbers`);
  fit(c, shareOf(p, numbers), `${count(numbers)} of ${count(n)} cells are numbers`);
}

function dates(c: ColumnMap, p: ColumnProfile, says: string): void {
  const n = filled(p);
  if (n < EVIDENCE) return;
  if (shareOf(p, p.dates) < 0.5) return veto(c, `${says}; ${count(p.dates)} of ${count(n)} cells are dates`);
  fit(c, shareOf(p, p.dates), `${count(p.dates)} of ${count(n)} cells are dates`);
}

function ratings(c: ColumnMap, p: ColumnProfile, says: string): void {
  const n = filled(p);
  if (n < EVIDENCE) return;
  if (shareOf(p, p.ratings) < 0.3)
    return veto(c, `${says}; ${count(p.ratings)} of ${count(n)} cells are Red/Amber/Green ratings`);
  fit(c, shareOf(p, p.ratings), `${count(p.ratings)} of ${count(n)} cells are Red/Amber/Green ratings`);
}

function ids(c: ColumnMap, p: ColumnProfile, says: string): void {
  const n = filled(p);
  if (n < EVIDENCE) return;
  if (shareOf(p, p.longText) > 0.3)
    return veto(c, `${says}; ${count(p.longText)} of ${count(n)} cells are narrative text`);
  if (p.unique) return fit(c, 1, `${count(n)} values, all different`);
  // A duplicate or two is a data issue of its own, not a reason to doubt the column.
  if (p.distinct >= 0.95 * n) return fit(c, 1, `${count(p.distinct)} different values in ${count(n)} cells`);
  // Ids that repeat (one investment's id on each of its projects) make a weak id.
  c.confidence = Math.round(c.confidence * 0.5 * 1000) / 1000;
  c.reason = `${count(p.distinct)} different values in ${count(n)} cells: ids repeat`;
}

function flags(c: ColumnMap, p: ColumnProfile, says: string): void {
  const n = filled(p);
  if (n < EVIDENCE) return;
  if (shareOf(p, p.booleans) < 0.5)
    return veto(c, `${says}; ${count(p.booleans)} of ${count(n)} cells are Yes/No`);
  fit(c, shareOf(p, p.booleans), `${count(p.booleans)} of ${count(n)} cells are Yes/No`);
}

function text(c: ColumnMap, p: ColumnProfile, says: string): void {
  const n = filled(p);
  if (n < EVIDENCE) return;
  if (c.field !== 'name' && shareOf(p, p.longText) > 0.5)
    return veto(c, `${says}; ${count(p.longText)} of ${count(n)} cells are narrative text`);
  if ((c.field === 'status' || c.field === 'risk') && shareOf(p, p.numbers) > 0.8)
    return veto(c, `${says}; ${count(p.numbers)} of ${count(n)} cells are numbers`);
}

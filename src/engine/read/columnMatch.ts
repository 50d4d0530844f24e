// Column mapping (SPEC §3.1): matches a tracker's headers, as the PMO wrote them, to the fields the
// engine understands, with a confidence per column. Headers compare case-, space- and punctuation-free.
import type { ColumnMap, Field, MappingOverride } from './fields';
import {
  DELIVERY_CONFIDENCE_RE,
  GUESSES,
  IN_YEAR_RE,
  NARRATIVE_RE,
  SYNONYMS,
  VARIANCE_RE,
  WHOLE_LIFE_RE,
} from './headerWords';
import { extractPeriod } from './periods';
import { applyContent } from './contentFit';
import type { ColumnProfiles } from './profile';

/** Fields that take at most one column; the others (periods, roles, ratings, extra) take many. */
const SINGLE_FIELDS: ReadonlySet<Field> = new Set<Field>([
  'id',
  'name',
  'status',
  'cost',
  'benefit',
  'benefitYears',
  'actualCost',
  'baselineCost',
  'eac',
  'percentComplete',
  'realizedBenefit',
  'probability',
  'risk',
  'mandatory',
  'excluded',
  'dependsOn',
  'exclusiveGroup',
  'start',
  'end',
  'sponsor',
  'businessUnit',
  'department',
  'category',
  'program',
]);

/** Case-, space- and punctuation-insensitive form of a header. */
export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** A header's words: camelCase, PascalCase and snake_case split ("estimatedCompletionDate" → "estimated Completion Date"). */
export function splitWords(h: string): string {
  return h
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/_/g, ' ');
}

/** Lower-case words of a header, with units in brackets removed. */
function spaced(h: string): string {
  return splitWords(h)
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/[^a-z0-9%#]+/g, ' ')
    .trim();
}

const MONEY_FIELDS: ReadonlySet<Field> = new Set<Field>([
  'cost',
  'costPeriod',
  'benefit',
  'benefitPeriod',
  'actualCost',
  'baselineCost',
  'eac',
  'realizedBenefit',
]);

const CURRENCY_CODES: Record<string, string> = {
  usd: '$',
  cad: '$',
  aud: '$',
  eur: '€',
  gbp: '£',
  chf: 'CHF',
  jpy: '¥',
};
const THOUSANDS_RE =
  /\(\s*[$€£]?\s*(k|000s?|'000s?|thousands?)\s*\)|\bin thousands\b|\bthousands of\b|[$€£]\s?(k|000s?)\b|\b(k|000s?)\s?[$€£]/;
const MILLIONS_RE =
  /\(\s*[$€£]?\s*(m|mm|mn|millions?)\s*\)|\bin millions\b|\bmillions of\b|[$€£]\s?(m|mm|mn)\b|\b(m|mn)\s?[$€£]/;
const BILLIONS_RE = /\(\s*[$€£]?\s*(bn|b|billions?)\s*\)|\bin billions\b|[$€£]\s?(bn|b)\b/;

/** Reads "($k)", "(000s)", "($M)", "$M", "€k", "(£m)", "in millions", "(€)" from a header. */
export function headerUnit(h: string): { multiplier?: number; currency?: string } {
  const l = splitWords(h).toLowerCase().replace(/_/g, ' ');
  const out: { multiplier?: number; currency?: string } = {};
  const cur = /[$€£¥₹]|\b(usd|eur|gbp|chf|jpy|cad|aud)\b/.exec(l);
  if (cur) out.currency = CURRENCY_CODES[cur[1] ?? ''] ?? cur[0];
  if (THOUSANDS_RE.test(l)) out.multiplier = 1e3;
  else if (MILLIONS_RE.test(l)) out.multiplier = 1e6;
  else if (BILLIONS_RE.test(l)) out.multiplier = 1e9;
  return out;
}

const COST_WORDS = new Set([
  'cost',
  'costs',
  'capex',
  'opex',
  'investment',
  'spend',
  'budget',
  'plannedcost',
  'estimatedcost',
]);
const BENEFIT_WORDS = new Set([
  'benefit',
  'benefits',
  'savings',
  'value',
  'revenue',
  'expectedbenefit',
  'expectedbenefits',
]);
const RESOURCE_RE =
  /^(?:fte|ftes|headcount|hc|resources?)\s*[-:–]?\s*(.+)$|^(.+?)\s*[-:–(]?\s*(?:fte|ftes|headcount)\)?$/i;
const OBJECTIVE_PREFIX_RE = /^(?:obj(?:ective)?|alignment|strategic alignment|align)\s*[-:–]\s*(.+)$/i;

/** Best guess for one header, without looking at the other headers. */
export function matchHeader(header: string, index: number, objectives: readonly string[] = []): ColumnMap {
  const base = { index, header };
  const raw = header.trim();
  const n = normalizeHeader(raw.replace(/\(.*?\)/g, ''));
  const unit = headerUnit(raw);
  const withUnit = (m: ColumnMap): ColumnMap => (MONEY_FIELDS.has(m.field) ? { ...m, ...unit } : m);

  if (!raw) return { ...base, field: 'extra', confidence: 0 };
  const rating = ratingColumn(base, raw, objectives);
  if (rating) return rating;
  if (raw === '#' || raw === 'No.' || raw === '№') return { ...base, field: 'id', confidence: 1 };
  const words = spaced(raw);
  const per = extractPeriod(raw.replace(/\(.*?\)/g, ''));
  const meant = byMeaning(base, words, unit, per);
  if (meant) return meant;
  for (const [field, list] of Object.entries(SYNONYMS) as [Field, string[]][]) {
    if (list.includes(n)) return withUnit({ ...base, field, confidence: 1 });
  }
  // A lone "FTE" or "Headcount" column is demand for one unnamed role, named after the header.
  if (/^(fte|ftes|headcount|hc)$/.test(n)) return { ...base, field: 'resource', confidence: 0.9, role: raw };
  const res = RESOURCE_RE.exec(raw.replace(/\(.*?\)/g, '').trim());
  if (res) {
    const role = (res[1] ?? res[2] ?? '').trim();
    if (role && !/^(total|demand|required)$/i.test(role))
      return { ...base, field: 'resource', confidence: 0.95, role };
  }
  if (per) {
    const rest = normalizeHeader(per.rest);
    if (COST_WORDS.has(rest))
      return withUnit({ ...base, field: 'costPeriod', confidence: 0.95, period: per.period });
    if (BENEFIT_WORDS.has(rest))
      return withUnit({ ...base, field: 'benefitPeriod', confidence: 0.95, period: per.period });
  }
  const dated = dateColumn(base, words);
  if (dated) return dated;
  const whole = wholeLife(base, words);
  if (whole) return withUnit(whole);
  for (const [field, re, confidence] of GUESSES) {
    if (re.test(words)) return withUnit({ ...base, field, confidence });
  }
  return { ...base, field: 'extra', confidence: 0 };
}

type Base = { index: number; header: string };

/** A rating column: a header equal to an objective's name, or "Obj: X", "Alignment - X". */
function ratingColumn(base: Base, raw: string, objectives: readonly string[]): ColumnMap | null {
  const objective = objectives.find((o) => normalizeHeader(o) === normalizeHeader(raw));
  if (objective) return { ...base, field: 'rating', confidence: 1, objective };
  const pref = OBJECTIVE_PREFIX_RE.exec(raw);
  if (!pref) return null;
  const name = pref[1]!.trim();
  const known = objectives.find((o) => normalizeHeader(o) === normalizeHeader(name));
  return {
    ...base,
    field: 'rating',
    confidence: known || objectives.length === 0 ? 0.95 : 0.8,
    objective: known ?? name,
  };
}

const MONEY_WORDS_RE =
  /\b(baseline|forecast|budget|budgeted|cost|costs|spend|outturn|variance|estimate|expenditure|funding)\b/;
const DATE_RE = /\bdates?\b/;

/**
 * What a header's qualifiers say before any synonym: narrative text, a delivery-confidence rating, one
 * financial year's figure (kept as a PMO figure of that year), a variance, a date.
 */
function byMeaning(
  base: Base,
  words: string,
  unit: { multiplier?: number; currency?: string },
  per: ReturnType<typeof extractPeriod>,
): ColumnMap | null {
  if (NARRATIVE_RE.test(words))
    return { ...base, field: 'extra', confidence: 0, reason: 'narrative text: read as text, never a figure' };
  if (DELIVERY_CONFIDENCE_RE.test(words)) {
    const source = /\bipa\b/.test(words)
      ? 'IPA'
      : /\bsro\b/.test(words)
        ? 'SRO'
        : /\bmpa\b/.test(words)
          ? 'MPA'
          : 'the tracker';
    return { ...base, field: 'deliveryConfidence', confidence: 0.9, source };
  }
  const plainPeriod =
    per && (COST_WORDS.has(normalizeHeader(per.rest)) || BENEFIT_WORDS.has(normalizeHeader(per.rest)));
  if (IN_YEAR_RE.test(words) && MONEY_WORDS_RE.test(words) && !plainPeriod) {
    const measure = VARIANCE_RE.test(words)
      ? 'variance'
      : /\b(forecast|outturn|estimate|projected)\b/.test(words)
        ? 'forecast'
        : 'baseline';
    const percent = /%/.test(base.header);
    return { ...base, field: 'inYear', confidence: 0.9, measure, ...(percent ? {} : unit) };
  }
  if (VARIANCE_RE.test(words))
    return {
      ...base,
      field: 'extra',
      confidence: 0,
      reason: 'a variance the tracker computed: kept as it is',
    };
  return null;
}

/** A date column: its start or end, the latest estimate of an end before the plan; no money. */
function dateColumn(base: Base, words: string): ColumnMap | null {
  if (!DATE_RE.test(words.replace(/\bto date\b/g, ''))) return null;
  if (/\b(start|begin|commence)/.test(words)) return { ...base, field: 'start', confidence: 0.8 };
  if (/\b(end|finish|completion|complete|due|close)\b/.test(words)) {
    const latest = /\b(projected|forecast|estimated|expected|latest|actual|current|revised)\b/.test(words);
    return { ...base, field: 'end', confidence: latest ? 0.8 : 0.7 };
  }
  return { ...base, field: 'extra', confidence: 0 };
}

/** "TOTAL Baseline Whole Life Costs", "Lifetime benefits", "Forecast at completion": whole-project figures. */
function wholeLife(base: Base, words: string): ColumnMap | null {
  if (!WHOLE_LIFE_RE.test(words)) return null;
  if (/\bbenefits?\b/.test(words) && !/\breali[sz]ed\b/.test(words))
    return { ...base, field: 'benefit', confidence: 0.95 };
  if (!/\b(cost|costs|budget|investment|spend)\b/.test(words)) return null;
  if (/\b(forecast|projected|current estimate|anticipated)\b/.test(words))
    return { ...base, field: 'eac', confidence: 0.95 };
  const baseline = /\b(baseline|approved|original|budgeted)\b/.test(words);
  return { ...base, field: 'cost', confidence: 0.95, ...(baseline ? { baseline: true } : {}) };
}

/**
 * Maps every header of a table. A single-valued field goes to its most confident column (leftmost on a
 * tie); the losers are carried through. Overrides, keyed by header, always win.
 */
export function mapColumns(
  headers: readonly string[],
  objectives: readonly string[] = [],
  overrides: Readonly<Record<string, MappingOverride>> = {},
  profiles?: ColumnProfiles,
): ColumnMap[] {
  const overrideByNorm = new Map(Object.entries(overrides).map(([h, o]) => [normalizeHeader(h), o]));
  const cols = headers.map((h, i) => {
    const o = overrideByNorm.get(normalizeHeader(h));
    if (!o) return matchHeader(h, i, objectives);
    const guessed = matchHeader(h, i, objectives);
    const m: ColumnMap = { index: i, header: h, field: o.field, confidence: 1 };
    if (o.field === 'rating') m.objective = o.objective ?? guessed.objective ?? h.trim();
    if (o.field === 'resource') m.role = o.role ?? guessed.role ?? h.trim();
    if (o.field === 'deliveryConfidence') m.source = guessed.source ?? 'the tracker';
    if (o.field === 'inYear') m.measure = guessed.measure ?? 'baseline';
    if (o.field === 'costPeriod' || o.field === 'benefitPeriod') {
      const p = extractPeriod(h);
      if (p) m.period = p.period;
      else return { ...m, field: 'extra' as Field, confidence: 0 };
    }
    if (MONEY_FIELDS.has(o.field) || o.field === 'inYear') Object.assign(m, headerUnit(h));
    return m;
  });
  const overridden = new Set(
    cols.filter((c) => overrideByNorm.has(normalizeHeader(c.header))).map((c) => c.index),
  );
  // Content confirms or vetoes what a header says (never an override: the user has looked).
  // Only columns a header maps are profiled: carried-through ones need no verdict.
  if (profiles)
    cols.forEach((c, i) => {
      // A name column's content vetoes nothing (an empty one is the "no project rows" error).
      if (!overridden.has(i) && c.field !== 'extra' && c.field !== 'name')
        applyContent(c, profiles(i, c.field === 'id'));
    });
  for (const field of SINGLE_FIELDS) {
    const holders = cols.filter((c) => c.field === field);
    if (holders.length < 2) continue;
    const winner = holders.reduce((best, c) => {
      const rank = (x: ColumnMap) => (overridden.has(x.index) ? 2 : 0) + x.confidence;
      return rank(c) > rank(best) ? c : best;
    });
    for (const c of holders)
      if (c !== winner)
        Object.assign(c, { field: 'extra', confidence: 0, reason: `${winner.header} holds the ${field}` });
  }
  // Agency, ministry or department is the business unit of a portfolio that names no business unit.
  const dept = cols.find((c) => c.field === 'department');
  if (dept && !cols.some((c) => c.field === 'businessUnit') && !overridden.has(dept.index))
    dept.field = 'businessUnit';
  return cols;
}

/** How project-like a table is: the sum of confidences of its mapped columns, 0 when no name column maps. */
export function projectTableScore(headers: readonly string[], objectives: readonly string[] = []): number {
  const cols = mapColumns(headers, objectives);
  if (!cols.some((c) => c.field === 'name')) return 0;
  return cols.reduce((s, c) => s + (c.field === 'extra' ? 0 : c.confidence), 0);
}

// Column mapping (SPEC §3.1): matches a tracker's headers, as the PMO wrote them, to the fields the
// engine understands, with a confidence per column. Headers compare case-, space- and punctuation-free.
import type { ColumnMap, Field, MappingOverride } from './fields';
import { GUESSES, SYNONYMS } from './headerWords';
import { extractPeriod } from './periods';

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

/** Lower-case words of a header, with units in brackets removed. */
function spaced(h: string): string {
  return h
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/[^a-z0-9%]+/g, ' ')
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

/** Reads "($k)", "(000s)", "($M)", "in millions", "(€)" from a header. */
function headerUnit(h: string): { multiplier?: number; currency?: string } {
  const l = h.toLowerCase();
  const out: { multiplier?: number; currency?: string } = {};
  const cur = /[$€£¥₹]|\b(usd|eur|gbp|chf|jpy)\b/.exec(l);
  if (cur) out.currency = { usd: '$', eur: '€', gbp: '£', chf: 'CHF', jpy: '¥' }[cur[1] ?? ''] ?? cur[0];
  if (/\(\s*[$€£]?\s*(k|000s?|'000|thousands?)\s*\)|\bin thousands\b|\b[$€£]k\b/.test(l))
    out.multiplier = 1e3;
  else if (/\(\s*[$€£]?\s*(m|mm|mn|millions?)\s*\)|\bin millions\b|\b[$€£]m\b/.test(l)) out.multiplier = 1e6;
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
  const objective = objectives.find((o) => normalizeHeader(o) === normalizeHeader(raw));
  if (objective) return { ...base, field: 'rating', confidence: 1, objective };
  const pref = OBJECTIVE_PREFIX_RE.exec(raw);
  if (pref) {
    const name = pref[1]!.trim();
    const known = objectives.find((o) => normalizeHeader(o) === normalizeHeader(name));
    return {
      ...base,
      field: 'rating',
      confidence: known || objectives.length === 0 ? 0.95 : 0.8,
      objective: known ?? name,
    };
  }
  if (raw === '#' || raw === 'No.' || raw === '№') return { ...base, field: 'id', confidence: 1 };
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
  const per = extractPeriod(raw.replace(/\(.*?\)/g, ''));
  if (per) {
    const rest = normalizeHeader(per.rest);
    if (COST_WORDS.has(rest))
      return withUnit({ ...base, field: 'costPeriod', confidence: 0.95, period: per.period });
    if (BENEFIT_WORDS.has(rest))
      return withUnit({ ...base, field: 'benefitPeriod', confidence: 0.95, period: per.period });
  }
  const words = spaced(raw);
  for (const [field, re, confidence] of GUESSES) {
    if (re.test(words)) return withUnit({ ...base, field, confidence });
  }
  return { ...base, field: 'extra', confidence: 0 };
}

/**
 * Maps every header of a table. A single-valued field goes to its most confident column (leftmost on a
 * tie); the losers are carried through. Overrides, keyed by header, always win.
 */
export function mapColumns(
  headers: readonly string[],
  objectives: readonly string[] = [],
  overrides: Readonly<Record<string, MappingOverride>> = {},
): ColumnMap[] {
  const overrideByNorm = new Map(Object.entries(overrides).map(([h, o]) => [normalizeHeader(h), o]));
  const cols = headers.map((h, i) => {
    const o = overrideByNorm.get(normalizeHeader(h));
    if (!o) return matchHeader(h, i, objectives);
    const guessed = matchHeader(h, i, objectives);
    const m: ColumnMap = { index: i, header: h, field: o.field, confidence: 1 };
    if (o.field === 'rating') m.objective = o.objective ?? guessed.objective ?? h.trim();
    if (o.field === 'resource') m.role = o.role ?? guessed.role ?? h.trim();
    if (o.field === 'costPeriod' || o.field === 'benefitPeriod') {
      const p = extractPeriod(h);
      if (p) m.period = p.period;
      else return { ...m, field: 'extra' as Field, confidence: 0 };
    }
    if (MONEY_FIELDS.has(o.field)) Object.assign(m, headerUnit(h));
    return m;
  });
  const overridden = new Set(
    cols.filter((c) => overrideByNorm.has(normalizeHeader(c.header))).map((c) => c.index),
  );
  for (const field of SINGLE_FIELDS) {
    const holders = cols.filter((c) => c.field === field);
    if (holders.length < 2) continue;
    const winner = holders.reduce((best, c) => {
      const rank = (x: ColumnMap) => (overridden.has(x.index) ? 2 : 0) + x.confidence;
      return rank(c) > rank(best) ? c : best;
    });
    for (const c of holders) if (c !== winner) Object.assign(c, { field: 'extra', confidence: 0 });
  }
  // A period column and a total for the same quantity: the periods carry more, the total is kept as a check.
  return cols;
}

/** How project-like a table is: the sum of confidences of its mapped columns, 0 when no name column maps. */
export function projectTableScore(headers: readonly string[], objectives: readonly string[] = []): number {
  const cols = mapColumns(headers, objectives);
  if (!cols.some((c) => c.field === 'name')) return 0;
  return cols.reduce((s, c) => s + (c.field === 'extra' ? 0 : c.confidence), 0);
}

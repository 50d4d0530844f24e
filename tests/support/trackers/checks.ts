// The checks every published portfolio must pass, generated or real: the analyst's mapping, no unknown
// cost among the candidates, no stop or re-scope resting on a figure the data does not give, a few data
// issues per column and problem. Each returns the problems it finds in words, so a failure says what.
import type { Analysis } from '../../../src/engine/score';
import type { Recommendation } from '../../../src/engine/decide';
import { EXPECTED, type TrackerKind } from './expected';

/** Columns not mapped as the analyst would: "Financial Year Baseline (£m): cost, expected inYear". */
export function mappingProblems(a: Analysis, kind: TrackerKind): string[] {
  const out: string[] = [];
  for (const e of EXPECTED[kind]) {
    const c = a.columns.find((x) => e.header.test(x.header));
    if (!c) {
      if (!e.optional) out.push(`no column matches ${e.header}`);
      continue;
    }
    const got = `${c.field}${c.source ? `/${c.source}` : ''}${c.measure ? `/${c.measure}` : ''}`;
    const want = `${e.field}${e.source ? `/${e.source}` : ''}${e.measure ? `/${e.measure}` : ''}`;
    if (got !== want) out.push(`${c.header}: ${got}, expected ${want}${c.reason ? ` (${c.reason})` : ''}`);
    if (e.multiplier !== undefined && c.multiplier !== e.multiplier)
      out.push(`${c.header}: unit ×${c.multiplier ?? 1}, expected ×${e.multiplier}`);
  }
  return out;
}

const costUnknown = (a: Analysis, id: string): boolean =>
  a.projects.find((p) => p.project.id === id)?.project.unknown.some((u) => u.figure === 'cost') ?? false;

/**
 * Recommendations that rest on what the data does not give: an unknown-cost project selected, ranked
 * among the candidates, given anything but Needs data, or cited as another's alternative; a stop or
 * re-scope whose project's benefit is unknown but whose reason is a return.
 */
export function rationaleProblems(a: Analysis, recs: readonly Recommendation[]): string[] {
  const out: string[] = [];
  const candidates = a.projects.filter((p) => p.eligible).length;
  const unknownIds = new Set(a.projects.filter((p) => costUnknown(a, p.project.id)).map((p) => p.project.id));
  for (const p of a.projects) {
    if (!unknownIds.has(p.project.id)) continue;
    if (p.eligible) out.push(`${p.project.id}: cost unknown but a candidate`);
    if (p.rank <= candidates)
      out.push(`${p.project.id}: cost unknown but ranked ${p.rank} of ${candidates} candidates`);
  }
  const RETURN_REASONS = new Set(['negativeReturn', 'noReturn', 'weakAndUnprofitable']);
  for (const r of recs) {
    const p = a.projects.find((x) => x.project.id === r.id)!;
    if (unknownIds.has(r.id)) {
      if (r.type !== 'needsData') out.push(`${r.id}: cost unknown but recommended ${r.type}`);
      if (r.selected) out.push(`${r.id}: cost unknown but selected`);
      for (const u of p.project.unknown.filter((x) => x.figure === 'cost'))
        if (!r.rationale.includes(u.cell)) out.push(`${r.id}: needs data but does not name ${u.cell}`);
      continue;
    }
    for (const other of [r.dominatedBy, r.partner])
      if (other && unknownIds.has(other)) out.push(`${r.id}: cites ${other}, whose cost is unknown`);
    for (const id of unknownIds)
      if (r.type !== 'needsData' && new RegExp(`\\b${escape(id)}\\b`).test(r.rationale))
        out.push(`${r.id}: rationale names ${id}, whose cost is unknown`);
    if ((r.type === 'stop' || r.type === 'rescope') && !p.financials.benefitKnown) {
      const byReturn = r.reasons.filter((x) => RETURN_REASONS.has(x));
      if (byReturn.length)
        out.push(`${r.id}: ${r.type} for ${byReturn.join(', ')} but its benefit is unknown`);
      if (/NPV|benefit of|remaining benefit/.test(r.rationale))
        out.push(`${r.id}: ${r.type} cites a return although its benefit is unknown: ${r.rationale}`);
    }
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** (column, problem) pairs with more than `most` issues: grouping should have folded them. */
export function issueProblems(a: Analysis, most = 2): string[] {
  const n = new Map<string, number>();
  for (const i of a.issues) {
    if (!i.kind) continue;
    const key = `${i.column ?? ''} / ${i.kind}`;
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  return [...n].filter(([, k]) => k > most).map(([key, k]) => `${k} issues for ${key}`);
}

// Overlap between projects for the merge recommendation (SPEC §4.7): near-identical objective profiles
// (cosine ≥ 0.95) backed by shared name terms and the same sponsor or business unit (see MergeRule).
import type { Objective, Project } from '../model';

/** SPEC §4.7: profiles this close (cosine) count as near-identical. */
export const MERGE_COSINE = 0.95;

/**
 * What must back a near-identical profile. `any` reads SPEC §4.7 as "shared name terms, or the same
 * sponsor, or the same business unit"; on 0–5 ratings over a handful of objectives most projects of one
 * unit clear cosine 0.95, so on the sample it finds 47 pairs over 33 of the 46 candidates and recommends
 * 26 merges ("Trade Finance Blockchain Pilot" with "CRM Extension": cosine 1.000, same unit). `nameAndOwner` (the default) asks for a shared name
 * term — the scope overlaps — and the same sponsor or business unit — one owner can merge them.
 */
export type MergeRule = 'nameAndOwner' | 'any';

/**
 * Words that say nothing about scope: articles, prepositions and the delivery vocabulary every
 * tracker repeats ("Phase 2", "Wave 3", "Programme"), so "Phase" alone never makes two projects overlap.
 */
const NOISE = new Set([
  'and',
  'the',
  'for',
  'from',
  'with',
  'into',
  'via',
  'new',
  'phase',
  'wave',
  'stage',
  'step',
  'release',
  'program',
  'programme',
  'project',
  'initiative',
  'pilot',
  // Generic delivery nouns: "Platform" or "Management" in two names says nothing about shared scope.
  'platform',
  'system',
  'systems',
  'solution',
  'solutions',
  'upgrade',
  'replacement',
  'modernisation',
  'modernization',
  'management',
  'transformation',
  'implementation',
  'enhancement',
  'refresh',
  'rollout',
  'redesign',
]);

/** Lower-case name words of three letters or more, minus noise words ("CRM" counts; "of", "2" do not). */
export function nameTerms(name: string): Set<string> {
  const out = new Set<string>();
  for (const w of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length >= 3 && !NOISE.has(w) && !/^\d+$/.test(w)) out.add(w);
  }
  return out;
}

/** Cosine of two projects' rating vectors over the objectives; 0 when either rates nothing. */
export function profileCosine(a: Project, b: Project, objectives: readonly Objective[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const o of objectives) {
    const x = a.ratings[o.name] ?? 0;
    const y = b.ratings[o.name] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? Math.min(1, dot / Math.sqrt(na * nb)) : 0;
}

/** Why two projects overlap: the profile cosine and the evidence beside it. */
export interface Overlap {
  partner: string;
  cosine: number;
  sharedTerms: string[];
  sameSponsor: boolean;
  sameBusinessUnit: boolean;
}

function sameGroup(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The overlap of `a` with `b`, or null when the rule does not hold. */
export function overlapOf(
  a: Project,
  b: Project,
  objectives: readonly Objective[],
  rule: MergeRule = 'nameAndOwner',
): Overlap | null {
  const cosine = profileCosine(a, b, objectives);
  if (cosine < MERGE_COSINE) return null;
  const tb = nameTerms(b.name);
  const sharedTerms = [...nameTerms(a.name)].filter((t) => tb.has(t)).sort();
  const sameSponsor = sameGroup(a.groups.sponsor, b.groups.sponsor);
  const sameBusinessUnit = sameGroup(a.groups.businessUnit, b.groups.businessUnit);
  const owner = sameSponsor || sameBusinessUnit;
  const backed = rule === 'any' ? sharedTerms.length > 0 || owner : sharedTerms.length > 0 && owner;
  return backed ? { partner: b.id, cosine, sharedTerms, sameSponsor, sameBusinessUnit } : null;
}

/** Strength of the evidence, strongest first: name terms say the scope overlaps; a sponsor or unit only that it could. */
function strength(o: Overlap): number[] {
  return [o.sharedTerms.length, (o.sameSponsor ? 1 : 0) + (o.sameBusinessUnit ? 1 : 0), o.cosine];
}

/** True when overlap `x` is stronger evidence than `y` (ties: the smaller partner id). */
export function strongerOverlap(x: Overlap, y: Overlap): boolean {
  const sx = strength(x);
  const sy = strength(y);
  for (let k = 0; k < sx.length; k++) if (sx[k] !== sy[k]) return sx[k]! > sy[k]!;
  return x.partner < y.partner;
}

/**
 * Each project's strongest overlap among `projects`, for the pairs `allowed` accepts (the caller rules
 * out alternatives, dependants and stopped projects). Symmetric rule, so when a names b, b has a partner too.
 */
export function bestOverlaps(
  projects: readonly Project[],
  objectives: readonly Objective[],
  allowed: (a: Project, b: Project) => boolean,
  rule: MergeRule = 'nameAndOwner',
): Map<string, Overlap> {
  const best = new Map<string, Overlap>();
  const consider = (a: Project, o: Overlap) => {
    const cur = best.get(a.id);
    if (!cur || strongerOverlap(o, cur)) best.set(a.id, o);
  };
  // Every pair is a candidate, so the pair loop must be cheap: unit rating vectors are computed once and
  // a pair goes on to the exact test only when their dot product (the cosine) can reach the threshold.
  // Unit vectors with cosine ≥ t lie within √(2 − 2t) of each other, so within that distance in every
  // coordinate too: projects sorted on the coordinate of widest spread are compared only with their
  // neighbours on it. The strongest overlap is a total order, so the pair order does not matter.
  const m = objectives.length;
  const n = projects.length;
  const flat = new Float64Array(n * m);
  projects.forEach((p, i) => flat.set(unitProfile(p, objectives), i * m));
  const threshold = MERGE_COSINE - 1e-9;
  let axis = 0;
  let widest = -1;
  for (let k = 0; k < m; k++) {
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const v = flat[i * m + k]!;
      sum += v;
      sq += v * v;
    }
    const spread = sq - (sum * sum) / Math.max(1, n);
    if (spread > widest) [axis, widest] = [k, spread];
  }
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = m ? flat[i * m + axis]! : 0;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => key[x]! - key[y]! || x - y);
  const reach = Math.sqrt(Math.max(0, 2 - 2 * threshold)) + 1e-9;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const oi = i * m;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      if (key[j]! - key[i]! > reach) break;
      const oj = j * m;
      let dot = 0;
      for (let k = 0; k < m; k++) dot += flat[oi + k]! * flat[oj + k]!;
      if (dot < threshold) continue;
      const a = projects[Math.min(i, j)]!;
      const b = projects[Math.max(i, j)]!;
      if (!allowed(a, b)) continue;
      const ab = overlapOf(a, b, objectives, rule);
      if (!ab) continue;
      consider(a, ab);
      consider(b, { ...ab, partner: a.id });
    }
  }
  return best;
}

/** A project's ratings over the objectives scaled to length 1 (all zeros when it rates nothing). */
export function unitProfile(p: Project, objectives: readonly Objective[]): Float64Array {
  const v = new Float64Array(objectives.length);
  let norm = 0;
  objectives.forEach((o, k) => {
    v[k] = p.ratings[o.name] ?? 0;
    norm += v[k]! * v[k]!;
  });
  if (norm > 0) {
    const s = 1 / Math.sqrt(norm);
    for (let k = 0; k < v.length; k++) v[k]! *= s;
  }
  return v;
}

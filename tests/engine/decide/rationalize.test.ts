// Rationalization recommendations (SPEC §4.7) on hand-built portfolios where the right answer is plain,
// one describe per recommendation type, plus fast-check properties over random portfolios and selections.
// Figures worked by hand use the conventions of rationalizeSupport.ts: weights 0.75 / 0.25 on a 0–5
// scale, cost in period 1, benefit in period 2, 8% discount rate, so risk-adjusted NPV =
// p·B/1.08² − C/1.08 and the value score V = 0.5·alignment + 50·F (F = percentile of risk-adjusted NPV).
import path from 'node:path';
import fc from 'fast-check';
import { analyzeWorkbook, type Analysis } from '../../../src/engine/score';
import { useNodeHighs } from '../../../src/cli/highs';
import { selectPortfolio } from '../../../src/engine/select';
import { rationalize, type Rationalization } from '../../../src/engine/decide/rationalize';
import { XlsxWorkbookReader } from '../../../src/workbook/xlsx/read';
import { selectionSetup } from '../../../src/engine/decide/selectionSetup';
import {
  recommend,
  RECOMMENDATION_ORDER,
  type Recommendation,
  type StretchPoint,
} from '../../../src/engine/decide/recommend';
import { firstQuartile, RULES } from '../../../src/engine/decide/facts';
import { WORDS } from '../../../src/engine/decide/rationale';
import { type MergeRule, nameTerms, overlapOf, profileCosine } from '../../../src/engine/decide/overlap';
import { portfolioFigures } from '../../../src/engine/decide/portfolioFigures';
import { portfolio, type Row } from './support';
import { isFeasible } from '../../support/bruteForce';

/** Optimal portfolios at the stretch levels: `late` enters at +`at` (e.g. 1.2) and above. */
function stretchWith(base: readonly string[], late: readonly string[] = [], at = Infinity): StretchPoint[] {
  return RULES.stretchFactors.map((factor) => ({
    factor,
    selected: factor >= at - 1e-12 ? [...base, ...late] : [...base],
  }));
}

/** Every hand-given selection, checked against the real optimizer at the end of this file. */
const handGiven: { analysis: Analysis; selected: readonly string[]; stretch: StretchPoint[] }[] = [];

function recs(
  a: Analysis,
  selected: readonly string[],
  stretch: StretchPoint[] = stretchWith(selected),
  mergeRule?: MergeRule,
): Map<string, Recommendation> {
  handGiven.push({ analysis: a, selected, stretch });
  const setup = selectionSetup(a);
  const out = recommend({ analysis: a, setup, selected, stretch, ...(mergeRule ? { mergeRule } : {}) });
  return new Map(out.map((r) => [r.id, r]));
}

const get = (m: Map<string, Recommendation>, id: string): Recommendation => {
  const r = m.get(id);
  if (!r) throw new Error(`no recommendation for ${id}`);
  return r;
};
const types = (m: Map<string, Recommendation>) => Object.fromEntries([...m].map(([id, r]) => [id, r.type]));

describe('continue and accelerate', () => {
  // A: G5 E5 → alignment 100, RA-NPV 400/1.08² − 100/1.08 = 250.34, F = 1 → V = 100.
  // B: G3 E3 → alignment 60,  RA-NPV 250/1.08² − 100/1.08 = 121.74, F = 0 → V = 30.
  const rows: Row[] = [
    { id: 'A', cost: 100, benefit: 400, g: 5, e: 5 },
    { id: 'B', cost: 100, benefit: 250, g: 3, e: 3 },
  ];

  test('both selected and the budget fully spent: both continue (no slack to accelerate into)', () => {
    const m = recs(portfolio(rows, 200), ['A', 'B']);
    expect(types(m)).toEqual({ A: 'continue', B: 'continue' });
    expect(get(m, 'B')).toEqual({
      id: 'B',
      name: 'Project B',
      type: 'continue',
      reasons: ['selected'],
      rationale:
        'Selected; value 30.0 (rank 2 of 2); alignment 60/100; risk-adjusted NPV $122. Continue: $100 of remaining cost.',
      selected: true,
      remainingCost: 100,
      budgetFreed: 0,
      valueAtStake: expect.closeTo(250 / 1.08 ** 2, 9),
    });
  });

  test('with half the budget unused, the top-decile project accelerates; the other continues', () => {
    const m = recs(portfolio(rows, 400), ['A', 'B']);
    expect(types(m)).toEqual({ A: 'accelerate', B: 'continue' });
    expect(get(m, 'A').rationale).toBe(
      'Top-decile value 100.0 (rank 1 of 2); selected; the budget has $200 unused. ' +
        'Use the slack to bring its $343 of risk-adjusted benefit forward.',
    );
    expect(get(m, 'A').reasons).toEqual(['topDecileWithSlack']);
  });

  test('slack in a capacity the project uses is enough, slack in one it does not use is not', () => {
    const withFte = (fteA: number): Row[] => [
      { ...rows[0]!, fte: fteA },
      { ...rows[1]!, fte: 2 },
    ];
    // Budget spent in full; capacity 10, used 2 + 2 = 4 → 6 FTE free (60% ≥ 5%).
    const used = recs(portfolio(withFte(2), 200, { capacity: 10 }), ['A', 'B']);
    expect(get(used, 'A').type).toBe('accelerate');
    expect(get(used, 'A').rationale).toContain('Engineering has 6.0 FTE free');
    // A asks for no engineers: the free engineers cannot speed it up.
    const unused = recs(portfolio(withFte(0), 200, { capacity: 10 }), ['A', 'B']);
    expect(get(unused, 'A').type).toBe('continue');
  });
});

describe('re-scope', () => {
  // Four projects, each selected (budget 400 = all costs). A is sound; each other one has one flaw.
  const rows: Row[] = [
    { id: 'A', cost: 100, benefit: 400, g: 4, e: 4 },
    // Active: baseline 100, EAC 150 → CPI 0.67; remaining cost EAC − actual = 100.
    { id: 'O', status: 'Active', cost: 150, actual: 50, eac: 150, baseline: 100, benefit: 400, g: 4, e: 4 },
    // RA-NPV 50/1.08² − 100/1.08 = −49.73.
    { id: 'N', cost: 100, benefit: 50, g: 4, e: 4 },
    // Rated on Growth only: all of its alignment and all of its ratings from one objective.
    { id: 'S', cost: 100, benefit: 400, g: 5, e: 0 },
  ];
  const a = portfolio(rows, 400);
  const m = recs(a, ['A', 'O', 'N', 'S']);

  test('one flaw each: overrun, negative risk-adjusted NPV, single objective; the sound one continues', () => {
    expect(types(m)).toEqual({ A: 'continue', O: 'rescope', N: 'rescope', S: 'rescope' });
    expect(get(m, 'O').reasons).toEqual(['overrun']);
    expect(get(m, 'N').reasons).toEqual(['negativeReturn']);
    expect(get(m, 'S').reasons).toEqual(['singleObjective']);
  });

  test('the overrun rationale cites the CPI and that sunk cost does not count', () => {
    expect(get(m, 'O').rationale).toBe(
      'Selected; CPI 0.67: the forecast at completion overruns the baseline. ' +
        'Judged on remaining figures: the $50 already spent is sunk and does not count. ' +
        'Re-scope it to bring the forecast back within the baseline.',
    );
    expect(get(m, 'N').rationale).toBe(
      'Selected; risk-adjusted NPV −$49.73. Re-scope it to the part that pays back before funding the rest.',
    );
  });

  test('a balanced project under skewed weights is not "carried by one objective"', () => {
    // A is rated 4 and 4: 75% of its alignment comes from Growth (the weight), but half its ratings.
    expect(get(m, 'A').reasons).toEqual(['selected']);
  });

  test('borderline (enters at +20%) with a negative return: re-scope rather than defer', () => {
    // Budget 340 holds three of the four (cost 100 each): A, O, S, the most valuable; all four need
    // 400, which +15% (391) does not reach and +20% (408) does.
    const b = portfolio(rows, 340);
    const r = recs(b, ['A', 'O', 'S'], stretchWith(['A', 'O', 'S'], ['N'], 1.2));
    expect(get(r, 'N').type).toBe('rescope');
    expect(get(r, 'N').reasons).toEqual(['borderline', 'negativeReturn']);
    expect(get(r, 'N').rationale).toMatch(
      /^Borderline: enters the optimal portfolio with 20% more budget \(\$408\); risk-adjusted NPV −\$49\.73\./,
    );
  });

  test('CPI at exactly 0.8 is not an overrun (SPEC: below 0.8)', () => {
    const b = portfolio([{ ...rows[1]!, baseline: 120 }, rows[0]!], 200); // 120 / 150 = 0.8
    expect(get(recs(b, ['O', 'A']), 'O').type).not.toBe('rescope');
  });
});

describe('merge', () => {
  const rows: Row[] = [
    { id: 'M1', name: 'Customer Portal Redesign', bu: 'Retail', cost: 100, benefit: 300, g: 4, e: 3 },
    { id: 'M2', name: 'Customer Self-Service Portal', bu: 'Retail', cost: 100, benefit: 300, g: 4, e: 3 },
    // Same unit and profile as M1/M2 but no common name term: a sibling, not an overlap.
    { id: 'X', name: 'Branch Kiosk Rollout', bu: 'Retail', cost: 100, benefit: 300, g: 4, e: 3 },
    // Same name terms and profile, another unit and no sponsor in common: nobody can merge them.
    { id: 'Y', name: 'Customer Portal Analytics', bu: 'Wholesale', cost: 100, benefit: 300, g: 4, e: 3 },
    // Alternatives of one exclusive group: choose one, never merge.
    { id: 'Z1', name: 'Payments Hub Build', bu: 'Ops', group: 'Hub', cost: 100, benefit: 300, g: 2, e: 5 },
    { id: 'Z2', name: 'Payments Hub Buy', bu: 'Ops', group: 'Hub', cost: 100, benefit: 290, g: 2, e: 5 },
    // K2 builds on K1: a sequence, not a duplicate.
    { id: 'K1', name: 'Data Lake Build', sponsor: 'Ann', cost: 100, benefit: 300, g: 1, e: 5 },
    {
      id: 'K2',
      name: 'Data Lake Analytics',
      sponsor: 'Ann',
      dependsOn: 'K1',
      cost: 100,
      benefit: 300,
      g: 1,
      e: 5,
    },
  ];
  const a = portfolio(rows, 700);
  const selected = ['M1', 'M2', 'X', 'Y', 'Z1', 'K1', 'K2'];

  test('the two customer portals merge, each naming the other; the look-alikes without both kinds of evidence do not', () => {
    const m = recs(a, selected);
    expect(types(m)).toEqual({
      M1: 'merge',
      M2: 'merge',
      X: 'continue',
      Y: 'continue',
      Z1: 'continue',
      Z2: 'stop',
      K1: 'continue',
      K2: 'continue',
    });
    expect(get(m, 'M1').partner).toBe('M2');
    expect(get(m, 'M2').partner).toBe('M1');
    expect(get(m, 'M1').rationale).toBe(
      'Overlaps M2 Customer Self-Service Portal: objective profiles 1.000 alike (cosine); shared name terms “customer”, “portal”; same business unit (Retail). ' +
        'Merge the scopes into one project: the two ask $200 of remaining cost (this one $100).',
    );
    expect(get(m, 'M1').budgetFreed).toBe(0);
  });

  test('SPEC\'s "any evidence" reading also pairs the kiosk with a portal (same unit) — the noise the default avoids', () => {
    const m = recs(a, selected, undefined, 'any');
    expect(get(m, 'X').type).toBe('merge');
    expect(['M1', 'M2']).toContain(get(m, 'X').partner);
    expect(get(m, 'Y').type).toBe('merge'); // shared terms alone
    expect(get(m, 'M1').partner).toBe('M2'); // name terms are the stronger evidence
    // Alternatives and dependants are never partners, under any rule ("Build" pairs Z1 with K1 here).
    expect(get(m, 'Z1').partner).toBe('K1');
    expect(get(m, 'Z2').type).toBe('stop');
    expect(get(m, 'K2').partner).not.toBe('K1');
  });

  test('below cosine 0.95 there is no overlap, whatever the names', () => {
    const b = portfolio(
      [
        { id: 'M1', name: 'Customer Portal Redesign', bu: 'Retail', cost: 100, benefit: 300, g: 5, e: 0 },
        { id: 'M2', name: 'Customer Self-Service Portal', bu: 'Retail', cost: 100, benefit: 300, g: 3, e: 3 },
      ],
      200,
    );
    // cos((1, 0), (0.6, 0.6)) = 0.707.
    expect(profileCosine(byProject(b, 'M1'), byProject(b, 'M2'), b.objectives)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(types(recs(b, ['M1', 'M2']))).toEqual({ M1: 'rescope', M2: 'continue' });
  });

  test('name terms drop noise words and numbers', () => {
    expect([...nameTerms('Cloud Migration Wave 2 — Phase 3 of the Platform')]).toEqual([
      'cloud',
      'migration',
    ]);
    expect([...nameTerms('CRM Replacement (Buy: SaaS)')]).toEqual(['crm', 'buy', 'saas']);
  });

  test('overlapOf states the evidence', () => {
    expect(overlapOf(byProject(a, 'M1'), byProject(a, 'M2'), a.objectives)).toEqual({
      partner: 'M2',
      cosine: 1,
      sharedTerms: ['customer', 'portal'],
      sameSponsor: false,
      sameBusinessUnit: true,
    });
  });
});

function byProject(a: Analysis, id: string) {
  const r = a.projects.find((p) => p.project.id === id);
  if (!r) throw new Error(`no ${id}`);
  return r.project;
}

describe('defer', () => {
  test('not selected at the budget, selected at +20%: defer — even though a cheaper project dominates it', () => {
    // V: A 100, D 62.5, B 40 (B: alignment 80, F = 0). Budget 300 takes A + D (cost 250);
    // B (cost 100) needs 350, which the +20% budget of 360 holds. A dominates B (more value, same cost).
    const a = portfolio(
      [
        { id: 'A', cost: 100, benefit: 400, g: 5, e: 5 },
        { id: 'B', cost: 100, benefit: 350, g: 4, e: 4 },
        { id: 'D', cost: 150, benefit: 420, g: 4, e: 3 },
      ],
      300,
    );
    const m = recs(a, ['A', 'D'], stretchWith(['A', 'D'], ['B'], 1.2));
    expect(get(m, 'B')).toMatchObject({
      type: 'defer',
      reasons: ['borderline'],
      budgetFreed: 0,
      selected: false,
    });
    expect(get(m, 'B').rationale).toBe(
      'Not in the optimal portfolio at a $300 budget; borderline: enters the optimal portfolio with 20% more budget ($360). ' +
        'Defer it and its $100 of remaining cost to the next review.',
    );
  });

  test('fits the unused budget but not the free capacity: defer, citing the FTE', () => {
    const a = portfolio(
      [
        { id: 'A', cost: 100, benefit: 400, g: 5, e: 5, fte: 4 },
        { id: 'B', cost: 100, benefit: 350, g: 4, e: 4, fte: 4 },
        { id: 'C', cost: 50, benefit: 150, g: 3, e: 3, fte: 3 },
      ],
      300,
      { capacity: 10 },
    );
    const m = recs(a, ['A', 'B']);
    expect(get(m, 'C')).toMatchObject({ type: 'defer', reasons: ['capacity'] });
    expect(get(m, 'C').rationale).toBe(
      'Not in the optimal portfolio at a $300 budget; it needs 3.0 Engineering FTE and only 2.0 are free. ' +
        'Defer it and its $50 of remaining cost to the next review.',
    );
  });

  test('kept out only by the maximum number of projects: defer', () => {
    const a = portfolio(
      [
        { id: 'A', cost: 100, benefit: 400, g: 5, e: 5 },
        { id: 'B', cost: 100, benefit: 350, g: 4, e: 4 },
      ],
      300,
      { settings: { maxProjects: 1 } },
    );
    const m = recs(a, ['A']);
    expect(get(m, 'B')).toMatchObject({ type: 'defer', reasons: ['projectCount'] });
    expect(get(m, 'B').rationale).toContain('the portfolio already holds the maximum of 1 projects');
  });

  test('needs a project that is not in the portfolio: defer, naming it', () => {
    // C (V 75, cost 50) needs B (V 20, cost 150); A + B + C = 300 > 200, A + C needs B. Optimum: A.
    const a = portfolio(
      [
        { id: 'A', cost: 100, benefit: 400, g: 5, e: 5 },
        { id: 'B', cost: 150, benefit: 300, g: 2, e: 2 },
        { id: 'C', cost: 50, benefit: 200, g: 5, e: 5, dependsOn: 'B' },
      ],
      200,
    );
    const m = recs(a, ['A']);
    expect(get(m, 'C')).toMatchObject({ type: 'defer', reasons: ['dependency'] });
    expect(get(m, 'C').rationale).toContain('it needs B Project B, which is not in the portfolio');
    expect(get(m, 'B')).toMatchObject({ type: 'stop', reasons: ['dominated'], dominatedBy: 'A' });
  });

  test('sound but too large for the budget even at +20%, and nothing cheaper is worth more: defer', () => {
    // Value = alignment (alignment weight 1). Z: alignment 100, cost 500 > 1.2 × 100.
    const a = portfolio(
      [
        { id: 'A', cost: 100, benefit: 400, g: 3, e: 3 },
        { id: 'Z', cost: 500, benefit: 2000, g: 5, e: 5 },
      ],
      100,
      { settings: { alignmentWeight: 1 } },
    );
    const m = recs(a, ['A']);
    expect(get(m, 'Z')).toMatchObject({ type: 'defer', reasons: ['doesNotFit'] });
    expect(get(m, 'Z').rationale).toMatch(
      /^Not in the optimal portfolio at a \$100 budget, even with 20% more budget; no cheaper project brings more value;/,
    );
  });
});

describe('stop', () => {
  // F 100 (forced out, so never selected), A 83.3, E 46.7, W 7.5. Budget 100 holds A only.
  const a = portfolio(
    [
      { id: 'A', cost: 100, benefit: 400, g: 5, e: 5 },
      { id: 'E', cost: 200, benefit: 300, g: 3, e: 3 },
      { id: 'W', cost: 100, benefit: 80, g: 1, e: 0 },
      { id: 'F', cost: 50, benefit: 400, g: 5, e: 5, forceOut: true },
    ],
    100,
  );
  const m = recs(a, ['A']);

  test('dominated, bottom-quartile and unprofitable, and forced out: all stop; budget freed is their remaining cost', () => {
    expect(types(m)).toEqual({ A: 'continue', E: 'stop', W: 'stop', F: 'stop' });
    expect(get(m, 'E')).toMatchObject({
      reasons: ['dominated'],
      dominatedBy: 'A',
      budgetFreed: 200,
      remainingCost: 200,
    });
    expect(get(m, 'W')).toMatchObject({ reasons: ['weakAndUnprofitable', 'dominated'], budgetFreed: 100 });
    expect(get(m, 'F')).toMatchObject({ reasons: ['forcedOut'], budgetFreed: 50 });
  });

  test('the dominance rationale names the better project and both figures', () => {
    expect(get(m, 'E').rationale).toBe(
      'A Project A brings more value (83.3 vs 46.7) for less remaining cost ($100 vs $200); risk-adjusted NPV $72.02; ' +
        'not in the optimal portfolio at a $100 budget. Stopping frees $200 of remaining cost.',
    );
  });

  test('bottom quartile is Excel QUARTILE.INC of the candidates’ alignment', () => {
    // Alignments 100, 100, 60, 15 → sorted 15, 60, 100, 100; position 0.75 → 15 + 0.75 × 45 = 48.75.
    expect(firstQuartile(a.projects.map((p) => p.alignment))).toBeCloseTo(48.75, 12);
    expect(get(m, 'W').rationale).toMatch(
      /^Alignment 15\/100 \(bottom quartile, at or below 48\.8\); risk-adjusted NPV −\$24\.01;/,
    );
  });

  test('an alternative not chosen, too large to come in, stops', () => {
    const b = portfolio(
      [
        { id: 'Z1', group: 'Hub', cost: 100, benefit: 300, g: 3, e: 3 },
        { id: 'Z2', group: 'Hub', cost: 200, benefit: 800, g: 5, e: 5 },
      ],
      150,
    );
    const r = recs(b, ['Z1']);
    expect(get(r, 'Z2')).toMatchObject({ type: 'stop', reasons: ['alternativeChosen'], budgetFreed: 200 });
    expect(get(r, 'Z2').rationale).toMatch(
      /^Its alternative Z1 Project Z1 is in the portfolio; risk-adjusted NPV \$501;/,
    );
  });

  test('undominated and well aligned but losing money, too large even at +20%: stop', () => {
    const b = portfolio(
      [
        { id: 'A', cost: 100, benefit: 400, g: 3, e: 3 },
        { id: 'Z', cost: 500, benefit: 200, g: 5, e: 5 },
      ],
      100,
      { settings: { alignmentWeight: 1 } },
    );
    expect(get(recs(b, ['A']), 'Z')).toMatchObject({ type: 'stop', reasons: ['noReturn'], budgetFreed: 500 });
  });
});

describe('the sunk-cost trap (SPEC §4.4, §4.7)', () => {
  // T: Active, 5,000 spent of 5,400 → remaining cost 400 against a remaining benefit of 3,000 (p 0.9).
  //    On lifetime figures (5,400 for 3,000) it looks like a loss; on remaining ones RA-NPV =
  //    0.9·3000/1.08² − 400/1.08 = 2314.81 − 370.37 = 1944.44.
  // L: Active, 100 spent of 1,100 → remaining cost 1,000 against 800 at p 0.8:
  //    0.8·800/1.08² = 548.70 < 1000/1.08 = 925.93 → RA-NPV −377.23.
  const a = portfolio(
    [
      { id: 'T', status: 'Active', cost: 5400, actual: 5000, benefit: 3000, p: 0.9, g: 3, e: 3 },
      { id: 'L', status: 'Active', cost: 1100, actual: 100, benefit: 800, p: 0.8, g: 2, e: 2 },
      { id: 'P', cost: 300, benefit: 900, g: 4, e: 4 },
      { id: 'Q', cost: 300, benefit: 800, g: 3, e: 4 },
    ],
    1000,
  );
  const m = recs(a, ['T', 'P', 'Q']);

  test('large actual cost, small remaining cost, large remaining benefit: not stopped', () => {
    const t = get(m, 'T');
    expect(t.type).toBe('continue');
    expect(t.remainingCost).toBe(400);
    expect(t.rationale).toBe(
      'Selected; value 80.0 (rank 1 of 4); alignment 60/100; remaining cost $400 against a risk-adjusted remaining benefit of $2.3k. ' +
        'Judged on remaining figures: the $5k already spent is sunk and does not count. Continue: $400 of remaining cost.',
    );
  });

  test('remaining cost above the risk-adjusted remaining benefit: stopped, freeing the remaining cost only', () => {
    const l = get(m, 'L');
    expect(l.type).toBe('stop');
    expect(l.budgetFreed).toBe(1000);
    expect(l.rationale).toContain('remaining cost $1k exceeds its risk-adjusted remaining benefit $549');
    expect(l.rationale).toContain('the $100 already spent is sunk and does not count');
    expect(l.rationale).toMatch(/Stopping frees \$1k of remaining cost\.$/);
  });
});

describe('Completed and Cancelled projects', () => {
  const a = portfolio(
    [
      { id: 'A', cost: 100, benefit: 400, g: 5, e: 5 },
      { id: 'C', status: 'Completed', cost: 100, benefit: 300, g: 4, e: 4 },
      { id: 'X', status: 'Cancelled', cost: 400, benefit: 300, g: 4, e: 4 },
    ],
    100,
  );
  const m = recs(a, ['A']);

  test('get "closed": no decision is open, nothing is freed, nothing is at stake', () => {
    expect(get(m, 'C')).toMatchObject({
      type: 'closed',
      reasons: ['completed'],
      remainingCost: 0,
      budgetFreed: 0,
      valueAtStake: 0,
    });
    expect(get(m, 'X')).toMatchObject({
      type: 'closed',
      reasons: ['cancelled'],
      remainingCost: 0,
      budgetFreed: 0,
    });
    expect(get(m, 'X').rationale).toBe(
      'Cancelled in the tracker: not a candidate for selection, so its $400 of planned cost is not in the requested budget and stopping it frees nothing new.',
    );
  });
});

// Properties over random portfolios and arbitrary selections: the rules must hold whatever the
// selection (the solver's portfolio is one case of an arbitrary subset).
const NAMES = [
  'Customer Portal',
  'Customer Portal Redesign',
  'Data Lake',
  'Data Lake Analytics',
  'Branch Kiosk',
  'Payments Hub',
];
const rowArb = (i: number): fc.Arbitrary<Row> =>
  fc.record({
    id: fc.constant(`P${i}`),
    name: fc.constantFrom(...NAMES),
    status: fc.constantFrom('Proposed', 'Approved', 'Active', 'On hold', 'Completed', 'Cancelled'),
    cost: fc.integer({ min: 1, max: 500 }),
    benefit: fc.integer({ min: 0, max: 1500 }),
    p: fc.constantFrom(0.4, 0.75, 1),
    actual: fc.integer({ min: 0, max: 300 }),
    baseline: fc.integer({ min: 50, max: 800 }),
    bu: fc.constantFrom('Retail', 'Ops'),
    forceOut: fc.constantFrom(false, false, false, false, true),
    dependsOn:
      i > 0
        ? fc.option(
            fc.integer({ min: 0, max: i - 1 }).map((j) => `P${j}`),
            { nil: undefined },
          )
        : fc.constant(undefined),
    group: fc.option(fc.constantFrom('G1', 'G2'), { freq: 4, nil: undefined }),
    g: fc.integer({ min: 0, max: 5 }),
    e: fc.integer({ min: 0, max: 5 }),
    fte: fc.integer({ min: 0, max: 4 }),
  }) as fc.Arbitrary<Row>;

const caseArb = fc
  .integer({ min: 1, max: 14 })
  .chain((n) =>
    fc.record({
      rows: fc.tuple(...Array.from({ length: n }, (_, i) => rowArb(i))),
      budget: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
      capacity: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      pick: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      late: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      rule: fc.constantFrom<MergeRule>('nameAndOwner', 'any'),
    }),
  )
  .map((c) => ({
    ...c,
    // Active rows carry an EAC so they have a CPI; the row's cost stays the lifetime cost.
    rows: c.rows.map((r) => (r.status === 'Active' ? { ...r, eac: r.cost + (r.actual ?? 0) } : r)),
  }));

test('properties: one recommendation per project; stop/defer outside and continue/accelerate inside the selection; budget freed = remaining cost of the stops', () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const a = portfolio(c.rows, c.budget, {
        ...(c.capacity !== undefined ? { capacity: c.capacity } : {}),
        allowIssues: true,
      });
      const setup = selectionSetup(a);
      const ids = setup.candidates.map((r) => r.project.id);
      const selected = ids.filter((_, i) => c.pick[i]);
      const stretch = stretchWith(
        selected,
        ids.filter((id, i) => !c.pick[i] && c.late[i]),
        1.1,
      );
      const out = recommend({ analysis: a, setup, selected, stretch, mergeRule: c.rule });
      const inSel = new Set(selected);
      const candidate = new Set(ids);

      // Exactly one per project, in the analysis' order.
      expect(out.map((r) => r.id)).toEqual(a.projects.map((p) => p.project.id));
      for (const r of out) {
        expect(RECOMMENDATION_ORDER).toContain(r.type);
        expect(r.type === 'closed').toBe(!candidate.has(r.id));
        if (r.type === 'stop' || r.type === 'defer') expect(inSel.has(r.id)).toBe(false);
        if (r.type === 'continue' || r.type === 'accelerate') expect(inSel.has(r.id)).toBe(true);
        expect(r.selected).toBe(inSel.has(r.id));
        expect(r.budgetFreed).toBe(r.type === 'stop' ? r.remainingCost : 0);
        expect(r.rationale).toMatch(/^[A-Z].*\.$/);
        expect(r.reasons.length).toBeGreaterThan(0);
        if (r.type === 'merge') {
          const partner = out.find((x) => x.id === r.partner);
          expect(partner && candidate.has(partner.id) && partner.id !== r.id).toBe(true);
          expect(partner!.type).not.toBe('stop');
          expect(r.rationale).toContain(r.partner!);
        } else expect(r.partner).toBeUndefined();
        if (r.dominatedBy !== undefined) expect(candidate.has(r.dominatedBy)).toBe(true);
      }
      const stops = out.filter((r) => r.type === 'stop');
      const figures = portfolioFigures(a, setup, selected, out);
      expect(figures.budgetFreed).toBeCloseTo(
        stops.reduce((s, r) => s + r.remainingCost, 0),
        9,
      );
      expect(figures.projectsBefore).toBe(ids.length);
      expect(figures.projectsAfter).toBe(selected.length);
      expect(Object.values(figures.counts).reduce((s, k) => s + k, 0)).toBe(a.projects.length);
      expect(figures.valueKept).toBeGreaterThanOrEqual(0);
      expect(figures.valueKept).toBeLessThanOrEqual(1 + 1e-12);
    }),
    { numRuns: 300 },
  );
});

// ——— With the real optimizer ———

describe('with the real optimizer', () => {
  beforeAll(() => {
    useNodeHighs();
  });

  test('every hand-given selection above is the optimal portfolio, at the budget and at each stretch level', async () => {
    expect(handGiven.length).toBeGreaterThan(15);
    for (const h of handGiven) {
      const { problem } = selectionSetup(h.analysis);
      const at = async (factor: number) =>
        (
          await selectPortfolio({ ...problem, budgets: problem.budgets.map((b) => b * factor) })
        ).selected.sort();
      expect(await at(1)).toEqual([...h.selected].sort());
      for (const s of h.stretch) expect(await at(s.factor)).toEqual([...s.selected].sort());
    }
  });

  test('properties hold on the optimizer’s own portfolios: stop/defer outside, continue/accelerate inside, budget freed', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const a = portfolio(c.rows, c.budget, {
          ...(c.capacity !== undefined ? { capacity: c.capacity } : {}),
          allowIssues: true,
        });
        let r: Rationalization;
        try {
          r = await rationalize(a, { mergeRule: c.rule });
        } catch (e) {
          // Mandatory projects over the budget: no portfolio, and the error says why.
          expect(e).toMatchObject({ name: 'InputError' });
          return;
        }
        const inSel = new Set(r.selection.selected);
        expect(r.recommendations).toHaveLength(a.projects.length);
        for (const x of r.recommendations) {
          if (x.type === 'stop' || x.type === 'defer') expect(inSel.has(x.id)).toBe(false);
          if (x.type === 'continue' || x.type === 'accelerate') expect(inSel.has(x.id)).toBe(true);
        }
        const stops = r.recommendations.filter((x) => x.type === 'stop');
        expect(r.figures.budgetFreed).toBeCloseTo(
          stops.reduce((sum, x) => sum + x.remainingCost, 0),
          9,
        );
      }),
      { numRuns: 60 },
    );
  });
});

const sampleReader = () =>
  XlsxWorkbookReader.fromFile(path.join(__dirname, '..', '..', '..', 'assets', 'sample-portfolio.xlsx'));

describe('the sample workbook: its deliberate cases get the intended recommendation', () => {
  let run: Rationalization;
  const rec = (id: string): Recommendation => {
    const r = run.recommendations.find((x) => x.id === id);
    if (!r) throw new Error(`no recommendation for ${id}`);
    return r;
  };
  beforeAll(async () => {
    useNodeHighs();
    run = await rationalize(analyzeWorkbook((await sampleReader()).all()));
  });

  test('the selection is proven optimal and every project gets one recommendation', () => {
    expect(run.selection.status).toBe('optimal');
    expect(run.recommendations).toHaveLength(48);
    expect(run.figures.counts).toEqual({
      needsData: 0,
      stop: 8,
      merge: 5,
      rescope: 10,
      defer: 2,
      accelerate: 4,
      continue: 17,
      closed: 2,
    });
  });

  test('(a) PRJ-025 Customer Self-Service Portal and PRJ-040 Customer Portal Redesign merge, naming each other', () => {
    expect(rec('PRJ-025')).toMatchObject({ type: 'merge', partner: 'PRJ-040' });
    expect(rec('PRJ-040')).toMatchObject({ type: 'merge', partner: 'PRJ-025' });
    expect(rec('PRJ-025').rationale).toContain(
      'shared name terms “customer”, “portal”; same business unit (Retail Banking)',
    );
  });

  test('(b) sunk-cost trap: PRJ-002, $4.7M spent, $690k to go for $8.7M of benefit, is kept — and accelerated', () => {
    // Top-decile value (rank 2) with Data & Analytics and Change Mgmt capacity free: accelerate.
    expect(rec('PRJ-002')).toMatchObject({ type: 'accelerate', selected: true, budgetFreed: 0 });
    expect(rec('PRJ-002').remainingCost).toBeCloseTo(690_000, -4);
  });

  test('(c) PRJ-009: remaining cost above remaining benefit → stop, freeing its remaining cost', () => {
    const r = rec('PRJ-009');
    expect(r).toMatchObject({ type: 'stop', selected: false });
    expect(r.budgetFreed).toBe(r.remainingCost);
    expect(r.rationale).toContain('remaining cost $2.1M exceeds its risk-adjusted remaining benefit');
    expect(r.rationale).toContain('the $909k already spent is sunk and does not count');
  });

  test('(d) PRJ-033: low alignment, negative NPV → stop', () => {
    expect(rec('PRJ-033')).toMatchObject({ type: 'stop', reasons: ['weakAndUnprofitable', 'dominated'] });
    expect(rec('PRJ-033').rationale).toMatch(
      /^Alignment 15\/100 \(bottom quartile, at or below 28\.4\); risk-adjusted NPV −\$1\.2M;/,
    );
  });

  test('(e) PRJ-034 is dominated by PRJ-026 → stop, naming PRJ-026', () => {
    expect(rec('PRJ-034')).toMatchObject({ type: 'stop', dominatedBy: 'PRJ-026' });
    expect(rec('PRJ-034').rationale).toContain(
      'PRJ-026 Intelligent Document Processing brings more value (63.4 vs 18.6) for less remaining cost ($1.3M vs $2.6M)',
    );
  });

  test('(f) PRJ-006, forecast overrun → re-scope', () => {
    // The engine's CPI is baseline ÷ EAC = $2.44M / $3.76M = 0.65 (EVM's EV ÷ AC would be 0.47); both < 0.8.
    expect(rec('PRJ-006')).toMatchObject({ type: 'rescope', reasons: ['overrun'], selected: true });
    expect(rec('PRJ-006').rationale).toMatch(/^Selected; CPI 0\.65/);
  });

  test('(g) PRJ-024, the highest value, narrowly outside the budget → defer; it enters at +5%', () => {
    expect(rec('PRJ-024')).toMatchObject({ type: 'defer', reasons: ['borderline'], selected: false });
    expect(rec('PRJ-024').rationale).toContain('enters the optimal portfolio with 5% more budget ($86.1M)');
  });

  test('stretch levels are exact on a portfolio this size; an accepted stretch gap gives feasible portfolios within it', async () => {
    const a = analyzeWorkbook((await sampleReader()).all());
    const exact = await rationalize(a);
    expect((await rationalize(a, { stretchGap: 0 })).stretch).toEqual(exact.stretch);
    const loose = await rationalize(a, { stretchGap: 0.02 });
    expect(loose.selection.selected).toEqual(exact.selection.selected);
    const { problem } = loose.setup;
    const value = new Map(problem.projects.map((p) => [p.id, p.value]));
    const total = (ids: readonly string[]) => ids.reduce((s, id) => s + value.get(id)!, 0);
    expect(loose.stretch.map((s) => s.factor)).toEqual(exact.stretch.map((s) => s.factor));
    loose.stretch.forEach((s, k) => {
      const scaled = { ...problem, budgets: problem.budgets.map((b) => b * s.factor) };
      expect(isFeasible(scaled, s.selected)).toBe(true);
      expect(total(s.selected)).toBeGreaterThanOrEqual(total(exact.stretch[k]!.selected) * (1 - 0.02) - 1e-9);
    });
  });

  test('progress reports each solve; an aborted run rejects with an AbortError', async () => {
    const a = analyzeWorkbook((await sampleReader()).all());
    const steps: string[] = [];
    await rationalize(a, { onProgress: (p) => steps.push(`${p.stage} ${p.done}/${p.total}`) });
    expect(steps).toEqual([
      'select 0/5',
      'stretch 1/5',
      'stretch 2/5',
      'stretch 3/5',
      'stretch 4/5',
      'recommend 5/5',
    ]);
    const ctl = new AbortController();
    ctl.abort();
    await expect(rationalize(a, { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('portfolio figures: fewer projects, most of the value, and the money the stops free', () => {
    const f = run.figures;
    expect([f.projectsBefore, f.projectsAfter]).toEqual([46, 36]);
    const stops = run.recommendations.filter((x) => x.type === 'stop');
    expect(f.budgetFreed).toBeCloseTo(
      stops.reduce((s, x) => s + x.remainingCost, 0),
      6,
    );
    expect(f.budgetRecommended).toBeLessThan(f.budgetRequested);
    expect(f.valueKept).toBeGreaterThan(0.8);
    expect(f.coverage.rows.map((r) => r.objective)).toEqual(
      run.setup.problem.projects.length
        ? [
            'Grow Digital Revenue',
            'Reduce Cost to Serve',
            'Customer Experience',
            'Regulatory Compliance',
            'Sustainability',
          ]
        : [],
    );
  });
});

test('a borderline rationale says "within x% of the optimum" when its stretch level was solved with a gap', () => {
  const exact = WORDS.borderline(0.1, 1_100_000, '$');
  const near = WORDS.borderline(0.1, 1_100_000, '$', 5e-4);
  expect(exact).toBe('borderline: enters the optimal portfolio with 10% more budget ($1.1M)');
  expect(near).toBe(
    'borderline: enters a portfolio within 0.05% of the optimum with 10% more budget ($1.1M)',
  );
});

// Objective coverage (SPEC §4.3) and the portfolio figures (SPEC §4.7) on hand-built portfolios worked
// by hand, the AHP fix carried into the coverage notes, and a property: the split conserves spend.
import fc from 'fast-check';
import { ahp, analyzeWorkbook } from '../../../src/engine/score';
import { coverageOf, objectiveCoverage } from '../../../src/engine/decide/coverage';
import { concentration, portfolioFigures } from '../../../src/engine/decide/portfolioFigures';
import { selectionSetup } from '../../../src/engine/decide/selectionSetup';
import { recommend } from '../../../src/engine/decide/recommend';
import { table } from '../support';
import { portfolio } from './support';

describe('objective coverage', () => {
  // Weights Growth 0.75, Efficiency 0.25 (see rationalizeSupport).
  // P1 cost 100 rated G5 E0 → 100 to Growth.
  // P2 cost 300 rated G1 E2 → 1/3 of 300 = 100 to Growth, 200 to Efficiency.
  // P3 cost 100 rated G0 E0 → unaligned.
  const a = portfolio(
    [
      { id: 'P1', cost: 100, benefit: 300, g: 5, e: 0 },
      { id: 'P2', cost: 300, benefit: 900, g: 1, e: 2 },
      { id: 'P3', cost: 100, benefit: 300, g: 0, e: 0 },
    ],
    null,
  );

  test('each project’s cost split in proportion to its ratings; share beside weight; gap = share − weight', () => {
    const c = objectiveCoverage(a, ['P1', 'P2']);
    expect(c.spend).toBe(400);
    expect(c.unaligned).toBe(0);
    expect(c.rows).toHaveLength(2);
    const [g, e] = c.rows;
    expect(g).toMatchObject({ objective: 'Growth', weight: 0.75 });
    expect(g!.spend).toBeCloseTo(200, 9);
    expect(g!.share).toBeCloseTo(0.5, 12);
    expect(g!.gap).toBeCloseTo(-0.25, 12);
    expect(e!.spend).toBeCloseTo(200, 9);
    expect(e!.gap).toBeCloseTo(0.25, 12);
    expect(c.notes).toEqual([]);
  });

  test('spend on projects rated on no objective is reported apart, and the shares still sum to 1', () => {
    const c = objectiveCoverage(a, ['P1', 'P2', 'P3']);
    expect(c.spend).toBe(500);
    expect(c.unaligned).toBe(100);
    expect(c.unalignedShare).toBeCloseTo(0.2, 12);
    expect(c.rows.map((r) => r.share)).toEqual([expect.closeTo(0.4, 12), expect.closeTo(0.4, 12)]);
    expect(c.notes).toEqual(['20% of the selected spend goes to projects rated on no objective.']);
  });

  test('an empty portfolio spends nothing: shares 0, gaps = −weight', () => {
    const c = objectiveCoverage(a, []);
    expect(c.spend).toBe(0);
    expect(c.rows.map((r) => [r.share, r.gap])).toEqual([
      [0, -0.75],
      [0, -0.25],
    ]);
  });

  test('property: the objectives’ spend plus the unaligned spend is the portfolio’s spend', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cost: fc.integer({ min: 0, max: 1000 }),
            g: fc.integer({ min: 0, max: 5 }),
            e: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (rows) => {
          const b = portfolio(
            rows.map((r, i) => ({ id: `P${i}`, benefit: 100, ...r })),
            null,
            { allowIssues: true },
          );
          const c = coverageOf(b.projects, b.objectives);
          const sum = c.rows.reduce((s, r) => s + r.spend, 0) + c.unaligned;
          expect(sum).toBeCloseTo(c.spend, 6);
          if (c.spend > 0)
            expect(c.rows.reduce((s, r) => s + r.share, 0) + c.unalignedShare).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the AHP fix is carried into the coverage notes', () => {
  // G vs E = 9, E vs R = 9 but G vs R = 1/9: as inconsistent as three judgments get.
  const judgments = [
    [1, 9, 1 / 9],
    [1 / 9, 1, 9],
    [9, 1 / 9, 1],
  ];
  const pairwise = table(
    ['Objective', 'Growth', 'Efficiency', 'Resilience'],
    [
      ['Growth', 1, 9, '1/9'],
      ['Efficiency', '1/9', 1, 9],
      ['Resilience', 9, '1/9', 1],
    ],
    { sheet: 'AHP' },
  );
  const projects = table(
    ['ID', 'Project', 'Cost', 'Benefit', 'Growth', 'Efficiency', 'Resilience'],
    [
      ['A', 'Alpha', 100, 200, 5, 0, 0],
      ['B', 'Beta', 100, 200, 0, 5, 5],
    ],
  );

  test('the note names the judgment to change, its suggested value and the resulting CR, as ahp() computes them', () => {
    const a = analyzeWorkbook([projects, pairwise]);
    const r = ahp(judgments);
    expect(r.consistent).toBe(false);
    const fix = r.fix!;
    const names = ['Growth', 'Efficiency', 'Resilience'];
    const j = (x: number) => (x >= 1 ? String(Math.round(x * 100) / 100) : `1/${Math.round(1 / x)}`);
    const c = objectiveCoverage(a, ['A', 'B']);
    expect(c.notes).toEqual([
      `The pairwise judgments behind the objective weights are inconsistent (CR ${r.cr.toFixed(3)} > 0.10). ` +
        `Changing "${names[fix.row]}" vs "${names[fix.col]}" from ${j(fix.current)} to ${j(fix.suggested)} would bring CR to ${fix.crAfter.toFixed(3)}.`,
    ]);
  });
});

describe('value concentration', () => {
  test('share of value from the top 20% of projects (⌈20%⌉, at least one)', () => {
    // 10 projects: the top 2 (50, 30) of a total 100 → 0.8.
    expect(concentration([50, 30, 5, 5, 2, 2, 2, 2, 1, 1])).toBeCloseTo(0.8, 12);
    // 3 projects: ⌈0.6⌉ = 1 → 6 / 10.
    expect(concentration([1, 6, 3])).toBeCloseTo(0.6, 12);
    expect(concentration([])).toBe(0);
    expect(concentration([0, 0])).toBe(0);
  });
});

describe('portfolio figures', () => {
  // Value scores (0.5·alignment + 50·F): F 100, A 83.33, E 46.67, W 7.5 — total 237.5; see rationalize.test.ts.
  // The budget of 100 holds A; E is dominated, W weak and unprofitable, F forced out: all three stop.
  const a = portfolio(
    [
      { id: 'A', cost: 100, benefit: 400, g: 5, e: 5 },
      { id: 'E', cost: 200, benefit: 300, g: 3, e: 3 },
      { id: 'W', cost: 100, benefit: 80, g: 1, e: 0 },
      { id: 'F', cost: 50, benefit: 400, g: 5, e: 5, forceOut: true },
      { id: 'C', status: 'Completed', cost: 70, benefit: 400, g: 5, e: 5 },
    ],
    100,
  );
  const setup = selectionSetup(a);
  const recs = recommend({ analysis: a, setup, selected: ['A'] });
  const f = portfolioFigures(a, setup, ['A'], recs);

  test('before/after, requested/recommended/freed, value kept and concentration', () => {
    expect(f).toMatchObject({
      projectsBefore: 4,
      projectsAfter: 1,
      currentProjects: 0,
      budgetRequested: 450,
      budgetRecommended: 100,
      budgetFreed: 350,
      budgetLimit: 100,
      counts: { stop: 3, merge: 0, rescope: 0, defer: 0, accelerate: 0, continue: 1, closed: 1 },
    });
    expect(f.valueKept).toBeCloseTo(83.333333 / 237.5, 6);
    expect(f.valueConcentration).toBeCloseTo(100 / 237.5, 9);
    expect(f.selectedConcentration).toBe(1);
  });

  test('coverage of the selected portfolio: A is rated 5 and 5, so its $100 splits evenly', () => {
    expect(f.coverage.rows.map((r) => [r.objective, r.spend])).toEqual([
      ['Growth', 50],
      ['Efficiency', 50],
    ]);
  });
});

// Sensitivity (SPEC §4.8): the perturbed weight sets worked by hand, the re-weighed values, a hand-built
// near tie whose robustness is known, and determinism, progress and cancellation with the real solver.
import path from 'node:path';
import { useNodeHighs } from '../../../src/cli/highs';
import { analyzeWorkbook, type Analysis } from '../../../src/engine/score';
import { selectionSetup } from '../../../src/engine/decide/selectionSetup';
import {
  FRAGILE_AT,
  labelOf,
  reweighedProblem,
  ROBUST_AT,
  sensitivity,
  weightSets,
  type WeightSet,
} from '../../../src/engine/decide/sensitivity';
import { XlsxWorkbookReader } from '../../../src/workbook/xlsx/read';
import { portfolio } from './support';

beforeAll(() => {
  useNodeHighs();
});

const G_E = [
  { name: 'Growth', weight: 0.75 },
  { name: 'Efficiency', weight: 0.25 },
];

describe('weight sets', () => {
  test('one at a time, ±20%, renormalized: two per objective and two for the alignment/financial split', () => {
    const sets = weightSets(G_E, 0.5);
    const expected: [string, number, number, number][] = [
      ['Growth −20%', 0.6 / 0.85, 0.25 / 0.85, 0.5],
      ['Growth +20%', 0.9 / 1.15, 0.25 / 1.15, 0.5],
      ['Efficiency −20%', 0.75 / 0.95, 0.2 / 0.95, 0.5],
      ['Efficiency +20%', 0.75 / 1.05, 0.3 / 1.05, 0.5],
      ['Alignment weight −20%', 0.75, 0.25, 0.4 / 0.9],
      ['Alignment weight +20%', 0.75, 0.25, 0.6 / 1.1],
    ];
    expect(sets.map((s) => s.label)).toEqual(expected.map((e) => e[0]));
    sets.forEach((s, i) => {
      const [, g, e, a] = expected[i]!;
      expect(s.weights[0]).toBeCloseTo(g, 12);
      expect(s.weights[1]).toBeCloseTo(e, 12);
      expect(s.alignmentWeight).toBeCloseTo(a, 12);
    });
  });

  test('perturbations that cannot change anything are left out', () => {
    // One weighted objective renormalizes back to itself; alignment weight 0 or 1 cannot move.
    const one = weightSets(
      [
        { name: 'G', weight: 1 },
        { name: 'E', weight: 0 },
      ],
      1,
    );
    expect(one).toEqual([]);
    expect(weightSets(G_E, 0).map((s) => s.label)).toEqual([
      'Growth −20%',
      'Growth +20%',
      'Efficiency −20%',
      'Efficiency +20%',
    ]);
  });

  test('random design: one seed, one set of perturbations; every factor within ±step; weights sum to 1', () => {
    const a = weightSets(G_E, 0.5, 'random', 0.2, 50, 7);
    const b = weightSets(G_E, 0.5, 'random', 0.2, 50, 7);
    const c = weightSets(G_E, 0.5, 'random', 0.2, 50, 8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toHaveLength(50);
    for (const s of a) {
      expect(s.weights[0]! + s.weights[1]!).toBeCloseTo(1, 12);
      // w_G / w_E = 3·fG/fE with fG, fE in [0.8, 1.2] → within [3·0.8/1.2, 3·1.2/0.8] = [2, 4.5].
      const ratio = s.weights[0]! / s.weights[1]!;
      expect(ratio).toBeGreaterThanOrEqual(2 - 1e-12);
      expect(ratio).toBeLessThanOrEqual(4.5 + 1e-12);
      // a' = 0.5·f / (0.5·f + 0.5) = f / (f + 1) with f in [0.8, 1.2].
      expect(s.alignmentWeight).toBeGreaterThanOrEqual(0.8 / 1.8 - 1e-12);
      expect(s.alignmentWeight).toBeLessThanOrEqual(1.2 / 2.2 + 1e-12);
    }
  });
});

test('labels: Robust at 90% or more, Fragile at 50% or less, Sensitive between', () => {
  expect([ROBUST_AT, FRAGILE_AT]).toEqual([0.9, 0.5]);
  expect([1, 0.9, 0.89, 0.51, 0.5, 0].map(labelOf)).toEqual([
    'Robust',
    'Robust',
    'Sensitive',
    'Sensitive',
    'Fragile',
    'Fragile',
  ]);
});

// A near tie on a 0–10 scale. X rated (10, 0) → alignment 75; Y rated (7, 8) → 72.5. X and Y have the same
// cost and benefit, so the same financial score: only alignment separates them. Z is cheap and always
// fits. The budget of 110 holds Z and one of X, Y.
//   A_X − A_Y = 100·(0.3·w_G − 0.8·w_E): base 0.025 > 0 → X.
//   Growth −20% (0.706, 0.294): −0.024 → Y.   Growth +20% (0.783, 0.217): +0.061 → X.
//   Efficiency −20% (0.789, 0.211): +0.068 → X. Efficiency +20% (0.714, 0.286): −0.014 → Y.
//   The split moves a·(A_X − A_Y) only, never its sign → X twice.
// So X is selected in 4 of 6 perturbations, Y in 2, Z in all 6.
function nearTie(): Analysis {
  return portfolio(
    [
      { id: 'X', cost: 100, benefit: 300, g: 10, e: 0 },
      { id: 'Y', cost: 100, benefit: 300, g: 7, e: 8 },
      { id: 'Z', cost: 10, benefit: 100, g: 10, e: 10 },
    ],
    110,
    { settings: { ratingScaleMax: 10 } },
  );
}

describe('re-weighed values', () => {
  const a = nearTie();
  const { problem, candidates } = selectionSetup(a);
  const same: WeightSet = { label: 'as given', weights: [0.75, 0.25], alignmentWeight: 0.5 };

  test('with the weights as given, the values are the analysis’ own', () => {
    const p = reweighedProblem(a, candidates, problem, same);
    p.projects.forEach((x, i) => expect(x.value).toBeCloseTo(problem.projects[i]!.value, 12));
    expect(p.budgets).toEqual(problem.budgets);
  });

  test('with Efficiency +20%, V = 0.5·A′ + 50·F: Y overtakes X', () => {
    const set: WeightSet = { label: 'E+', weights: [0.75 / 1.05, 0.3 / 1.05], alignmentWeight: 0.5 };
    const v = Object.fromEntries(
      reweighedProblem(a, candidates, problem, set).projects.map((x) => [x.id, x.value]),
    );
    // F: Z's risk-adjusted NPV (76.5) is below X's and Y's (164.6) → F_Z = 0, F_X = F_Y = 1/2.
    expect(v.X).toBeCloseTo((0.5 * (100 * 0.75)) / 1.05 + 25, 9);
    expect(v.Y).toBeCloseTo(0.5 * ((100 * (0.75 * 0.7 + 0.3 * 0.8)) / 1.05) + 25, 9);
    expect(v.Y!).toBeGreaterThan(v.X!);
  });
});

describe('robustness with the real selection', () => {
  test('the near tie: Z robust, X selected in 4 of 6, Y left out in 4 of 6', async () => {
    const r = await sensitivity(nearTie());
    expect(r.baseSelected.sort()).toEqual(['X', 'Z']);
    expect(r.perturbations.map((p) => [p.label, [...p.selected].sort().join('')])).toEqual([
      ['Growth −20%', 'YZ'],
      ['Growth +20%', 'XZ'],
      ['Efficiency −20%', 'XZ'],
      ['Efficiency +20%', 'YZ'],
      ['Alignment weight −20%', 'XZ'],
      ['Alignment weight +20%', 'XZ'],
    ]);
    const by = Object.fromEntries(r.projects.map((p) => [p.id, p]));
    expect(by.Z).toEqual({ id: 'Z', selected: true, selectedShare: 1, robustness: 1, label: 'Robust' });
    expect(by.X).toMatchObject({ selected: true, label: 'Sensitive' });
    expect(by.X!.robustness).toBeCloseTo(4 / 6, 12);
    expect(by.Y).toMatchObject({ selected: false, label: 'Sensitive' });
    expect(by.Y!.selectedShare).toBeCloseTo(2 / 6, 12);
    expect(by.Y!.robustness).toBeCloseTo(4 / 6, 12);
  });

  test('when the selection maximizes risk-adjusted NPV the weights cannot move it: no re-solve, all robust', async () => {
    const base = nearTie();
    const b: Analysis = { ...base, settings: { ...base.settings, objective: 'riskAdjustedNpv' } };
    let solves = 0;
    const r = await sensitivity(b, { onProgress: () => solves++ });
    expect(solves).toBe(1); // the base selection only
    expect(r.perturbations).toHaveLength(6);
    expect(r.projects.every((p) => p.robustness === 1)).toBe(true);
    expect(r.notes).toContain(
      'The selection maximizes risk-adjusted NPV, which the weights do not change: every decision is robust to them.',
    );
  });
});

describe('the sample workbook', () => {
  let sample: Analysis;
  beforeAll(async () => {
    const reader = await XlsxWorkbookReader.fromFile(
      path.join(__dirname, '..', '..', '..', 'assets', 'sample-portfolio.xlsx'),
    );
    sample = analyzeWorkbook(reader.all());
  });

  test('deterministic: the same result twice, for one-at-a-time and for a seeded random design', async () => {
    const a = await sensitivity(sample);
    const b = await sensitivity(sample);
    expect(b).toEqual(a);
    expect(a.perturbations).toHaveLength(12); // 5 objectives and the split, ±20%
    const r1 = await sensitivity(sample, { design: 'random', samples: 6, seed: 42 });
    const r2 = await sensitivity(sample, { design: 'random', samples: 6, seed: 42 });
    expect(r2).toEqual(r1);
    expect(r1.perturbations.map((p) => p.weights)).toEqual(
      weightSets(sample.objectives, 0.5, 'random', 0.2, 6, 42).map((s) => s.weights),
    );
  });

  test('progress counts every solve; labels follow robustness; shares are within [0, 1]', async () => {
    const seen: number[] = [];
    const r = await sensitivity(sample, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(r.projects).toHaveLength(selectionSetup(sample).candidates.length);
    for (const p of r.projects) {
      expect(p.label).toBe(labelOf(p.robustness));
      expect(p.selectedShare).toBeGreaterThanOrEqual(0);
      expect(p.selectedShare).toBeLessThanOrEqual(1);
      expect(p.robustness).toBeCloseTo(p.selected ? p.selectedShare : 1 - p.selectedShare, 12);
    }
    // Mandatory projects are in every portfolio.
    for (const id of ['PRJ-010', 'PRJ-018', 'PRJ-021']) {
      expect(r.projects.find((p) => p.id === id)).toMatchObject({
        selected: true,
        robustness: 1,
        label: 'Robust',
      });
    }
  });

  test('an aborted run stops with an AbortError', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(sensitivity(sample, { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const later = new AbortController();
    const run = sensitivity(sample, {
      signal: later.signal,
      onProgress: (p) => p.done === 3 && later.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

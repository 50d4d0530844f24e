// AHP weights, consistency and the suggested fix, checked against published examples, brute force and
// properties that must hold for every positive reciprocal matrix.
import fc from 'fast-check';
import { ahp, AHP_ERRORS, RANDOM_INDEX, SAATY_SCALE, type AhpFix } from '../../../src/engine/score/ahp';
import { InputError } from '../../../src/engine/errors';

type Matrix = number[][];

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const cell = (m: readonly (readonly number[])[], i: number, j: number): number => m[i]?.[j] ?? Number.NaN;

/** Reciprocal n×n matrix from its upper triangle, listed row by row. */
function fromUpper(n: number, upper: readonly number[]): Matrix {
  const m = Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = upper[k++] ?? 1;
      m[i]![j] = v;
      m[j]![i] = 1 / v;
    }
  }
  return m;
}

function withJudgment(m: readonly (readonly number[])[], row: number, col: number, value: number): Matrix {
  const out = m.map((r) => [...r]);
  out[row]![col] = value;
  out[col]![row] = 1 / value;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Published examples. All of them were computed by the eigenvector method with Saaty's random index.

/**
 * Saaty, T.L. (2008) "Decision making with the analytic hierarchy process", Int. J. Services Sciences
 * 1(1), 83–98 (doi:10.1504/IJSSCI.2008.017590): the "which drink is consumed more in the US" matrix and
 * its derived scale (the table comparing the AHP scale with actual consumption).
 * Transcribed as in the AHPy README ("Relative consumption of drinks in the United States",
 * github.com/PhilipGriffith/AHPy), which gives the paper's AHP row .177 .019 .042 .116 .190 .129 .327;
 * CR 0.022 is as reproduced by AHPy's test suite (tests/test_ahp.py, test_drinks_cr_saaty).
 */
const DRINKS: Matrix = [
  // coffee, wine, tea, beer, sodas, milk, water
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];

/**
 * Saaty, T.L. (1990) "How to make a decision: The Analytic Hierarchy Process", European Journal of
 * Operational Research 48, 9–26, Table 2: a family's criteria for buying a house (size, transportation,
 * neighborhood, age, yard space, modern facilities, general condition, financing), with priorities
 * .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669, C.I. = 0.238, C.R. = 0.169. The same matrix is
 * Table 1 of Saaty (2003) "Decision-making with the AHP: Why is the principal eigenvector necessary?",
 * EJOR 145, 85–91, which uses it to show how to find and revise the most inconsistent judgment.
 * We could not open either paper here: matrix and figures are as transcribed from them in two independent
 * public test suites, which agree with each other and with the eigenvector computed here to every printed
 * digit. Some copies (e.g. J. Kazdan's Penn Math 210 Maple worksheet, www2.math.upenn.edu/~kazdan/210/
 * computer/maple/house.mws) have a37 = 1/2 instead; that matrix has CR 0.082 and is not Table 2.
 */
const HOUSE: Matrix = [
  [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
  [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
  [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
  [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
  [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
  [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
  [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
  [4, 7, 5, 8, 6, 6, 2, 1],
];

/**
 * Saaty (1990), EJOR 48, Table 3: houses A, B, C compared under each criterion; the published local
 * priorities are the columns of Table 4. Transcriptions: the Table 4 columns and the transportation,
 * financing and general-condition matrices with their λmax/CI/CR from a public test suite that cites
 * the paper; all eight matrices also from a public transcription of the book's Russian edition; the
 * size, transportation, neighborhood and yard matrices are also the four of Triantaphyllou & Mann (1995),
 * Int. J. Industrial Engineering 2(1), 35–44, as listed in AHPy's examples.py.
 */
const HOUSE_ALTERNATIVES: readonly { name: string; matrix: Matrix; published: readonly number[] }[] = [
  { name: 'size of house', matrix: fromUpper(3, [6, 8, 4]), published: [0.754, 0.181, 0.065] },
  { name: 'transportation', matrix: fromUpper(3, [7, 1 / 5, 1 / 8]), published: [0.233, 0.055, 0.713] },
  { name: 'neighborhood', matrix: fromUpper(3, [8, 6, 1 / 4]), published: [0.754, 0.065, 0.181] },
  { name: 'age of house', matrix: fromUpper(3, [1, 1, 1]), published: [0.333, 0.333, 0.333] },
  { name: 'yard space', matrix: fromUpper(3, [5, 4, 1 / 3]), published: [0.674, 0.101, 0.226] },
  { name: 'modern facilities', matrix: fromUpper(3, [8, 6, 1 / 5]), published: [0.747, 0.06, 0.193] },
  { name: 'general condition', matrix: fromUpper(3, [1 / 2, 1 / 2, 1]), published: [0.2, 0.4, 0.4] },
  { name: 'financing', matrix: fromUpper(3, [1 / 7, 1 / 5, 3]), published: [0.072, 0.65, 0.278] },
];

describe('published examples', () => {
  test('Saaty (2008) drink consumption: weights and CR to the published three decimals', () => {
    const r = ahp(DRINKS);
    expect(r.weights.map((w) => round(w, 3))).toEqual([0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327]);
    expect(round(r.cr, 3)).toBe(0.022);
    expect(r.consistent).toBe(true);
    expect(r.fix).toBeUndefined();
  });

  test('Saaty (1990) house criteria: weights, λmax, CI and CR as published; flagged inconsistent', () => {
    const r = ahp(HOUSE);
    expect(r.weights.map((w) => round(w, 3))).toEqual([
      0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333,
    ]);
    expect(round(r.lambdaMax, 3)).toBe(9.669);
    expect(round(r.ci, 3)).toBe(0.238);
    expect(round(r.cr, 3)).toBe(0.169);
    expect(r.consistent).toBe(false);
  });

  test('Saaty (1990) house alternatives: local priorities of Table 4', () => {
    for (const { name, matrix, published } of HOUSE_ALTERNATIVES) {
      const w = ahp(matrix).weights;
      if (name === 'transportation' || name === 'financing') {
        // The paper prints these two one unit off in the third decimal: the exact eigenvectors are
        // (.2331, .0545, .7125) and (.0719, .6491, .2790) — for 3×3 the eigenvector is the normalized
        // row geometric mean, so this is not a convergence question. Allow exactly that one unit.
        w.forEach((x, i) =>
          expect(Math.abs(x - (published[i] ?? Number.NaN))).toBeLessThanOrEqual(0.001 + 1e-9),
        );
      } else {
        expect({ name, w: w.map((x) => round(x, 3)) }).toEqual({ name, w: published });
      }
    }
  });

  test('Saaty (1990) Table 3 consistency figures: transportation, financing, general condition', () => {
    const byName = (name: string): Matrix =>
      HOUSE_ALTERNATIVES.find((x) => x.name === name)?.matrix ?? [[Number.NaN]];
    const transportation = ahp(byName('transportation'));
    expect(round(transportation.lambdaMax, 3)).toBe(3.247);
    expect(round(transportation.cr, 3)).toBe(0.213);
    expect(transportation.consistent).toBe(false);
    const financing = ahp(byName('financing'));
    expect(round(financing.lambdaMax, 3)).toBe(3.065);
    expect(round(financing.ci, 3)).toBe(0.032);
    expect(round(financing.cr, 3)).toBe(0.056);
    expect(financing.consistent).toBe(true);
    const condition = ahp(byName('general condition'));
    expect(round(condition.lambdaMax, 3)).toBe(3);
    expect(condition.cr).toBeCloseTo(0, 12);
  });

  test('Wikipedia "Analytic hierarchy process – leader example": criteria weights within the page’s precision', () => {
    // en.wikipedia.org/wiki/Analytic_hierarchy_process_–_leader_example, criteria (experience, education,
    // charisma, age) compared as experience 4, 3, 7; education 1/3, 3; charisma 5 (matrix as reproduced
    // in the AHPy README, "Choosing a leader"). The page's overview gives .547 .127 .270 .056. Wikipedia's
    // AHP examples were computed with an online demo that the car-example page calls "designed for
    // convenience, not accuracy" (quoted in the AHPy README); the eigenvector is (.5476, .1266, .2699,
    // .0559), so experience rounds to .548. Hence one unit in the third decimal of tolerance, not exact
    // rounding. The page's text we could read prints no CR, so CR is only checked against the 0.10 rule.
    const r = ahp(fromUpper(4, [4, 3, 7, 1 / 3, 3, 5]));
    [0.547, 0.127, 0.27, 0.056].forEach((p, i) =>
      expect(Math.abs((r.weights[i] ?? Number.NaN) - p)).toBeLessThanOrEqual(0.001),
    );
    expect(r.consistent).toBe(true);
  });

  test('random index table is the one the published CRs were computed with', () => {
    expect(RANDOM_INDEX).toEqual([
      0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
    ]);
    // CR = CI / RI(n) exactly, for the published house matrix (n = 8, RI = 1.41).
    const r = ahp(HOUSE);
    expect(r.cr).toBeCloseTo(r.ci / 1.41, 14);
  });
});

// ---------------------------------------------------------------------------------------------------
// The fix, against brute force

interface Trial {
  row: number;
  col: number;
  value: number;
  cr: number;
}

/** CR, computed by `ahp` itself, of every single upper-triangle change to every value on the scale. */
function everySingleChange(m: Matrix): Trial[] {
  const trials: Trial[] = [];
  for (let row = 0; row < m.length; row++) {
    for (let col = row + 1; col < m.length; col++) {
      for (const value of SAATY_SCALE)
        trials.push({ row, col, value, cr: ahp(withJudgment(m, row, col, value)).cr });
    }
  }
  return trials;
}

function expectBestSingleChange(m: Matrix): AhpFix {
  const r = ahp(m);
  expect(r.cr).toBeGreaterThan(0.1);
  const fix = r.fix;
  if (!fix) throw new Error('expected a fix for an inconsistent matrix');
  expect(fix.row).toBeLessThan(fix.col);
  expect(fix.current).toBe(cell(m, fix.row, fix.col));
  expect(SAATY_SCALE).toContain(fix.suggested);
  expect(fix.suggested).not.toBe(fix.current);
  // crAfter is the CR of the changed matrix, as `ahp` computes it.
  expect(fix.crAfter).toBeCloseTo(ahp(withJudgment(m, fix.row, fix.col, fix.suggested)).cr, 12);
  expect(fix.crAfter).toBeLessThan(r.cr);
  // No single change does better.
  const trials = everySingleChange(m);
  const lowest = Math.min(...trials.map((t) => t.cr));
  expect(fix.crAfter).toBeLessThanOrEqual(lowest + 1e-9);
  // And among the (near-)ties, the tie-break picks it: smallest change in log terms, then lowest (row, col).
  const logDistance = (t: Trial): number => Math.abs(Math.log(t.value) - Math.log(cell(m, t.row, t.col)));
  const tied = trials
    .filter((t) => t.cr <= lowest + 1e-9 && logDistance(t) > 1e-12)
    .sort((x, y) => logDistance(x) - logDistance(y) || x.row - y.row || x.col - y.col || x.value - y.value);
  expect({ row: fix.row, col: fix.col, suggested: fix.suggested }).toEqual({
    row: tied[0]?.row,
    col: tied[0]?.col,
    suggested: tied[0]?.value,
  });
  return fix;
}

describe('fix: the single judgment change that lowers CR the most', () => {
  test('Saaty (1990/2003) house criteria: best by brute force, and the judgment Saaty singles out', () => {
    const fix = expectBestSingleChange(HOUSE);
    // Saaty (2003), EJOR 145, Table 3 (as transcribed in a public test suite): neighborhood vs general
    // condition, a37 = 6, is the most inconsistent judgment; 0-based that is (2, 6), the one brute force
    // finds too. Its best value, 1/2, is the one in the a37 = 1/2 copies of this matrix noted above.
    expect(fix).toMatchObject({ row: 2, col: 6, current: 6, suggested: 1 / 2 });
    expect(round(fix.crAfter, 3)).toBe(0.082);
  });

  test('Saaty (1990) house alternatives under transportation (CR 0.213): best by brute force', () => {
    const fix = expectBestSingleChange(fromUpper(3, [7, 1 / 5, 1 / 8]));
    expect(fix).toMatchObject({ row: 0, col: 2, current: 1 / 5, suggested: 1 });
  });

  test('Saaty (1990) house alternatives under size (CR 0.117): best by brute force, and it makes it consistent', () => {
    const fix = expectBestSingleChange(fromUpper(3, [6, 8, 4]));
    // 6 → 2 makes a12·a23 = a13 (2·4 = 8): perfectly consistent.
    expect(fix).toMatchObject({ row: 0, col: 1, current: 6, suggested: 2 });
    expect(fix.crAfter).toBeCloseTo(0, 12);
  });

  test('a full tie (same CR, same step) goes to the lowest (row, col)', () => {
    // Cyclic 3×3 (a12 = a23 = 3, a13 = 1/3): by symmetry every judgment is equally to blame, and each
    // best change (a12 → 1/9, a13 → 9, a23 → 1/9) is a 27-fold step.
    const m = fromUpper(3, [3, 1 / 3, 3]);
    const fix = expectBestSingleChange(m);
    expect(fix).toMatchObject({ row: 0, col: 1 });
  });

  test('equal CRs go to the smaller change in log terms before the lower (row, col)', () => {
    // For 3×3, CR depends only on |log(a12·a23/a13)|. Here a12 → 2 and a23 → 1 both leave that at
    // log(4/3) = −log(3/4): the same CR. The second is the smaller step (9× rather than 16×), so it wins
    // although (0, 1) comes first.
    const fix = expectBestSingleChange(fromUpper(3, [1 / 8, 1 / 6, 1 / 9]));
    expect(fix).toMatchObject({ row: 1, col: 2, current: 1 / 9, suggested: 1 });
  });

  test('a consistent matrix gets no fix', () => {
    expect(ahp(fromUpper(3, [2, 4, 2])).fix).toBeUndefined();
    expect(ahp(DRINKS).fix).toBeUndefined();
  });

  test('n = 15: the full search (105 judgments × 17 values) stays fast', () => {
    const rng = fc.sample(fc.array(fc.constantFrom(...SAATY_SCALE), { minLength: 105, maxLength: 105 }), {
      numRuns: 3,
      seed: 42,
    });
    for (const upper of rng) {
      const m = fromUpper(15, upper);
      const started = performance.now();
      const r = ahp(m);
      const elapsed = performance.now() - started;
      expect(r.cr).toBeGreaterThan(0.1);
      expect(r.fix).toBeDefined();
      expect(elapsed).toBeLessThan(1000);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const scaleValue = fc.constantFrom(...SAATY_SCALE);
const anyJudgment = fc.double({ min: 1 / 9, max: 9, noNaN: true, noDefaultInfinity: true });

/** A positive reciprocal matrix of size 1…maxN with judgments on or between the scale values. */
const reciprocalMatrix = (maxN: number): fc.Arbitrary<Matrix> =>
  fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc
      .array(fc.oneof(scaleValue, anyJudgment), {
        minLength: (n * (n - 1)) / 2,
        maxLength: (n * (n - 1)) / 2,
      })
      .map((upper) => fromUpper(n, upper)),
  );

describe('properties', () => {
  test('weights are positive and sum to 1 (1e-12); CR and the fix obey their contracts', () => {
    fc.assert(
      fc.property(reciprocalMatrix(9), (m) => {
        const r = ahp(m);
        expect(r.weights).toHaveLength(m.length);
        expect(Math.abs(sum(r.weights) - 1)).toBeLessThanOrEqual(1e-12);
        for (const w of r.weights) expect(w).toBeGreaterThan(0);
        expect(r.ci).toBeGreaterThanOrEqual(0);
        expect(r.consistent).toBe(r.cr <= 0.1);
        if (r.fix) {
          expect(r.consistent).toBe(false);
          expect(r.fix.crAfter).toBeLessThan(r.cr);
          expect(r.fix.current).toBe(cell(m, r.fix.row, r.fix.col));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('a matrix built from weights (a_ij = w_i / w_j) has CR ≈ 0 and gives those weights back (1e-9)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 15,
        }),
        (raw) => {
          const total = sum(raw);
          const w = raw.map((x) => x / total);
          const m = w.map((wi) => w.map((wj) => wi / wj));
          const r = ahp(m);
          expect(r.cr).toBeLessThanOrEqual(1e-9);
          expect(r.ci).toBeGreaterThanOrEqual(0);
          expect(r.cr).toBeGreaterThanOrEqual(0);
          expect(r.consistent).toBe(true);
          expect(r.fix).toBeUndefined();
          r.weights.forEach((x, i) => expect(Math.abs(x - (w[i] ?? Number.NaN))).toBeLessThanOrEqual(1e-9));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('3×3 has closed forms: weights are the normalized row geometric means, λmax = 1 + k^⅓ + k^-⅓', () => {
    // k = a12·a23/a13. Judgments span 1e-4…1e4 so that some matrices are far more inconsistent than any
    // real one, where plain power iteration would need ~10⁵ steps to reach 1e-12.
    const judgment = fc.double({ min: -4, max: 4, noNaN: true }).map((e) => 10 ** e);
    fc.assert(
      fc.property(judgment, judgment, judgment, (a12, a13, a23) => {
        const r = ahp(fromUpper(3, [a12, a13, a23]));
        const g = [Math.cbrt(a12 * a13), Math.cbrt(a23 / a12), Math.cbrt(1 / (a13 * a23))];
        const total = sum(g);
        g.forEach((gi, i) =>
          expect(Math.abs((r.weights[i] ?? Number.NaN) - gi / total)).toBeLessThanOrEqual(1e-10),
        );
        const k = (a12 * a23) / a13;
        const lambda = 1 + Math.cbrt(k) + 1 / Math.cbrt(k);
        expect(Math.abs(r.lambdaMax - lambda)).toBeLessThanOrEqual(1e-9 * lambda);
        expect(r.cr).toBeCloseTo((lambda - 3) / 2 / 0.58, 6);
      }),
      { numRuns: 300 },
    );
  });

  test('permuting rows and columns permutes the weights and leaves CR unchanged', () => {
    const matrixAndPermutation = reciprocalMatrix(9).chain((m) =>
      fc
        .shuffledSubarray(
          m.map((_, i) => i),
          { minLength: m.length, maxLength: m.length },
        )
        .map((p) => ({ m, p })),
    );
    fc.assert(
      fc.property(matrixAndPermutation, ({ m, p }) => {
        const permuted = p.map((pi) => p.map((pj) => cell(m, pi, pj)));
        const original = ahp(m);
        const moved = ahp(permuted);
        p.forEach((pi, i) =>
          expect(
            Math.abs((moved.weights[i] ?? Number.NaN) - (original.weights[pi] ?? Number.NaN)),
          ).toBeLessThanOrEqual(1e-9),
        );
        expect(Math.abs(moved.cr - original.cr)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 150 },
    );
  });

  test('n ≤ 2 is always consistent: CI = CR = 0, and the 2×2 weights are a : 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true, noDefaultInfinity: true }), (a) => {
        const two = ahp([
          [1, a],
          [1 / a, 1],
        ]);
        expect(two.ci).toBe(0);
        expect(two.cr).toBe(0);
        expect(two.consistent).toBe(true);
        expect(two.fix).toBeUndefined();
        expect(Math.abs((two.weights[0] ?? Number.NaN) - a / (1 + a))).toBeLessThanOrEqual(1e-12);
      }),
    );
    expect(ahp([[1]])).toEqual({ weights: [1], lambdaMax: 1, ci: 0, cr: 0, consistent: true });
  });

  test('only the upper triangle counts: a non-reciprocal lower triangle is replaced by reciprocals', () => {
    fc.assert(
      fc.property(
        reciprocalMatrix(7),
        fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: 21 }),
        (m, junk) => {
          let k = 0;
          const messy = m.map((row, i) => row.map((x, j) => (i > j ? (junk[k++ % junk.length] ?? 1) : x)));
          expect(ahp(messy)).toEqual(ahp(m));
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Input errors

describe('input errors', () => {
  const bad =
    (m: readonly (readonly number[])[]): (() => void) =>
    () =>
      ahp(m);

  test('empty and oversized matrices', () => {
    expect(bad([])).toThrow(AHP_ERRORS.empty);
    expect(bad(fromUpper(16, []))).toThrow(AHP_ERRORS.tooLarge);
    expect(() => ahp(fromUpper(15, []))).not.toThrow();
  });

  test('non-square matrices', () => {
    expect(bad([[1, 2]])).toThrow(AHP_ERRORS.notSquare);
    expect(bad([[1, 2], [1 / 2]])).toThrow(AHP_ERRORS.notSquare);
    expect(bad([[1], [1]])).toThrow(AHP_ERRORS.notSquare);
  });

  test.each([
    ['zero', 0],
    ['negative', -2],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('a %s entry, above or below the diagonal', (_label, x) => {
    const above = fromUpper(3, [2, 4, 2]);
    above[0]![2] = x;
    expect(bad(above)).toThrow(AHP_ERRORS.badEntry);
    const below = fromUpper(3, [2, 4, 2]);
    below[2]![1] = x;
    expect(bad(below)).toThrow(AHP_ERRORS.badEntry);
  });

  test('a diagonal entry other than 1', () => {
    const m = fromUpper(3, [2, 4, 2]);
    m[1]![1] = 2;
    expect(bad(m)).toThrow(AHP_ERRORS.badDiagonal);
    expect(bad(m)).toThrow('row 2');
  });

  test('errors are InputErrors whose message says where', () => {
    const m = fromUpper(3, [2, 4, 2]);
    m[0]![1] = -1;
    expect(bad(m)).toThrow(InputError);
    expect(bad(m)).toThrow('row 1, column 2');
  });
});

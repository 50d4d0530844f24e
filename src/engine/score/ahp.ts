// Objective weights from a pairwise-comparison matrix by Saaty's AHP (principal eigenvector, CI, CR),
// and, when the judgments are too inconsistent, the one judgment change that would help most.
import { InputError } from '../errors';

/**
 * Saaty's random consistency index: `RANDOM_INDEX[n - 1]` is the mean CI of random reciprocal n×n
 * matrices on the 1–9 scale, n = 1…15. Source: T.L. Saaty, The Analytic Hierarchy Process, McGraw-Hill,
 * New York, 1980 (random index table); the n ≤ 10 values are also those of Saaty, "How to make a
 * decision: The Analytic Hierarchy Process", European Journal of Operational Research 48 (1990) 9–26,
 * whose published CRs the tests reproduce. The dip at n = 12 is in the published table.
 */
export const RANDOM_INDEX: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/** Saaty's fundamental scale and its reciprocals, ascending: 1/9, 1/8, …, 1/2, 1, 2, …, 9. */
export const SAATY_SCALE: readonly number[] = [
  1 / 9,
  1 / 8,
  1 / 7,
  1 / 6,
  1 / 5,
  1 / 4,
  1 / 3,
  1 / 2,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
];

/** Saaty's rule: judgments with CR at or below 10% are acceptable. */
export const CR_THRESHOLD = 0.1;

/** The largest matrix with a tabulated random index. */
export const MAX_CRITERIA = RANDOM_INDEX.length;

/** Why `ahp` refused a matrix; messages say what to fix (a position, when there is one, is appended). */
export const AHP_ERRORS = {
  empty: 'The pairwise comparison matrix is empty; compare at least one objective.',
  tooLarge: `The pairwise comparison matrix has more than ${MAX_CRITERIA} objectives; Saaty's random index (and so the consistency ratio) is only tabulated up to ${MAX_CRITERIA}.`,
  notSquare: 'The pairwise comparison matrix is not square; give every row one comparison per objective.',
  badEntry: 'Every pairwise comparison must be a positive, finite number.',
  badDiagonal: 'An objective compared with itself must be 1; put 1 on the diagonal.',
} as const;

/** One judgment to revisit: `row < col` are 0-based indices into the matrix (its upper triangle). */
export interface AhpFix {
  row: number;
  col: number;
  /** The judgment as given, a[row][col]. */
  current: number;
  /** The value on `SAATY_SCALE` that lowers CR the most when it replaces `current` (and 1/value below). */
  suggested: number;
  /** The CR of the matrix with that one change; exactly what `ahp` returns for the changed matrix. */
  crAfter: number;
}

export interface AhpResult {
  /** Priority weights, positive, summing to 1, in matrix order. */
  weights: number[];
  lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Consistency ratio CI / RI(n); 0 where RI(n) = 0 (n ≤ 2). */
  cr: number;
  /** CR ≤ 0.10. */
  consistent: boolean;
  /** Only when CR > 0.10 and some single change on Saaty's scale lowers it. */
  fix?: AhpFix;
}

/**
 * AHP weights and consistency of a positive reciprocal comparison matrix (a[i][j] = how much more
 * objective i matters than j).
 *
 * The upper triangle holds the judgments; the lower triangle is always taken as their reciprocals, so a
 * matrix that is not exactly reciprocal is read by its upper triangle (the parser upstream reports such
 * a mismatch as a data issue; this function does not). Throws an `InputError` with a message from
 * `AHP_ERRORS` when the matrix is empty, larger than 15×15, not square, has an entry that is not a
 * positive finite number, or has a diagonal entry other than 1.
 *
 * `fix`, present only when CR > 0.10, is the single upper-triangle judgment whose replacement by a value
 * on `SAATY_SCALE` lowers CR the most. Ties (CRs within 1e-9) go to the smaller change in log terms,
 * then the lowest (row, col), then the smaller suggested value.
 */
export function ahp(matrix: readonly (readonly number[])[]): AhpResult {
  const a = judgmentsOf(matrix);
  const m = measure(a, uniform(a.n));
  const consistent = m.cr <= CR_THRESHOLD;
  const result: AhpResult = {
    weights: Array.from(m.weights),
    lambdaMax: m.lambdaMax,
    ci: m.ci,
    cr: m.cr,
    consistent,
  };
  if (!consistent) {
    const fix = bestSingleChange(a, m);
    if (fix) result.fix = fix;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Input checks

/** Row-major n×n matrix; flat so the fix search can edit two cells in place and undo them. */
interface Square {
  readonly n: number;
  readonly cells: Float64Array;
}

function judgmentsOf(matrix: readonly (readonly number[])[]): Square {
  const n = matrix.length;
  if (n === 0) throw new InputError(AHP_ERRORS.empty);
  if (n > MAX_CRITERIA) throw new InputError(AHP_ERRORS.tooLarge);
  matrix.forEach((row, i) => {
    if (row.length !== n) {
      throw new InputError(`${AHP_ERRORS.notSquare} Row ${i + 1} has ${row.length} entries for ${n} rows.`);
    }
  });
  matrix.forEach((row, i) =>
    row.forEach((x, j) => {
      if (!Number.isFinite(x) || x <= 0) {
        throw new InputError(`${AHP_ERRORS.badEntry} Found ${x} at row ${i + 1}, column ${j + 1}.`);
      }
    }),
  );
  matrix.forEach((row, i) => {
    if (row[i] !== 1) throw new InputError(`${AHP_ERRORS.badDiagonal} Found ${row[i]} at row ${i + 1}.`);
  });
  const cells = new Float64Array(n * n);
  matrix.forEach((row, i) =>
    row.forEach((x, j) => {
      if (i < j) {
        cells[i * n + j] = x;
        cells[j * n + i] = 1 / x;
      } else if (i === j) cells[i * n + i] = 1;
    }),
  );
  return { n, cells };
}

// ---------------------------------------------------------------------------------------------------
// The math

const TOLERANCE = 1e-12;
// Power iteration converges like |λ2/λ1|^k; for wildly inconsistent or extreme judgments that ratio can
// sit near 1, so after this many plain steps the operator is squared (A², A⁴, …), which keeps the same
// eigenvector but squares the ratio each time. Cheap insurance: typical matrices converge well before.
const STEPS_BEFORE_SQUARING = 60;
const MAX_SQUARINGS = 40;

interface Measured {
  weights: Float64Array;
  lambdaMax: number;
  ci: number;
  cr: number;
}

function uniform(n: number): Float64Array {
  return new Float64Array(n).fill(1 / n);
}

function measure(a: Square, start: Float64Array): Measured {
  const { n, cells } = a;
  const weights = principalEigenvector(a, start);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let awi = 0;
    for (let j = 0; j < n; j++) awi += (cells[i * n + j] ?? 0) * (weights[j] ?? 0);
    sum += awi / (weights[i] ?? 1);
  }
  const lambdaMax = sum / n;
  // λmax ≥ n for every positive reciprocal matrix; a value just below n is rounding, not "better than consistent".
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = RANDOM_INDEX[n - 1] ?? 0;
  return { weights, lambdaMax, ci, cr: ri > 0 ? ci / ri : 0 };
}

/**
 * Perron vector of `a`, normalized to sum 1, from a positive starting guess (left untouched). The fix
 * search runs this ~1,800 times at n = 15, so it works in two buffers instead of allocating per step.
 */
function principalEigenvector(a: Square, start: Float64Array): Float64Array {
  const { n } = a;
  let cells = a.cells;
  let x = start.slice();
  let y = new Float64Array(n);
  let squarings = 0;
  for (let step = 1; ; step++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += (cells[i * n + j] ?? 0) * (x[j] ?? 0);
      y[i] = s;
      total += s;
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      const v = (y[i] ?? 0) / total;
      y[i] = v;
      // No Math.* here: this runs millions of times in the fix search, and global lookups are slow in
      // sandboxed realms such as Jest's.
      const d = v - (x[i] ?? 0);
      if (d > change) change = d;
      else if (-d > change) change = -d;
    }
    [x, y] = [y, x];
    if (change <= TOLERANCE) return x;
    if (step % STEPS_BEFORE_SQUARING === 0) {
      if (squarings === MAX_SQUARINGS) return x;
      cells = squaredScaled(n, cells);
      squarings++;
    }
  }
}

/** a·a divided by its largest entry, so repeated squaring cannot overflow. */
function squaredScaled(n: number, cells: Float64Array): Float64Array {
  const out = new Float64Array(n * n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (cells[i * n + k] ?? 0) * (cells[k * n + j] ?? 0);
      out[i * n + j] = s;
      if (s > max) max = s;
    }
  }
  return out.map((v) => v / max);
}

// ---------------------------------------------------------------------------------------------------
// The suggested fix

const CR_TIE = 1e-9;
const LOG_TIE = 1e-12;

interface Candidate {
  row: number;
  col: number;
  suggested: number;
  cr: number;
  distance: number;
}

function bestSingleChange(a: Square, current: Measured): AhpFix | undefined {
  const { n } = a;
  const work: Square = { n, cells: a.cells.slice() };
  let best: Candidate | undefined;
  for (let row = 0; row < n; row++) {
    for (let col = row + 1; col < n; col++) {
      const given = a.cells[row * n + col] ?? 1;
      for (const suggested of SAATY_SCALE) {
        const distance = Math.abs(Math.log(suggested) - Math.log(given));
        if (distance <= LOG_TIE) continue; // not a change
        setJudgment(work, row, col, suggested);
        // One judgment moves the eigenvector only a little, so starting from the current weights
        // roughly halves the iterations of the 105 × 17 searches at n = 15.
        const cr = measure(work, current.weights).cr;
        const candidate = { row, col, suggested, cr, distance };
        if (cr < current.cr && (!best || isBetter(candidate, best))) best = candidate;
      }
      setJudgment(work, row, col, given);
    }
  }
  if (!best) return undefined;
  // Re-measure from the same cold start `ahp` uses, so crAfter is exactly ahp(changed matrix).cr.
  setJudgment(work, best.row, best.col, best.suggested);
  const crAfter = measure(work, uniform(n)).cr;
  const given = a.cells[best.row * n + best.col] ?? 1;
  return { row: best.row, col: best.col, current: given, suggested: best.suggested, crAfter };
}

function setJudgment(a: Square, row: number, col: number, value: number): void {
  a.cells[row * a.n + col] = value;
  a.cells[col * a.n + row] = 1 / value;
}

/** Candidates arrive in (row, col, value) order, so a full tie keeps the earlier one. */
function isBetter(c: Candidate, best: Candidate): boolean {
  if (c.cr < best.cr - CR_TIE) return true;
  if (c.cr > best.cr + CR_TIE) return false;
  return c.distance < best.distance - LOG_TIE;
}

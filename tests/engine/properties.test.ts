// Properties of analyzeWorkbook over random project tables (SPEC §4.1, §4.5, §6): random statuses,
// per-period costs and benefits (numbers, money text, blanks), ratings as numbers, numeric text and words
// (known and unknown), and objective weights from a table, a pairwise comparison or none at all.
import fc from 'fast-check';
import { type Analysis, analyzeWorkbook, type ProjectResult, SAATY_SCALE } from '../../src/engine/score';
import type { CellValue, RawTable } from '../../src/engine/model';
import { table } from './support';

const OBJECTIVES = ['Growth', 'Efficiency', 'Resilience', 'Reach'];
const STATUSES = [
  'Proposed',
  'Idea',
  'Approved',
  'Active',
  'In progress',
  'On hold',
  'Completed',
  'Closed',
  'Cancelled',
  'Frozen',
  null,
];
const NOT_CANDIDATE = new Set(['Completed', 'Closed', 'Cancelled']);
// Default rating words (SPEC §4.1); "Meh" is unknown and reads as 0.
const WORDS: Record<string, number> = {
  None: 0,
  Low: 0.25,
  Moderate: 0.5,
  Medium: 0.5,
  Strong: 0.75,
  High: 0.75,
  Extreme: 1,
  'Very High': 1,
  Meh: 0,
};
const PERIOD_HEADERS = [
  'Cost 2027',
  'Cost 2028',
  'Cost 2029',
  'Benefit 2028',
  'Benefit 2029',
  'Benefit 2030',
];

const money: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => `$${n}`) },
  { weight: 2, arbitrary: fc.constant(null) },
);
const rating: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 0, max: 10 }),
  fc.integer({ min: 0, max: 5 }).map(String),
  fc.constantFrom(...Object.keys(WORDS)),
  fc.constant(null),
);

interface Gen {
  nObj: number;
  weightMode: 'table' | 'pairwise' | 'none';
  weights: number[];
  judgments: number[];
  rows: { status: CellValue; flows: CellValue[]; pos: CellValue; ratings: CellValue[] }[];
  /** Sort keys that shuffle the rows. */
  keys: number[];
}

const gen: fc.Arbitrary<Gen> = fc.integer({ min: 1, max: 4 }).chain((nObj) =>
  fc.record({
    nObj: fc.constant(nObj),
    weightMode: fc.constantFrom<Gen['weightMode']>('table', 'pairwise', 'none'),
    weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: nObj, maxLength: nObj }),
    judgments: fc.array(fc.constantFrom(...SAATY_SCALE), { minLength: 6, maxLength: 6 }),
    rows: fc.array(
      fc.record({
        status: fc.constantFrom(...STATUSES),
        flows: fc.array(money, { minLength: 6, maxLength: 6 }),
        pos: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
        ratings: fc.array(rating, { minLength: nObj, maxLength: nObj }),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    keys: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 14, maxLength: 14 }),
  }),
);

/** A pairwise comparison needs two objectives; with one, the workbook has no strategy table at all. */
const modeOf = (g: Gen): Gen['weightMode'] =>
  g.weightMode === 'pairwise' && g.nObj < 2 ? 'none' : g.weightMode;

function projectsTable(g: Gen, order: number[]): RawTable {
  const names = OBJECTIVES.slice(0, g.nObj);
  // Without a strategy table only "Obj: X" headers say that a column rates an objective.
  const ratingHeaders = modeOf(g) === 'none' ? names.map((n) => `Obj: ${n}`) : names;
  const headers = [
    'ID',
    'Project Name',
    'Status',
    ...PERIOD_HEADERS,
    'Probability of Success',
    ...ratingHeaders,
  ];
  const rows = order.map((i) => {
    const r = g.rows[i]!;
    return [`P${i + 1}`, `Project ${i + 1}`, r.status, ...r.flows, r.pos, ...r.ratings];
  });
  return table(headers, rows);
}

function strategyTables(g: Gen): RawTable[] {
  const names = OBJECTIVES.slice(0, g.nObj);
  if (modeOf(g) === 'table') {
    return [
      table(
        ['Objective', 'Weight'],
        names.map((n, j) => [n, g.weights[j]!]),
        { sheet: 'Strategy' },
      ),
    ];
  }
  if (modeOf(g) === 'pairwise') {
    // Upper triangle from the random judgments; the lower triangle left blank (read as reciprocals).
    let k = 0;
    const rows = names.map((n, i) => [
      n,
      ...names.map((_, j) => (i === j ? 1 : j > i ? g.judgments[k++ % 6]! : null)),
    ]);
    return [table(['Objective', ...names], rows, { sheet: 'AHP' })];
  }
  return [];
}

const identity = (g: Gen) => g.rows.map((_, i) => i);
const shuffled = (g: Gen) => identity(g).sort((a, b) => g.keys[a]! - g.keys[b]! || a - b);
const analyze = (g: Gen, order: number[]): Analysis =>
  analyzeWorkbook([projectsTable(g, order), ...strategyTables(g)]);

/** Alignment recomputed from the generated cells: numbers by the scale top (5 or 10), words by the map. */
function expectedAlignment(g: Gen, a: Analysis, i: number): number {
  const nums = g.rows.flatMap((r) =>
    r.ratings.flatMap((v) =>
      typeof v === 'number' ? [v] : typeof v === 'string' && /^\d+$/.test(v) ? [Number(v)] : [],
    ),
  );
  const top = Math.max(0, ...nums) <= 5 ? 5 : 10;
  const names = OBJECTIVES.slice(0, g.nObj);
  let s = 0;
  a.objectives.forEach((o) => {
    const v = g.rows[i]!.ratings[names.indexOf(o.name)] ?? null;
    const r =
      v === null
        ? 0
        : typeof v === 'number'
          ? v / top
          : /^\d+$/.test(String(v))
            ? Number(v) / top
            : (WORDS[String(v)] ?? 0);
    s += o.weight * r;
  });
  return 100 * s;
}

const idx = (p: ProjectResult) => Number(p.project.id.slice(1)) - 1;
const RUNS = { numRuns: 150 };

describe('properties of the analysis over random project tables', () => {
  test('alignment and value score lie in [0, 100]; the financial score in [0, 1]', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const a = analyze(g, identity(g));
        for (const p of a.projects) {
          expect(p.alignment).toBeGreaterThanOrEqual(0);
          expect(p.alignment).toBeLessThanOrEqual(100);
          expect(p.valueScore).toBeGreaterThanOrEqual(0);
          expect(p.valueScore).toBeLessThanOrEqual(100);
          expect(p.financialScore).toBeGreaterThanOrEqual(0);
          expect(p.financialScore).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  test('alignment equals Σ w·r with ratings read by the scale top or the word map (SPEC §4.1)', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const a = analyze(g, identity(g));
        for (const p of a.projects) expect(p.alignment).toBeCloseTo(expectedAlignment(g, a, idx(p)), 9);
      }),
      RUNS,
    );
  });

  test('objective weights are non-negative and sum to 1 (within 1e-12)', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const a = analyze(g, identity(g));
        expect(a.objectives).toHaveLength(g.nObj);
        const sum = a.objectives.reduce((s, o) => s + o.weight, 0);
        expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-12);
        for (const o of a.objectives) expect(o.weight).toBeGreaterThanOrEqual(0);
        if (modeOf(g) === 'none') for (const o of a.objectives) expect(o.weight).toBe(1 / g.nObj);
        if (modeOf(g) === 'table' && g.weights.some((w) => w > 0)) {
          const total = g.weights.reduce((s, w) => s + w, 0);
          a.objectives.forEach((o, j) => expect(o.weight).toBeCloseTo(g.weights[j]! / total, 12));
        }
      }),
      RUNS,
    );
  });

  test('value score = a·A + (1 − a)·100·F, F = eligible values strictly below / (n − 1) (SPEC §4.5)', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const a = analyze(g, identity(g));
        // Percentiles among the eligible projects whose benefit is known; an unknown benefit scores 0.5.
        const eligible = a.projects.filter((p) => p.eligible && p.financials.benefitKnown);
        for (const p of a.projects) {
          const row = g.rows[idx(p)]!;
          // A candidate with no cost in any period has an unknown cost: never a candidate (SPEC §3.2).
          const costKnown = row.flows.slice(0, 3).some((v) => v !== null);
          expect(p.eligible).toBe(!NOT_CANDIDATE.has(String(row.status)) && costKnown);
          // Completed and cancelled projects are decided already: nothing of theirs counts as missing.
          const closed = NOT_CANDIDATE.has(String(row.status));
          expect(p.financials.benefitKnown).toBe(closed || row.flows.slice(3).some((v) => v !== null));
        }
        const n = eligible.length;
        for (const p of a.projects) {
          const below = eligible.filter(
            (q) => q.financials.riskAdjustedNpv < p.financials.riskAdjustedNpv,
          ).length;
          const F = !p.financials.benefitKnown ? 0.5 : n <= 1 ? 1 : Math.min(1, below / (n - 1));
          expect(p.financialScore).toBeCloseTo(F, 12);
          expect(p.valueScore).toBeCloseTo(Math.min(100, 0.5 * p.alignment + 50 * F), 9);
        }
      }),
      RUNS,
    );
  });

  test('ranks are a permutation of 1..n: eligible first, by value, then risk-adjusted NPV, then id', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const a = analyze(g, identity(g));
        const n = g.rows.length;
        expect(a.projects).toHaveLength(n);
        expect(a.projects.map((p) => p.rank).sort((x, y) => x - y)).toEqual(
          Array.from({ length: n }, (_, k) => k + 1),
        );
        const byRank = [...a.projects].sort((x, y) => x.rank - y.rank);
        for (let k = 1; k < byRank.length; k++) {
          const prev = byRank[k - 1]!;
          const next = byRank[k]!;
          if (prev.eligible !== next.eligible) {
            expect(prev.eligible).toBe(true);
            continue;
          }
          // Ties by risk-adjusted NPV where the benefit is known (a cost-only NPV breaks no tie), then id.
          const key = (p: ProjectResult) =>
            [p.valueScore, p.financials.benefitKnown ? p.financials.riskAdjustedNpv : -Infinity] as const;
          const [pv, pr] = key(prev);
          const [nv, nr] = key(next);
          const inOrder =
            pv > nv || (pv === nv && (pr > nr || (pr === nr && prev.project.id < next.project.id)));
          expect(inOrder).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test('results do not depend on row order (shuffled rows, unique ids)', () => {
    const view = (a: Analysis) =>
      Object.fromEntries(
        a.projects.map((p) => [
          p.project.id,
          { alignment: p.alignment, valueScore: p.valueScore, rank: p.rank, eligible: p.eligible },
        ]),
      );
    fc.assert(
      fc.property(gen, (g) => {
        const a = analyze(g, identity(g));
        const b = analyze(g, shuffled(g));
        expect(view(b)).toEqual(view(a));
        expect(b.objectives).toEqual(a.objectives);
      }),
      RUNS,
    );
  });
});

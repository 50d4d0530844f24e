// analyzeWorkbook end to end on a small hand-built workbook (SPEC §3.3, §4.1, §4.2, §4.4, §4.5): every
// weight, alignment, risk-adjusted NPV, percentile, value score and rank below is worked by hand in the
// comments. Conventions used throughout: a project's total cost sits in period 1 and, with "Benefit
// Years" = 1, its total benefit in period 2, so at rate r: PV(cost) = C/(1+r), PV(benefit) = B/(1+r)².
import { analyzeWorkbook, type Analysis } from '../../../src/engine/score/analyze';
import type { CellValue, RawTable } from '../../../src/engine/model';
import { byId, table } from '../support';

const PROJECT_HEADERS = [
  'ID',
  'Project Name',
  'Status',
  'Cost',
  'Benefit',
  'Benefit Years',
  'Probability of Success',
  'Actual Cost',
  'EAC',
  'Mandatory',
  'Growth',
  'Efficiency',
  'Engineering FTE',
  'Notes',
];
// prettier-ignore
const PROJECT_ROWS: CellValue[][] = [
  //ID   Name     Status       Cost Ben  Yrs PoS  Act  EAC  Mand   G  E  FTE Notes
  ['P1', 'Alpha', 'Proposed',  100, 300, 1, 0.9, null, null, 'No', 5, 1, 2, 'first'],
  ['P2', 'Beta',  'Approved',  200, 300, 1, 0.5, null, null, 'Yes', 2, 4, 1, null],
  ['P3', 'Gamma', 'Active',    500, 400, 1, 1,   400,  550, 'No', 3, 3, 3, null],
  ['P4', 'Delta', 'Completed', 100, 500, 1, 1,   null, null, 'No', 5, 5, 0, null],
  ['P5', 'Eps',   'Cancelled', 100, 100, 1, 1,   null, null, 'No', 1, 1, 0, null],
  ['P6', 'Zeta',  'Proposed',   50,   0, 1, 1,   null, null, 'No', 0, 0, 0, null],
  ['P7', 'Theta', 'On hold',   300, 250, 1, 1,   100,  null, 'No', 1, 2, 1, null],
];

const objectivesTable = (): RawTable =>
  table(
    ['Objective', 'Weight'],
    [
      ['Growth', 3],
      ['Efficiency', 1],
    ],
    { sheet: 'Strategy' },
  );
const budgetTable = (): RawTable =>
  table(
    ['Year', 'Budget'],
    [
      [2027, 1000],
      [2028, '$500'],
    ],
    { sheet: 'Budget' },
  );
const capacityTable = (): RawTable =>
  table(['Role', 'Capacity (FTE)'], [['Engineering', 10]], { sheet: 'Capacity' });
const settingsTable = (rows: CellValue[][]): RawTable =>
  table(['Setting', 'Value'], rows, { sheet: 'SRO Settings' });
const projectsTable = (rows: CellValue[][] = PROJECT_ROWS): RawTable =>
  table(PROJECT_HEADERS, rows, { sheet: 'Projects' });

function workbook(extra: RawTable[] = [], rows?: CellValue[][]): RawTable[] {
  return [projectsTable(rows), objectivesTable(), budgetTable(), capacityTable(), ...extra];
}

const rankOf = (a: Analysis) => Object.fromEntries(a.projects.map((p) => [p.project.id, p.rank]));

// Risk-adjusted NPV = p·PV(B) − PV(C) at the default 8% (SPEC §4.4), decision flows only.
const R = 1.08;
const RANPV = {
  P1: (0.9 * 300) / R ** 2 - 100 / R, //  231.481 −  92.593 =  138.889
  P2: (0.5 * 300) / R ** 2 - 200 / R, //  128.601 − 185.185 = −56.584
  P3: 400 / R ** 2 - 150 / R, //          342.936 − 138.889 =  204.047 (remaining cost 550 − 400)
  P6: 0 - 50 / R, //                                          = −46.296
  P7: 250 / R ** 2 - 200 / R, //          214.335 − 185.185 =   29.150 (remaining cost 300 − 100)
};

describe('the hand-built workbook with default settings', () => {
  const a = analyzeWorkbook(workbook());

  test('every table is recognized for what it is', () => {
    expect(a.roles).toEqual({
      Projects: 'projects',
      Strategy: 'objectives',
      Budget: 'budget',
      Capacity: 'capacity',
    });
    expect(a.table).toEqual({ name: 'Projects', sheet: 'Projects' });
  });

  test('objective weights from the Objectives table: 3 and 1 → 0.75 and 0.25', () => {
    expect(a.weightSource).toBe('table');
    expect(a.objectives).toEqual([
      { name: 'Growth', weight: 0.75 },
      { name: 'Efficiency', weight: 0.25 },
    ]);
  });

  test('budget per year and capacity per role', () => {
    expect(a.budgets).toEqual([
      { label: '2027', amount: 1000 },
      { label: '2028', amount: 500 },
    ]);
    expect(a.capacities).toEqual([{ role: 'Engineering', period: null, fte: 10 }]);
  });

  test('the period axis: the cost period and one benefit year after it', () => {
    expect(a.periods).toEqual(['Y1', 'Y2']);
    expect(byId(a, 'P1').project.costs).toEqual([100, 0]);
    expect(byId(a, 'P1').project.benefits).toEqual([0, 300]);
  });

  test('row values reach the project: mandatory, resources, carried-through columns', () => {
    const p1 = byId(a, 'P1').project;
    expect(p1.resources).toEqual({ Engineering: 2 });
    expect(p1.extra).toEqual({ Notes: 'first' });
    expect(byId(a, 'P2').project.mandatory).toBe(true);
    expect(p1.mandatory).toBe(false);
  });

  test('alignment on a 0–5 scale: A = 100 · (0.75·G/5 + 0.25·E/5)', () => {
    const expected: Record<string, number> = {
      P1: 80, // 0.75·1   + 0.25·0.2 = 0.80
      P2: 50, // 0.75·0.4 + 0.25·0.8 = 0.50
      P3: 60, // 0.75·0.6 + 0.25·0.6 = 0.60
      P4: 100, // 0.75·1  + 0.25·1   = 1
      P5: 20, // 0.75·0.2 + 0.25·0.2 = 0.20
      P6: 0,
      P7: 25, // 0.75·0.2 + 0.25·0.4 = 0.25
    };
    for (const [id, A] of Object.entries(expected)) expect(byId(a, id).alignment).toBeCloseTo(A, 10);
  });

  test('in-flight projects are judged on remaining cost (EAC − actual, or cost − actual); sunk cost ignored', () => {
    const p3 = byId(a, 'P3');
    expect(p3.project.costs).toEqual([150, 0]); // EAC 550 − actual 400
    expect(p3.project.totalCost).toBe(550); // lifetime figure kept for the PMO columns
    expect(p3.financials.remainingCost).toBe(150);
    expect(p3.financials.riskAdjustedNpv).toBeCloseTo(RANPV.P3, 9);
    const p7 = byId(a, 'P7');
    expect(p7.project.costs).toEqual([200, 0]); // no EAC: cost 300 − actual 100
    expect(p7.financials.riskAdjustedNpv).toBeCloseTo(RANPV.P7, 9);
  });

  test('risk-adjusted NPV = p·PV(benefits) − PV(costs)', () => {
    for (const id of ['P1', 'P2', 'P6'] as const)
      expect(byId(a, id).financials.riskAdjustedNpv).toBeCloseTo(RANPV[id], 9);
  });

  test('completed and cancelled projects are not eligible, and say why', () => {
    expect(byId(a, 'P4')).toMatchObject({
      eligible: false,
      ineligibleReason: 'Completed projects are not candidates.',
    });
    expect(byId(a, 'P5')).toMatchObject({
      eligible: false,
      ineligibleReason: 'Cancelled projects are not candidates.',
    });
    for (const id of ['P1', 'P2', 'P3', 'P6', 'P7']) expect(byId(a, id).eligible).toBe(true);
  });

  test('financial score: percentile rank among the 5 eligible = (count strictly below) / 4', () => {
    // Eligible RA-NPVs ascending: P2 −56.6 < P6 −46.3 < P7 29.2 < P1 138.9 < P3 204.0.
    const F: Record<string, number> = { P2: 0, P6: 0.25, P7: 0.5, P1: 0.75, P3: 1 };
    for (const [id, f] of Object.entries(F)) expect(byId(a, id).financialScore).toBeCloseTo(f, 12);
  });

  test('value score V = 0.5·A + 0.5·100·F', () => {
    const V: Record<string, number> = {
      P1: 77.5, // 40 + 37.5
      P2: 25, //   25 + 0
      P3: 80, //   30 + 50
      P6: 12.5, //  0 + 12.5
      P7: 37.5, // 12.5 + 25
    };
    for (const [id, v] of Object.entries(V)) expect(byId(a, id).valueScore).toBeCloseTo(v, 9);
  });

  test('ranks: eligible by value first (P3, P1, P7, P2, P6), then the ineligible; results in rank order', () => {
    const ranks = rankOf(a);
    expect([ranks.P3, ranks.P1, ranks.P7, ranks.P2, ranks.P6]).toEqual([1, 2, 3, 4, 5]);
    expect([ranks.P4, ranks.P5].sort()).toEqual([6, 7]);
    expect(a.projects.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('no data issues on a clean workbook', () => {
    expect(a.issues).toEqual([]);
  });
});

describe('sunk cost never counts', () => {
  test('two in-flight projects with the same remaining cost get the same decision figures, whatever they spent', () => {
    const rows: CellValue[][] = [
      ['S1', 'Spent a lot', 'Active', 5000, 400, 1, 1, 4850, 5000, 'No', 3, 3, 0, null],
      ['S2', 'Spent little', 'Active', 150, 400, 1, 1, 0, 150, 'No', 3, 3, 0, null],
    ];
    const a = analyzeWorkbook(workbook([], rows));
    const f1 = byId(a, 'S1').financials;
    const f2 = byId(a, 'S2').financials;
    // Remaining cost 5000 − 4850 = 150 = 150 − 0; RA-NPV = 400/1.08² − 150/1.08 for both.
    expect(f1.remainingCost).toBe(150);
    expect(f2.remainingCost).toBe(150);
    expect(f1.riskAdjustedNpv).toBeCloseTo(400 / R ** 2 - 150 / R, 9);
    expect(f1.npv).toBe(f2.npv);
    expect(byId(a, 'S1').valueScore).toBe(byId(a, 'S2').valueScore);
  });

  test('an on-hold project with only % complete keeps the unfinished share of its cost', () => {
    const rows: CellValue[][] = [
      ['H1', 'Half done', 'On hold', 1000, 0, 1, 1, null, null, 'No', 0, 0, 0, null],
    ];
    const t = table([...PROJECT_HEADERS, '% Complete'], [[...rows[0]!, '40%']]);
    const a = analyzeWorkbook([t, objectivesTable()]);
    expect(byId(a, 'H1').project.costs[0]).toBeCloseTo(600, 9); // 1000 · (1 − 0.4)
  });
});

describe('the alignment gate (settings) makes low-alignment projects ineligible unless mandatory', () => {
  const a = analyzeWorkbook(workbook([settingsTable([['Alignment gate', 55]])]));

  test('P6 (0) and P7 (25) fall below 55; P2 (50) is mandatory and stays', () => {
    expect(a.settings.alignmentGate).toBe(55);
    expect(byId(a, 'P6')).toMatchObject({
      eligible: false,
      ineligibleReason: 'Alignment 0 is below the gate of 55.',
    });
    expect(byId(a, 'P7')).toMatchObject({
      eligible: false,
      ineligibleReason: 'Alignment 25 is below the gate of 55.',
    });
    expect(byId(a, 'P2').eligible).toBe(true);
  });

  test('percentiles are taken among the 3 eligible only: P2 0, P1 0.5, P3 1 → V 25, 65, 80', () => {
    // V(P1) = 0.5·80 + 50·0.5 = 65; V(P2) = 0.5·50 + 0 = 25; V(P3) = 0.5·60 + 50·1 = 80.
    expect(byId(a, 'P1').valueScore).toBeCloseTo(65, 9);
    expect(byId(a, 'P2').valueScore).toBeCloseTo(25, 9);
    expect(byId(a, 'P3').valueScore).toBeCloseTo(80, 9);
    const ranks = rankOf(a);
    expect([ranks.P3, ranks.P1, ranks.P2]).toEqual([1, 2, 3]);
    expect([ranks.P4, ranks.P5, ranks.P6, ranks.P7].sort()).toEqual([4, 5, 6, 7]);
  });

  test('without the mandatory flag P2 (50 < 55) is gated out too', () => {
    const rows = PROJECT_ROWS.map((r) => (r[0] === 'P2' ? r.map((c, j) => (j === 9 ? 'No' : c)) : r));
    const b = analyzeWorkbook(workbook([settingsTable([['Alignment gate', 55]])], rows));
    expect(byId(b, 'P2')).toMatchObject({
      eligible: false,
      ineligibleReason: 'Alignment 50 is below the gate of 55.',
    });
  });
});

describe('the settings table overrides the defaults', () => {
  const settings = settingsTable([
    ['Discount rate', '0%'],
    ['Alignment weight', '80%'],
    ['Financial measure', 'ROI'],
    ['Total budget', 1200],
  ]);
  const a = analyzeWorkbook(workbook([settings]));

  test('the settings are read', () => {
    expect(a.roles['SRO Settings']).toBe('settings');
    expect(a.settings).toMatchObject({
      discountRate: 0,
      alignmentWeight: 0.8,
      financialMeasure: 'roi',
      totalBudget: 1200,
    });
    // A total budget in settings replaces the Budget table.
    expect(a.budgets).toEqual([{ label: 'Total', amount: 1200 }]);
  });

  test('rate 0: risk-adjusted NPV is p·B − C undiscounted', () => {
    expect(byId(a, 'P1').financials.riskAdjustedNpv).toBeCloseTo(0.9 * 300 - 100, 9); // 170
    expect(byId(a, 'P3').financials.riskAdjustedNpv).toBeCloseTo(400 - 150, 9); // 250
  });

  test('ROI percentiles and V = 0.8·A + 0.2·100·F', () => {
    // ROI = (ΣB − ΣC)/ΣC on decision flows: P1 2, P2 0.5, P3 (400−150)/150 = 1.667, P6 −1, P7 0.25.
    // Ascending: P6 < P7 < P2 < P3 < P1 → F 0, .25, .5, .75, 1.
    expect(byId(a, 'P3').financials.roi).toBeCloseTo(250 / 150, 12);
    const V: Record<string, number> = {
      P1: 84, // 0.8·80 + 20·1
      P2: 50, // 0.8·50 + 20·0.5
      P3: 63, // 0.8·60 + 20·0.75
      P6: 0, //  0      + 0
      P7: 25, // 0.8·25 + 20·0.25
    };
    for (const [id, v] of Object.entries(V)) expect(byId(a, id).valueScore).toBeCloseTo(v, 9);
    const ranks = rankOf(a);
    expect([ranks.P1, ranks.P3, ranks.P2, ranks.P7, ranks.P6]).toEqual([1, 2, 3, 4, 5]);
  });

  test('caller settings (CLI flags, task pane) override the sheet', () => {
    const b = analyzeWorkbook(workbook([settings]), { settings: { alignmentWeight: 0.5 } });
    expect(b.settings.alignmentWeight).toBe(0.5);
    expect(b.settings.discountRate).toBe(0); // still from the sheet
    expect(byId(b, 'P1').valueScore).toBeCloseTo(90, 9); // 0.5·80 + 50·1
  });

  test('a bad setting is a data issue and keeps the default', () => {
    const b = analyzeWorkbook(workbook([settingsTable([['Alignment weight', 'lots']])]));
    expect(b.settings.alignmentWeight).toBe(0.5);
    expect(b.issues).toEqual([
      expect.objectContaining({
        sheet: 'SRO Settings',
        row: 2,
        column: 'Value',
        value: 'lots',
        assumption: 'Kept the default for this setting.',
      }),
    ]);
  });
});

describe('objective weights from a pairwise comparison (AHP)', () => {
  // Consistent judgments from the weights 4 : 2 : 1 — G/E = 2, G/R = 4, E/R = 2 — so the principal
  // eigenvector is exactly (4, 2, 1)/7 and CR = 0. The lower triangle is left blank or typed as "1/2".
  const pairwise = table(
    ['Objective', 'Growth', 'Efficiency', 'Resilience'],
    [
      ['Growth', 1, 2, 4],
      ['Efficiency', '1/2', 1, 2],
      ['Resilience', null, null, 1],
    ],
    { sheet: 'AHP' },
  );
  const projects = table(
    ['ID', 'Project', 'Cost', 'Benefit', 'Growth', 'Efficiency', 'Resilience'],
    [
      ['A', 'Alpha', 100, 200, 10, 5, 0],
      ['B', 'Beta', 100, 200, 0, 10, 10],
      ['C', 'Gamma', 100, 200, 4, 4, 4],
    ],
  );

  test('weights 4/7, 2/7, 1/7 and CR 0', () => {
    const a = analyzeWorkbook([projects, pairwise]);
    expect(a.roles.AHP).toBe('pairwise');
    expect(a.weightSource).toBe('pairwise');
    expect(a.objectives.map((o) => o.name)).toEqual(['Growth', 'Efficiency', 'Resilience']);
    const w = a.objectives.map((o) => o.weight);
    [4 / 7, 2 / 7, 1 / 7].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 10));
    expect(a.ahp!.cr).toBeCloseTo(0, 10);
    expect(a.issues).toEqual([]);
  });

  test('alignment on the detected 0–10 scale with the AHP weights', () => {
    const a = analyzeWorkbook([projects, pairwise]);
    expect(byId(a, 'A').alignment).toBeCloseTo((100 * 5) / 7, 9); // 4/7·1 + 2/7·0.5 + 0 = 5/7
    expect(byId(a, 'B').alignment).toBeCloseTo((100 * 3) / 7, 9); // 0 + 2/7 + 1/7 = 3/7
    expect(byId(a, 'C').alignment).toBeCloseTo(40, 9); // 0.4 on every objective
  });

  test('with both tables the pairwise one sets the weights and a note says so; "Weight source" = table switches', () => {
    const objectives = table(
      ['Objective', 'Weight'],
      [
        ['Growth', 1],
        ['Efficiency', 1],
        ['Resilience', 2],
      ],
      { sheet: 'Strategy' },
    );
    const a = analyzeWorkbook([projects, pairwise, objectives]);
    expect(a.weightSource).toBe('pairwise');
    expect(a.notes.some((n) => /pairwise comparison/.test(n) && /Strategy/.test(n))).toBe(true);
    const b = analyzeWorkbook([projects, pairwise, objectives, settingsTable([['Weight source', 'table']])]);
    expect(b.weightSource).toBe('table');
    expect(b.objectives.map((o) => o.weight)).toEqual([0.25, 0.25, 0.5]);
  });
});

describe('without any objective weights every rating column weighs the same, and the summary says so', () => {
  const projects = table(
    ['ID', 'Project', 'Cost', 'Benefit', 'Obj: Growth', 'Alignment - Efficiency'],
    [
      ['P1', 'Alpha', 100, 200, 'Extreme', 'Moderate'],
      ['P2', 'Beta', 100, 200, 'None', 'Strong'],
      ['P3', 'Gamma', 100, 200, 'Low', 'High'],
      ['P4', 'Delta', 100, 200, 'Medium', 'medium'],
    ],
  );
  const a = analyzeWorkbook([projects]);

  test('equal weights with a note', () => {
    expect(a.weightSource).toBe('equal');
    expect(a.objectives).toEqual([
      { name: 'Growth', weight: 0.5 },
      { name: 'Efficiency', weight: 0.5 },
    ]);
    expect(a.notes.some((n) => /each of the 2 objectives weighs the same \(50\.0%\)/.test(n))).toBe(true);
  });

  test('rating words map through the default map (None 0, Low .25, Moderate/Medium .5, Strong/High .75, Extreme 1)', () => {
    expect(byId(a, 'P1').alignment).toBeCloseTo(75, 10); // 0.5·1 + 0.5·0.5
    expect(byId(a, 'P2').alignment).toBeCloseTo(37.5, 10); // 0.5·0 + 0.5·0.75
    expect(byId(a, 'P3').alignment).toBeCloseTo(50, 10); // 0.5·0.25 + 0.5·0.75
    expect(byId(a, 'P4').alignment).toBeCloseTo(50, 10); // 0.5·0.5 + 0.5·0.5
  });

  test('ratings on a 0–100 scale are read by that scale', () => {
    const t = table(
      ['Project', 'Cost', 'Obj: Growth'],
      [
        ['Alpha', 10, 80],
        ['Beta', 10, 35],
      ],
    );
    const b = analyzeWorkbook([t]);
    expect(byId(b, 'R2').alignment).toBeCloseTo(80, 10);
    expect(byId(b, 'R3').alignment).toBeCloseTo(35, 10);
  });
});

describe('ties: value score, then risk-adjusted NPV, then id', () => {
  // One objective (equal weight 1), a = 0.5, rate 8%, three eligible projects so F ∈ {0, 0.5, 1}.
  const headers = ['ID', 'Project', 'Cost', 'Benefit', 'Benefit Years', 'Obj: Growth'];

  test('equal value scores are ordered by risk-adjusted NPV, not by id', () => {
    const t = table(headers, [
      ['A', 'Aligned, no return', 100, 0, 1, 5], //  A 100, RA-NPV −100/1.08 = −92.6 → F 0   → V 50 + 0  = 50
      ['B', 'Half and half', 100, 100, 1, 2.5], //    A 50,  RA-NPV −6.9               → F 0.5 → V 25 + 25 = 50
      ['C', 'Return, no alignment', 100, 300, 1, 0], // A 0, RA-NPV 164.6              → F 1   → V 0 + 50  = 50
    ]);
    const a = analyzeWorkbook([t]);
    for (const id of ['A', 'B', 'C']) expect(byId(a, id).valueScore).toBe(50);
    expect(rankOf(a)).toEqual({ C: 1, B: 2, A: 3 });
  });

  test('equal value and equal risk-adjusted NPV are ordered by id; equal measures share a percentile', () => {
    const t = table(headers, [
      ['B', 'Twin B', 100, 300, 1, 5],
      ['A', 'Twin A', 100, 300, 1, 5],
      ['C', 'Laggard', 100, 0, 1, 0],
    ]);
    const a = analyzeWorkbook([t]);
    // The twins have one eligible value strictly below them (C): F = 1/2, V = 50 + 25 = 75.
    expect(byId(a, 'A').financialScore).toBe(0.5);
    expect(byId(a, 'B').valueScore).toBe(75);
    expect(byId(a, 'C').valueScore).toBe(0);
    expect(rankOf(a)).toEqual({ A: 1, B: 2, C: 3 });
  });

  test('a single eligible project has F = 1', () => {
    const t = table(headers, [['A', 'Only', 100, 0, 1, 0]]);
    const a = analyzeWorkbook([t]);
    expect(byId(a, 'A').financialScore).toBe(1);
    expect(byId(a, 'A').valueScore).toBe(50); // 0.5·0 + 0.5·100·1
  });

  test('with no ratings at all, the value score rests on the financial measure alone', () => {
    const t = table(
      ['ID', 'Project', 'Cost', 'Benefit'],
      [
        ['A', 'a', 100, 500],
        ['B', 'b', 100, 0],
      ],
    );
    const a = analyzeWorkbook([t]);
    expect(byId(a, 'A').valueScore).toBe(100);
    expect(byId(a, 'B').valueScore).toBe(0);
    expect(a.notes.some((n) => /No objective ratings were found/.test(n))).toBe(true);
  });
});

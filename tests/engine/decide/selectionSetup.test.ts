// The bridge from an analysis to the selection program: candidates, values, budgets per period or in
// total, capacity per role and per period, dependencies, exclusive groups and balance limits.
import { analyzeWorkbook } from '../../../src/engine/score';
import { selectionSetup } from '../../../src/engine/decide/selectionSetup';
import type { Settings } from '../../../src/engine/read';
import { table } from '../support';

const HEADERS = [
  'ID',
  'Project',
  'Status',
  'Business Unit',
  'Cost 2027',
  'Cost 2028',
  'Benefit 2029',
  'FTE Engineering',
  'Mandatory',
  'Depends On',
  'Exclusive Group',
  'Growth',
  'Compliance',
];
const ROWS = [
  ['A', 'Alpha', 'Proposed', 'Retail', 100, 50, 400, 2, null, null, 'CRM', 4, 0],
  ['B', 'Beta', 'Active', 'Retail', 0, 80, 300, 1, null, 'A', 'crm', 2, 2],
  ['C', 'Gamma', 'Approved', 'Tech', 60, 0, 200, 0, 'Yes', 'D', null, 0, 5],
  ['D', 'Delta', 'Completed', 'Tech', 0, 0, 0, 0, null, null, null, 1, 1],
  ['E', 'Epsilon', 'Proposed', 'Tech', 30, 30, 100, 3, null, 'F', null, 1, 3],
  ['F', 'Phi', 'Cancelled', 'Tech', 10, 0, 50, 0, null, null, null, 3, 0],
];
const OBJECTIVES = table(
  ['Objective', 'Weight'],
  [
    ['Growth', 0.6],
    ['Compliance', 0.4],
  ],
  { sheet: 'Strategy', name: 'Objectives' },
);
const BUDGET = table(
  ['Year', 'Budget'],
  [
    [2027, 150],
    [2028, 100],
  ],
  { sheet: 'Budget', name: 'Budget' },
);
const CAPACITY = table(['Role', 'Capacity (FTE)'], [['Engineering', 4]], {
  sheet: 'Capacity',
  name: 'Capacity',
});

function setup(settings: Partial<Settings> = {}, extra = [BUDGET, CAPACITY]) {
  const analysis = analyzeWorkbook([table(HEADERS, ROWS, { name: 'Tracker' }), OBJECTIVES, ...extra], {
    settings,
  });
  return { analysis, ...selectionSetup(analysis) };
}

describe('selectionSetup', () => {
  test('candidates: every eligible project; completed and cancelled ones are not', () => {
    const { problem } = setup();
    expect(problem.projects.map((p) => p.id).sort()).toEqual(['A', 'B', 'C', 'E']);
  });

  test('costs per budgeted period, capacity per role, mandatory', () => {
    const { problem } = setup();
    const byId = Object.fromEntries(problem.projects.map((p) => [p.id, p]));
    expect(problem.budgets).toEqual([150, 100]);
    expect(problem.budgetLabels).toEqual(['2027', '2028']);
    expect(byId.A).toMatchObject({ costs: [100, 50], resources: [2] });
    expect(byId.B).toMatchObject({ costs: [0, 80], resources: [1] });
    expect(byId.C).toMatchObject({ costs: [60, 0], resources: [0], mandatory: true });
    expect(problem.capacities).toEqual([4]);
    expect(problem.capacityLabels).toEqual(['Engineering']);
  });

  test('a total budget is one dimension over the whole horizon', () => {
    const { problem } = setup({ totalBudget: 500 });
    expect(problem.budgets).toEqual([500]);
    expect(problem.projects.find((p) => p.id === 'A')!.costs).toEqual([150]);
  });

  test('the value is the value score by default, risk-adjusted NPV when chosen', () => {
    const { problem, analysis } = setup();
    const a = analysis.projects.find((p) => p.project.id === 'A')!;
    expect(problem.projects.find((p) => p.id === 'A')!.value).toBe(a.valueScore);
    const ra = setup({ objective: 'riskAdjustedNpv' });
    expect(ra.problem.projects.find((p) => p.id === 'A')!.value).toBe(a.financials.riskAdjustedNpv);
  });

  test('dependencies: on a candidate kept; on a completed project satisfied; on a cancelled one the project is left out', () => {
    const { problem, notes } = setup();
    expect(problem.dependencies).toEqual([['B', 'A']]);
    expect(problem.projects.find((p) => p.id === 'C')!.excluded).toBeUndefined();
    expect(problem.projects.find((p) => p.id === 'E')!.excluded).toBe(true);
    expect(notes).toContain(
      'E depends on F, which cannot be selected (Cancelled projects are not candidates.); E is left out.',
    );
  });

  test('exclusive groups compare like headers ("CRM" = "crm")', () => {
    expect(setup().problem.exclusiveGroups).toEqual([['A', 'B']]);
  });

  test('the current portfolio is the Approved and Active candidates', () => {
    expect(setup().current.sort()).toEqual(['B', 'C']);
  });

  test('balance: an objective counts spend in proportion to ratings; a business unit counts whole projects', () => {
    const { problem } = setup({ minShare: { Compliance: 0.2 }, maxShare: { 'Business Unit: Retail': 0.7 } });
    // Ratings (0–5): B 2/2 → half its spend counts toward Compliance; C 0/5 → all; E 1/3 → 3/4; A 4/0 → none.
    expect(problem.balance).toEqual([
      { label: 'Compliance', shares: { B: 0.5, C: 1, E: expect.closeTo(0.75, 12) }, min: 0.2 },
      { label: 'Business Unit: Retail', shares: { A: 1, B: 1 }, max: 0.7 },
    ]);
  });

  test('without a budget table the selection is unbudgeted, and says so', () => {
    const { problem, notes } = setup({}, [CAPACITY]);
    expect(problem.budgets).toEqual([]);
    expect(notes.some((n) => n.startsWith('No budget was found'))).toBe(true);
  });
});

describe('output sheets of an earlier run are not input', () => {
  test('an objectives-like table on "SRO Summary" does not set the weights', () => {
    const fake = table(
      ['Objective', 'Weight', 'Spend share'],
      [
        ['Growth', 0.1, 0.5],
        ['Compliance', 0.9, 0.5],
      ],
      { sheet: 'SRO Summary', name: 'SRO_Coverage' },
    );
    const a = analyzeWorkbook([fake, table(HEADERS, ROWS, { name: 'Tracker' }), OBJECTIVES]);
    expect(a.objectives).toEqual([
      { name: 'Growth', weight: 0.6 },
      { name: 'Compliance', weight: 0.4 },
    ]);
    expect(a.roles.SRO_Coverage).toBe('other');
  });
});

describe('review fixes: costs from EAC, yearly budgets over total costs, share columns on one scale', () => {
  const objectives = table(['Objective', 'Weight'], [['Growth', 1]], {
    sheet: 'Strategy',
    name: 'Objectives',
  });

  test('a tracker whose only cost column is EAC: the EAC is the cost (in flight: EAC × what is left to do)', () => {
    const t = table(
      ['ID', 'Project', 'Status', 'EAC', '% Complete', 'Benefit', 'Growth'],
      [
        ['A', 'Alpha', 'Proposed', 1000, null, 3000, 3],
        ['B', 'Beta', 'Active', 2000, 0.25, 5000, 3],
      ],
      { name: 'Tracker' },
    );
    const a = analyzeWorkbook([t, objectives]);
    const cost = (id: string) => a.projects.find((p) => p.project.id === id)!.financials.remainingCost;
    expect(cost('A')).toBe(1000);
    // 25% done: three quarters of the EAC remain.
    expect(cost('B')).toBe(1500);
  });

  test('yearly budgets with a total-cost tracker bind as one total, and the summary says so', () => {
    const t = table(
      ['ID', 'Project', 'Cost', 'Benefit', 'Growth'],
      [
        ['A', 'Alpha', 2000, 5000, 5],
        ['B', 'Beta', 1500, 3000, 4],
        ['C', 'Gamma', 1000, 1500, 2],
      ],
      { name: 'Tracker' },
    );
    const budget = table(
      ['Year', 'Budget'],
      [
        [2027, 1500],
        [2028, 1500],
      ],
      { sheet: 'Budget', name: 'Budget' },
    );
    const { problem, notes } = selectionSetup(analyzeWorkbook([t, objectives, budget]));
    expect(problem.budgets).toEqual([3000]);
    expect(problem.budgetLabels).toEqual(['Total']);
    expect(problem.projects.map((p) => p.costs)).toEqual([[2000], [1500], [1000]]);
    expect(notes.some((n) => n.includes('uses their total, $3k'))).toBe(true);
  });

  test('a 0–100 probability column reads 1 as 1%; a 0–1 column reports a stray 1.5 as above 100%', () => {
    const head = ['ID', 'Project', 'Cost', 'Benefit', 'Probability of Success', 'Growth'];
    const percent = analyzeWorkbook([
      table(
        head,
        [
          ['A', 'Alpha', 100, 300, 80, 3],
          ['B', 'Beta', 100, 300, 1, 3],
          ['C', 'Gamma', 100, 300, 60, 3],
        ],
        { name: 'T' },
      ),
      objectives,
    ]);
    const p = (a: typeof percent, id: string) =>
      a.projects.find((x) => x.project.id === id)!.project.probability;
    expect([p(percent, 'A'), p(percent, 'B'), p(percent, 'C')]).toEqual([0.8, 0.01, 0.6]);
    const fraction = analyzeWorkbook([
      table(
        head,
        [
          ['A', 'Alpha', 100, 300, 0.8, 3],
          ['B', 'Beta', 100, 300, 1.5, 3],
          ['C', 'Gamma', 100, 300, 0.6, 3],
        ],
        { name: 'T' },
      ),
      objectives,
    ]);
    expect(p(fraction, 'A')).toBe(0.8);
    expect(fraction.issues.find((i) => i.cell === 'E3')?.problem).toBe(
      'Probability of success is above 100% (150%).',
    );
  });
});

describe('constraint switches of a scenario', () => {
  test('on by default: capacity, dependencies and exclusive groups bind', () => {
    const { problem } = setup();
    expect(problem.capacities).toBeDefined();
    expect(problem.dependencies).toEqual([['B', 'A']]);
    expect(problem.exclusiveGroups).toEqual([['A', 'B']]);
  });

  test('off: each constraint is dropped, and the summary notes say so', () => {
    const { problem, notes } = setup({
      useCapacity: false,
      useDependencies: false,
      useExclusiveGroups: false,
    });
    expect(problem.capacities).toBeUndefined();
    expect(problem.dependencies).toEqual([]);
    expect(problem.exclusiveGroups).toEqual([]);
    // E depends on Phi (cancelled): with dependencies off, E is no longer left out.
    expect(problem.projects.find((p) => p.id === 'E')!.excluded).toBeUndefined();
    expect(notes.join(' ')).toMatch(/Capacity limits are switched off/);
    expect(notes.join(' ')).toMatch(/Dependencies are switched off/);
    expect(notes.join(' ')).toMatch(/Exclusive groups are switched off/);
  });
});

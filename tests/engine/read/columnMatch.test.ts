// Column mapping against SPEC §3.1: every example header of every row of the column table, the
// case/space/punctuation rule, units in headers, overrides, duplicate single fields and carried-through
// columns. Expected fields are the spec's, not the code's.
import { extractPeriod } from '../../../src/engine/read/periods';
import {
  mapColumns,
  matchHeader,
  normalizeHeader,
  projectTableScore,
} from '../../../src/engine/read/columnMatch';
import type { ColumnMap, Field } from '../../../src/engine/read/fields';
import { readProjects } from '../../../src/engine/read/projects';
import { readContext, table } from '../support';

const fieldOf = (header: string, objectives: string[] = []): Field =>
  matchHeader(header, 0, objectives).field;
const col = (cols: ColumnMap[], header: string): ColumnMap => {
  const c = cols.find((x) => x.header === header);
  if (!c) throw new Error(`no column ${header}`);
  return c;
};

describe('SPEC §3.1: every example header maps to its field', () => {
  // One row per line of the spec's table, with every example header the spec lists for it.
  const rows: [string, Field, string[]][] = [
    ['id', 'id', ['ID', 'Project ID', 'Code', 'Key', '#']],
    ['name', 'name', ['Project', 'Project Name', 'Name', 'Initiative', 'Title']],
    ['status', 'status', ['Status', 'Stage', 'Phase']],
    ['cost', 'cost', ['Cost', 'Total Cost', 'Budget', 'Estimated Cost', 'Investment', 'CapEx']],
    [
      'benefit',
      'benefit',
      ['Benefit', 'Benefits', 'Benefit(s)', 'Total Benefit', 'Expected Benefits', 'Savings', 'Value'],
    ],
    ['benefit horizon', 'benefitYears', ['Benefit Years', 'Horizon', 'Useful Life']],
    ['actual cost to date', 'actualCost', ['Actual Cost', 'Spent to Date', 'Actuals', 'AC']],
    ['baseline cost', 'baselineCost', ['Baseline', 'Approved Budget', 'BAC', 'Planned Cost']],
    ['forecast at completion', 'eac', ['EAC', 'Forecast', 'Estimate at Completion']],
    ['percent complete', 'percentComplete', ['% Complete', 'Progress']],
    ['realized benefit', 'realizedBenefit', ['Realized Benefit', 'Benefits Realized']],
    ['probability of success', 'probability', ['Probability of Success', 'Confidence', 'PoS']],
    ['risk', 'risk', ['Risk', 'Risk Rating', 'Risk Level']],
    ['mandatory', 'mandatory', ['Mandatory', 'Regulatory', 'Must Do']],
    ['force out', 'excluded', ['Exclude', 'Force Out']],
    ['depends on', 'dependsOn', ['Depends On', 'Dependencies', 'Predecessors', 'Requires']],
    ['exclusive group', 'exclusiveGroup', ['Exclusive Group', 'Alternative Group', 'Option Group']],
    ['start', 'start', ['Start', 'Start Date']],
    ['end', 'end', ['End', 'Finish']],
    ['grouping: sponsor', 'sponsor', ['Sponsor']],
    ['grouping: business unit', 'businessUnit', ['Business Unit']],
    ['grouping: department', 'department', ['Department']],
    ['grouping: category', 'category', ['Category']],
    ['grouping: program', 'program', ['Program']],
  ];
  for (const [label, field, headers] of rows) {
    test.each(headers)(`${label}: "%s" → ${field}`, (h) => {
      const m = matchHeader(h, 3);
      expect(m).toMatchObject({ index: 3, header: h, field });
      // An exact synonym from the spec is a sure match, not a guess.
      expect(m.confidence).toBe(1);
    });
  }

  // Cost per period: the period is read from the header, whatever side of the word it sits on.
  test.each<[string, object]>([
    ['Cost 2027', { kind: 'year', year: 2027 }],
    ['2027 Cost', { kind: 'year', year: 2027 }],
    ['FY27 Cost', { kind: 'year', year: 2027 }],
    ['Cost Y1', { kind: 'relative', index: 1 }],
    ['Year 1 Cost', { kind: 'relative', index: 1 }],
  ])('cost per period: "%s" → costPeriod %j', (h, period) => {
    const m = matchHeader(h, 0);
    expect(m.field).toBe('costPeriod');
    expect(m.period).toEqual(period);
  });

  test.each<[string, object]>([
    ['Benefit 2028', { kind: 'year', year: 2028 }],
    ['FY28 Benefit', { kind: 'year', year: 2028 }],
    ['Benefit Y2', { kind: 'relative', index: 2 }],
  ])('benefit per period: "%s" → benefitPeriod %j', (h, period) => {
    const m = matchHeader(h, 0);
    expect(m.field).toBe('benefitPeriod');
    expect(m.period).toEqual(period);
  });

  test.each([
    ['FTE Engineering', 'Engineering'],
    ['Engineering FTE', 'Engineering'],
    ['Headcount Data Science', 'Data Science'],
  ])('resource demand: "%s" → resource for role %s', (h, role) => {
    expect(matchHeader(h, 0)).toMatchObject({ field: 'resource', role });
  });

  // SPEC §3.1 lists a bare "Headcount" among the resource-demand headers. matchHeader's RESOURCE_RE needs
  // a role word beside "Headcount", so the column falls through to `extra`: the demand is carried to the
  // ranking sheet as text and never reaches capacity. Bug in src/engine/columnMatch.ts (matchHeader).
  test('resource demand: a bare "Headcount" column is a resource-demand column (SPEC §3.1)', () => {
    const m = matchHeader('Headcount', 0);
    expect(m.field).toBe('resource');
    expect(m.role).toBeTruthy();
  });

  describe('objective ratings', () => {
    const objectives = ['Customer Growth', 'Efficiency'];
    test('a header equal to an objective name (compared like every header) rates that objective', () => {
      expect(matchHeader('Customer Growth', 0, objectives)).toMatchObject({
        field: 'rating',
        objective: 'Customer Growth',
        confidence: 1,
      });
      expect(matchHeader('customer-growth', 0, objectives)).toMatchObject({
        field: 'rating',
        objective: 'Customer Growth',
      });
      expect(matchHeader('EFFICIENCY', 0, objectives)).toMatchObject({
        field: 'rating',
        objective: 'Efficiency',
      });
    });
    test.each(['Obj: Efficiency', 'Alignment - Efficiency', 'Obj - Efficiency', 'Objective: Efficiency'])(
      '"%s" rates the objective named after the prefix',
      (h) => {
        expect(matchHeader(h, 0, objectives)).toMatchObject({ field: 'rating', objective: 'Efficiency' });
      },
    );
    test('"Obj: X" names its objective even when the workbook has no objectives table', () => {
      expect(matchHeader('Obj: Market Share', 0)).toMatchObject({
        field: 'rating',
        objective: 'Market Share',
      });
      // Without a strategy table a plain "Efficiency" header is not a rating: nothing says it is an objective.
      expect(fieldOf('Efficiency')).toBe('extra');
    });
  });
});

describe('headers compare case-, space- and punctuation-insensitively', () => {
  test('normalizeHeader drops case, spaces, punctuation and accents', () => {
    expect(normalizeHeader('  Project-Name_2027 ')).toBe('projectname2027');
    expect(normalizeHeader('% Complete')).toBe('complete');
    expect(normalizeHeader('Catégorie')).toBe('categorie');
  });
  test.each<[string, Field]>([
    ['PROJECT NAME', 'name'],
    ['project name', 'name'],
    ['Project_Name', 'name'],
    ['project-name', 'name'],
    ['  Project   Name  ', 'name'],
    ['Project.Name', 'name'],
    ['START_DATE', 'start'],
    ['depends-on', 'dependsOn'],
    ['Probability-of-Success', 'probability'],
    ['percent complete', 'percentComplete'],
    ['Spent-To-Date', 'actualCost'],
    ['business_unit', 'businessUnit'],
    ['e.a.c.', 'eac'],
    ['Must-Do?', 'mandatory'],
  ])('"%s" → %s', (h, field) => {
    expect(fieldOf(h)).toBe(field);
  });
  test('period headers too: "cost_fy27", "COST 2027", "year-1 cost"', () => {
    expect(matchHeader('cost_fy27', 0)).toMatchObject({
      field: 'costPeriod',
      period: { kind: 'year', year: 2027 },
    });
    expect(matchHeader('COST 2027', 0)).toMatchObject({
      field: 'costPeriod',
      period: { kind: 'year', year: 2027 },
    });
    expect(matchHeader('year-1 cost', 0)).toMatchObject({
      field: 'costPeriod',
      period: { kind: 'relative', index: 1 },
    });
  });
});

describe('extractPeriod', () => {
  test.each<[string, object | null]>([
    ['Cost 2027', { kind: 'year', year: 2027 }],
    ['FY2027 Cost', { kind: 'year', year: 2027 }],
    ["FY'28 Benefit", { kind: 'year', year: 2028 }],
    ['Q3 2027 Cost', { kind: 'year', year: 2027, quarter: 3 }],
    ['2027 Q4 Cost', { kind: 'year', year: 2027, quarter: 4 }],
    ['Year 10 Benefit', { kind: 'relative', index: 10 }],
    ['Notes', null],
  ])('"%s" → %j', (h, period) => {
    const p = extractPeriod(h);
    expect(p === null ? null : p.period).toEqual(period);
  });
});

describe('units in headers', () => {
  test.each<[string, Field, number | undefined, string | undefined]>([
    ['Cost ($k)', 'cost', 1000, '$'],
    ['Cost ($M)', 'cost', 1e6, '$'],
    ['Cost (000s)', 'cost', 1000, undefined],
    ['Benefit (€k)', 'benefit', 1000, '€'],
    ['Cost (in thousands)', 'cost', 1000, undefined],
    ['Cost (€)', 'cost', undefined, '€'],
    ['Actual Cost (£m)', 'actualCost', 1e6, '£'],
    ['Cost 2027 ($k)', 'costPeriod', 1000, '$'],
  ])('"%s" → %s ×%s %s', (h, field, multiplier, currency) => {
    const m = matchHeader(h, 0);
    expect(m.field).toBe(field);
    expect(m.multiplier).toBe(multiplier);
    expect(m.currency).toBe(currency);
  });

  test('a unit on a column that holds no money is not a multiplier', () => {
    const m = matchHeader('Probability of Success (k)', 0);
    expect(m.field).toBe('probability');
    expect(m.multiplier).toBeUndefined();
  });

  test('the multiplier reaches the project: 250 in "Cost ($k)" is a cost of 250,000', () => {
    const t = table(['Project', 'Cost ($k)'], [['Alpha', 250]]);
    const { projects } = readProjects(t, mapColumns(t.headers), readContext());
    // No period columns: one period (Y1) holds the whole total, 250 × 1,000.
    expect(projects[0]!.costs[0]).toBe(250_000);
    expect(projects[0]!.totalCost).toBe(250_000);
  });

  test('the multiplier reaches per-period money: 1.5 in "Cost 2028 ($M)" is 1,500,000 in 2028', () => {
    const t = table(['Project', 'Cost 2027 ($M)', 'Cost 2028 ($M)'], [['Alpha', 0.5, 1.5]]);
    const { projects, axis } = readProjects(t, mapColumns(t.headers), readContext());
    expect(axis.labels.slice(0, 2)).toEqual(['2027', '2028']);
    expect(projects[0]!.costs.slice(0, 2)).toEqual([500_000, 1_500_000]);
  });
});

describe('mapColumns', () => {
  test('each header is mapped, in order, with its index', () => {
    const cols = mapColumns(['ID', 'Project Name', 'Status', 'Cost 2027', 'Cost 2028', 'Notes']);
    expect(cols.map((c) => [c.index, c.field])).toEqual([
      [0, 'id'],
      [1, 'name'],
      [2, 'status'],
      [3, 'costPeriod'],
      [4, 'costPeriod'],
      [5, 'extra'],
    ]);
  });

  test('fields that take many columns keep them all (periods, roles, ratings)', () => {
    const cols = mapColumns(
      ['Project', 'Cost 2027', 'Cost 2028', 'FTE Dev', 'FTE Ops', 'Growth', 'Reach'],
      ['Growth', 'Reach'],
    );
    expect(cols.map((c) => c.field)).toEqual([
      'name',
      'costPeriod',
      'costPeriod',
      'resource',
      'resource',
      'rating',
      'rating',
    ]);
    expect(cols.map((c) => c.role ?? c.objective ?? null)).toEqual([
      null,
      null,
      null,
      'Dev',
      'Ops',
      'Growth',
      'Reach',
    ]);
  });

  describe('duplicate single fields: the most confident column wins, the rest are carried through', () => {
    test('an exact synonym beats a guess even when the guess is to its left', () => {
      // "Initiative Short Name" is only a guess for the name (pattern "initiative … name"); "Project" is exact.
      const cols = mapColumns(['Initiative Short Name', 'Project']);
      expect(col(cols, 'Project')).toMatchObject({ field: 'name', confidence: 1 });
      expect(col(cols, 'Initiative Short Name')).toMatchObject({ field: 'extra', confidence: 0 });
    });
    test('a guess for cost loses to "Total Cost"', () => {
      const cols = mapColumns(['Project', 'Cost Estimate Notes', 'Total Cost']);
      expect(col(cols, 'Total Cost').field).toBe('cost');
      expect(col(cols, 'Cost Estimate Notes').field).toBe('extra');
    });
    test('equally confident columns: the leftmost wins', () => {
      const cols = mapColumns(['Project Name', 'Project', 'ID', 'Code']);
      expect(cols.map((c) => c.field)).toEqual(['name', 'extra', 'id', 'extra']);
    });
    test('every single field keeps at most one column', () => {
      const cols = mapColumns([
        'Status',
        'Stage',
        'Phase',
        'Risk',
        'Risk Level',
        'Start',
        'Start Date',
        'Project',
      ]);
      const count = (f: Field) => cols.filter((c) => c.field === f).length;
      expect([count('status'), count('risk'), count('start'), count('extra')]).toEqual([1, 1, 1, 4]);
    });
    test('the losing column is carried through to the project with its cell value', () => {
      const t = table(['ID', 'Project Name', 'Project', 'Code'], [['P1', 'Alpha', 'alpha-legacy', 'X-9']]);
      const { projects } = readProjects(t, mapColumns(t.headers), readContext());
      expect(projects[0]!.id).toBe('P1');
      expect(projects[0]!.name).toBe('Alpha');
      expect(projects[0]!.extra).toEqual({ Project: 'alpha-legacy', Code: 'X-9' });
    });
  });

  test('unmapped columns are carried through as extra, with their values, blank headers dropped', () => {
    const t = table(['Project', 'Notes', 'Owner Comments', ''], [['Alpha', 'keep me', 42, 'orphan']]);
    const cols = mapColumns(t.headers);
    expect(cols.map((c) => c.field)).toEqual(['name', 'extra', 'extra', 'extra']);
    const { projects } = readProjects(t, cols, readContext());
    expect(projects[0]!.extra).toEqual({ Notes: 'keep me', 'Owner Comments': 42 });
  });

  describe('overrides win', () => {
    test('an override claims a single field from an exact synonym, which is then carried through', () => {
      const cols = mapColumns(['Project', 'Owner Name'], [], { 'owner name': { field: 'name' } });
      expect(cols.map((c) => [c.header, c.field])).toEqual([
        ['Project', 'extra'],
        ['Owner Name', 'name'],
      ]);
    });
    test('an override can turn a recognized column into a carried-through one', () => {
      const cols = mapColumns(['Project', 'Cost'], [], { Cost: { field: 'extra' } });
      expect(col(cols, 'Cost').field).toBe('extra');
    });
    test('an override to a rating names the objective; to a resource names the role', () => {
      const cols = mapColumns(['Project', 'Score', 'Devs'], [], {
        Score: { field: 'rating', objective: 'Growth' },
        Devs: { field: 'resource', role: 'Engineering' },
      });
      expect(col(cols, 'Score')).toMatchObject({ field: 'rating', objective: 'Growth', confidence: 1 });
      expect(col(cols, 'Devs')).toMatchObject({ field: 'resource', role: 'Engineering' });
    });
    test('an override to a money field reads the unit of the header', () => {
      const cols = mapColumns(['Project', 'Ask ($k)'], [], { 'Ask ($k)': { field: 'cost' } });
      expect(col(cols, 'Ask ($k)')).toMatchObject({ field: 'cost', multiplier: 1000, currency: '$' });
    });
    test('a per-period override on a header without a period cannot be honoured and is carried through', () => {
      const cols = mapColumns(['Project', 'Spend'], [], { Spend: { field: 'costPeriod' } });
      expect(col(cols, 'Spend').field).toBe('extra');
      const ok = mapColumns(['Project', 'Outlay 2029'], [], { 'Outlay 2029': { field: 'costPeriod' } });
      expect(col(ok, 'Outlay 2029')).toMatchObject({
        field: 'costPeriod',
        period: { kind: 'year', year: 2029 },
      });
    });
  });
});

describe('projectTableScore', () => {
  test('0 without a name column, however many other columns map', () => {
    expect(projectTableScore(['ID', 'Cost', 'Status', 'Risk'])).toBe(0);
  });
  test('the sum of the confidences of the mapped columns; carried-through columns add nothing', () => {
    const headers = ['ID', 'Project', 'Status', 'Cost 2027', 'Notes'];
    const mapped = mapColumns(headers).filter((c) => c.field !== 'extra');
    expect(mapped.map((c) => c.header)).toEqual(['ID', 'Project', 'Status', 'Cost 2027']);
    expect(projectTableScore(headers)).toBeCloseTo(
      mapped.reduce((s, c) => s + c.confidence, 0),
      12,
    );
    expect(projectTableScore([...headers, 'Remarks', 'Comments'])).toBe(projectTableScore(headers));
  });
  test('a tracker with more project vocabulary scores higher', () => {
    expect(projectTableScore(['Project', 'Cost', 'Benefit', 'Status'])).toBeGreaterThan(
      projectTableScore(['Project', 'Cost']),
    );
  });
});

// Reading trackers as they are (issue 12): column profiles and content vetoes, header qualifiers and
// units, word splitting, delivery-confidence words, withheld cells, transposed tables and grouped issues.
// Expected fields follow what the headers and cells mean to an analyst.
import { analyzeWorkbook } from '../../../src/engine/score';
import { headerUnit, mapColumns, matchHeader, splitWords } from '../../../src/engine/read/columnMatch';
import { profileColumn } from '../../../src/engine/read/profile';
import { profileTable } from '../../../src/engine/read/inputs';
import { confidenceKey } from '../../../src/engine/read/vocabulary';
import { exemptionName, unknownText } from '../../../src/engine/read/unknowns';
import { orientTable } from '../../../src/engine/read/orient';
import { cellRanges, groupIssues } from '../../../src/engine/read/issueGroups';
import type { CellValue, DataIssue } from '../../../src/engine/model';
import { byId, table } from '../support';

const mapped = (headers: string[], rows: CellValue[][]) => {
  const t = table(headers, rows);
  return mapColumns(t.headers, [], {}, profileTable(t));
};
const col = (cols: ReturnType<typeof mapped>, header: string) => cols.find((c) => c.header === header)!;

describe('column profiles', () => {
  const cells: CellValue[] = [
    1200,
    '£1,234.50',
    '12%',
    new Date(Date.UTC(2024, 0, 1)),
    'DCMS_0009_1516-Q4',
    'The programme will replace ageing systems that are costly to maintain and no longer meet needs.',
    null,
    '  ',
    'Exempt under Section 43 of the Freedom of Information Act 2000',
    'TBC',
    'Amber/Green',
    1200,
  ];

  test('counts numbers, money text, percentages, dates, codes, long text, blanks, withheld cells', () => {
    expect(profileColumn(cells)).toMatchObject({
      cells: 12,
      blanks: 2,
      numbers: 4,
      money: 1,
      percents: 1,
      dates: 1,
      codes: 1,
      longText: 1,
      withheld: 1,
      notAvailable: 1,
      ratings: 1,
    });
  });

  test('for an id column: the different values, and long text only', () => {
    expect(profileColumn(cells, true)).toMatchObject({
      cells: 12,
      blanks: 2,
      distinct: 9,
      unique: false,
      longText: 1,
    });
    expect(profileColumn(['A-1', 'A-2', 'a-3'], true)).toMatchObject({ distinct: 3, unique: true });
  });
});

describe('content vetoes a header (SPEC §3.2)', () => {
  const n = 20;
  const rows = (f: (i: number) => CellValue[]) => Array.from({ length: n }, (_, i) => f(i));

  test('an id-like column is never money: "Investment" of codes is not the cost', () => {
    const cols = mapped(
      ['Project Name', 'Investment'],
      rows((i) => [`P${i}`, `021-4881${1000 + i}`]),
    );
    expect(col(cols, 'Investment')).toMatchObject({
      field: 'extra',
      vetoed: { field: 'cost', reason: `header says cost; ${n} of ${n} cells are codes, like an id` },
    });
  });

  test('text in a money column: "header says cost; 0 of 20 cells are numbers"', () => {
    const cols = mapped(
      ['Project Name', 'Budget'],
      rows((i) => [`P${i}`, i % 2 ? 'agreed' : 'pending review']),
    );
    expect(col(cols, 'Budget').vetoed).toEqual({
      field: 'cost',
      reason: 'header says cost; 0 of 20 cells are numbers',
    });
  });

  test('narrative text never becomes a number', () => {
    const story =
      'Benefits are largely non-monetised and relate to service quality, resilience and wider outcomes.';
    const cols = mapped(
      ['Project Name', 'Benefits'],
      rows((i) => [`P${i}`, story]),
    );
    expect(col(cols, 'Benefits').vetoed?.reason).toMatch(/20 of 20 cells are narrative text/);
  });

  test('an empty column never becomes a field, and the next candidate takes it', () => {
    const cols = mapped(
      ['Project Name', 'Cost', 'Total Cost'],
      rows((i) => [`P${i}`, null, 100 + i]),
    );
    expect(col(cols, 'Cost')).toMatchObject({ field: 'extra', vetoed: { field: 'cost' } });
    expect(col(cols, 'Total Cost').field).toBe('cost');
  });

  test('confidence combines header and content; the reason counts the cells', () => {
    const cols = mapped(
      ['Project Name', 'Cost'],
      rows((i) => [`P${i}`, i < 15 ? 100 : 'n.k.']),
    );
    expect(col(cols, 'Cost')).toMatchObject({ field: 'cost', reason: '15 of 20 cells are numbers' });
    expect(col(cols, 'Cost').confidence).toBeCloseTo(0.7 + 0.3 * 0.75, 6);
  });

  test('"Confidence" holding Red/Amber/Green is a delivery-confidence rating, not a percentage', () => {
    const cols = mapped(
      ['Project Name', 'Confidence'],
      rows((i) => [`P${i}`, ['Red', 'Amber', 'Green'][i % 3]!]),
    );
    expect(col(cols, 'Confidence').field).toBe('deliveryConfidence');
  });

  test('an override is never vetoed: the user has looked', () => {
    const t = table(
      ['Project Name', 'Budget'],
      rows((i) => [`P${i}`, 'agreed']),
    );
    const cols = mapColumns(t.headers, [], { Budget: { field: 'cost' } }, profileTable(t));
    expect(col(cols, 'Budget').field).toBe('cost');
  });
});

describe('header meaning, not only synonyms', () => {
  test.each<[string, string, object]>([
    [
      'TOTAL Baseline Whole Life Costs (£m) (including Non-Government Costs)',
      'cost',
      { baseline: true, multiplier: 1e6, currency: '£' },
    ],
    ['Financial Year Baseline (£m)', 'inYear', { measure: 'baseline', multiplier: 1e6 }],
    ['Financial Year Forecast (£m)', 'inYear', { measure: 'forecast' }],
    ['FY Variance', 'inYear', { measure: 'variance' }],
    ['YTD spend ($k)', 'inYear', { multiplier: 1e3 }],
    ['Annual budget', 'inYear', { measure: 'baseline' }],
    ['TOTAL Baseline Benefits (£m)', 'benefit', { multiplier: 1e6 }],
    ['Lifetime benefits', 'benefit', {}],
    ['Forecast whole life cost', 'eac', {}],
    ['Departmental Narrative on Budgeted Whole Life Costs', 'extra', {}],
    ['Budget commentary', 'extra', {}],
    ['Description / Aims', 'extra', {}],
    ['Cost notes', 'extra', {}],
    ['CostVariance ($M)', 'extra', {}],
    ['GMPP ID Number', 'id', {}],
    ['uniqueId', 'id', {}],
    ['Proj #', 'id', {}],
    ['Project No.', 'id', {}],
    ['Ref', 'id', {}],
    ['Identifier', 'id', {}],
    ['Unique_Investment_Identifier', 'id', {}],
    ['Agency_Name', 'department', {}],
    ['Ministry', 'department', {}],
    ['Estimated completion date', 'end', {}],
    ['estimatedCompletionDate', 'end', {}],
    ['Projected_Actual_Project_Completion_Date', 'end', {}],
    ['Project - Start Date (Latest Approved Start Date)', 'start', {}],
    ['PlannedCost ($M)', 'baselineCost', { multiplier: 1e6, currency: '$' }],
    ['ProjectedActualCost ($M)', 'eac', { multiplier: 1e6 }],
    ['expendituresToDate', 'actualCost', {}],
    ['Investment_Title', 'program', {}],
    [
      'IPA Delivery Confidence Assessment (A Delivery Confidence Assessment … Red – Amber/Red – Amber)',
      'deliveryConfidence',
      { source: 'IPA' },
    ],
    ['SRO Delivery Confidence Assessment', 'deliveryConfidence', { source: 'SRO' }],
    ['RAG status', 'deliveryConfidence', {}],
  ])('"%s" → %s', (h, field, more) => {
    expect(matchHeader(h, 0)).toMatchObject({ field, ...more });
  });

  test('the in-year figure never competes with the whole-life cost', () => {
    const cols = mapColumns(['Project Name', 'Financial Year Forecast (£m)', 'Whole Life Cost (£m)']);
    expect(cols.map((c) => c.field)).toEqual(['name', 'inYear', 'cost']);
  });

  test('agency, ministry or department is the business unit when the table names none', () => {
    expect(mapColumns(['Project Name', 'Department']).map((c) => c.field)).toEqual(['name', 'businessUnit']);
    expect(mapColumns(['Project Name', 'Department', 'Business Unit']).map((c) => c.field)).toEqual([
      'name',
      'department',
      'businessUnit',
    ]);
  });

  test.each([
    ['estimatedCompletionDate', 'estimated Completion Date'],
    ['Unique_Investment_Identifier', 'Unique Investment Identifier'],
    ['PlannedCost', 'Planned Cost'],
    ['GMPPIdNumber', 'GMPP Id Number'],
  ])('camelCase, snake_case and PascalCase split into words: %s', (h, words) => {
    expect(splitWords(h)).toBe(words);
  });

  test.each<[string, number | undefined, string | undefined]>([
    ['Cost (£m)', 1e6, '£'],
    ['Cost $M', 1e6, '$'],
    ['Cost ($000)', 1e3, '$'],
    ['Cost in thousands', 1e3, undefined],
    ['Budget €k', 1e3, '€'],
    ['Cost ($bn)', 1e9, '$'],
    ['Cost', undefined, undefined],
  ])('units in "%s" scale by %s, currency %s', (h, multiplier, currency) => {
    const u = headerUnit(h);
    expect(u.multiplier).toBe(multiplier);
    expect(u.currency).toBe(currency);
  });
});

describe('delivery-confidence ratings', () => {
  test.each([
    ['Green', 'green'],
    ['Amber/Green', 'amber/green'],
    ['Amber-Green', 'amber/green'],
    ['green / amber', 'amber/green'],
    ['AMBER', 'amber'],
    ['Amber/Red', 'amber/red'],
    ['Red/Amber', 'amber/red'],
    ['A/R', 'amber/red'],
    ['Red', 'red'],
    ['RAG: Green', 'green'],
  ])('"%s" reads as %s', (text, key) => {
    expect(confidenceKey(text)).toBe(key);
  });

  test.each(['Not set', 'Exempt', 'Reset', 'Red/Green', 'Blue', ''])('"%s" is no rating', (text) => {
    expect(confidenceKey(text)).toBeNull();
  });

  test('the settings map sets the probability; the IPA rating before the SRO rating; a probability column before both', () => {
    const a = analyzeWorkbook([
      table(
        ['Project Name', 'Cost', 'IPA Delivery Confidence Assessment', 'SRO Delivery Confidence Assessment'],
        [
          ['A', 10, 'Amber/Green', 'Green'],
          ['B', 10, 'Not set', 'Red'],
          ['C', 10, null, null],
        ],
      ),
      table(['Setting', 'Value'], [['Delivery confidence Amber/Green', 0.7]], { sheet: 'SRO Settings' }),
    ]);
    expect(byId(a, 'R2').project).toMatchObject({
      probability: 0.7,
      probabilitySource: 'confidence',
      deliveryConfidence: { rating: 'Amber/Green', source: 'IPA' },
    });
    expect(byId(a, 'R3').project).toMatchObject({ probability: 0.15, deliveryConfidence: { source: 'SRO' } });
    expect(byId(a, 'R4').project).toMatchObject({ probability: 1, probabilitySource: 'default' });
    expect(a.notes.join(' ')).toMatch(/Amber\/Green 70%.*IPA’s rating is used/);
  });
});

describe('withheld and unknown values are unknown, never 0', () => {
  test.each<[string, string | null]>([
    ['Exempt under Section 43 of the Freedom of Information Act 2000', 'withheld'],
    ['Withheld – commercially sensitive', 'withheld'],
    ['FOI exempt', 'withheld'],
    ['Not Available', 'notAvailable'],
    ['Data Not Provided', 'notAvailable'],
    ['TBC', 'notAvailable'],
    ['n/a', 'notAvailable'],
    ['£1,234', null],
    ['Rail', null],
  ])('"%s" → %s', (text, kind) => {
    expect(unknownText(text)).toBe(kind);
  });

  test('an FOI exemption is named as such', () => {
    expect(exemptionName('Exempt under Section 43 of the Freedom of Information Act 2000')).toBe(
      'Section 43 of the Freedom of Information Act',
    );
  });

  test('a withheld cost makes the project no candidate, with the cell named; a withheld benefit judges no return', () => {
    const a = analyzeWorkbook([
      table(
        ['Project Name', 'Cost', 'Benefit'],
        [
          ['A', 'Exempt under Section 43 of the Freedom of Information Act 2000', 500],
          ['B', 100, 'Not Available'],
          ['C', 100, 300],
        ],
      ),
    ]);
    const A = byId(a, 'R2');
    expect(A.eligible).toBe(false);
    expect(A.ineligibleReason).toMatch(/Cost unknown \(B2\)/);
    expect(A.project.unknown).toEqual([
      {
        figure: 'cost',
        column: 'Cost',
        cell: 'B2',
        why: 'withheld',
        text: 'Exempt under Section 43 of the Freedom of Information Act 2000',
      },
    ]);
    expect(A.rank).toBe(3);
    expect(byId(a, 'R3').financials.benefitKnown).toBe(false);
    expect(byId(a, 'R3').financialScore).toBe(0.5);
    expect(a.issues.find((i) => i.cell === 'B2')!.problem).toBe(
      'Cost is withheld under Section 43 of the Freedom of Information Act.',
    );
  });
});

describe('transposed tables (field names down a column, one project per column)', () => {
  const sheet = [
    ['GMPP ID Number', 'X_1', 'X_2', 'X_3'],
    ['Project Name', 'Alpha', 'Beta', 'Gamma'],
    ['Department', 'DfT', 'HO', 'DfT'],
    [
      'Whole Life Cost (£m)',
      '1,200.5',
      300,
      'Exempt under Section 43 of the Freedom of Information Act 2000',
    ],
  ];
  const raw = table(sheet[0]!.map(String), sheet.slice(1), { kind: 'range', headerRow: 2, firstColumn: 3 });

  test('is turned so that projects are rows; cells keep their sheet addresses', () => {
    const t = orientTable(raw);
    expect(t.transposed).toBe(true);
    expect(t.headers).toEqual(['GMPP ID Number', 'Project Name', 'Department', 'Whole Life Cost (£m)']);
    expect(t.rows[0]).toEqual(['X_1', 'Alpha', 'DfT', '1,200.5']);
    const a = analyzeWorkbook([raw]);
    expect(a.projects.map((p) => p.project.id).sort()).toEqual(['X_1', 'X_2', 'X_3']);
    expect(byId(a, 'X_1').project.totalCost).toBeCloseTo(1_200_500_000, 0);
    // Project X_3 is column F; its cost is on the fourth label's row, sheet row 5.
    expect(byId(a, 'X_3').project.unknown[0]!.cell).toBe('F5');
    expect(a.reading.transposed).toBe(true);
    expect(a.readFirst.join(' ')).toMatch(/read transposed/);
  });

  test('a table in rows is left as it is', () => {
    const t = table(
      ['Project Name', 'Cost'],
      [
        ['A', 1],
        ['B', 2],
      ],
    );
    expect(orientTable(t)).toBe(t);
  });
});

describe('data issues grouped per column and problem', () => {
  const issue = (cell: string, kind?: DataIssue['kind']): DataIssue => ({
    sheet: 'S',
    column: 'Cost',
    cell,
    problem: 'Cost is a number stored as text.',
    assumption: 'Read as $1.',
    severity: 'info',
    ...(kind ? { kind } : {}),
  });

  test('runs down a column and along a row become ranges', () => {
    expect(cellRanges(['E2', 'E3', 'E4', 'E7', 'E9', 'E10'])).toBe('E2:E4, E7, E9:E10');
    expect(cellRanges(['B14', 'C14', 'D14', 'F14'])).toBe('B14:D14, F14');
    expect(cellRanges(['E2', 'E4', 'E6', 'E8', 'E10', 'E12'])).toBe('E2, E4, E6, E8 and 2 more');
  });

  test('232 numbers as text in one column are one issue with the count and the cells', () => {
    const cells = Array.from({ length: 232 }, (_, i) => issue(`E${i + 2}`, 'numberAsText'));
    const [g, ...rest] = groupIssues(cells);
    expect(rest).toEqual([]);
    expect(g).toMatchObject({
      count: 232,
      cell: 'E2:E233',
      problem: '232 cells of Cost hold numbers as text (E2:E233).',
      assumption: 'Read as numbers.',
    });
  });

  test('fewer than three stay one by one, and so do issues without a kind (duplicate ids, cycles)', () => {
    const few = [
      issue('E2', 'numberAsText'),
      issue('E3', 'numberAsText'),
      issue('E4'),
      issue('E5'),
      issue('E6'),
    ];
    expect(groupIssues(few)).toEqual(few);
  });
});

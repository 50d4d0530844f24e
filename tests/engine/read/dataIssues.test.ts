// SPEC §3.2: every bad input becomes a data issue naming sheet, row, column and cell, with the value,
// the problem and the assumption, and the run goes on; a workbook with no usable project fails with one
// sentence that says what to fix.
//
// The projects table sits on sheet "Tracker" with its header on row 3 and its first column in B, so a
// data row k (0-based) is sheet row 4 + k and the columns are B…L as listed in HEADERS.
import { analyzeWorkbook, type Analysis } from '../../../src/engine/score';
import { InputError } from '../../../src/engine/errors';
import type { CellValue, DataIssue } from '../../../src/engine/model';
import { byId, issuesMatching, sentences, table } from '../support';

const HEADERS = [
  'ID', // B
  'Project Name', // C
  'Status', // D
  'Cost', // E
  'Benefit', // F
  'Probability of Success', // G
  'Risk', // H
  'Mandatory', // I
  'Depends On', // J
  'Obj: Growth', // K
  'Start', // L
];
type Row = Partial<Record<(typeof HEADERS)[number], CellValue>>;

function run(rows: Row[]): Analysis {
  const cells = rows.map((r) => HEADERS.map((h) => r[h] ?? null));
  return analyzeWorkbook([
    table(HEADERS, cells, { sheet: 'Tracker', name: 'Tracker', headerRow: 3, firstColumn: 2 }),
  ]);
}

/** The one issue whose problem matches; fails when there are none or several. */
function theIssue(a: Analysis, problem: RegExp): DataIssue {
  const found = issuesMatching(a.issues, problem);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const ok = (id: string, extra: Row = {}): Row => ({
  ID: id,
  'Project Name': `Project ${id}`,
  Cost: 100,
  Benefit: 300,
  ...extra,
});

describe('blanks where a value is needed', () => {
  test('a row with data but neither name nor id is left out, with an issue on its name cell', () => {
    const a = run([ok('P1'), { Status: 'Proposed', Cost: 100 }]);
    expect(theIssue(a, /no project name/)).toEqual({
      sheet: 'Tracker',
      row: 5,
      column: 'Project Name',
      cell: 'C5',
      problem: 'The row has data but no project name.',
      assumption: 'Left out of the analysis.',
      severity: 'warning',
    });
    expect(a.projects.map((p) => p.project.id)).toEqual(['P1']);
  });

  test('a row with an id but no name is named after its id', () => {
    const a = run([ok('P1'), { ID: 'P2', Cost: 50 }]);
    expect(theIssue(a, /no project name/)).toMatchObject({
      sheet: 'Tracker',
      row: 5,
      column: 'Project Name',
      cell: 'C5',
      assumption: 'Named after its ID, P2.',
    });
    expect(byId(a, 'P2').project.name).toBe('P2');
  });

  test('a wholly blank row is skipped silently', () => {
    const a = run([ok('P1'), {}, ok('P3')]);
    expect(a.issues).toEqual([]);
    expect(a.projects.map((p) => p.project.row).sort()).toEqual([4, 6]);
  });

  test('a row without an id gets one from its sheet row', () => {
    const a = run([{ 'Project Name': 'Alpha', Cost: 10 }]);
    expect(a.projects[0]!.project.id).toBe('R4');
  });

  // SPEC §3.2 lists blanks among the inputs that each become a data issue with the assumption stated.
  // A candidate project whose Cost cell is blank (and that has no per-period costs or EAC) is costed at 0
  // without a word: it looks free, so its risk-adjusted NPV and any selection favour it silently.
  // Gap in src/engine/projects.ts (placeFlows: `remaining ?? d.costTotal ?? 0`) / projectRow.ts (money).
  test('a blank Cost cell on a candidate project is reported, with the assumption of 0', () => {
    const a = run([ok('P1'), { ID: 'P2', 'Project Name': 'Beta', Benefit: 500 }]);
    const issue = a.issues.find((i) => i.row === 5 && i.column === 'Cost');
    expect(issue).toMatchObject({ sheet: 'Tracker', row: 5, column: 'Cost', cell: 'E5' });
  });
});

describe('Excel errors', () => {
  // SPEC §3.2: an unknown figure is unknown, never 0 — a cost that cannot be read makes the project
  // a non-candidate that needs data, not a free one.
  test('an error object in Cost: reported with its code, the cost unknown, the run goes on', () => {
    const a = run([ok('P1', { Cost: { error: '#N/A' } }), ok('P2')]);
    expect(theIssue(a, /Excel error/)).toEqual({
      sheet: 'Tracker',
      row: 4,
      column: 'Cost',
      cell: 'E4',
      value: '#N/A',
      problem: 'Cost holds an Excel error.',
      assumption: 'Read as unknown.',
      severity: 'warning',
      kind: 'excelError',
    });
    expect(byId(a, 'P1').project.unknown).toEqual([
      { figure: 'cost', column: 'Cost', cell: 'E4', why: 'unreadable', text: '#N/A' },
    ]);
    expect(byId(a, 'P1').eligible).toBe(false);
    expect(a.projects).toHaveLength(2);
  });

  test('an error typed as text in Benefit is the same issue', () => {
    const a = run([ok('P1'), ok('P2', { Benefit: '#DIV/0!' })]);
    expect(theIssue(a, /Excel error/)).toMatchObject({
      row: 5,
      column: 'Benefit',
      cell: 'F5',
      value: '#DIV/0!',
      problem: 'Benefit holds an Excel error.',
      assumption: 'Read as unknown.',
    });
    expect(byId(a, 'P2').financials.benefitKnown).toBe(false);
  });

  test('an error in Probability falls back to the risk level, and says so', () => {
    const a = run([ok('P1', { 'Probability of Success': { error: '#DIV/0!' }, Risk: 'High' })]);
    expect(theIssue(a, /Excel error/)).toMatchObject({
      row: 4,
      column: 'Probability of Success',
      cell: 'G4',
      value: '#DIV/0!',
      problem: 'Probability of Success holds an Excel error.',
      assumption: 'Used the risk level instead (High → 55%).',
    });
    // Default risk map: High → 0.55 (SPEC §3.1).
    expect(byId(a, 'P1').project.probability).toBe(0.55);
    expect(byId(a, 'P1').project.probabilitySource).toBe('risk');
  });

  test('an error in a yes/no column is read as No', () => {
    const a = run([ok('P1', { Mandatory: { error: '#N/A' } })]);
    expect(theIssue(a, /Excel error/)).toMatchObject({
      row: 4,
      column: 'Mandatory',
      cell: 'I4',
      value: '#N/A',
      problem: 'Mandatory holds an Excel error.',
      assumption: 'Read as No.',
    });
    expect(byId(a, 'P1').project.mandatory).toBe(false);
  });

  test('an error in a rating is read as 0; an error in a date leaves it blank', () => {
    const a = run([
      ok('P1', { 'Obj: Growth': { error: '#REF!' }, Start: { error: '#VALUE!' } }),
      ok('P2', { 'Obj: Growth': 4 }),
    ]);
    expect(theIssue(a, /Obj: Growth holds an Excel error/)).toMatchObject({
      row: 4,
      column: 'Obj: Growth',
      cell: 'K4',
      value: '#REF!',
      assumption: 'Read as 0.',
    });
    expect(theIssue(a, /Start holds an Excel error/)).toMatchObject({
      row: 4,
      column: 'Start',
      cell: 'L4',
      value: '#VALUE!',
      assumption: 'Left blank.',
    });
    expect(byId(a, 'P1').project.ratings).toEqual({ Growth: 0 });
    expect(byId(a, 'P1').project.start).toBeNull();
  });

  test('a row of nothing but errors (with a name) still yields a project', () => {
    const e: CellValue = { error: '#N/A' };
    const a = run([
      {
        ID: 'P1',
        'Project Name': 'Alpha',
        Status: e,
        Cost: e,
        Benefit: e,
        'Probability of Success': e,
        Risk: e,
        Mandatory: e,
        'Depends On': e,
        'Obj: Growth': e,
        Start: e,
      },
    ]);
    expect(a.projects).toHaveLength(1);
    const columns = new Set(a.issues.map((i) => i.column));
    for (const h of [
      'Status',
      'Cost',
      'Benefit',
      'Probability of Success',
      'Risk',
      'Mandatory',
      'Depends On',
      'Obj: Growth',
      'Start',
    ]) {
      expect(columns).toContain(h);
    }
    expect(a.issues.every((i) => i.sheet === 'Tracker' && i.row === 4 && i.value === '#N/A')).toBe(true);
  });
});

describe('text in numeric columns', () => {
  test('text in Cost is not a number and leaves the cost unknown', () => {
    const a = run([ok('P1', { Cost: 'lots' }), ok('P2')]);
    expect(theIssue(a, /not a number/)).toEqual({
      sheet: 'Tracker',
      row: 4,
      column: 'Cost',
      cell: 'E4',
      value: 'lots',
      problem: 'Cost is not a number.',
      assumption: 'Read as unknown.',
      severity: 'warning',
      kind: 'notNumber',
    });
  });

  test('text in Probability: not a number, assumed 100%', () => {
    const a = run([ok('P1', { 'Probability of Success': 'likely' })]);
    expect(theIssue(a, /not a number/)).toMatchObject({
      row: 4,
      column: 'Probability of Success',
      cell: 'G4',
      value: 'likely',
      problem: 'Probability of Success is not a number.',
      assumption: 'Assumed 100%.',
    });
    expect(byId(a, 'P1').project.probability).toBe(1);
  });

  test('a rating with digits and words is not a number; an unknown rating word is named; both read as 0', () => {
    const a = run([
      ok('P1', { 'Obj: Growth': '3 stars' }),
      ok('P2', { 'Obj: Growth': 'Great' }),
      ok('P3', { 'Obj: Growth': 5 }),
    ]);
    expect(theIssue(a, /not a number/)).toMatchObject({
      row: 4,
      column: 'Obj: Growth',
      cell: 'K4',
      value: '3 stars',
      problem: 'Obj: Growth is not a number.',
      assumption: 'Read as 0.',
    });
    expect(theIssue(a, /rating word/)).toMatchObject({
      row: 5,
      column: 'Obj: Growth',
      cell: 'K5',
      value: 'Great',
      problem: 'Rating "Great" is not a known rating word.',
      assumption: 'Read as 0.',
    });
    expect(byId(a, 'P1').alignment).toBe(0);
    expect(byId(a, 'P2').alignment).toBe(0);
    expect(byId(a, 'P3').alignment).toBe(100);
  });

  test('a word where a status belongs is named and read as Proposed; an unknown risk word gets no adjustment', () => {
    const a = run([ok('P1', { Status: 'Frozen', Risk: 'Spicy' })]);
    expect(theIssue(a, /Status/)).toMatchObject({
      row: 4,
      column: 'Status',
      cell: 'D4',
      value: 'Frozen',
      assumption: 'Treated as Proposed.',
    });
    expect(theIssue(a, /Risk "Spicy"/)).toMatchObject({
      row: 4,
      column: 'Risk',
      cell: 'H4',
      value: 'Spicy',
      assumption: 'No risk adjustment from this cell.',
    });
    expect(byId(a, 'P1').project.status).toBe('proposed');
    expect(byId(a, 'P1').project.probability).toBe(1);
  });

  test('text where a yes/no belongs is read as No; text where a date belongs is left blank', () => {
    const a = run([ok('P1', { Mandatory: 'maybe', Start: 'soon' })]);
    expect(theIssue(a, /Yes or No/)).toMatchObject({
      row: 4,
      column: 'Mandatory',
      cell: 'I4',
      value: 'maybe',
      problem: 'Mandatory should be Yes or No.',
      assumption: 'Read as No.',
    });
    expect(theIssue(a, /not a date/)).toMatchObject({
      row: 4,
      column: 'Start',
      cell: 'L4',
      value: 'soon',
      problem: 'Start is not a date.',
      assumption: 'Left blank.',
    });
  });
});

describe('negative costs', () => {
  test('−100 is read as a cost of 100', () => {
    const a = run([ok('P1', { Cost: -100 })]);
    expect(theIssue(a, /negative/)).toEqual({
      sheet: 'Tracker',
      row: 4,
      column: 'Cost',
      cell: 'E4',
      value: '-100',
      problem: 'Cost is negative (−$100).',
      assumption: 'Read as a cost of $100.',
      severity: 'warning',
      kind: 'negative',
    });
    expect(byId(a, 'P1').financials.remainingCost).toBe(100);
  });

  test('an accounting negative "(1,000)" is read as a cost of 1,000', () => {
    const a = run([ok('P1', { Cost: '(1,000)' })]);
    expect(theIssue(a, /negative/)).toMatchObject({
      row: 4,
      column: 'Cost',
      cell: 'E4',
      value: '(1,000)',
      problem: 'Cost is negative (−$1k).',
      assumption: 'Read as a cost of $1k.',
    });
    expect(byId(a, 'P1').financials.remainingCost).toBe(1000);
  });
});

describe('probabilities above 100%', () => {
  test('"150%" without a risk level: assumed 100%', () => {
    const a = run([ok('P1', { 'Probability of Success': '150%' })]);
    expect(theIssue(a, /above 100%/)).toEqual({
      sheet: 'Tracker',
      row: 4,
      column: 'Probability of Success',
      cell: 'G4',
      value: '150%',
      problem: 'Probability of success is above 100% (150%).',
      assumption: 'Assumed 100%.',
      severity: 'warning',
    });
    expect(byId(a, 'P1').project.probability).toBe(1);
  });

  test('"120%" with a risk level: the risk level stands in (Low → 90%)', () => {
    const a = run([ok('P1', { 'Probability of Success': '120%', Risk: 'Low' })]);
    expect(theIssue(a, /above 100%/)).toMatchObject({
      row: 4,
      cell: 'G4',
      value: '120%',
      assumption: 'Used the risk level instead (Low → 90%).',
    });
    expect(byId(a, 'P1').project.probability).toBe(0.9);
  });

  test('a negative probability is reported the same way', () => {
    const a = run([ok('P1', { 'Probability of Success': '-10%' })]);
    expect(theIssue(a, /negative/)).toMatchObject({
      row: 4,
      cell: 'G4',
      value: '-10%',
      problem: 'Probability of success is negative.',
      assumption: 'Assumed 100%.',
    });
  });

  // A bare 85 in a probability column is read as 85% (parsePercent). A bare 150 is therefore 150%, but
  // parsePercent only divides numbers up to 100, so 150 stays 150 and the issue says "(15,000%)" — a
  // figure the user never typed. Bug in src/engine/cells.ts (parsePercent) as reported by
  // src/engine/projectRow.ts (RowReader.probability → MSG.probabilityAbove).
  test('a bare 150 in a 0–100 probability column is reported as 150%, not 15,000%', () => {
    const a = run([ok('P1', { 'Probability of Success': 150 })]);
    expect(theIssue(a, /above 100%/).problem).toBe('Probability of success is above 100% (150%).');
  });
});

describe('duplicate ids', () => {
  test('the second row keeps its data under a new id; dependencies on the id mean the first row', () => {
    const a = run([ok('P1'), ok('P1', { 'Project Name': 'Second' }), ok('P3', { 'Depends On': 'P1' })]);
    expect(theIssue(a, /Duplicate ID/)).toEqual({
      sheet: 'Tracker',
      row: 5,
      column: 'ID',
      cell: 'B5',
      value: 'P1',
      problem: 'Duplicate ID P1 (also on row 4).',
      assumption: 'Kept both; this row is referred to as P1 (2). Dependencies on P1 mean row 4.',
      severity: 'warning',
    });
    expect(byId(a, 'P1').project.row).toBe(4);
    expect(byId(a, 'P1 (2)').project).toMatchObject({ row: 5, name: 'Second' });
    expect(byId(a, 'P3').project.dependsOn).toEqual(['P1']);
  });

  test('ids compare without case: "p1" duplicates "P1"', () => {
    const a = run([ok('P1'), ok('p1')]);
    expect(theIssue(a, /Duplicate ID/)).toMatchObject({ row: 5, cell: 'B5', value: 'p1' });
    expect(a.projects).toHaveLength(2);
  });
});

describe('dependencies', () => {
  test('ids separated by comma, semicolon or space are all read', () => {
    const a = run([ok('P1'), ok('P2'), ok('P3'), ok('P4'), ok('P5', { 'Depends On': 'P1, P2;P3  P4' })]);
    expect(byId(a, 'P5').project.dependsOn).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(a.issues).toEqual([]);
  });

  test('a dependency on an unknown id is reported and dropped; the known one is kept', () => {
    const a = run([ok('P1'), ok('P2', { 'Depends On': 'P1; P9' })]);
    expect(theIssue(a, /not in the table/)).toEqual({
      sheet: 'Tracker',
      row: 5,
      projectId: 'P2',
      column: 'Depends On',
      cell: 'J5',
      value: 'P9',
      problem: 'Depends on P9, which is not in the table.',
      assumption: 'This dependency is ignored.',
      severity: 'warning',
    });
    expect(byId(a, 'P2').project.dependsOn).toEqual(['P1']);
  });

  test('a project depending on itself is reported and the dependency dropped', () => {
    const a = run([ok('P1', { 'Depends On': 'P1' })]);
    expect(theIssue(a, /depends on itself/)).toMatchObject({
      row: 4,
      column: 'Depends On',
      cell: 'J4',
      value: 'P1',
      assumption: 'This dependency is ignored.',
    });
    expect(byId(a, 'P1').project.dependsOn).toEqual([]);
  });

  test('a cycle is reported once, on the row of its first id, and the run goes on', () => {
    const a = run([ok('B', { 'Depends On': 'A' }), ok('A', { 'Depends On': 'B' }), ok('C')]);
    expect(theIssue(a, /cycle/)).toEqual({
      sheet: 'Tracker',
      row: 5, // A is on the second data row
      projectId: 'A',
      column: 'Depends On',
      cell: 'J5',
      problem: 'Dependency cycle: A → B → A.',
      assumption: 'These projects are treated as one package: selected together or not at all.',
      severity: 'warning',
    });
    // The cycle is kept for the selection to treat as a package.
    expect(byId(a, 'A').project.dependsOn).toEqual(['B']);
    expect(byId(a, 'B').project.dependsOn).toEqual(['A']);
    expect(a.projects).toHaveLength(3);
  });

  test('two separate cycles are two issues', () => {
    const a = run([
      ok('A', { 'Depends On': 'B' }),
      ok('B', { 'Depends On': 'A' }),
      ok('C', { 'Depends On': 'D' }),
      ok('D', { 'Depends On': 'C' }),
    ]);
    expect(issuesMatching(a.issues, /cycle/).map((i) => i.problem)).toEqual([
      'Dependency cycle: A → B → A.',
      'Dependency cycle: C → D → C.',
    ]);
  });

  // A depends on C, C on B, B on D, D on A: the cycle is A → C → B → D → A (or, read as "is needed by",
  // A → D → B → C → A). The message lists the strongly connected component in id order instead,
  // "A → B → C → D → A", a chain that is a cycle in neither direction (A does not depend on B, nor B on
  // A). Bug in src/engine/projects.ts (findCycles sorts each component; checkDependencies prints it as a path).
  test('the cycle message follows the dependencies, not the alphabet', () => {
    const a = run([
      ok('A', { 'Depends On': 'C' }),
      ok('B', { 'Depends On': 'D' }),
      ok('C', { 'Depends On': 'B' }),
      ok('D', { 'Depends On': 'A' }),
    ]);
    expect(theIssue(a, /cycle/).problem).toMatch(
      /^Dependency cycle: (A → C → B → D → A|A → D → B → C → A)\.$/,
    );
  });
});

describe('a workbook with no usable project fails with one sentence that says what to fix', () => {
  function inputError(f: () => unknown): InputError {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    throw new Error('expected an InputError');
  }
  const oneSentence = (msg: string) => {
    expect(sentences(msg)).toHaveLength(1);
    expect(msg).toMatch(/^[A-Z].*\.$/s);
  };

  test('no tables at all', () => {
    const e = inputError(() => analyzeWorkbook([]));
    oneSentence(e.message);
    expect(e.message).toMatch(/add a table of projects/);
    expect(e.message).toMatch(/Project Name/);
  });

  test('tables, but none looks like a list of projects', () => {
    const e = inputError(() =>
      analyzeWorkbook([
        table(['Foo', 'Bar'], [[1, 2]], { sheet: 'Misc' }),
        table(['Objective', 'Weight'], [['Growth', 1]], { sheet: 'Strategy' }),
      ]),
    );
    oneSentence(e.message);
    expect(e.message).toMatch(/No table looks like a list of projects/);
    expect(e.message).toMatch(/name a column "Project" or "Project Name"/);
  });

  test('a project table whose rows have no names', () => {
    const e = inputError(() =>
      analyzeWorkbook([
        table(
          ['Project Name', 'Cost', 'Status'],
          [
            [null, 100, 'Active'],
            ['  ', 200, 'Proposed'],
          ],
          { name: 'Pipeline', sheet: 'Pipeline' },
        ),
      ]),
    );
    oneSentence(e.message);
    expect(e.message).toMatch(/The table Pipeline has no project rows with a name/);
    expect(e.message).toMatch(/fill in the Project Name column/);
  });

  test('a project table with a header and no rows', () => {
    const e = inputError(() => analyzeWorkbook([table(['Project Name', 'Cost'], [], { name: 'Empty' })]));
    oneSentence(e.message);
    expect(e.message).toMatch(/Empty/);
  });

  test('a named table that does not exist', () => {
    const e = inputError(() =>
      analyzeWorkbook([table(['Project', 'Cost'], [['A', 1]], { name: 'Pipeline' })], { table: 'Nope' }),
    );
    oneSentence(e.message);
    expect(e.message).toMatch(/"Nope"/);
    expect(e.message).toMatch(/Pipeline/);
  });
});

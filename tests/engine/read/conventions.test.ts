// Table-wide reading conventions. Text dates like 01/04/2027 read one way for a whole table — day first
// or month first, from the table's own unambiguous dates, else a setting, else the currency's custom,
// never day first on one row and month first on the next; a unit in a header scales a cell only once.
import { dateOrderEvidence, parseDate } from '../../../src/engine/read/cells';
import { analyzeWorkbook } from '../../../src/engine/score';
import { byId, table } from '../support';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('parseDate with an order', () => {
  test('a/b/yyyy follows the order; a part above 12 is a day whatever the order', () => {
    expect(parseDate('01/04/2027', 'dmy').value).toEqual(utc(2027, 4, 1));
    expect(parseDate('01/04/2027', 'mdy').value).toEqual(utc(2027, 1, 4));
    expect(parseDate('13/04/2027', 'mdy').value).toEqual(utc(2027, 4, 13));
    expect(parseDate('04/13/2027', 'dmy').value).toEqual(utc(2027, 4, 13));
    expect(parseDate('2027-04-01', 'mdy').value).toEqual(utc(2027, 4, 1));
    expect(parseDate('31/02/2027', 'dmy').problem).toBe('notDate');
  });

  test('evidence counts the dates that read only one way, and the ones that read both', () => {
    expect(dateOrderEvidence(['13/04/2027', '01/05/2027', '05/05/2027', 'soon', '2027-01-02'])).toEqual({
      dmy: 1,
      mdy: 0,
      ambiguous: 1,
    });
    expect(dateOrderEvidence(['04/13/2027', '12/31/2028'])).toEqual({ dmy: 0, mdy: 2, ambiguous: 0 });
  });
});

function tracker(money: string, starts: string[], settings: string[][] = []) {
  const projects = table(
    ['ID', 'Project', 'Cost', 'Start'],
    starts.map((s, i) => [`P${i + 1}`, `Project ${i + 1}`, `${money}100`, s]),
  );
  const tables = [projects];
  if (settings.length)
    tables.push(table(['Setting', 'Value'], settings, { sheet: 'SRO Settings', name: 'SRO_Settings' }));
  return analyzeWorkbook(tables);
}

describe('a table reads its dates one way', () => {
  test('pounds and only ambiguous dates: day first, and a note says so', () => {
    const a = tracker('£', ['01/04/2027', '02/03/2028']);
    expect(byId(a, 'P1').project.start).toEqual(utc(2027, 4, 1));
    expect(byId(a, 'P2').project.start).toEqual(utc(2028, 3, 2));
    expect(a.notes.some((n) => /2 text dates .* read day first \(1 April 2027\)/.test(n))).toBe(true);
  });

  test('dollars and only ambiguous dates: month first', () => {
    const a = tracker('$', ['01/04/2027']);
    expect(byId(a, 'P1').project.start).toEqual(utc(2027, 1, 4));
    expect(a.notes.some((n) => /read month first/.test(n))).toBe(true);
  });

  test("the table's own unambiguous dates decide for every row, whatever the currency, with no note", () => {
    const a = tracker('$', ['13/04/2027', '01/05/2027']);
    expect(byId(a, 'P2').project.start).toEqual(utc(2027, 5, 1));
    expect(a.notes.some((n) => /text dates/.test(n))).toBe(false);
  });

  test('the "Date order" setting wins, and a bad value is a data issue', () => {
    expect(byId(tracker('£', ['01/04/2027'], [['Date order', 'mdy']]), 'P1').project.start).toEqual(
      utc(2027, 1, 4),
    );
    const bad = tracker('£', ['01/04/2027'], [['Date order', 'sideways']]);
    expect(bad.issues.some((i) => /Date order: expected dmy/.test(i.problem))).toBe(true);
    expect(byId(bad, 'P1').project.start).toEqual(utc(2027, 4, 1));
  });
});

describe('a unit in the header and a magnitude in the cell', () => {
  test('"£3m" under "Cost (£m)" is £3M, like the plain 12 beside it is £12M', () => {
    const a = analyzeWorkbook([
      table(
        ['ID', 'Project', 'Cost (£m)'],
        [
          ['P1', 'One', 12],
          ['P2', 'Two', '£3m'],
          ['P3', 'Three', '0.5'],
        ],
      ),
    ]);
    expect(byId(a, 'P1').project.totalCost).toBe(12e6);
    expect(byId(a, 'P2').project.totalCost).toBe(3e6);
    expect(byId(a, 'P3').project.totalCost).toBe(5e5);
  });
});

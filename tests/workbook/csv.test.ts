// The CSV reader: encodings, separators, Excel's quoting and `sep=` line, and the same plain ranges the
// .xlsx reader gives for the same cells.
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { decodeCsv } from '../../src/workbook/csv/decode';
import { detectSeparator, eachRecord, type Separator } from '../../src/workbook/csv/parse';
import { readCsv, sheetNameOf } from '../../src/workbook/csv/read';
import { csvNumber } from '../../src/workbook/csv/workbook';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import { analyzeWorkbook } from '../../src/engine/score';

const bytes = (s: string) => new TextEncoder().encode(s);
const records = (text: string, sep: Separator, start = 0) => {
  const out: string[][] = [];
  eachRecord(text, sep, (f) => void out.push(f), start);
  return out;
};

describe('decodeCsv', () => {
  test('UTF-8 without a BOM, with one (dropped), UTF-16 with a BOM', () => {
    expect(decodeCsv(bytes('Café,£1'))).toEqual({ text: 'Café,£1', encoding: 'UTF-8' });
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('Café')]))).toEqual({
      text: 'Café',
      encoding: 'UTF-8 with BOM',
    });
    expect(decodeCsv(Uint8Array.from([0xff, 0xfe, 0x41, 0, 0xe9, 0]))).toEqual({
      text: 'Aé',
      encoding: 'UTF-16LE',
    });
  });

  test('bytes that are not valid UTF-8 are Windows-1252: £ é € and the curly quotes', () => {
    // "Café £1 €2 “x”" as Excel on Windows saves it.
    const cp1252 = Uint8Array.from([
      0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x31, 0x20, 0x80, 0x32, 0x20, 0x93, 0x78, 0x94,
    ]);
    expect(decodeCsv(cp1252)).toEqual({ text: 'Café £1 €2 “x”', encoding: 'Windows-1252' });
  });
});

describe('eachRecord', () => {
  test('quoted fields hold separators, line breaks and doubled quotes; CRLF, LF and CR end records', () => {
    const text = 'a,"b,c","say ""hi""\r\nthere"\r\nd,,e\nf\rg,"",h';
    expect(records(text, ',')).toEqual([
      ['a', 'b,c', 'say "hi"\r\nthere'],
      ['d', '', 'e'],
      ['f'],
      ['g', '', 'h'],
    ]);
  });

  test('a quote inside an unquoted field is a character; text after a closing quote is kept', () => {
    expect(records('5" disk,"x"y\n', ',')).toEqual([['5" disk', 'xy']]);
  });

  test('a line break at the end adds no record; an unclosed quote runs to the end', () => {
    expect(records('a,b\n', ',')).toEqual([['a', 'b']]);
    expect(records('a,"b\nc\n', ',')).toEqual([['a', 'b\nc\n']]);
  });

  test('any table written with quoting as Excel does reads back as it was (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r\n', ' ', 'é', '1') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<Separator>(',', ';', '\t'),
        (table, sep) => {
          const quote = (f: string) => (/[",;\t\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
          const text = table.map((r) => r.map(quote).join(sep)).join('\r\n');
          expect(records(text, sep)).toEqual(table);
        },
      ),
    );
  });
});

describe('detectSeparator', () => {
  test.each<[string, Separator]>([
    ['ID,Name,Cost\nP1,Alpha,100\nP2,Beta,200\n', ','],
    // Comma decimals in a semicolon file (what Excel writes in most of Europe).
    ['ID;Name;Cost\nP1;Alpha;1,5\nP2;Beta;2,5\n', ';'],
    ['ID\tName\tCost\nP1\tAl, pha\t100\n', '\t'],
    // A title line above the header does not decide.
    ['Major projects 2023\n\nID;Name;Cost\nP1;"A, B";1\nP2;C;2\n', ';'],
  ])('%j → %j', (text, sep) => {
    expect(detectSeparator(text).sep).toBe(sep);
  });

  test('the sep= line Excel writes names the separator and is not data', () => {
    const text = 'sep=;\r\nName,x;Cost\r\nA,b;1\r\n';
    const d = detectSeparator(text);
    expect(d).toEqual({ sep: ';', start: 7, declared: true });
    expect(records(text, d.sep, d.start)).toEqual([
      ['Name,x', 'Cost'],
      ['A,b', '1'],
    ]);
  });
});

describe('sheetNameOf', () => {
  test.each([
    ['/data/GMPP 2023.csv', 'GMPP 2023'],
    ['C:\\exports\\q3 [draft]?.csv', 'q3  draft'],
    ['a-very-long-file-name-for-a-portfolio-export-2023.csv', 'a-very-long-file-name-for-a-por'],
    ["'quoted'.csv", 'quoted'],
    ['History.csv', 'History (CSV)'],
    ['.csv', 'Data (CSV)'],
  ])('%s → %s', (file, sheet) => {
    expect(sheetNameOf(file)).toBe(sheet);
  });
});

describe('readCsv', () => {
  test('gives the same plain ranges as the .xlsx reader for the same cells (title, blank row, table)', async () => {
    const grid = [
      ['Portfolio FY27', '', ''],
      ['', '', ''],
      ['Project Name', 'Cost', 'Benefit'],
      ['Alpha', '£1,200', '12%'],
      ['Beta', '(1,000)', ''],
    ];
    const csv = readCsv(bytes(grid.map((r) => r.map((f) => `"${f}"`).join(',')).join('\n')), 'p.csv');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('p');
    grid.forEach((r, i) => r.forEach((v, k) => (ws.getCell(i + 1, k + 1).value = v === '' ? null : v)));
    const xlsx = XlsxWorkbookReader.fromBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const fromXlsx = (await xlsx).all().map(({ columnFormats: _f, ...t }) => t);
    expect(csv.tables.map(({ columnFormats: _f, textOnly: _t, ...t }) => t)).toEqual(fromXlsx);
    expect(csv.tables).toHaveLength(1);
    expect(csv.tables[0]).toMatchObject({
      name: 'p!A3:C5',
      headerRow: 3,
      headers: ['Project Name', 'Cost', 'Benefit'],
      rows: [
        ['Alpha', '£1,200', '12%'],
        ['Beta', '(1,000)', null],
      ],
    });
  });

  test('a transposed file (field names down column A) arrives as it is, every cell in place', () => {
    const text =
      'Project Name,Alpha,Beta,Gamma\nCost,100,200,300\nBenefit,150,260,310\nStatus,Active,Active,Proposed\n';
    const t = readCsv(bytes(text), 'gmpp.csv').tables;
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({
      name: 'gmpp!A1:D4',
      headers: ['Project Name', 'Alpha', 'Beta', 'Gamma'],
      rows: [
        ['Cost', '100', '200', '300'],
        ['Benefit', '150', '260', '310'],
        ['Status', 'Active', 'Active', 'Proposed'],
      ],
    });
  });

  test('a zip or a binary file named .csv is one sentence; so is an empty one', () => {
    expect(() => readCsv(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), 'x.csv')).toThrow(
      /x.csv is not a text \(CSV\) file/,
    );
    expect(() => readCsv(new Uint8Array(0), 'x.csv')).toThrow(/x.csv is empty/);
  });
});

describe('csvNumber: which fields the output sheet holds as numbers', () => {
  test.each<[string, Separator, number | null]>([
    ['1200', ',', 1200],
    ['-3', ';', -3],
    ['0', ',', 0],
    ['12.5', ',', 12.5],
    ['12.5', '\t', 12.5],
    // In a ; file the point may group thousands (1.500 = 1500): kept as text.
    ['1.500', ';', null],
    ['1,5', ';', null],
    ['£1,200', ',', null],
    ['12%', ',', null],
    ['(1,000)', ',', null],
    ['007', ',', null],
    ['1e6', ',', null],
    ['+5', ',', null],
    ['1234567890123456', ',', null],
    ['2027-03-31', ',', null],
    [' 12', ',', null],
  ])('%j in a %j file → %p', (field, sep, n) => {
    expect(csvNumber(field, sep)).toBe(n);
  });
});

describe('a CSV holds only text', () => {
  const csv = 'Project,Cost,Benefit\nAlpha,"£1,200",£3000\nBeta,£800,"£2,500"\nGamma,£400,£900\n';

  test('its tables say so, and money typed as text is no data issue there', () => {
    const t = readCsv(bytes(csv), 'costs.csv').tables;
    expect(t.map((x) => x.textOnly)).toEqual([true]);
    const a = analyzeWorkbook(t);
    expect(a.projects.map((p) => p.project.totalCost).sort((x, y) => x - y)).toEqual([400, 800, 1200]);
    expect(a.issues.filter((i) => i.kind === 'numberAsText')).toEqual([]);
  });

  test('the same text in a workbook cell is an issue: a number stored as text', () => {
    const t = readCsv(bytes(csv), 'costs.csv').tables.map(({ textOnly: _t, ...rest }) => rest);
    const a = analyzeWorkbook(t);
    expect(a.issues.filter((i) => i.kind === 'numberAsText').length).toBeGreaterThan(0);
  });
});

// `sro score` and `sro inspect` on .csv files (issue 12 §8): the encodings and separators published
// exports use, a new workbook out with the data on a sheet named after the file, nothing written as .csv.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { cellsOf, load, sro } from './support';
import { tempDir } from './workbooks';
import { packageProblems } from '../support/ooxmlShape';

const HEADER = ['ID', 'Project Name', 'Status', 'Cost', 'Benefit', 'Growth', 'Efficiency'];
const ROWS = [
  ['P1', 'Claims Automation', 'Proposed', '400000', '900000', '4', '5'],
  ['P2', 'Café Portal; phase "2"', 'Approved', '650000', '1100000', '5', '2'],
  ['P3', 'Legacy CRM\nUpgrade', 'Active', '300000', '250000', '1', '2'],
  ['P4', '=HYPERLINK("http://evil.example","x")', 'Proposed', '800000', '700000', '3', '3'],
];

function csvText(sep: string, rows: string[][] = [HEADER, ...ROWS], eol = '\r\n'): string {
  const q = (f: string) => (/[",;\t\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(q).join(sep)).join(eol) + eol;
}

/** Windows-1252 bytes of a text whose characters are all in it (é, £, €). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
}

function file(dir: string, name: string, data: Uint8Array | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

async function ranking(output: string): Promise<string[]> {
  const ws = (await load(output)).getWorksheet('SRO Ranking')!;
  const out: string[] = [];
  ws.eachRow((row, r) => {
    if (r > 4 && typeof row.getCell(2).value === 'string') out.push(String(row.getCell(2).value));
  });
  return out;
}

describe('sro score on a CSV file', () => {
  const dir = tempDir();

  test('UTF-8 with commas: a new workbook beside it, the data on a sheet named after the file, the SRO sheets', async () => {
    const input = file(dir, 'portfolio 2027.csv', csvText(','));
    const bytes = fs.readFileSync(input);
    const r = await sro('score', input, '--quiet', '--no-frontier', '--no-sensitivity');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const output = path.join(dir, 'portfolio 2027.sro.xlsx');
    expect(r.stdout).toContain(
      'Input read as CSV: UTF-8, fields separated by ",", on a sheet named "portfolio 2027"',
    );
    expect(r.stdout).toMatch(/Projects analysed: 4/);
    expect(r.stdout).toContain(`Wrote ${output}`);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))).toEqual(['portfolio 2027.csv']);

    const wb = await load(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'portfolio 2027',
      'SRO Summary',
      'SRO Ranking',
      'SRO Recommendations',
      // Every figure of a CSV is text: reading "£1,200" from one is no data issue, so no issues sheet.
      'SRO Settings',
    ]);
    const data = cellsOf(wb.getWorksheet('portfolio 2027')!);
    // Plain integers are numbers; the text stays text, the formula-like name too (never a formula).
    expect(data.get('D2')).toBe(400000);
    expect(data.get('F2')).toBe(4);
    expect(data.get('B3')).toBe('Café Portal; phase "2"');
    expect(data.get('B4')).toBe('Legacy CRM\nUpgrade');
    expect(data.get('B5')).toBe('=HYPERLINK("http://evil.example","x")');
    expect(data.size).toBe(35);
    const zip = await JSZip.loadAsync(fs.readFileSync(output));
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<f>');
    expect(await packageProblems(new Uint8Array(fs.readFileSync(output)))).toEqual({});
  });

  test('the same projects in Windows-1252 with semicolons and a sep= line, and in UTF-8 with a BOM, rank the same', async () => {
    const utf8 = file(dir, 'a.csv', csvText(','));
    const ansi = file(dir, 'b.csv', cp1252(`sep=;\r\n${csvText(';')}`));
    const bom = file(
      dir,
      'c.csv',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csvText('\t'))]),
    );
    const results = [];
    for (const f of [utf8, ansi, bom]) {
      const r = await sro('score', f, '--quiet', '--no-frontier', '--no-sensitivity');
      expect([path.basename(f), r.code, r.stderr]).toEqual([path.basename(f), 0, '']);
      results.push({ stdout: r.stdout, ranking: await ranking(f.replace(/\.csv$/, '.sro.xlsx')) });
    }
    expect(results[1]!.stdout).toContain('Input read as CSV: Windows-1252, fields separated by ";"');
    expect(results[2]!.stdout).toContain('Input read as CSV: UTF-8 with BOM, fields separated by tabs');
    expect(results[0]!.ranking).toHaveLength(4);
    expect(results[1]!.ranking).toEqual(results[0]!.ranking);
    expect(results[2]!.ranking).toEqual(results[0]!.ranking);
    const b = cellsOf((await load(path.join(dir, 'b.sro.xlsx'))).getWorksheet('b')!);
    expect(b.get('B3')).toBe('Café Portal; phase "2"');
    expect(b.get('A1')).toBe('ID');
  });

  test('money, percent and comma-decimal text is read by the engine and kept as text in the data sheet', async () => {
    const rows = [
      ['Project Name', 'Cost', 'Benefit', 'Probability of Success'],
      ['Alpha', '€1.200,50', '2.500', '80%'],
      ['Beta', '(1.000)', '3.000,25', '60%'],
    ];
    const input = file(dir, 'eu.csv', cp1252(csvText(';', rows)));
    const r = await sro('inspect', input, '--json', path.join(dir, 'eu.json'));
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'eu.json'), 'utf8')) as {
      input: string;
      currency: string;
      mapping: { header: string; field: string }[];
    };
    expect(json.input).toContain('Windows-1252');
    expect(json.currency).toBe('€');
    expect(json.mapping.map((m) => m.field)).toEqual(['name', 'cost', 'benefit', 'probability']);
    const s = await sro('score', input, '--quiet', '--no-frontier', '--no-sensitivity');
    expect(s.code).toBe(0);
    const data = cellsOf((await load(path.join(dir, 'eu.sro.xlsx'))).getWorksheet('eu')!);
    expect([data.get('B2'), data.get('C2'), data.get('D2')]).toEqual(['€1.200,50', '2.500', '80%']);
  });

  test('re-scoring the output gives the same ranking and keeps the data sheet as it was', async () => {
    const input = file(dir, 'again.csv', csvText(','));
    expect((await sro('score', input, '--quiet', '--no-frontier', '--no-sensitivity')).code).toBe(0);
    const first = path.join(dir, 'again.sro.xlsx');
    const second = path.join(dir, 'again2.sro.xlsx');
    const r = await sro('score', first, '-o', second, '--quiet', '--no-frontier', '--no-sensitivity');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(await ranking(second)).toEqual(await ranking(first));
    const sheet = async (f: string) =>
      (await JSZip.loadAsync(fs.readFileSync(f))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(await sheet(second)).toBe(await sheet(first));
  });

  test('-o naming a .csv is refused before any work; a binary file named .csv is one sentence', async () => {
    const input = file(dir, 'x.csv', csvText(','));
    const o = await sro('score', input, '-o', path.join(dir, 'out.csv'), '--quiet');
    expect([o.code, o.stderr]).toEqual([
      2,
      expect.stringMatching(/the output is an Excel workbook, so its name must end in \.xlsx/),
    ]);
    expect(fs.existsSync(path.join(dir, 'out.csv'))).toBe(false);
    const zipped = file(dir, 'zip.csv', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const z = await sro('score', zipped, '--quiet');
    expect([z.code, z.stderr.trim()]).toEqual([
      2,
      'sro: zip.csv is not a text (CSV) file: choose the CSV or Excel workbook that holds the projects.',
    ]);
  });

  test('a CSV past the row limit is one sentence', async () => {
    const rows = [['Project Name', 'Cost'], ...Array.from({ length: 50_001 }, (_, i) => [`P${i}`, '1'])];
    const r = await sro('inspect', file(dir, 'long.csv', csvText(',', rows, '\n')));
    expect([r.code, r.stderr.trim()]).toEqual([
      2,
      'sro: long.csv has 50,002 rows with values; SRO Portfolio reads at most 50,000 rows on a sheet: keep only the projects to score (for example, without closed ones) and run again.',
    ]);
  });
});

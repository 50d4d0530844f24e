// `sro score` end to end on .xlsx files: the sample and six other layouts, user sheets left as they were,
// idempotent re-runs, formula-like names kept as text, the JSON output, exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { cellsOf, isOutputName, load, sheetXml, sro } from './support';
import { FORMULA_NAMES, LAYOUTS, tempDir, writeWorkbook } from './workbooks';
import { parseMarker } from '../../src/workbook/marker';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx');

/** Asserts that every user sheet of `input` has the same cells in `output`. */
async function expectUserSheetsUnchanged(input: string, output: string): Promise<number> {
  const before = await load(input);
  const after = await load(output);
  let compared = 0;
  for (const ws of before.worksheets) {
    const copy = after.getWorksheet(ws.name);
    expect(copy).toBeDefined();
    const a = cellsOf(ws);
    const b = cellsOf(copy!);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [addr, v] of a) expect([ws.name, addr, b.get(addr)]).toEqual([ws.name, addr, v]);
    compared += a.size;
  }
  return compared;
}

describe('sro score on the sample', () => {
  const dir = tempDir();
  const input = path.join(dir, 'sample.xlsx');
  fs.copyFileSync(SAMPLE, input);
  const output = path.join(dir, 'sample.sro.xlsx');

  test('writes the input workbook plus the SRO sheets, leaves the input and the user sheets alone', async () => {
    const bytes = fs.readFileSync(input);
    const r = await sro('score', input, '--quiet', '--json', path.join(dir, 'sample.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${output}`);
    expect(r.stdout).toMatch(/Projects analysed: 48/);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    const wb = await load(output);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter(isOutputName)).toEqual([
      'SRO Summary',
      'SRO Ranking',
      'SRO Recommendations',
      'SRO Frontier',
      'SRO Data Issues',
      'SRO Settings',
    ]);
    expect(await expectUserSheetsUnchanged(input, output)).toBeGreaterThan(1000);
    const ranking = wb.getWorksheet('SRO Ranking')!;
    const table = ranking.getTable('SRO_Ranking') as unknown as {
      table: { tableRef?: string; ref?: string };
    };
    expect(table.table.tableRef ?? table.table.ref).toMatch(/^A4:[A-Z]+52$/);
    expect(ranking.getCell('A5').value).toBe(1);
  });

  test('a second run on its own output replaces the SRO sheets and creates no duplicates', async () => {
    const again = path.join(dir, 'again.xlsx');
    const r = await sro('score', output, '-o', again, '--quiet');
    expect(r.code).toBe(0);
    const first = await load(output);
    const second = await load(again);
    expect(second.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    const markers = second.definedNames.model.filter((n) => n.name.startsWith('SRO_Output_'));
    expect(markers.map((n) => parseMarker(n.name)?.key).sort()).toEqual([
      'dataIssues',
      'frontier',
      'ranking',
      'recommendations',
      'settings',
      'summary',
    ]);
    // Same ranking both times: the settings sheet the first run wrote reproduces its assumptions.
    const col = (wb: typeof first, c: string) =>
      Array.from({ length: 48 }, (_, i) => wb.getWorksheet('SRO Ranking')!.getCell(`${c}${5 + i}`).value);
    expect(col(second, 'B')).toEqual(col(first, 'B'));
    expect(col(second, 'M')).toEqual(col(first, 'M'));
  });

  test('-o naming the input overwrites it; the default never does', async () => {
    const copy = path.join(dir, 'copy.xlsx');
    fs.copyFileSync(SAMPLE, copy);
    const r = await sro('score', copy, '-o', copy, '--quiet');
    expect(r.code).toBe(0);
    expect((await load(copy)).getWorksheet('SRO Summary')).toBeDefined();
  });
});

describe.each(Object.entries(LAYOUTS))('sro score on %s', (file, build) => {
  test('scores every project, writes the sheets, leaves the user sheets as they were', async () => {
    const dir = tempDir();
    const input = await writeWorkbook(dir, file, build);
    const json = path.join(dir, 'out.json');
    const r = await sro('score', input, '--quiet', '--json', json);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const output = input.replace(/\.xlsx$/, '.sro.xlsx');
    await expectUserSheetsUnchanged(input, output);
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      ranking: { name: string; rank: number; valueScore: number }[];
      dataIssues: unknown[];
    };
    const wb = await load(output);
    const ranking = wb.getWorksheet('SRO Ranking')!;
    // One row per project, ranks 1..n, in the sheet as in the JSON.
    const n = report.ranking.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(report.ranking.map((p) => p.rank)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    for (let i = 0; i < n; i++) {
      expect(ranking.getCell(`C${5 + i}`).value).toBe(report.ranking[i]!.name);
      expect(ranking.getCell(`M${5 + i}`).value).toBeCloseTo(report.ranking[i]!.valueScore, 9);
    }
    expect(Boolean(wb.getWorksheet('SRO Data Issues'))).toBe(report.dataIssues.length > 0);
  });
});

describe('formula-like project names', () => {
  test('stay text in every output sheet and in the JSON', async () => {
    const dir = tempDir();
    const files = await Promise.all(
      ['other-headers.xlsx', 'plain-range.xlsx', 'numbers-as-text.xlsx'].map((f) =>
        writeWorkbook(dir, f, LAYOUTS[f]!),
      ),
    );
    const seen = new Set<string>();
    for (const input of files) {
      const json = `${input}.json`;
      expect((await sro('score', input, '--quiet', '--json', json)).code).toBe(0);
      const output = input.replace(/\.xlsx$/, '.sro.xlsx');
      const text = fs.readFileSync(json, 'utf8');
      const names = (JSON.parse(text) as { ranking: { name: string }[] }).ranking.map((p) => p.name);
      const wb = await load(output);
      for (const ws of wb.worksheets.filter((w) => isOutputName(w.name))) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value;
            // Nothing the report writes is a formula, least of all a name.
            expect(typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v)).toBe(
              false,
            );
            if (typeof v === 'string' && FORMULA_NAMES.includes(v)) {
              seen.add(v);
              expect(cell.numFmt).toBe('@');
            }
          }),
        );
      }
      for (const name of FORMULA_NAMES.filter((n) => names.includes(n))) {
        const ranking = wb.getWorksheet('SRO Ranking')!;
        const rows: unknown[] = [];
        ranking.getColumn(3).eachCell((c) => rows.push(c.value));
        expect(rows).toContain(name);
      }
      // And in the package itself: output sheets hold no <f> element at all.
      for (const [name, xml] of await sheetXml(output))
        if (isOutputName(name)) expect([name, /<f[ >]/.test(xml)]).toEqual([name, false]);
    }
    expect([...seen].sort()).toEqual([...FORMULA_NAMES].sort());
  });
});

describe('a user sheet named like an output sheet', () => {
  test('is left as it was; the output takes another name, and keeps it on the next run', async () => {
    const dir = tempDir();
    const input = await writeWorkbook(dir, 'clash.xlsx', (wb) => {
      LAYOUTS['minimal.xlsx']!(wb);
      const mine = wb.addWorksheet('SRO Ranking');
      mine.getCell('A1').value = 'My own ranking notes';
      mine.getCell('B2').value = 42;
      mine.getCell('C3').value = { formula: 'B2*2', result: 84 };
    });
    const output = path.join(dir, 'clash.sro.xlsx');
    expect((await sro('score', input, '--quiet')).code).toBe(0);
    const wb = await load(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'List',
      'SRO Ranking',
      'SRO Summary',
      'SRO Ranking (2)',
      'SRO Recommendations',
      'SRO Settings',
    ]);
    await expectUserSheetsUnchanged(input, output);
    expect(wb.getWorksheet('SRO Ranking')!.getCell('C3').value).toEqual({ formula: 'B2*2', result: 84 });
    // The summary links to the sheet the ranking really went to.
    const xml = (await sheetXml(output)).get('SRO Summary')!;
    expect(xml).toContain('location="&apos;SRO Ranking (2)&apos;!A1"');

    const again = path.join(dir, 'again.xlsx');
    expect((await sro('score', output, '-o', again, '--quiet')).code).toBe(0);
    const wb2 = await load(again);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    expect(cellsOf(wb2.getWorksheet('SRO Ranking')!)).toEqual(cellsOf(wb.getWorksheet('SRO Ranking')!));
  });
});

// The current portfolio's spend level once coincided with the user's budget level and the frontier lost it.
test('a current portfolio that spends exactly the budget', async () => {
  const dir = tempDir();
  const input = await writeWorkbook(dir, 'exact.xlsx', (wb) => {
    LAYOUTS['plain-range.xlsx']!(wb);
    // ERP Refresh (Active, 900k) + Branch Kiosks (Approved, 700k) = the 1.6M budget.
    wb.getWorksheet('Budget')!.getCell('B2').value = 1_600_000;
  });
  const r = await sro('score', input, '--quiet');
  expect([r.code, r.stderr]).toEqual([0, '']);
});

describe('flags and errors', () => {
  test('--budget and --discount-rate override the workbook and are written to SRO Settings', async () => {
    const dir = tempDir();
    const input = await writeWorkbook(dir, 'per-year.xlsx', LAYOUTS['per-year.xlsx']!);
    const json = path.join(dir, 'o.json');
    const r = await sro(
      'score',
      input,
      '--quiet',
      '--budget',
      '2027=400k,2028=200k',
      '--discount-rate',
      '10%',
      '--json',
      json,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      settings: { discountRate: number; budgets: Record<string, number> };
    };
    expect(out.settings.discountRate).toBe(0.1);
    expect(out.settings.budgets).toEqual({ '2027': 400_000, '2028': 200_000 });
    const settings = cellsOf(
      (await load(input.replace(/\.xlsx$/, '.sro.xlsx'))).getWorksheet('SRO Settings')!,
    );
    const rows = [...settings.entries()];
    const valueOf = (label: string) => settings.get(`B${rows.find(([, v]) => v === label)![0].slice(1)}`);
    expect(valueOf('Discount rate')).toBe(0.1);
    expect(valueOf('Budget 2028')).toBe(200_000);
  });

  test.each([
    [['score', 'missing.xlsx'], /Cannot read missing\.xlsx: no such file/],
    [['score'], /needs a workbook/],
    [['frobnicate', 'x.xlsx'], /Unknown command "frobnicate"/],
    [['score', 'x.xlsx', '--budget', 'lots'], /--budget "lots" is not a positive amount/],
    [['score', 'x.xlsx', '--discount-rate', 'abc'], /--discount-rate "abc" is not a rate/],
    [['score', 'x.xlsx', '--colour'], /Unknown option --colour/],
  ])('%j exits 2 with one sentence', async (args, message) => {
    const r = await sro(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a file that is not a workbook, and a workbook without projects, exit 2', async () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(text, 'not a zip');
    const a = await sro('score', text, '--quiet');
    expect([a.code, a.stderr]).toEqual([2, expect.stringMatching(/notes\.xlsx is not an Excel workbook/)]);
    const empty = await writeWorkbook(dir, 'empty.xlsx', (wb) => void wb.addWorksheet('Nothing'));
    const b = await sro('score', empty, '--quiet');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^sro: .+\.\n$/);
    expect(fs.existsSync(path.join(dir, 'empty.sro.xlsx'))).toBe(false);
  });

  test('--help and no arguments print the usage; --version the version', async () => {
    expect((await sro('--help')).stdout).toContain('sro score <in.xlsx|in.csv>');
    expect((await sro()).stdout).toContain('sro inspect <in.xlsx|in.csv>');
    expect((await sro('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

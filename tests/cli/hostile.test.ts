// The hostile-input corpus (issue 17): files and command lines a new user might try, each run through
// `sro` with the same checks — the exit code and the sentence, the input's bytes unchanged, no file
// written but the ones asked for (and no temporary file left), the user's parts byte for byte in the
// output, and no formula made from user text.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { sheetXml as sheetXmlOf2, sro, type CliResult } from './support';
import { tempDir, toBuffer } from './workbooks';
import {
  build,
  compoundFile,
  editParts,
  encrypted,
  entityBomb,
  forgedNames,
  groupHeaders,
  INJECTIONS,
  injections,
  macroEnabled,
  plainZip,
  projectRows,
  projects,
  pseudoRandomBytes,
  rawWorkbook,
  sheetXmlOf,
  strayFarCell,
  trackerRows,
  wordDocument,
} from './hostileFiles';
import * as read from '../../src/engine/read';

const MAX_SHEET_ROWS: number = (read as { MAX_SHEET_ROWS?: number }).MAX_SHEET_ROWS ?? 50_000;

/** Parts the writer may change: the workbook, its relationships, the content types, the styles. */
const CHANGED = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
  'xl/styles.xml',
]);

async function partBytes(data: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Uint8Array>();
  for (const [p, f] of Object.entries(zip.files)) if (!f.dir) out.set(p, await f.async('uint8array'));
  return out;
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

/** Every part of the input but the four the writer edits is in the output, byte for byte. */
async function expectUserPartsKept(input: Uint8Array, output: Uint8Array): Promise<void> {
  const before = await partBytes(input);
  const after = await partBytes(output);
  const changed = [...before].filter(([p, b]) => !CHANGED.has(p) && !same(b, after.get(p))).map(([p]) => p);
  expect(changed).toEqual([]);
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Text of every string cell in a package (shared and inline strings). */
async function userTexts(data: Uint8Array): Promise<Set<string>> {
  const out = new Set<string>();
  for (const [p, b] of await partBytes(data)) {
    if (!/^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(p)) continue;
    for (const m of Buffer.from(b)
      .toString('utf8')
      .matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g))
      if (m[1]!.trim().length >= 4) out.add(unescape(m[1]!));
  }
  return out;
}

/**
 * No formula in any part the run added holds text from the user's cells, with or without the sign that
 * would make a spreadsheet run it (`=`, `+`, `-`, `@`).
 */
async function expectNoFormulaFromUserText(input: Uint8Array, output: Uint8Array): Promise<void> {
  const cores = [...(await userTexts(input)), ...INJECTIONS]
    .map((t) => t.replace(/^[\s=+\-@＝]+/, ''))
    .filter((t) => t.length >= 3);
  const before = await partBytes(input);
  const found: string[] = [];
  for (const [p, b] of await partBytes(output)) {
    if (before.has(p) || !p.startsWith('xl/worksheets/')) continue;
    for (const m of Buffer.from(b)
      .toString('utf8')
      .matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) {
      const f = unescape(m[1]!);
      for (const core of cores) if (f.includes(core)) found.push(`${p}: ${f}`);
    }
  }
  expect(found).toEqual([]);
}

function snapshotDir(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (fs.lstatSync(p).isFile()) out.set(f, fs.readFileSync(p));
  }
  return out;
}

interface Case {
  /** Files to put in a fresh folder, by name. */
  files: Record<string, Uint8Array | string>;
  /** The command line, with `{dir}` standing for the folder. */
  args: string[];
  code: 0 | 2;
  /** What stderr (exit 2) or stdout (exit 0) must say. */
  says: RegExp;
  /** Files the run may write (new or replaced); every other file stays as it was. */
  writes?: string[];
  /** The input whose parts must be in the written workbook. */
  input?: string;
}

async function check(c: Case): Promise<{ dir: string; r: CliResult }> {
  const dir = tempDir();
  for (const [name, data] of Object.entries(c.files)) fs.writeFileSync(path.join(dir, name), data);
  const before = snapshotDir(dir);
  const r = await sro(...c.args.map((a) => a.replace('{dir}', dir)), '--quiet');
  expect([r.code, c.code === 2 ? r.stderr : r.stdout]).toEqual([c.code, expect.stringMatching(c.says)]);
  if (c.code === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
  else expect(r.stderr).toBe('');
  const after = snapshotDir(dir);
  const writes = new Set(c.writes ?? []);
  for (const [name, bytes] of before)
    if (!writes.has(name)) expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
  // Nothing else appeared: no half-written file, no temporary file left behind.
  expect([...after.keys()].filter((n) => !before.has(n) && !writes.has(n))).toEqual([]);
  if (c.input && c.code === 0)
    for (const w of writes) {
      if (!w.endsWith('.xlsx') && !w.endsWith('.xlsm')) continue;
      const input = before.get(c.input)!;
      const output = new Uint8Array(fs.readFileSync(path.join(dir, w)));
      await expectUserPartsKept(input, output);
      await expectNoFormulaFromUserText(input, output);
    }
  return { dir, r };
}

let small: Uint8Array;
beforeAll(async () => {
  small = await build(projects);
});

describe('1. no path through the CLI writes to the input, except -o naming it', () => {
  test('--json naming the input is refused before any work; nothing is written', async () => {
    await check({
      files: { 'X.xlsx': small },
      args: ['score', '{dir}/X.xlsx', '-o', '{dir}/out.xlsx', '--json', '{dir}/X.xlsx'],
      code: 2,
      says: /--json .*X\.xlsx is the input workbook/,
    });
  });

  // Every option that takes a value, given the input's path (or another way to the same file).
  test.each([
    [['score', '{dir}/X.xlsx', '--json', '{dir}/X.xlsx'], /is the input workbook/],
    [['score', '{dir}/X.xlsx', '--json={dir}/X.xlsx'], /is the input workbook/],
    [['score', '{dir}/X.xlsx', '--json', '{dir}/./sub/../X.xlsx'], /is the input workbook/],
    [['score', '{dir}/X.xlsx', '--json', '{dir}/link.xlsx'], /is the input workbook/],
    [['score', '{dir}/X.xlsx', '--json', '{dir}/hard.xlsx'], /is the input workbook/],
    [['score', '{dir}/X.xlsx', '-o', '{dir}/o.xlsx', '--json', '{dir}/o.xlsx'], /both name .*o\.xlsx/],
    [['score', '{dir}/X.xlsx', '--json', '{dir}/X.sro.xlsx'], /both name .*X\.sro\.xlsx/],
    [['score', '{dir}/X.xlsx', '--table', '{dir}/X.xlsx'], /There is no table named/],
    [['score', '{dir}/X.xlsx', '--budget', '{dir}/X.xlsx'], /--budget .* is not a positive amount/],
    [['score', '{dir}/X.xlsx', '--discount-rate', '{dir}/X.xlsx'], /--discount-rate .* is not a rate/],
    [
      ['score', '{dir}/X.xlsx', '--output', '{dir}/X.xlsx', '--json', '{dir}/X.xlsx'],
      /--json .* is the input/,
    ],
    [['inspect', '{dir}/X.xlsx', '--json', '{dir}/X.xlsx'], /is the input workbook/],
    [['inspect', '{dir}/X.xlsx', '--json', '{dir}/link.xlsx'], /is the input workbook/],
    [['score', '{dir}/X.xlsx', '{dir}/X.xlsx'], /Unexpected argument/],
  ])('%j', async (args, says) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'X.xlsx'), small);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(path.join(dir, 'X.xlsx'), path.join(dir, 'link.xlsx'));
    fs.linkSync(path.join(dir, 'X.xlsx'), path.join(dir, 'hard.xlsx'));
    const r = await sro(...args.map((a) => a.replace('{dir}', dir)), '--quiet');
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(says)]);
    expect(fs.readFileSync(path.join(dir, 'X.xlsx')).equals(Buffer.from(small))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['X.xlsx', 'hard.xlsx', 'link.xlsx', 'sub']);
  });

  test('-o naming the input replaces it with the scored workbook, in one rename', async () => {
    const { dir } = await check({
      files: { 'X.xlsx': small },
      args: ['score', '{dir}/X.xlsx', '-o', '{dir}/X.xlsx', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /Wrote .*X\.xlsx/,
      writes: ['X.xlsx'],
    });
    const after = new Uint8Array(fs.readFileSync(path.join(dir, 'X.xlsx')));
    await expectUserPartsKept(small, after);
  });

  test('a run that fails leaves an existing output as it was', async () => {
    await check({
      files: { 'X.xlsx': await toBuffer((wb) => void wb.addWorksheet('Empty')), 'X.sro.xlsx': 'old output' },
      args: ['score', '{dir}/X.xlsx', '--json', '{dir}/X.json'],
      code: 2,
      says: /no table or header row/,
    });
  });
});

describe('2. ownership: a name a user wrote never costs them a sheet', () => {
  test("the user's SRO_Output_* names: Notes and their own SRO Ranking are kept, and the run says so", async () => {
    const input = await build(forgedNames);
    const { dir, r } = await check({
      files: { 'forged.xlsx': input },
      args: ['score', '{dir}/forged.xlsx', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /Kept "SRO Ranking"/,
      writes: ['forged.sro.xlsx'],
      input: 'forged.xlsx',
    });
    const xml = (await partBytes(new Uint8Array(fs.readFileSync(path.join(dir, 'forged.sro.xlsx'))))).get(
      'xl/workbook.xml',
    )!;
    const text = Buffer.from(xml).toString('utf8');
    const sheets = [...text.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets.slice(0, 3)).toEqual(['Projects', 'Notes', 'SRO Ranking']);
    expect(sheets).toContain('SRO Ranking (2)');
    // The user's own names are theirs too: kept as they were.
    expect(text).toContain('<definedName name="SRO_Output_Summary">Notes!$A$1</definedName>');
    expect(text).toContain(
      `<definedName name="SRO_Output_Ranking">&apos;SRO Ranking&apos;!$A$1</definedName>`,
    );
    expect(r.stdout).toMatch(/"SRO Ranking \(2\)"/);
  });
});

describe('3 and 4. reading is bounded by the data (the bubble chart at 200,000 rows: tests/report/longLists)', () => {
  test('a stray value at XFD1048576 is reported and ignored; inspect and score finish', async () => {
    const input = await build(strayFarCell);
    const i = await check({
      files: { 'stray.xlsx': input },
      args: ['inspect', '{dir}/stray.xlsx'],
      code: 0,
      says: /XFD1048576/,
    });
    expect(i.r.stdout).toMatch(/Projects\s+Projects\s+Excel table\s+4\s+projects/);
    await check({
      files: { 'stray.xlsx': input },
      args: ['score', '{dir}/stray.xlsx', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /Projects analysed: 4/,
      writes: ['stray.sro.xlsx'],
      input: 'stray.xlsx',
    });
  });

  test(`a workbook whose only sheet has more than ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows gets one sentence naming it`, async () => {
    const input = await rawWorkbook([{ name: 'Tracker', xml: sheetXmlOf(trackerRows(MAX_SHEET_ROWS + 1)) }]);
    await check({
      files: { 'big.xlsx': input },
      args: ['score', '{dir}/big.xlsx'],
      code: 2,
      says: new RegExp(
        `No projects table was found on the sheets that were read; sheet "Tracker" \\(${(MAX_SHEET_ROWS + 2).toLocaleString('en-US')} rows with values\\) was not read`,
      ),
    });
  });

  test(`a raw-data sheet past ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows is not read and said; the projects elsewhere are scored`, async () => {
    const input = await rawWorkbook([
      { name: 'Raw export', xml: sheetXmlOf(trackerRows(120_000)) },
      { name: 'Projects', xml: sheetXmlOf(projectRows) },
    ]);
    const i = await check({
      files: { 'mixed.xlsx': input },
      args: ['inspect', '{dir}/mixed.xlsx'],
      code: 0,
      says: /Sheet "Raw export" has 120,001 rows with values: not read\./,
    });
    expect(i.r.stdout).toMatch(/Projects table: Projects!A1:D5 on sheet Projects \(4 projects\)/);
    const { dir } = await check({
      files: { 'mixed.xlsx': input },
      args: ['score', '{dir}/mixed.xlsx', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /Projects analysed: 4/,
      writes: ['mixed.sro.xlsx'],
      input: 'mixed.xlsx',
    });
    // The sheet that was not read is in the output as it was (expectUserPartsKept), and the issue is listed.
    const issues = (await sheetXmlOf2(path.join(dir, 'mixed.sro.xlsx'))).get('SRO Data Issues') ?? '';
    expect(issues).toContain('Sheet &quot;Raw export&quot; has 120,001 rows with values');
  });

  test('--table naming a table on a sheet that was not read says why', async () => {
    const input = await rawWorkbook([
      { name: 'Raw', xml: sheetXmlOf(trackerRows(MAX_SHEET_ROWS + 5)) },
      {
        name: 'Strategy',
        xml: sheetXmlOf([
          ['Objective', 'Weight'],
          ['Growth', 1],
        ]),
      },
    ]);
    await check({
      files: { 'raw.xlsx': input },
      args: ['inspect', '{dir}/raw.xlsx', '--table', 'Raw!A1:C50006'],
      code: 2,
      says: /sheet "Raw" \(50,006 rows with values\) was not read/,
    });
  });

  test('the cell limit still holds over the sheets that are read', async () => {
    const wide = (n: number) =>
      (function* () {
        yield ['Project Name', ...Array.from({ length: 11 }, (_, k) => `F${k}`)];
        for (let i = 1; i <= n; i++) yield [`P${i}`, ...Array.from({ length: 11 }, (_, k) => i + k)];
      })();
    const input = await rawWorkbook([
      { name: 'A', xml: sheetXmlOf(wide(45_000)) },
      { name: 'B', xml: sheetXmlOf(wide(45_000)) },
    ]);
    await check({
      files: { 'cells.xlsx': input },
      args: ['inspect', '{dir}/cells.xlsx'],
      code: 2,
      says: /The workbook has more than 1,000,000 cells with values/,
    });
  });
});

describe('5. macro-enabled workbooks', () => {
  const vba = pseudoRandomBytes(20_000);

  test('.xlsm in gives .sro.xlsm out, with the VBA project byte for byte', async () => {
    const input = await macroEnabled(vba);
    const { dir } = await check({
      files: { 'book.xlsm': input },
      args: ['score', '{dir}/book.xlsm', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /Wrote .*book\.sro\.xlsm/,
      writes: ['book.sro.xlsm'],
      input: 'book.xlsm',
    });
    const out = await partBytes(new Uint8Array(fs.readFileSync(path.join(dir, 'book.sro.xlsm'))));
    expect(same(out.get('xl/vbaProject.bin'), vba)).toBe(true);
    expect(Buffer.from(out.get('[Content_Types].xml')!).toString()).toContain(
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    );
  });

  test('-o x.xlsx for a macro-enabled workbook is refused before any work', async () => {
    await check({
      files: { 'book.xlsm': await macroEnabled(vba) },
      args: ['score', '{dir}/book.xlsm', '-o', '{dir}/x.xlsx'],
      code: 2,
      says: /book\.xlsm holds macros.*\.xlsm/,
    });
  });

  test('-o x.xlsm for a workbook without macros is refused', async () => {
    await check({
      files: { 'book.xlsx': small },
      args: ['score', '{dir}/book.xlsx', '-o', '{dir}/x.xlsm'],
      code: 2,
      says: /book\.xlsx has no macros.*\.xlsx/,
    });
  });

  test('-o with another extension than .xlsx is refused', async () => {
    await check({
      files: { 'book.xlsx': small },
      args: ['score', '{dir}/book.xlsx', '-o', '{dir}/x.csv'],
      code: 2,
      says: /must end in \.xlsx/,
    });
  });

  test('a template (.xltx) in gives a workbook out: the content type Excel opens as .xlsx, and the run says so', async () => {
    const template = await editParts(small, {
      '[Content_Types].xml': (x) =>
        x!.replace('spreadsheetml.sheet.main+xml', 'spreadsheetml.template.main+xml'),
    });
    const { dir } = await check({
      files: { 'plan.xltx': template },
      args: ['score', '{dir}/plan.xltx', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /plan\.xltx is a template: the output is a workbook/,
      writes: ['plan.sro.xlsx'],
      input: 'plan.xltx',
    });
    const types = Buffer.from(
      (await partBytes(new Uint8Array(fs.readFileSync(path.join(dir, 'plan.sro.xlsx'))))).get(
        '[Content_Types].xml',
      )!,
    ).toString();
    expect(types).toContain('spreadsheetml.sheet.main+xml');
    expect(types).not.toContain('template');
  });
});

describe('6. messages that name the real problem', () => {
  test('a password-protected workbook', async () => {
    await check({
      files: { 'locked.xlsx': encrypted() },
      args: ['score', '{dir}/locked.xlsx'],
      code: 2,
      says: /locked\.xlsx is protected with a password.*remove the password.*add-in/,
    });
  });

  test('an Excel 97-2003 file (an OLE file without encryption)', async () => {
    await check({
      files: { 'old.xlsx': compoundFile(['Workbook', '\u0005SummaryInformation']) },
      args: ['inspect', '{dir}/old.xlsx'],
      code: 2,
      says: /old\.xlsx is an Excel 97-2003 workbook/,
    });
  });

  test('a zip without a workbook part', async () => {
    await check({
      files: { 'archive.xlsx': await plainZip() },
      args: ['score', '{dir}/archive.xlsx'],
      code: 2,
      says: /archive\.xlsx is a zip file but not an Excel workbook/,
    });
  });

  test('a Word document renamed .xlsx', async () => {
    await check({
      files: { 'letter.xlsx': await wordDocument() },
      args: ['score', '{dir}/letter.xlsx'],
      code: 2,
      says: /letter\.xlsx is a Word document, not an Excel workbook/,
    });
  });

  test('group headers merged above the header row: the header row under them is read', async () => {
    await check({
      files: { 'groups.xlsx': await build(groupHeaders) },
      args: ['score', '{dir}/groups.xlsx', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /Projects analysed: 3/,
      writes: ['groups.sro.xlsx'],
      input: 'groups.xlsx',
    });
  });
});

describe('7. a path that cannot be written is said at once, before any work', () => {
  // The input has no projects: had the run scored first, that would be the message.
  const noProjects = () => toBuffer((wb) => void wb.addWorksheet('Empty').getCell('A1').value);

  test('-o into a missing folder', async () => {
    await check({
      files: { 'X.xlsx': await noProjects() },
      args: ['score', '{dir}/X.xlsx', '-o', '{dir}/missing/out.xlsx'],
      code: 2,
      says: /Cannot write .*out\.xlsx: the folder .*missing does not exist/,
    });
  });

  test('--json into a "folder" that is a file', async () => {
    await check({
      files: { 'X.xlsx': await noProjects(), afile: 'x' },
      args: ['score', '{dir}/X.xlsx', '--json', '{dir}/afile/out.json'],
      code: 2,
      says: /Cannot write .*out\.json: .*afile is a file, not a folder/,
    });
  });

  test('--json onto a folder', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'X.xlsx'), await noProjects());
    fs.mkdirSync(path.join(dir, 'out.json'));
    const r = await sro('inspect', path.join(dir, 'X.xlsx'), '--json', path.join(dir, 'out.json'));
    expect([r.code, r.stderr]).toEqual([
      2,
      expect.stringMatching(/Cannot write .*out\.json: it is a folder/),
    ]);
  });

  const root = process.getuid?.() === 0;
  (root ? test.skip : test)('a folder without write permission (not testable as root)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'X.xlsx'), await noProjects());
    fs.mkdirSync(path.join(dir, 'ro'), 0o555);
    const r = await sro('score', path.join(dir, 'X.xlsx'), '-o', path.join(dir, 'ro', 'o.xlsx'));
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/no permission to write in the folder/)]);
  });
});

describe('what the corpus found handled well stays so', () => {
  test('ten injection payloads stay text: no formula from user text, in the sheets or the JSON', async () => {
    const input = await build(injections);
    const { dir } = await check({
      files: { 'inj.xlsx': input },
      args: ['score', '{dir}/inj.xlsx', '--json', '{dir}/inj.json', '--no-sensitivity'],
      code: 0,
      says: /Projects analysed: 10/,
      writes: ['inj.sro.xlsx', 'inj.json'],
      input: 'inj.xlsx',
    });
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'inj.json'), 'utf8')) as {
      ranking: { name: string }[];
    };
    // Names are read trimmed (a leading tab or line break is not part of a name).
    expect(json.ranking.map((p) => p.name).sort()).toEqual(INJECTIONS.map((p) => p.trim()).sort());
  });

  test('re-scoring the output replaces only its own sheets', async () => {
    const { dir } = await check({
      files: { 'X.xlsx': small },
      args: ['score', '{dir}/X.xlsx', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /Wrote/,
      writes: ['X.sro.xlsx'],
      input: 'X.xlsx',
    });
    const first = new Uint8Array(fs.readFileSync(path.join(dir, 'X.sro.xlsx')));
    const again = await check({
      files: { 'X.sro.xlsx': first },
      args: ['score', '{dir}/X.sro.xlsx', '-o', '{dir}/again.xlsx', '--no-frontier', '--no-sensitivity'],
      code: 0,
      says: /sheets: SRO Summary, SRO Ranking/,
      writes: ['again.xlsx'],
    });
    const out = await partBytes(new Uint8Array(fs.readFileSync(path.join(again.dir, 'again.xlsx'))));
    const sheets = (d: Map<string, Uint8Array>) =>
      [
        ...Buffer.from(d.get('xl/workbook.xml')!)
          .toString()
          .matchAll(/<sheet [^>]*name="([^"]+)"/g),
      ].map((m) => m[1]);
    expect(sheets(out)).toEqual(sheets(await partBytes(first)));
    expect(again.r.stdout).not.toMatch(/Kept/);
  });

  test('entity expansion in a sheet is not expanded', async () => {
    const r = await check({
      files: { 'bomb.xlsx': await entityBomb() },
      args: ['inspect', '{dir}/bomb.xlsx'],
      code: 2,
      says: /bomb\.xlsx/,
    });
    expect(r.r.stderr.length).toBeLessThan(400);
  });

  test('five runs at once on the same input, to five outputs', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'X.xlsx');
    fs.writeFileSync(input, small);
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map((k) =>
        sro(
          'score',
          input,
          '-o',
          path.join(dir, `o${k}.xlsx`),
          '--quiet',
          '--no-frontier',
          '--no-sensitivity',
        ),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'X.xlsx',
      'o1.xlsx',
      'o2.xlsx',
      'o3.xlsx',
      'o4.xlsx',
      'o5.xlsx',
    ]);
    expect(fs.readFileSync(input).equals(Buffer.from(small))).toBe(true);
  });

  test.each([
    ['an empty file', '', /empty\.xlsx is empty/],
    ['random bytes', Buffer.from(pseudoRandomBytes(3000)), /not an Excel workbook/],
    ['a CSV file renamed .xlsx', 'Project,Cost\nA,1\n', /not an Excel workbook/],
  ])('%s', async (_what, data, says) => {
    await check({ files: { 'empty.xlsx': data }, args: ['score', '{dir}/empty.xlsx'], code: 2, says });
  });

  test('a zip cut short', async () => {
    await check({
      files: { 'cut.xlsx': small.slice(0, Math.floor(small.length / 2)) },
      args: ['score', '{dir}/cut.xlsx'],
      code: 2,
      says: /cut\.xlsx is damaged or incomplete/,
    });
  });

  test('a folder given as the input', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'book.xlsx'));
    const r = await sro('score', path.join(dir, 'book.xlsx'));
    expect([r.code, r.stderr]).toEqual([
      2,
      expect.stringMatching(/Cannot read .*book\.xlsx: it is a folder/),
    ]);
  });

  test('a sheet with a header row and no rows', async () => {
    await check({
      files: {
        'headers.xlsx': await toBuffer((wb) => {
          wb.addWorksheet('Projects').getRow(1).values = ['Project Name', 'Cost', 'Benefit'];
        }),
      },
      args: ['score', '{dir}/headers.xlsx'],
      code: 2,
      says: /^sro: [^\n]+\.\n$/,
    });
  });
});

// Workbooks other producers write, in, and a valid workbook out (issue 12 §9): the shapes openpyxl
// (pandas) and XlsxWriter write that broke the reader or the writer, made here from an ExcelJS workbook
// by editing its parts as those producers write them; then re-scoring never grows the styles part. The
// same producers' real files go through ../shared/ooxml/check.sh in scripts/check-outputs.sh.
import JSZip from 'jszip';
import { scoreWorkbook } from '../../src/cli/scoreRun';
import { loadWorkbook, readWorkbookTables } from '../../src/workbook/xlsx/gateway';
import { resolveTarget } from '../../src/workbook/xlsx/package';
import { relativeTarget } from '../../src/workbook/xlsx/normalize';
import { build, projects } from '../cli/hostileFiles';
import { packageProblems, xmlProblems } from '../support/ooxmlShape';
import fs from 'node:fs';
import path from 'node:path';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx');
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const OPTIONS = { skip: { frontier: true, sensitivity: true }, generatedAt: new Date(Date.UTC(2027, 0, 4)) };

async function edit(data: Uint8Array, f: (path: string, xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  for (const [p, file] of Object.entries(zip.files)) {
    if (file.dir || !/\.(xml|rels)$/.test(p)) continue;
    const xml = await file.async('string');
    const next = f(p, xml);
    if (next !== xml) zip.file(p, next);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** As openpyxl writes: r declared on each <sheet>, absolute targets, no <dxfs>, <colors> at the end. */
function openpyxlShape(data: Uint8Array): Promise<Uint8Array> {
  return edit(data, (p, xml) => {
    if (p === 'xl/workbook.xml')
      return xml.replace(` xmlns:r="${NS_R}"`, '').replace(/<sheet /g, `<sheet xmlns:r="${NS_R}" `);
    if (p === 'xl/styles.xml')
      return xml
        .replace(/<dxfs\b[^>]*?(\/>|>[\s\S]*?<\/dxfs>)/, '')
        .replace(/<extLst>[\s\S]*<\/extLst>/, '')
        .replace(
          '</styleSheet>',
          '<colors><indexedColors><rgbColor rgb="00000000"/></indexedColors></colors></styleSheet>',
        );
    if (p.endsWith('.rels') && p !== '_rels/.rels') {
      const source = p.replace(/_rels\/([^/]+)\.rels$/, '$1');
      return xml.replace(
        /Target="([^"/][^"]*)"/g,
        (_m, t: string) => `Target="/${resolveTarget(source, t)}"`,
      );
    }
    return xml;
  });
}

/** As XlsxWriter (and Excel) write a table: headerRowCount left to its default of 1. */
function xlsxWriterShape(data: Uint8Array): Promise<Uint8Array> {
  return edit(data, (p, xml) => (p.startsWith('xl/tables/') ? xml.replace(/ headerRowCount="1"/, '') : xml));
}

const styles = async (data: Uint8Array) =>
  (await JSZip.loadAsync(data)).file('xl/styles.xml')!.async('string');

describe('relativeTarget', () => {
  test.each([
    ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'worksheets/sheet1.xml'],
    ['xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', '../tables/table1.xml'],
    ['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml', '../charts/chart1.xml'],
    ['.rels-root', 'xl/workbook.xml', 'xl/workbook.xml'],
  ])('from %s to %s is %s (and resolves back)', (from, to, rel) => {
    expect(relativeTarget(from, to)).toBe(rel);
    expect(resolveTarget(from, rel)).toBe(to);
  });
});

describe.each([
  ['openpyxl', openpyxlShape],
  ['XlsxWriter', xlsxWriterShape],
])('a workbook as %s writes it', (_producer, shape) => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await shape(await build(projects));
  });

  test('is read as the ExcelJS original is: its table, with its header row', async () => {
    const original = await readWorkbookTables(await build(projects));
    const read = await readWorkbookTables(input);
    expect(read.map((t) => [t.name, t.headers, t.rows.length])).toEqual(
      original.map((t) => [t.name, t.headers, t.rows.length]),
    );
    expect(read[0]!.headers).toEqual([
      'ID',
      'Project Name',
      'Status',
      'Cost',
      'Benefit',
      'Growth',
      'Efficiency',
    ]);
  });

  test('scores to a package whose parts are well-formed, namespaces bound, children in schema order', async () => {
    const run = await scoreWorkbook(input, OPTIONS);
    expect(run.analysis.projects).toHaveLength(4);
    expect(await packageProblems(run.written.data)).toEqual({});
    // And the reader opens it again (ExcelJS on the normalized copy: the user's absolute targets are kept).
    const wb = await loadWorkbook(run.written.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Projects',
      'SRO Summary',
      'SRO Ranking',
      'SRO Recommendations',
      'SRO Settings',
    ]);
  });
});

describe('the structural check catches the defects it is there for', () => {
  test('an unbound r:id in the workbook part, <dxfs> after <colors>, a wrong count', async () => {
    const run = await scoreWorkbook(await openpyxlShape(await build(projects)), OPTIONS);
    const zip = await JSZip.loadAsync(run.written.data);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    expect(xmlProblems(wb.replace(` xmlns:r="${NS_R}"`, ''))).toContainEqual(
      expect.stringMatching(/prefix r is not declared/),
    );
    const st = await zip.file('xl/styles.xml')!.async('string');
    const dxfs = /<dxfs\b[\s\S]*?<\/dxfs>/.exec(st)![0];
    expect(xmlProblems(st.replace(dxfs, '').replace('</styleSheet>', `${dxfs}</styleSheet>`))).toEqual([
      "<styleSheet>: <dxfs> comes after <colors>, against the schema's order",
    ]);
    expect(xmlProblems(st.replace(/<fonts count="(\d+)"/, '<fonts count="1"'))).toContainEqual(
      expect.stringMatching(/<fonts count="1"> holds \d+ items/),
    );
  });
});

describe('re-scoring reuses the add-in’s own styles', () => {
  test.each([
    ['the sample (ExcelJS)', async () => new Uint8Array(fs.readFileSync(SAMPLE))],
    ['an openpyxl workbook', async () => openpyxlShape(await build(projects))],
  ])('%s: five re-scores give the styles part of the first output, byte for byte', async (_name, make) => {
    const input = await make();
    let out = (await scoreWorkbook(input, OPTIONS)).written.data;
    const first = await styles(out);
    expect(first).not.toBe(await styles(input));
    for (let k = 0; k < 5; k++) {
      out = (await scoreWorkbook(out, OPTIONS)).written.data;
      expect(await styles(out)).toBe(first);
    }
    expect(await packageProblems(out)).toEqual({});
  });

  test('entries are found by content, not by index: an output re-saved with reordered attributes and spacing', async () => {
    const out = (await scoreWorkbook(await build(projects), OPTIONS)).written.data;
    const resaved = await edit(out, (p, xml) =>
      p === 'xl/styles.xml'
        ? xml
            .replace(/<xf numFmtId="(\d+)" fontId="(\d+)"/g, '<xf fontId="$2" numFmtId="$1"')
            .replace(/<\/font>/g, '</font>\n  ')
        : xml,
    );
    const again = (await scoreWorkbook(resaved, OPTIONS)).written.data;
    const count = (xml: string, tag: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(xml)?.[1]);
    for (const tag of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'])
      expect([tag, count(await styles(again), tag)]).toEqual([tag, count(await styles(out), tag)]);
  });
});

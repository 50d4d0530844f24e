// The .xlsx writer: output sheets found by their markers (and only by them), table names kept unique,
// native chart parts whose references and caches match the written cells.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeWorkbook } from '../../src/engine/analyze';
import { buildReport } from '../../src/report/buildReport';
import { markerName, type WorkbookReport } from '../../src/report/model';
import { findOutputSheets, sheetOfReference, writeReport } from '../../src/workbook/xlsx/write';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import { chartXml } from '../../src/workbook/xlsx/charts';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx');

async function sample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
  return wb;
}

function reportOf(wb: ExcelJS.Workbook): WorkbookReport {
  return buildReport(
    analyzeWorkbook(new XlsxWorkbookReader(wb).all()),
    {},
    { generatedAt: new Date(Date.UTC(2027, 0, 4, 9, 30)) },
  );
}

async function reload(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

test.each([
  ["'SRO Summary'!$A$1", 'SRO Summary'],
  ["'It''s mine'!$A$1", "It's mine"],
  ['Plain!$A$1', 'Plain'],
  ['#REF!', null],
])('sheetOfReference(%s) = %s', (ref, sheet) => {
  expect(sheetOfReference(ref)).toBe(sheet);
});

describe('markers', () => {
  test('each output sheet carries a hidden marker name pointing at its A1', async () => {
    const wb = await sample();
    const written = await writeReport(wb, reportOf(wb));
    const zip = await JSZip.loadAsync(written.data);
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    for (const key of ['summary', 'ranking', 'dataIssues', 'settings'] as const)
      expect(xml).toContain(
        `<definedName name="${markerName(key)}" hidden="1">&apos;${written.names[key]}&apos;!$A$1</definedName>`,
      );
    const again = await reload(written.data);
    expect(Object.fromEntries(findOutputSheets(again))).toEqual(written.names);
  });

  test("a renamed output sheet is still the add-in's: the next run replaces it", async () => {
    const wb = await sample();
    const first = await reload((await writeReport(wb, reportOf(wb))).data);
    // What Excel does when the user renames a sheet: the sheet and every reference to it change.
    first.getWorksheet('SRO Summary')!.name = 'Board pack';
    first.definedNames.model = first.definedNames.model.map((n) =>
      n.name === markerName('summary') ? { name: n.name, ranges: ["'Board pack'!$A$1"] } : n,
    );
    const second = await reload((await writeReport(first, reportOf(first))).data);
    expect(second.getWorksheet('Board pack')).toBeUndefined();
    expect(second.worksheets.map((w) => w.name).filter((n) => n.startsWith('SRO'))).toEqual([
      'SRO Summary',
      'SRO Ranking',
      'SRO Data Issues',
      'SRO Settings',
    ]);
  });

  test('a marker left by a deleted sheet is dropped; a user sheet without a marker is never removed', async () => {
    const wb = await sample();
    wb.addWorksheet('SRO Summary').getCell('A1').value = 'mine';
    wb.definedNames.add("'Projects'!$B$2", 'Keep_Me');
    wb.definedNames.add("'Gone'!$A$1", markerName('frontier'));
    const out = await reload((await writeReport(wb, reportOf(wb))).data);
    expect(out.getWorksheet('SRO Summary')!.getCell('A1').value).toBe('mine');
    expect(out.getWorksheet('SRO Summary (2)')).toBeDefined();
    const names = out.definedNames.model.map((n) => n.name);
    expect(names).toContain('Keep_Me');
    expect(names).not.toContain(markerName('frontier'));
  });

  test('table names stay unique when the user already has one of ours', async () => {
    const wb = await sample();
    wb.addWorksheet('Notes').addTable({
      name: 'SRO_Ranking',
      ref: 'A1',
      columns: [{ name: 'A' }, { name: 'B' }],
      rows: [[1, 2]],
    });
    const out = await reload((await writeReport(wb, reportOf(wb))).data);
    const tables = (ws: ExcelJS.Worksheet) =>
      (ws.getTables() as unknown as { table: { name: string } }[]).map((t) => t.table.name);
    expect(tables(out.getWorksheet('Notes')!)).toEqual(['SRO_Ranking']);
    expect(tables(out.getWorksheet('SRO Ranking')!)).toEqual(['SRO_Ranking_2']);
  });
});

describe('charts', () => {
  test('the package holds each chart with its drawing, relationships and content types', async () => {
    const wb = await sample();
    const report = reportOf(wb);
    const written = await writeReport(wb, report);
    const zip = await JSZip.loadAsync(written.data);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(report.sheets.reduce((s, x) => s + x.charts.length, 0));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const c of charts) expect(types).toContain(`PartName="/${c}"`);
    const drawingRels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
    for (const c of charts) expect(drawingRels).toContain(`Target="../charts/${path.basename(c)}"`);
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    const rid = /<sheet [^>]*name="SRO Summary"[^>]*r:id="([^"]+)"/.exec(wbXml)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(
      await zip.file('xl/_rels/workbook.xml.rels')!.async('string'),
    )![1]!;
    const sheetPath = `xl/${target.replace(/^\/?xl\//, '')}`;
    expect(await zip.file(sheetPath)!.async('string')).toMatch(/<drawing r:id="rId\d+"\/>/);
    const sheetRels = await zip
      .file(sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels')!
      .async('string');
    expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
  });

  test('series refer to the written cells, and the cached values are those cells', async () => {
    const wb = await sample();
    const written = await writeReport(wb, reportOf(wb));
    const zip = await JSZip.loadAsync(written.data);
    const xml = await zip.file('xl/charts/chart1.xml')!.async('string');
    const out = await reload(written.data);
    const refs = [...xml.matchAll(/<c:numRef><c:f>([^<]+)<\/c:f><c:numCache>(.*?)<\/c:numCache>/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, f, cache] of refs) {
      const m = /^&apos;(.+)&apos;!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(f!)!;
      const ws = out.getWorksheet(m[1]!)!;
      const cells: unknown[] = [];
      for (let r = Number(m[3]); r <= Number(m[5]); r++) cells.push(ws.getCell(`${m[2]}${r}`).value);
      const cached = [...cache!.matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((x) => Number(x[1]));
      expect(cached).toEqual(cells);
    }
  });

  test('text in titles and series names is escaped', () => {
    const xml = chartXml({
      spec: { kind: 'bar', title: 'R&D <plan> "A"', series: [], row: 1, col: 1, width: 2, height: 2 },
      series: [
        {
          spec: {
            name: "O'Brien & Co",
            x: { sheet: 'summary', range: 'A1:A2' },
            y: { sheet: 'summary', range: 'B1:B2' },
            color: '000000',
          },
          x: { ref: "'SRO Summary'!$A$1:$A$2", values: ['<a>', 'b&c'] },
          y: { ref: "'SRO Summary'!$B$1:$B$2", values: [1, null] },
        },
      ],
    });
    expect(xml).toContain('R&amp;D &lt;plan&gt; &quot;A&quot;');
    expect(xml).toContain('O&apos;Brien &amp; Co');
    expect(xml).toContain('<c:v>&lt;a&gt;</c:v>');
    expect(xml).not.toMatch(/<c:v>(?:[^<]*[&][^a-z#])/);
    expect(xml).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>1</c:v></c:pt></c:numCache>');
  });
});

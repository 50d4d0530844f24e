// The .xlsx writer: output sheets found by their markers (and only by them), every user part kept byte
// for byte, styles appended after the user's, table names unique, native chart parts whose references
// and caches match the written cells.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeWorkbook } from '../../src/engine/score';
import { buildReport } from '../../src/report/buildReport';
import type { WorkbookReport } from '../../src/report/model';
import { markerName, parseMarker } from '../../src/workbook/marker';
import { findOutputSheets, writeReport } from '../../src/workbook/xlsx/write';
import { quoteSheet, sheetOfReference } from '../../src/workbook/outputSheets';
import { WorkbookXml } from '../../src/workbook/xlsx/workbookXml';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import { chartXml } from '../../src/workbook/xlsx/charts';

const SAMPLE = new Uint8Array(
  fs.readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx')),
);
const AT = new Date(Date.UTC(2027, 0, 4, 9, 30));

async function reportOf(data: Uint8Array): Promise<WorkbookReport> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return buildReport(analyzeWorkbook(new XlsxWorkbookReader(wb).all()), {}, { generatedAt: AT });
}

async function run(data: Uint8Array): Promise<{ names: Record<string, string>; data: Uint8Array }> {
  const w = await writeReport(data, await reportOf(data));
  return { names: w.names as Record<string, string>, data: w.data };
}

async function parts(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const [p, f] of Object.entries(zip.files)) if (!f.dir) out.set(p, await f.async('string'));
  return out;
}

/** Edits one part of a package (what a user's Excel would do between two runs). */
async function edit(data: Uint8Array, part: string, f: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  zip.file(part, f(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'uint8array' });
}

async function sheetNames(data: Uint8Array): Promise<string[]> {
  return new WorkbookXml((await parts(data)).get('xl/workbook.xml')!).sheets.map((s) => s.name);
}

test.each([
  ["'SRO Summary'!$A$1", 'SRO Summary'],
  ["'It''s mine'!$A$1", "It's mine"],
  ['Plain!$A$1', 'Plain'],
  ['#REF!', null],
])('sheetOfReference(%s) = %s', (ref, sheet) => {
  expect(sheetOfReference(ref)).toBe(sheet);
});

describe("the user's parts", () => {
  test('every part of the input except the workbook, its relationships, styles and content types is kept byte for byte', async () => {
    const before = await parts(SAMPLE);
    const after = await parts((await run(SAMPLE)).data);
    const changed = new Set([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      '[Content_Types].xml',
    ]);
    let kept = 0;
    for (const [p, xml] of before) {
      if (changed.has(p)) continue;
      expect([p, after.get(p) === xml]).toEqual([p, true]);
      kept++;
    }
    expect(kept).toBeGreaterThan(10);
  });

  test("styles: the user's cell formats keep their indexes; the output's are appended and counted", async () => {
    const before = (await parts(SAMPLE)).get('xl/styles.xml')!;
    const after = (await parts((await run(SAMPLE)).data)).get('xl/styles.xml')!;
    const xfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1]!;
    expect(xfs(after).startsWith(xfs(before))).toBe(true);
    for (const tag of ['fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const m = new RegExp(`<${tag} count="(\\d+)"[^>]*>([\\s\\S]*?)</${tag}>`).exec(after)!;
      const item = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' }[tag]!;
      expect([tag, Number(m[1])]).toEqual([
        tag,
        (m[2]!.match(new RegExp(`<${item}[\\s>/]`, 'g')) ?? []).length,
      ]);
    }
  });
});

describe('markers', () => {
  test('each output sheet carries a hidden marker name pointing at its A1, stamped with its name', async () => {
    const written = await run(SAMPLE);
    const wb = new WorkbookXml((await parts(written.data)).get('xl/workbook.xml')!);
    for (const [key, sheet] of Object.entries(written.names)) {
      const markers = wb.names.filter((n) => parseMarker(n.name)?.key === key);
      expect(markers.map((n) => [n.value, /\shidden="1"/.test(n.rest)])).toEqual([
        [`${quoteSheet(sheet)}!$A$1`, true],
      ]);
      expect(parseMarker(markers[0]!.name)!.agrees(sheet)).toBe(true);
      expect(parseMarker(markers[0]!.name)!.agrees(`${sheet} (2)`)).toBe(false);
    }
    expect([...findOutputSheets(wb).replace].sort()).toEqual(Object.values(written.names).sort());
  });

  test("a renamed output sheet is the user's from then on: kept, charts and all, and the run says so", async () => {
    const first = (await run(SAMPLE)).data;
    // What Excel does when the user renames a sheet: the sheet and every reference to it change.
    const renamed = await edit(first, 'xl/workbook.xml', (x) => x.replace(/SRO Summary/g, 'Board pack'));
    expect(await sheetNames(renamed)).toContain('Board pack');
    const w = await writeReport(renamed, await reportOf(renamed));
    const names = await sheetNames(w.data);
    expect(names.filter((n) => n === 'Board pack' || n === 'SRO Summary')).toEqual([
      'Board pack',
      'SRO Summary',
    ]);
    expect(w.notes).toEqual([
      expect.stringMatching(/^Kept "Board pack": an earlier run's summary sheet, renamed since/),
    ]);
    const p = await parts(w.data);
    // The kept sheet keeps its drawing and charts; the new summary has its own.
    const perRun = (await reportOf(SAMPLE)).sheets.reduce((s, x) => s + x.charts.length, 0);
    expect(perRun).toBeGreaterThan(0);
    expect([...p.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(2 * perRun);
  });

  test("a sheet whose marker was deleted is the user's from then on", async () => {
    const first = (await run(SAMPLE)).data;
    const adopted = await edit(first, 'xl/workbook.xml', (x) =>
      x.replace(/<definedName name="SRO_Output_Summary_[^"]*"[^>]*>[^<]*<\/definedName>/, ''),
    );
    const names = await sheetNames((await run(adopted)).data);
    expect(names.filter((n) => n.startsWith('SRO Summary'))).toEqual(['SRO Summary', 'SRO Summary (2)']);
  });

  test('a marker left by a deleted sheet is dropped; a user sheet without a marker is never removed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(SAMPLE as unknown as ExcelJS.Buffer);
    wb.addWorksheet('SRO Summary').getCell('A1').value = 'mine';
    wb.definedNames.add("'Projects'!$B$2", 'Keep_Me');
    const input = await edit(
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
      'xl/workbook.xml',
      (x) =>
        x.replace(
          '</definedNames>',
          `<definedName name="${markerName('frontier', 'abcdefgh', 'Gone')}" hidden="1">'Gone'!$A$1</definedName></definedNames>`,
        ),
    );
    const out = (await run(input)).data;
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(check.getWorksheet('SRO Summary')!.getCell('A1').value).toBe('mine');
    expect(check.getWorksheet('SRO Summary (2)')).toBeDefined();
    const names = new WorkbookXml((await parts(out)).get('xl/workbook.xml')!).names.map((n) => n.name);
    expect(names).toContain('Keep_Me');
    expect(names).not.toContain(markerName('frontier', 'abcdefgh', 'Gone'));
  });

  test('names local to a sheet follow it when output sheets before it are removed', async () => {
    const first = (await run(SAMPLE)).data;
    const wb = new WorkbookXml((await parts(first)).get('xl/workbook.xml')!);
    const projects = wb.sheets.findIndex((s) => s.name === 'Projects');
    const withLocal = await edit(first, 'xl/workbook.xml', (x) =>
      x.replace(
        '</definedNames>',
        `<definedName name="_xlnm.Print_Area" localSheetId="${projects}">Projects!$A$1:$B$2</definedName></definedNames>`,
      ),
    );
    const second = new WorkbookXml((await parts((await run(withLocal)).data)).get('xl/workbook.xml')!);
    const local = second.names
      .filter((n) => n.name === '_xlnm.Print_Area')
      .map((n) => second.sheets[n.localSheetId!]!.name);
    expect(local.sort()).toEqual(['Projects', 'SRO Ranking', 'SRO Summary']);
  });

  test('table names stay unique when the user already has one of ours', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(SAMPLE as unknown as ExcelJS.Buffer);
    wb.addWorksheet('Notes').addTable({
      name: 'SRO_Ranking',
      ref: 'A1',
      columns: [{ name: 'A' }, { name: 'B' }],
      rows: [[1, 2]],
    });
    const out = (await run(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).data;
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(out as unknown as ExcelJS.Buffer);
    const tables = (ws: ExcelJS.Worksheet) =>
      (ws.getTables() as unknown as { table: { name: string } }[]).map((t) => t.table.name);
    expect(tables(check.getWorksheet('Notes')!)).toEqual(['SRO_Ranking']);
    expect(tables(check.getWorksheet('SRO Ranking')!)).toEqual(['SRO_Ranking_2']);
  });
});

describe('charts', () => {
  test('the package holds each chart with its drawing, relationships and content types', async () => {
    const report = await reportOf(SAMPLE);
    const p = await parts((await writeReport(SAMPLE, report)).data);
    const charts = [...p.keys()].filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(report.sheets.reduce((s, x) => s + x.charts.length, 0));
    for (const c of charts) expect(p.get('[Content_Types].xml')).toContain(`PartName="/${c}"`);
    const drawing = [...p.keys()].find((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k))!;
    expect(p.get('[Content_Types].xml')).toContain(`PartName="/${drawing}"`);
    for (const c of charts)
      expect(p.get(drawing.replace('drawings/', 'drawings/_rels/') + '.rels')).toContain(
        `Target="../charts/${path.basename(c)}"`,
      );
    const wb = new WorkbookXml(p.get('xl/workbook.xml')!);
    const rid = wb.sheets.find((s) => s.name === 'SRO Summary')!.rId;
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(
      p.get('xl/_rels/workbook.xml.rels')!,
    )![1]!;
    const sheetPath = `xl/${target}`;
    expect(p.get(sheetPath)).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(p.get(sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels')).toContain(
      `Target="../drawings/${path.basename(drawing)}"`,
    );
  });

  test('series refer to the written cells, and the cached values are those cells', async () => {
    const out = (await run(SAMPLE)).data;
    const p = await parts(out);
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(out as unknown as ExcelJS.Buffer);
    let compared = 0;
    for (const [name, xml] of p) {
      if (!/^xl\/charts\/chart\d+\.xml$/.test(name)) continue;
      for (const [, f, cache] of xml.matchAll(
        /<c:numRef><c:f>([^<]+)<\/c:f><c:numCache>(.*?)<\/c:numCache>/g,
      )) {
        const m = /^&apos;(.+)&apos;!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(f!)!;
        const ws = check.getWorksheet(m[1]!)!;
        const cells: unknown[] = [];
        for (let r = Number(m[3]); r <= Number(m[5]); r++) cells.push(ws.getCell(`${m[2]}${r}`).value);
        expect([...cache!.matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((x) => Number(x[1]))).toEqual(cells);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
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
    expect(xml).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>1</c:v></c:pt></c:numCache>');
  });
});

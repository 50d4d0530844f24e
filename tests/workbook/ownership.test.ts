// Which sheets a run may replace (SPEC §5.2, issue 17), with the same cases on both adapters — the .xlsx
// writer and the Office.js writer on the simulator: only a sheet whose marker, name and marker target
// agree. A user's names that look like markers, a renamed output sheet, anything else is the user's: kept
// cell for cell, and the output takes a free name. A moved output sheet is still replaced, and so is an
// output written under the earlier marker scheme.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyzeWorkbook } from '../../src/engine/score';
import { buildReport } from '../../src/report/buildReport';
import { readAllTables, type WorkbookGateway, type WrittenSheets } from '../../src/workbook/port';
import { XlsxWorkbookGateway } from '../../src/workbook/xlsx/gateway';
import { WorkbookXml } from '../../src/workbook/xlsx/workbookXml';
import { quoteSheet, sheetOfReference } from '../../src/workbook/outputSheets';
import { LEGACY_COMMENT, MARKER_PREFIX, markerName, parseMarker } from '../../src/workbook/marker';
import { escapeXml } from '../../src/workbook/xlsx/xml';
import { build, forgedNames, projects } from '../cli/hostileFiles';
import { cellsOf } from '../cli/support';
import { gatewayOn, simCells, simulatorOf } from '../office/support';
import type { ExcelSimulator } from '../support/excelSim/index';

const AT = new Date(Date.UTC(2027, 0, 4, 9, 30));

interface NameSeen {
  name: string;
  reference: string;
  hidden: boolean;
}

/** One workbook under one adapter, with what a user does to it between runs. */
interface Book {
  run(): Promise<{ written: WrittenSheets; notes: string[] | null }>;
  sheets(): Promise<string[]>;
  cells(sheet: string): Promise<unknown>;
  /** Sheets the reader takes tables from. */
  readSheets(): Promise<string[]>;
  names(): Promise<NameSeen[]>;
  rename(from: string, to: string): Promise<void>;
  move(sheet: string, index: number): Promise<void>;
  remove(sheet: string): Promise<void>;
  addName(name: string, reference: string, hidden: boolean, comment?: string): Promise<void>;
  removeName(name: string): Promise<void>;
}

async function runOn(gateway: WorkbookGateway): Promise<WrittenSheets> {
  const report = buildReport(analyzeWorkbook(await readAllTables(gateway)), {}, { generatedAt: AT });
  return gateway.writeReport(report);
}

/** The .xlsx adapter on a package in memory; the user's edits are made as Excel makes them. */
async function xlsxBook(data: Uint8Array): Promise<Book> {
  let bytes = data;
  const workbookXml = async () =>
    new WorkbookXml(await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string'));
  const editWorkbook = async (f: (wb: WorkbookXml) => void) => {
    const zip = await JSZip.loadAsync(bytes);
    const wb = new WorkbookXml(await zip.file('xl/workbook.xml')!.async('string'));
    f(wb);
    zip.file('xl/workbook.xml', wb.toXml());
    bytes = await zip.generateAsync({ type: 'uint8array' });
  };
  const retarget = (wb: WorkbookXml, from: string, to: string | null) => {
    wb.names = wb.names.map((n) =>
      sheetOfReference(n.value)?.toLowerCase() === from.toLowerCase()
        ? { ...n, value: to === null ? '#REF!' : n.value.replace(/^.*!/, `${quoteSheet(to)}!`) }
        : n,
    );
  };
  return {
    async run() {
      const gateway = new XlsxWorkbookGateway(bytes);
      const written = await runOn(gateway);
      bytes = gateway.output!;
      return { written, notes: gateway.notes };
    },
    sheets: async () => (await workbookXml()).sheets.map((s) => s.name),
    async cells(sheet) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return Object.fromEntries(cellsOf(wb.getWorksheet(sheet)!));
    },
    async readSheets() {
      return [...new Set((await new XlsxWorkbookGateway(bytes).listTables()).map((t) => t.sheet))];
    },
    async names() {
      return (await workbookXml()).names
        .filter((n) => n.localSheetId === undefined)
        .map((n) => ({ name: n.name, reference: n.value, hidden: /hidden="1"/.test(n.rest) }));
    },
    rename: (from, to) =>
      editWorkbook((wb) => {
        const k = wb.sheets.findIndex((s) => s.name === from);
        const s = wb.sheets[k]!;
        wb.sheets[k] = { ...s, name: to, xml: s.xml.replace(/name="[^"]*"/, `name="${escapeXml(to)}"`) };
        retarget(wb, from, to);
      }),
    move: (sheet, index) =>
      editWorkbook((wb) => {
        const from = wb.sheets.findIndex((s) => s.name === sheet);
        const order = wb.sheets.map((_, k) => k);
        order.splice(index, 0, ...order.splice(from, 1));
        wb.sheets = order.map((k) => wb.sheets[k]!);
        wb.names = wb.names.map((n) =>
          n.localSheetId === undefined ? n : { ...n, localSheetId: order.indexOf(n.localSheetId) },
        );
      }),
    remove: (sheet) =>
      editWorkbook((wb) => {
        wb.removeSheet(wb.sheets.findIndex((s) => s.name === sheet));
        retarget(wb, sheet, null);
      }),
    addName: (name, reference, hidden, comment) =>
      editWorkbook((wb) => wb.addName(name, reference, { hidden, ...(comment ? { comment } : {}) })),
    removeName: (name) =>
      editWorkbook((wb) => {
        wb.names = wb.names.filter((n) => n.name !== name);
      }),
  };
}

/** The Office.js adapter on the simulator seeded from the same package. */
async function officeBook(data: Uint8Array): Promise<Book> {
  const sim: ExcelSimulator = await simulatorOf(data);
  const gateway = gatewayOn(sim);
  return {
    async run() {
      return { written: await runOn(gateway), notes: null };
    },
    sheets: async () => sim.sheetNames(),
    async cells(sheet) {
      return Object.fromEntries([...simCells(sim, sheet)].map(([k, v]) => [k, v.value]));
    },
    async readSheets() {
      gateway.refresh();
      return [...new Set((await gateway.listTables()).map((t) => t.sheet))];
    },
    async names() {
      return sim.book.names.map((n) => ({
        name: n.name,
        reference: n.formula.replace(/^=/, ''),
        hidden: !n.visible,
      }));
    },
    async rename(from, to) {
      sim.book.renameSheet(sim.book.sheet(from)!, to);
    },
    async move(sheet, index) {
      const s = sim.book.sheet(sheet)!;
      sim.book.sheets.splice(sim.book.sheets.indexOf(s), 1);
      sim.book.sheets.splice(index, 0, s);
    },
    async remove(sheet) {
      sim.book.deleteSheet(sim.book.sheet(sheet)!);
    },
    async addName(name, reference, hidden, comment) {
      sim.book.names.push({ name, formula: `=${reference}`, visible: !hidden, comment: comment ?? '' });
    },
    async removeName(name) {
      sim.book.names.splice(
        sim.book.names.findIndex((n) => n.name === name),
        1,
      );
    },
  };
}

describe.each([
  ['the .xlsx writer', 'xlsx'],
  ['the Office.js writer (simulator)', 'office'],
] as const)('%s', (_label, kind) => {
  const open = (data: Uint8Array): Promise<Book> => (kind === 'office' ? officeBook(data) : xlsxBook(data));

  test("the user's names SRO_Output_Summary and SRO_Output_Ranking own nothing: Notes and SRO Ranking stay", async () => {
    const book = await open(await build(forgedNames));
    const before = { notes: await book.cells('Notes'), mine: await book.cells('SRO Ranking') };
    const { written, notes } = await book.run();
    expect(written.ranking).toBe('SRO Ranking (2)');
    expect(await book.cells('Notes')).toEqual(before.notes);
    expect(await book.cells('SRO Ranking')).toEqual(before.mine);
    const names = await book.names();
    expect(names.filter((n) => !parseMarker(n.name))).toEqual([
      { name: 'SRO_Output_Summary', reference: 'Notes!$A$1', hidden: false },
      { name: 'SRO_Output_Ranking', reference: "'SRO Ranking'!$A$1", hidden: false },
    ]);
    if (notes) expect(notes.join(' ')).toMatch(/Kept "SRO Ranking".*"SRO Ranking \(2\)"/);
    // The next run finds its own sheets and keeps the user's: the same names again.
    expect((await book.run()).written).toEqual(written);
    expect(await book.cells('SRO Ranking')).toEqual(before.mine);
  });

  test('a marker-shaped name whose check does not match the sheet owns nothing', async () => {
    const book = await open(
      await build(projects, (wb) => void (wb.addWorksheet('SRO Summary').getCell('A1').value = 'mine')),
    );
    await book.addName(markerName('summary', 'abcdefgh', 'Somewhere else'), "'SRO Summary'!$A$1", true);
    const { written } = await book.run();
    expect(written.summary).toBe('SRO Summary (2)');
    expect(await book.cells('SRO Summary')).toEqual(kind === 'office' ? { '1:1': 'mine' } : { A1: 'mine' });
  });

  test("a renamed output sheet is kept as the user's; the new one takes its name; it is not read as input", async () => {
    const book = await open(await build(projects));
    const first = await book.run();
    const ranking = await book.cells(first.written.ranking!);
    await book.rename(first.written.ranking!, 'Ranking Jan');
    expect(await book.readSheets()).not.toContain('Ranking Jan');
    const second = await book.run();
    expect(second.written).toEqual(first.written);
    expect(await book.cells('Ranking Jan')).toEqual(ranking);
    if (second.notes)
      expect(second.notes).toEqual([expect.stringMatching(/^Kept "Ranking Jan": an earlier run's ranking/)]);
    // A third run keeps it too, and still does not read it.
    expect((await book.run()).written).toEqual(first.written);
    expect(await book.readSheets()).not.toContain('Ranking Jan');
  });

  test('a moved output sheet is still the add-in\'s: replaced, no "(2)"', async () => {
    const book = await open(await build(projects));
    const first = await book.run();
    await book.move(first.written.ranking!, 0);
    const second = await book.run();
    expect(second.written).toEqual(first.written);
    expect(second.notes ?? []).toEqual([]);
    const markers = (await book.names()).filter((n) => parseMarker(n.name));
    expect(markers.map((n) => parseMarker(n.name)!.key).sort()).toEqual(Object.keys(first.written).sort());
  });

  test.each([
    ['hidden', true, undefined],
    ["visible, with the add-in's comment (Excel may not hide a name)", false, LEGACY_COMMENT],
  ])(
    'outputs of the earlier scheme (%s SRO_Output_<Key> names) are replaced, then carry new markers',
    async (_how, hidden, comment) => {
      const book = await open(await build(projects));
      const first = await book.run();
      // What the previous version wrote: one name per sheet, SRO_Output_<Key>, without the check.
      for (const n of await book.names()) {
        const m = parseMarker(n.name);
        if (!m) continue;
        await book.removeName(n.name);
        await book.addName(
          `${MARKER_PREFIX}${m.key.charAt(0).toUpperCase()}${m.key.slice(1)}`,
          n.reference,
          hidden,
          comment,
        );
      }
      const second = await book.run();
      expect(second.written).toEqual(first.written);
      expect(await book.sheets()).toEqual(await sheetsAfterOneRun());
      const names = (await book.names()).map((n) => n.name);
      expect(names.filter((n) => !parseMarker(n))).toEqual([]);
      expect(names).toHaveLength(Object.keys(first.written).length);
    },
  );

  test("a visible SRO_Output_<Key> name without the comment is the user's, even on an output-named sheet", async () => {
    const book = await open(await build(projects));
    const first = await book.run();
    for (const n of await book.names()) {
      const m = parseMarker(n.name);
      if (!m || m.key !== 'ranking') continue;
      await book.removeName(n.name);
      await book.addName('SRO_Output_Ranking', n.reference, false);
    }
    const second = await book.run();
    expect(second.written.ranking).toBe('SRO Ranking (2)');
    expect(second.written.summary).toBe(first.written.summary);
    expect((await book.names()).map((n) => n.name)).toContain('SRO_Output_Ranking');
  });

  async function sheetsAfterOneRun(): Promise<string[]> {
    const fresh = await open(await build(projects));
    await fresh.run();
    return fresh.sheets();
  }

  test('a marker whose sheet was deleted is dropped; other names stay', async () => {
    const book = await open(await build(projects));
    const first = await book.run();
    await book.addName('Keep_Me', 'Projects!$B$2', false);
    await book.remove(first.written.summary!);
    const second = await book.run();
    expect(second.written.summary).toBe('SRO Summary');
    const names = await book.names();
    expect(names.filter((n) => parseMarker(n.name)?.key === 'summary')).toHaveLength(1);
    expect(names.filter((n) => n.reference.includes('#REF!'))).toEqual([]);
    expect(names.map((n) => n.name)).toContain('Keep_Me');
  });
});

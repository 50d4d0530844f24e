// The Office.js adapter against the Excel simulator: the same tables as the .xlsx adapter, the same cells
// as the .xlsx writer, a constant number of syncs, idempotent re-runs, user sheets untouched, text kept text.
import { readAllTables } from '../../src/workbook/port';
import ExcelJS from 'exceljs';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import { scoreWorkbook } from '../../src/cli/scoreRun';
import { analyzeWorkbook } from '../../src/engine/score';
import { buildReport } from '../../src/report/buildReport';
import { SHEET_ORDER, type WorkbookReport } from '../../src/report/model';
import { parseMarker } from '../../src/workbook/marker';
import { gatewayOn, SAMPLE, simCells, simulatorOf, WEB_LIMIT, withXlsxLinks, xlsxCells } from './support';
import { ExcelSimulator } from '../support/excelSim/index';
import { areaA1 } from '../support/excelSim/book';
import { syntheticXlsx } from '../../bench/syntheticXlsx';

const AT = new Date(Date.UTC(2026, 10, 24, 9, 30));

let sampleRun: Awaited<ReturnType<typeof scoreWorkbook>>;
beforeAll(async () => {
  sampleRun = await scoreWorkbook(SAMPLE, { generatedAt: AT, skip: { sensitivity: true } });
});

describe('reading', () => {
  test('the sample gives the same tables through the simulator as through the .xlsx adapter', async () => {
    const expected = await XlsxWorkbookReader.fromBuffer(SAMPLE);
    const gateway = gatewayOn(await simulatorOf(SAMPLE));
    expect(await gateway.listTables()).toEqual(await expected.listTables());
    const all = expected.all();
    expect(await gateway.readTables(all.map((t) => t.name))).toEqual(all);
    expect(all.length).toBeGreaterThan(3);
  });

  test('listing and reading take three syncs together, and reading again takes none', async () => {
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    const tables = await gateway.listTables();
    await gateway.readTables(tables.map((t) => t.name));
    // The lists; the used ranges' addresses; their cells.
    expect(sim.syncs).toBe(3);
    expect(sim.runs).toBe(1);
  });
});

describe('writing the same report as the .xlsx writer', () => {
  let sim: ExcelSimulator;
  let written: Awaited<ReturnType<ReturnType<typeof gatewayOn>['writeReport']>>;
  let xlsx: ExcelJS.Workbook;
  beforeAll(async () => {
    sim = await simulatorOf(SAMPLE);
    written = await gatewayOn(sim).writeReport(sampleRun.report);
    xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(sampleRun.written.data as unknown as ExcelJS.Buffer);
  });

  test('the same sheets under the same names', () => {
    expect(written).toEqual(sampleRun.written.names);
    for (const key of SHEET_ORDER) if (written[key]) expect(sim.sheetNames()).toContain(written[key]);
  });

  test.each(SHEET_ORDER.map((k) => [k]))(
    '%s: every cell value, number format and link equal',
    async (key) => {
      const name = written[key];
      if (!name) return;
      const expected = await withXlsxLinks(sampleRun.written.data, name, xlsxCells(xlsx.getWorksheet(name)!));
      const actual = simCells(sim, name);
      expect(actual.size).toBeGreaterThan(0);
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    },
  );

  test('the same tables over the same ranges', () => {
    for (const key of SHEET_ORDER) {
      const name = written[key];
      if (!name) continue;
      const expected = (
        xlsx.getWorksheet(name)!.getTables() as unknown as { table: { name: string; tableRef: string } }[]
      )
        .map((t) => ({ name: t.table.name, ref: t.table.tableRef }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const actual = sim.book.tables
        .filter((t) => t.sheet.name === name)
        .map((t) => ({ name: t.name, ref: areaA1(t.area) }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(actual).toEqual(expected);
    }
  });

  test('charts, conditional formats, frozen panes and widths are there', () => {
    const summary = sim.book.sheet(written.summary!)!;
    const charts = sim.book.sheets.flatMap((s) => s.charts);
    const expectedCharts = sampleRun.report.sheets.reduce((n, s) => n + s.charts.length, 0);
    expect(charts).toHaveLength(expectedCharts);
    for (const c of charts) {
      expect(c.props['title.text']).toEqual(expect.any(String));
      for (const s of c.series) expect(s.values).toMatch(/!/);
    }
    expect(summary.charts.length).toBeGreaterThan(0);
    const ranking = sim.book.sheet(written.ranking!)!;
    expect(ranking.freeze).toEqual(sampleRun.report.sheets.find((s) => s.key === 'ranking')!.freeze);
    expect(ranking.conditionalFormats.some((f) => f.type === 'DataBar')).toBe(true);
    expect(ranking.columnWidths.size).toBeGreaterThan(0);
  });

  test('each output sheet carries a hidden marker; the summary is active', () => {
    for (const key of SHEET_ORDER) {
      if (!written[key]) continue;
      const markers = sim.book.names.filter((n) => parseMarker(n.name)?.key === key);
      expect(markers).toHaveLength(1);
      expect(markers[0]).toMatchObject({ visible: false, formula: `='${written[key]}'!$A$1` });
      expect(parseMarker(markers[0]!.name)!.agrees(written[key]!)).toBe(true);
    }
    expect(sim.book.activeSheet).toBe(written.summary);
  });
});

describe('a full run (read every table, write every sheet)', () => {
  let small: { sim: ExcelSimulator; report: WorkbookReport };
  let large: { sim: ExcelSimulator; report: WorkbookReport };
  const data: Record<number, Uint8Array> = {};
  beforeAll(async () => {
    for (const n of [100, 10_000]) data[n] = await syntheticXlsx(n);
  }, 60_000);

  async function fullRun(n: number, web: boolean) {
    const sim = await simulatorOf(data[n]!, '1.13', web ? WEB_LIMIT : undefined);
    const report = buildReport(
      analyzeWorkbook((await XlsxWorkbookReader.fromBuffer(data[n]!)).all()),
      {},
      { generatedAt: AT },
    );
    const gateway = gatewayOn(sim, web);
    const tables = await readAllTables(gateway);
    await gateway.writeReport(report);
    return { sim, report, tables };
  }

  test('takes the same syncs at 100 and 10,000 projects, at most 8', async () => {
    small = await fullRun(100, false);
    large = await fullRun(10_000, false);
    expect(large.sim.book.sheet('SRO Ranking')).toBeDefined();
    expect(small.sim.syncs).toBe(large.sim.syncs);
    expect(small.sim.syncs).toBeLessThanOrEqual(8);
  }, 120_000);

  test('on Excel on the web, every request and response stays under 5 MB; the workbook ends the same', async () => {
    const web = await fullRun(10_000, true);
    // Without the limit the same run sends one request of many MB (the simulator would refuse it).
    expect(large.sim.maxRequestBytes).toBeGreaterThan(WEB_LIMIT);
    expect(web.sim.maxRequestBytes).toBeLessThanOrEqual(WEB_LIMIT);
    expect(web.sim.maxResponseBytes).toBeLessThanOrEqual(WEB_LIMIT);
    expect(web.tables).toEqual((await XlsxWorkbookReader.fromBuffer(data[10_000]!)).all());
    for (const name of ['SRO Summary', 'SRO Ranking', 'SRO Settings'])
      expect(Object.fromEntries(simCells(web.sim, name))).toEqual(
        Object.fromEntries(simCells(large.sim, name)),
      );
    // A small workbook takes as many round trips on the web as elsewhere.
    const smallWeb = await fullRun(100, true);
    expect(smallWeb.sim.syncs).toBe(small.sim.syncs);
  }, 180_000);
});

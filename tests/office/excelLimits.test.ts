// Where real Excel fails an add-in that a lenient simulator would let through (issue 15): the payload
// limit of Excel on the web counted in UTF-8 bytes with a cost per operation, the 5,000,000-cell read
// cap, very hidden and last visible sheets, tables over merged cells, chart sources, another workbook
// taking focus, names that do not hide. Each test runs the adapter on the simulator with that rule on.
import { parseMarker } from '../../src/workbook/marker';
import { readAllTables } from '../../src/workbook/port';
import { analyzeWorkbook } from '../../src/engine/score';
import { InputError } from '../../src/engine/errors';
import { buildReport } from '../../src/report/buildReport';
import type { ReportSheet, WorkbookReport } from '../../src/report/model';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import type { OfficeWorkbookGateway } from '../../src/workbook/office/gateway';
import { describeError } from '../../src/taskpane/errors';
import { ExcelSimulator } from '../support/excelSim/index';
import { SimSheet } from '../support/excelSim/book';
import { syntheticXlsx } from '../../bench/syntheticXlsx';
import { runPipeline } from '../../src/pipeline/run';
import { useNodeHighs } from '../../src/cli/highs';
import { gatewayOn, SAMPLE, simCells, simulatorOf, WEB_LIMIT } from './support';

const AT = new Date(Date.UTC(2026, 10, 24, 9, 30));

async function reportOf(data: Uint8Array): Promise<WorkbookReport> {
  const tables = (await XlsxWorkbookReader.fromBuffer(data)).all();
  return buildReport(analyzeWorkbook(tables), {}, { generatedAt: AT });
}

let sampleReport: WorkbookReport;
beforeAll(async () => {
  sampleReport = await reportOf(SAMPLE);
});

/** Reads every table, then writes the sample's report (no solver: the adapter is under test). */
async function runOnce(gateway: OfficeWorkbookGateway, report = sampleReport): Promise<void> {
  await readAllTables(gateway);
  await gateway.writeReport(report);
}

function snapshot(sim: ExcelSimulator): unknown {
  return {
    sheets: sim.book.sheets.map((s) => [s.name, s.visibility]),
    cells: sim.sheetNames().map((s) => Object.fromEntries(simCells(sim, s))),
    tables: sim.book.tables.map((t) => [t.name, t.sheet.name, t.area]),
    // A marker's name holds its run's id: compare what it marks.
    names: sim.book.names.map((n) => [parseMarker(n.name)?.key ?? n.name, n.formula]),
    charts: sim.book.sheets.map((s) => s.charts.length),
  };
}

const outputSheets = (sim: ExcelSimulator) => sim.sheetNames().filter((s) => s.startsWith('SRO '));

describe('Excel on the web: 5 MB per request and response, counted in UTF-8 bytes and per operation', () => {
  test('two full runs at 10,000 projects keep every request and response under 5 MB', async () => {
    useNodeHighs();
    const sim = await simulatorOf(await syntheticXlsx(10_000), undefined, WEB_LIMIT);
    const gateway = gatewayOn(sim, true);
    const options = { skip: { frontier: true, sensitivity: true } };
    const first = await runPipeline(gateway, options);
    const second = await runPipeline(gateway, options);
    expect(sim.maxRequestBytes).toBeLessThanOrEqual(WEB_LIMIT);
    expect(sim.maxResponseBytes).toBeLessThanOrEqual(WEB_LIMIT);
    expect(second.written).toEqual(first.written);
    expect(outputSheets(sim)).toEqual(Object.values(first.written));
  }, 240_000);

  test('a row too large for one request is refused before anything is written', async () => {
    const sim = await simulatorOf(SAMPLE, undefined, WEB_LIMIT);
    const gateway = gatewayOn(sim, true);
    await runOnce(gateway);
    const before = snapshot(sim);
    const syncs = sim.syncs;
    // 60 cells of 30,000 characters of Japanese text: 1.8 million characters, 5.4 MB in UTF-8.
    const huge: ReportSheet = {
      ...sampleReport.sheets.find((s) => s.key === 'settings')!,
    };
    huge.blocks = [
      ...huge.blocks,
      { row: 200, col: 1, cells: [Array.from({ length: 60 }, () => 'データ'.repeat(10_000))] },
    ];
    const report = {
      ...sampleReport,
      sheets: sampleReport.sheets.map((s) => (s.key === 'settings' ? huge : s)),
    };
    const error = await gateway.writeReport(report).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(describeError(error)).toMatch(/too large for Excel on the web.*Nothing was changed/);
    expect(snapshot(sim)).toEqual(before);
    // Only the write's first look at the workbook was sent.
    expect(sim.syncs - syncs).toBe(1);
  });
});

describe('reading', () => {
  /** The sample with a sheet whose used range is A1:Z200000 (5.2 million cells, two of them filled). */
  async function withHugeSheet(mode: 'error' | 'null'): Promise<ExcelSimulator> {
    const sim = new ExcelSimulator(undefined, { overCapRead: mode });
    const base = await simulatorOf(SAMPLE);
    sim.book.sheets.push(...base.book.sheets);
    sim.book.tables.push(...base.book.tables);
    const notes = new SimSheet('Notes');
    notes.at(1, 1).value = 'Notes';
    notes.at(200_000, 26).value = 'stray';
    sim.book.sheets.push(notes);
    return sim;
  }

  test.each(['error', 'null'] as const)(
    'a used range over 5,000,000 cells gives one sentence naming the sheet (host %s)',
    async (mode) => {
      const error = await readAllTables(gatewayOn(await withHugeSheet(mode))).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/"Notes".*A1:Z200000.*5,200,000 cells.*5,000,000/);
    },
  );
});

describe('replacing the sheets of an earlier run', () => {
  test('an output sheet the user made very hidden is replaced', async () => {
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    await runOnce(gateway);
    const first = snapshot(sim);
    sim.book.sheet('SRO Ranking')!.visibility = 'VeryHidden';
    await runOnce(gateway);
    expect(snapshot(sim)).toEqual(first);
  });

  test('when every visible sheet is an output sheet (the data on hidden sheets), they are replaced', async () => {
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    await runOnce(gateway);
    const first = snapshot(sim);
    const users = sim.book.sheets.filter((s) => !s.name.startsWith('SRO '));
    for (const s of users) s.visibility = 'Hidden';
    await runOnce(gateway);
    expect(users.every((s) => s.visibility === 'Hidden')).toBe(true);
    for (const s of users) s.visibility = 'Visible';
    expect(snapshot(sim)).toEqual(first);
  });

  test('a report that puts a table over merged cells is refused before anything is written', async () => {
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    await runOnce(gateway);
    const before = snapshot(sim);
    const ranking = sampleReport.sheets.find((s) => s.key === 'ranking')!;
    const table = ranking.tables[0]!;
    const merged: ReportSheet = {
      ...ranking,
      blocks: [...ranking.blocks, { row: table.row + 2, col: table.col, cells: [['note']], mergeAcross: 3 }],
    };
    const report = {
      ...sampleReport,
      sheets: sampleReport.sheets.map((s) => (s.key === 'ranking' ? merged : s)),
    };
    const error = await gateway.writeReport(report).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/table .* merged cells .*SRO Ranking/);
    expect(snapshot(sim)).toEqual(before);
  });
});

describe('charts', () => {
  test('every chart is made from a source its type reads (a bubble chart from X, Y and size columns)', async () => {
    const sim = await simulatorOf(SAMPLE);
    await gatewayOn(sim).writeReport(sampleReport);
    const summary = sampleReport.sheets.find((s) => s.key === 'summary')!;
    const spec = summary.charts.find((c) => c.kind === 'bubble')!;
    const bubble = sim.book.sheet('SRO Summary')!.charts.find((c) => c.type === 'Bubble')!;
    const first = spec.series[0]!;
    expect(bubble.source).toBe(
      `'SRO Summary'!${first.x.range.split(':')[0]}:${first.size!.range.split(':')[1]}`,
    );
    expect(bubble.series.map((s) => s.name)).toEqual(spec.series.map((s) => s.name));
    expect(bubble.series[0]!.bubbleSizes).toBe(`'SRO Summary'!${first.size!.range}`);
  });
});

describe('another workbook takes focus while the add-in writes', () => {
  test('the user is told what happened, and the next run leaves the workbook as one clean run would', async () => {
    const clean = await simulatorOf(SAMPLE);
    await runOnce(gatewayOn(clean));
    await runOnce(gatewayOn(clean));
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    await runOnce(gateway);
    sim.loseFocus();
    const error = await runOnce(gateway).then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeError(error)).toMatch(/another workbook/i);
    sim.regainFocus();
    await runOnce(gateway);
    expect(snapshot(sim)).toEqual(snapshot(clean));
  });

  test('focus lost on the first run: the run after it leaves no half-written copies', async () => {
    const clean = await simulatorOf(SAMPLE);
    await runOnce(gatewayOn(clean));
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    await readAllTables(gateway);
    sim.loseFocus(sim.syncs + 2);
    await expect(gateway.writeReport(sampleReport)).rejects.toMatchObject({ code: 'GeneralException' });
    sim.regainFocus();
    await runOnce(gateway);
    expect(snapshot(sim)).toEqual(snapshot(clean));
  });
});

describe('panes are frozen on the sheet that is active', () => {
  test('each frozen sheet was active when it was frozen, and the summary is active at the end', async () => {
    const sim = await simulatorOf(SAMPLE);
    await gatewayOn(sim).writeReport(sampleReport);
    const frozen = sim.book.sheets.filter((s) => s.freeze);
    expect(frozen.length).toBeGreaterThan(0);
    expect(frozen.filter((s) => s.frozenWhileInactive).map((s) => s.name)).toEqual([]);
    expect(sim.book.activeSheet).toBe('SRO Summary');
  });
});

describe('a host where names do not hide (office-js #3878, #3949)', () => {
  test('markers that stay visible still mark the sheets: re-running replaces them, reading skips them', async () => {
    const sim = await simulatorOf(SAMPLE);
    const hiding = new ExcelSimulator(undefined, { namesStayVisible: true });
    hiding.book.sheets.push(...sim.book.sheets);
    hiding.book.tables.push(...sim.book.tables);
    const gateway = gatewayOn(hiding);
    await runOnce(gateway);
    const first = snapshot(hiding);
    expect(hiding.book.names.filter((n) => n.name.startsWith('SRO_Output_')).every((n) => n.visible)).toBe(
      true,
    );
    await runOnce(gateway);
    expect(snapshot(hiding)).toEqual(first);
    gateway.refresh();
    const sheets = new Set((await gateway.listTables()).map((t) => t.sheet));
    expect(sheets.has('SRO Ranking')).toBe(false);
  });
});

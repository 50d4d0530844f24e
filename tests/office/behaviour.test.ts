// What the add-in's workbook adapter promises a user (SPEC §5.2), checked on the simulator: re-running is
// idempotent, a user's sheet is never touched, text stays text, and Excel's errors become sentences.
import { readAllTables } from '../../src/workbook/port';
import { analyzeWorkbook } from '../../src/engine/score';
import { InputError } from '../../src/engine/errors';
import { buildReport } from '../../src/report/buildReport';
import { scoreWorkbook } from '../../src/cli/scoreRun';
import type { WorkbookReport } from '../../src/report/model';
import { parseMarker } from '../../src/workbook/marker';
import { officeErrorMessage } from '../../src/workbook/office/errors';
import { needsTextPrefix, isDateFormat } from '../../src/workbook/office/cellValues';
import { ExcelSimulator, SimError } from '../support/excelSim/index';
import { SimSheet } from '../support/excelSim/book';
import { FORMULA_NAMES, LAYOUTS, toBuffer } from '../cli/workbooks';
import { gatewayOn, SAMPLE, simCells, simulatorOf } from './support';
import type { OfficeWorkbookGateway } from '../../src/workbook/office/gateway';

const AT = new Date(Date.UTC(2026, 10, 24, 9, 30));

/** Reads through the gateway, analyzes, writes the report (no solver: the adapter is under test). */
async function runOnce(gateway: OfficeWorkbookGateway): Promise<WorkbookReport> {
  const tables = await readAllTables(gateway);
  const report = buildReport(analyzeWorkbook(tables), {}, { generatedAt: AT });
  await gateway.writeReport(report);
  return report;
}

function snapshot(sim: ExcelSimulator): unknown {
  return {
    sheets: sim.sheetNames(),
    cells: sim.sheetNames().map((s) => Object.fromEntries(simCells(sim, s))),
    tables: sim.book.tables.map((t) => [t.name, t.sheet.name, t.area]),
    // A marker's name holds its run's id: compare what it marks.
    names: sim.book.names.map((n) => [parseMarker(n.name)?.key ?? n.name, n.formula, n.visible]),
    charts: sim.book.sheets.map((s) => s.charts.length),
  };
}

describe('re-running', () => {
  test('replaces its own sheets: the workbook after two runs equals the workbook after one', async () => {
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    await runOnce(gateway);
    const first = snapshot(sim);
    await runOnce(gateway);
    expect(snapshot(sim)).toEqual(first);
    expect(sim.sheetNames().filter((s) => /^SRO /.test(s))).toEqual([
      'SRO Summary',
      'SRO Ranking',
      'SRO Data Issues',
      'SRO Settings',
    ]);
  });

  test("a user's sheet named like an output sheet is untouched; the output takes a free name", async () => {
    const sim = await simulatorOf(SAMPLE);
    const clash = new SimSheet('SRO Ranking');
    clash.at(1, 1).value = 'My own notes';
    clash.at(2, 2).value = 42;
    sim.book.sheets.push(clash);
    const gateway = gatewayOn(sim);
    await runOnce(gateway);
    await runOnce(gateway);
    expect(sim.book.sheet('SRO Ranking')).toBe(clash);
    expect(Object.fromEntries(simCells(sim, 'SRO Ranking'))).toEqual({
      '1:1': { value: 'My own notes', format: 'General' },
      '2:2': { value: 42, format: 'General' },
    });
    expect(sim.sheetNames().filter((s) => s.startsWith('SRO Ranking'))).toEqual([
      'SRO Ranking',
      'SRO Ranking (2)',
    ]);
    expect(sim.book.names.find((n) => parseMarker(n.name)?.key === 'ranking')!.formula).toBe(
      "='SRO Ranking (2)'!$A$1",
    );
  });

  test('a write that fails part way leaves marked sheets: the next run replaces them, no "(2)" copies', async () => {
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    const good = await runOnce(gateway);
    const bad: WorkbookReport = {
      ...good,
      sheets: good.sheets.map((sh) =>
        sh.key === 'ranking' ? { ...sh, tables: sh.tables.map((t) => ({ ...t, style: 'NoSuchStyle' })) } : sh,
      ),
    };
    await expect(gateway.writeReport(bad)).rejects.toMatchObject({ code: 'InvalidArgument' });
    await gateway.writeReport(good);
    expect(sim.sheetNames().filter((n) => n.startsWith('SRO '))).toEqual(good.sheets.map((sh) => sh.name));
  });

  test('sheets are skipped as inputs by their markers, not their names', async () => {
    const sim = await simulatorOf(SAMPLE);
    const gateway = gatewayOn(sim);
    await runOnce(gateway);
    // The user renames the ranking: it is theirs now (kept), but still an output, never read as input.
    sim.book.renameSheet(sim.book.sheet('SRO Ranking')!, 'Old ranking');
    gateway.refresh();
    const sheets = new Set((await gateway.listTables()).map((t) => t.sheet));
    expect(sheets.has('Old ranking')).toBe(false);
    expect(sheets.has('SRO Summary')).toBe(false);
    // Its settings sheet is read: that is where the run's assumptions are kept.
    expect(sheets.has('SRO Settings')).toBe(true);
  });

  test("the user's own sheets keep every cell", async () => {
    const sim = await simulatorOf(SAMPLE);
    const before = sim.sheetNames().map((s) => Object.fromEntries(simCells(sim, s)));
    await runOnce(gatewayOn(sim));
    const userSheets = sim.sheetNames().filter((s) => !/^SRO /.test(s));
    expect(userSheets.map((s) => Object.fromEntries(simCells(sim, s)))).toEqual(before);
  });
});

describe('text stays text', () => {
  const RISKY = [...FORMULA_NAMES, '001', 'TRUE', 'Mar 2027', "'quoted", '12%', '#N/A'];

  test('project names that look like formulas, numbers, booleans or dates are written as text in every sheet', async () => {
    const data = await toBuffer((wb) => {
      LAYOUTS['minimal.xlsx']!(wb);
      const ws = wb.getWorksheet('List')!;
      RISKY.forEach((name, i) => {
        ws.getCell(5 + i, 1).value = name;
        ws.getCell(5 + i, 2).value = 50_000 + i;
      });
    });
    const sim = await simulatorOf(data);
    await runOnce(gatewayOn(sim));
    const seen = new Set<string>();
    for (const sheet of sim.sheetNames().filter((s) => /^SRO /.test(s)))
      for (const cell of sim.cells(sheet).values()) {
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === 'string' && RISKY.includes(cell.value)) seen.add(cell.value);
      }
    // ('#N/A' reads as an Excel error, not a name: it comes back as the cell value of a data issue.)
    expect([...seen].sort()).toEqual([...RISKY].sort());
  });

  test.each([
    ['=SUM(1)', true],
    ['+1', true],
    ['-2', true],
    ['@x', true],
    ["'x", true],
    ['001', true],
    ['1.5', true],
    ['$3', true],
    ['TRUE', true],
    ['false', true],
    ['Mar 2027', true],
    ['March-27', true],
    ['Claims Automation', false],
    ['Marketing', false],
    ['Q1 2027 launch', false],
  ])('needsTextPrefix(%s) = %s', (text, expected) => {
    expect(needsTextPrefix(text)).toBe(expected);
  });

  test.each([
    ['yyyy-mm-dd', true],
    ['d-mmm-yy', true],
    ['[$-409]mmmm d, yyyy', true],
    ['h:mm', true],
    ['$#,##0', false],
    ['0.0%', false],
    ['#,##0 "days"', false],
    ['General', false],
    ['@', false],
  ])('isDateFormat(%s) = %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe('Excel versions and errors', () => {
  test('an Excel without ExcelApi 1.13 gets one sentence saying which Excel to use', async () => {
    const sim = await simulatorOf(SAMPLE, '1.12');
    expect(() => gatewayOn(sim)).toThrow(InputError);
    expect(() => gatewayOn(sim)).toThrow(/needs Microsoft 365 \(version 2102 or later\), Excel 2021 or 2024/);
  });

  test('ExcelApi 1.13 writes every sheet and chart with its labels, axis formats and gridlines setting', async () => {
    const run = await scoreWorkbook(SAMPLE, { generatedAt: AT, skip: { sensitivity: true } });
    const sim = await simulatorOf(SAMPLE, '1.13');
    await gatewayOn(sim).writeReport(run.report);
    expect(sim.sheetNames().filter((s) => s.startsWith('SRO '))).toEqual(
      run.report.sheets.map((s) => s.name),
    );
    const charts = sim.book.sheets.flatMap((s) => s.charts);
    expect(charts).toHaveLength(run.report.sheets.reduce((n, s) => n + s.charts.length, 0));
    const props = charts.flatMap((c) => [
      ...Object.keys(c.props),
      ...c.series.flatMap((r) => Object.keys(r.props)),
    ]);
    expect(props.some((k) => k.endsWith('numberFormat'))).toBe(true);
    expect(props.some((k) => k.startsWith('dataLabels.'))).toBe(true);
    expect(sim.book.sheet('SRO Summary')!.props.showGridlines).toBe(false);
  }, 60_000);

  test.each([
    ['InvalidOperationInCellEditMode', /editing a cell/],
    ['AccessDenied', /did not allow the add-in to change this workbook/],
    ['RequestPayloadSizeLimitExceeded', /Excel on the web/],
    ['ItemNotFound', /no longer there/],
    ['GeneralException', /could not finish a step.*another workbook/],
    ['InvalidSelection', /another workbook came to the front/],
    ['InactiveWorkbook', /another workbook came to the front/],
    ['MergedRangeConflict', /tables over merged cells/],
    ['RangeExceedsLimit', /5,000,000/],
    ['EmptyChartSeries', /series is empty/],
  ])('OfficeExtension.Error %s is said in words', (code, words) => {
    expect(officeErrorMessage(new SimError(code, 'raw message'))).toMatch(words);
  });

  test('an unknown code is named, and a non-Office error is not claimed', () => {
    expect(officeErrorMessage(new SimError('SomethingNew', 'detail'))).toMatch(/SomethingNew: detail/);
    expect(officeErrorMessage(new Error('plain'))).toBeNull();
    expect(officeErrorMessage('text')).toBeNull();
  });
});

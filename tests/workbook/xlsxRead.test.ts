// The xlsx adapter's read half: Excel tables and plain header ranges, with their sheet positions,
// and ExcelJS cell values normalized to the engine's plain cells.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { XlsxWorkbookReader, toCellValue } from '../../src/workbook/xlsx/read';
import { analyzeWorkbook } from '../../src/engine/score';

async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbookReader> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = await wb.xlsx.writeBuffer();
  return XlsxWorkbookReader.fromBuffer(new Uint8Array(buf as ArrayBuffer));
}

describe('toCellValue', () => {
  test.each<[ExcelJS.CellValue, unknown]>([
    [null, null],
    [42, 42],
    ['text', 'text'],
    [true, true],
    [{ formula: 'A1*2', result: 84 } as ExcelJS.CellFormulaValue, 84],
    [
      { formula: 'NA()', result: { error: '#N/A' } } as unknown as ExcelJS.CellFormulaValue,
      { error: '#N/A' },
    ],
    [{ richText: [{ text: 'Claims ' }, { text: 'Automation' }] }, 'Claims Automation'],
    [{ text: 'link', hyperlink: 'https://example.com' }, 'link'],
    [{ error: '#DIV/0!' } as ExcelJS.CellErrorValue, { error: '#DIV/0!' }],
  ])('%p → %p', (input, expected) => {
    expect(toCellValue(input)).toEqual(expected);
  });

  test('dates stay dates', () => {
    const d = new Date(Date.UTC(2027, 2, 1));
    expect(toCellValue(d)).toEqual(d);
  });
});

describe('XlsxWorkbookReader', () => {
  test('lists Excel tables and plain header ranges with their positions; table cells are not listed twice', async () => {
    const reader = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Tracker');
      ws.getCell('A1').value = 'FY27 tracker';
      ws.addTable({
        name: 'Projects',
        ref: 'A3',
        columns: [{ name: 'Project' }, { name: 'Cost' }],
        rows: [
          ['Alpha', 100],
          ['Beta', 200],
        ],
      });
      const plan = wb.addWorksheet('Plan');
      plan.getCell('C5').value = 'Year';
      plan.getCell('D5').value = 'Budget';
      plan.getCell('C6').value = 2027;
      plan.getCell('D6').value = 1000;
      plan.getCell('C7').value = 2028;
      plan.getCell('D7').value = 1200;
      // A lone title two rows up is not a table.
      plan.getCell('C3').value = 'Budget plan';
    });
    const tables = await reader.listTables();
    expect(tables).toEqual([
      {
        name: 'Projects',
        sheet: 'Tracker',
        kind: 'table',
        headerRow: 3,
        firstColumn: 1,
        headers: ['Project', 'Cost'],
        rowCount: 2,
      },
      {
        name: 'Plan!C5:D7',
        sheet: 'Plan',
        kind: 'range',
        headerRow: 5,
        firstColumn: 3,
        headers: ['Year', 'Budget'],
        rowCount: 2,
      },
    ]);
    const [plan] = await reader.readTables(['plan!c5:d7']);
    expect(plan!.rows).toEqual([
      [2027, 1000],
      [2028, 1200],
    ]);
  });

  test('two ranges side by side, split by a blank column, are two tables', async () => {
    const reader = await roundTrip((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Role', 'Capacity', null, 'Year', 'Budget']);
      ws.addRow(['Engineering', 10, null, 2027, 500]);
    });
    const names = (await reader.listTables()).map((t) => t.name);
    expect(names).toEqual(['S!A1:B2', 'S!D1:E2']);
  });

  test('the sample workbook: every input table is found and classified', async () => {
    const reader = await XlsxWorkbookReader.fromFile(
      path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx'),
    );
    const a = analyzeWorkbook(reader.all());
    expect(a.table).toEqual({ name: 'ProjectTracker', sheet: 'Projects' });
    expect(a.roles).toMatchObject({
      ProjectTracker: 'projects',
      Objectives: 'objectives',
      Budget: 'budget',
      Capacity: 'capacity',
      'Pairwise!B4:G9': 'pairwise',
    });
    expect(a.projects).toHaveLength(48);
    expect(a.periods).toEqual(['2027', '2028', '2029', '2030', '2031']);
    expect(a.budgets.map((b) => b.label)).toEqual(['2027', '2028', '2029', '2030', '2031']);
    expect(a.capacities.map((c) => c.role).sort()).toEqual([
      'Change Mgmt',
      'Data & Analytics',
      'Engineering',
    ]);
    expect(a.currency).toBe('$');
    // The four deliberately messy cells, each named by its cell.
    expect(a.issues.map((i) => `${i.sheet}!${i.cell}`).sort()).toEqual([
      'Projects!A31',
      'Projects!H48',
      'Projects!O26',
      'Projects!U34',
    ]);
  });
});

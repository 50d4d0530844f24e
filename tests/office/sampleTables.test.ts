// "Insert sample data" in the task pane: the committed tables are the sample workbook's, and inserting
// them into an empty workbook through the adapter gives back the same tables as the .xlsx file.
import { readAllTables } from '../../src/workbook/port';
import fs from 'node:fs';
import { sampleTables, SAMPLE_TABLES_PATH } from '../../scripts/make-sample-tables';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import { ExcelSimulator } from '../support/excelSim/index';
import { gatewayOn, SAMPLE } from './support';

test('src/taskpane/sampleTables.json is what the script makes from the sample workbook', async () => {
  expect(JSON.parse(fs.readFileSync(SAMPLE_TABLES_PATH, 'utf8'))).toEqual(
    JSON.parse(JSON.stringify(await sampleTables())),
  );
});

test('inserted into an empty workbook, the sample reads back as the same tables, in 2 syncs', async () => {
  const sim = new ExcelSimulator({ sheets: [{ name: 'Sheet1', cells: [] }], tables: [], names: [] });
  const gateway = gatewayOn(sim);
  const sheets = await gateway.insertTables(await sampleTables());
  expect(sim.syncs).toBe(2);
  expect(sheets).toEqual(['Projects', 'Strategy', 'Pairwise', 'Budget', 'Capacity']);
  const expected = (await XlsxWorkbookReader.fromBuffer(SAMPLE)).all();
  const actual = await readAllTables(gateway);
  const shape = (t: (typeof expected)[number]) => ({
    name: t.name,
    sheet: t.sheet,
    kind: t.kind,
    headerRow: t.headerRow,
    firstColumn: t.firstColumn,
    headers: t.headers,
    rows: t.rows,
  });
  expect(actual.map(shape)).toEqual(expected.map(shape));
});

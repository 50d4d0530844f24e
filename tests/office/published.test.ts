// Published portfolios through the Office.js adapter (issue 12): each generated publication, seeded into
// the Excel simulator from its .xlsx file, is read by the add-in's gateway to the same mapping, the same
// project count, the same figures and the same transposed notice as the .xlsx adapter reads it.
import { analyzeWorkbook, type Analysis } from '../../src/engine/score';
import { readAllTables } from '../../src/workbook/port';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import { PUBLICATIONS, toXlsx } from '../support/trackers';
import { mappingProblems } from '../support/trackers/checks';
import { gatewayOn, simulatorOf } from './support';

const view = (a: Analysis) => ({
  columns: a.columns.map((c) => [c.header, c.field, c.multiplier ?? 1, c.source ?? '', c.measure ?? '']),
  projects: a.projects.map((p) => [p.project.id, p.project.totalCost, p.project.probability, p.eligible]),
  transposed: a.reading.transposed,
  costUnknown: a.reading.costUnknown,
  issues: a.issues.map((i) => [i.cell ?? '', i.count ?? 1, i.problem]),
});

describe.each(PUBLICATIONS)('$label in Excel (simulator)', ({ kind, make, projects }) => {
  test('reads as the .xlsx adapter reads it: mapping, projects, figures, transposed, issues', async () => {
    const file = await toXlsx(make());
    const office = analyzeWorkbook(await readAllTables(gatewayOn(await simulatorOf(file))));
    const xlsx = analyzeWorkbook((await XlsxWorkbookReader.fromBuffer(file)).all());
    expect(mappingProblems(office, kind)).toEqual([]);
    expect(office.projects).toHaveLength(projects);
    expect(view(office)).toEqual(view(xlsx));
  });
});

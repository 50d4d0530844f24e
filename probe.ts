import { analyzeWorkbook } from './src/engine/score';
import { asRawTable } from './tests/support/trackers/common';
import { gmpp2023, gmppTransposed } from './tests/support/trackers/gmpp';
import { usItDashboard } from './tests/support/trackers/usIt';
import { canadaItProjects } from './tests/support/trackers/canada';
for (const g of [gmpp2023(), gmppTransposed(2020), gmppTransposed(2017), usItDashboard(), canadaItProjects()]) {
  const t0 = Date.now();
  const a = analyzeWorkbook([asRawTable(g)]);
  console.log('==', g.sheet, a.projects.length, 'projects', Date.now() - t0, 'ms', 'issues', a.issues.length);
  for (const c of a.columns) console.log('  ', c.header.slice(0, 60).padEnd(60), c.field, c.confidence, c.source ?? '', c.measure ?? '', c.multiplier ?? '', c.reason ?? '');
  console.log(a.readFirst, a.notes);
  for (const i of a.issues.slice(0, 12)) console.log('   !', i.cell, i.count ?? '', i.problem.slice(0, 140), '|', i.assumption);
}

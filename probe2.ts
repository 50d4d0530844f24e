import { analyzeWorkbook } from './src/engine/score';
import { rationalize } from './src/engine/decide';
import { useNodeHighs } from './src/cli/highs';
import { asRawTable } from './tests/support/trackers/common';
import { gmpp2023, gmppTransposed } from './tests/support/trackers/gmpp';
import { usItDashboard } from './tests/support/trackers/usIt';
import { canadaItProjects } from './tests/support/trackers/canada';
useNodeHighs();
(async () => {
for (const g of [gmpp2023(), gmppTransposed(2020), usItDashboard(), canadaItProjects()]) {
  const a = analyzeWorkbook([asRawTable(g)]);
  const r = await rationalize(a);
  console.log('==', g.sheet, r.figures.counts, 'budgets', r.setup.problem.budgets);
  for (const rec of r.recommendations.filter((x) => x.type === "stop" || x.type === "rescope").slice(0, 3)) console.log('  ', rec.type, rec.id, rec.name, '::', rec.rationale);
  const nd = r.recommendations.find((x) => x.type === 'needsData');
  if (nd) console.log('  ND', nd.id, nd.rationale);
}
})();

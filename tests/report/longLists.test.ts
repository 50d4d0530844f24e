// Lists as long as the project count (issue 17: a 200,000-row tracker ended in "Maximum call stack size
// exceeded at bubbleChart"): nothing on the way from the analysis to the sheets spreads such a list into
// a call's arguments or recurses over it. Lint forbids the spread (eslint.config.mjs); these run the
// places that had it at a size past the stack.
import type { Analysis } from '../../src/engine/score';
import { bubbleChart } from '../../src/report/chartData';
import { shortMoneyFormat } from '../../src/report/formats';
import { textTable } from '../../src/cli/text';

const N = 200_000;

function longAnalysis(): Analysis {
  const projects = Array.from({ length: N }, (_, i) => ({
    project: { id: `P${i + 1}`, name: `Project ${i + 1}`, status: i % 3 === 0 ? 'active' : 'proposed' },
    eligible: true,
    alignment: i % 101,
    financials: { riskAdjustedNpv: i % 2 ? -i * 10 : i, remainingCost: 1000 + i },
  }));
  // The builder reads only these fields of the analysis.
  return { projects, currency: '$' } as unknown as Analysis;
}

test(`the bubble chart of ${N.toLocaleString('en-US')} projects: every project in its data block, the axis scaled to the largest`, () => {
  const chart = bubbleChart(longAnalysis(), {}, 60, { row: 20, col: 1, width: 600, height: 400 })!;
  expect(chart.block.cells).toHaveLength(N + 2);
  expect(chart.chart.series.map((s) => s.name)).toEqual(['Current portfolio', 'Proposed']);
  // The largest |risk-adjusted NPV| is 1,999,990 (project 199,999): millions on the axis.
  expect(chart.chart.yFormat).toBe(shortMoneyFormat('$', 1_999_990));
  expect(chart.chart.yFormat).not.toBe(shortMoneyFormat('$', 999_999));
});

test(`a terminal table of ${N.toLocaleString('en-US')} rows`, () => {
  const rows = Array.from({ length: N }, (_, i) => ({ id: `P${i + 1}` }));
  const text = textTable(rows, [{ header: 'ID', value: (r) => r.id }]);
  expect(text.split('\n')).toHaveLength(N + 2);
  expect(text.split('\n')[1]).toBe('─'.repeat('P200000'.length));
});

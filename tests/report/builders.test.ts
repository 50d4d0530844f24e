// The sheet builders on the sample: columns in SPEC order, figures equal to the analysis, sheets and
// columns present only when their step ran, charts that read cells the report really writes.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeWorkbook, type Analysis } from '../../src/engine/score';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import {
  portfolioFigures,
  type Rationalization,
  recommend,
  RECOMMENDATION_ORDER,
  selectionSetup,
} from '../../src/engine/decide';
import { buildReport, type ReportResults } from '../../src/report/buildReport';
import {
  isLink,
  sheetCells,
  type Cell,
  type RangeRef,
  type ReportSheet,
  type WorkbookReport,
} from '../../src/report/model';
import { orderRecommendations } from '../../src/report/recommendations';
import { idList } from '../../src/report/frontierSheet';
import type { Frontier, FrontierPoint } from '../../src/engine/select';
import { columnNumber } from '../../src/engine/address';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx');
const AT = new Date(Date.UTC(2027, 0, 4, 9, 30));

let analysis: Analysis;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
  analysis = analyzeWorkbook(new XlsxWorkbookReader(wb).all());
});

/** Recommendations on a hand-picked portfolio (the top half of the ranking), without a solver. */
function rationalization(a: Analysis): Rationalization {
  const setup = selectionSetup(a);
  const selected = setup.candidates.slice(0, Math.ceil(setup.candidates.length / 2)).map((c) => c.project.id);
  const recommendations = recommend({ analysis: a, setup, selected, stretch: [] });
  return {
    setup,
    selection: { status: 'optimal', selected, objective: 0, gap: 0, seconds: 0 },
    stretch: [],
    recommendations,
    figures: portfolioFigures(a, setup, selected, recommendations),
  };
}

const sheet = (r: WorkbookReport, key: ReportSheet['key']) => r.sheets.find((s) => s.key === key);

/** The cell the model puts at a 1-based position of a sheet. */
function cellAt(s: ReportSheet, row: number, col: number): Cell | undefined {
  for (const c of sheetCells(s)) if (c.row === row && c.col === col) return c.cell;
  return undefined;
}

function rangeCells(r: WorkbookReport, ref: RangeRef): (Cell | undefined)[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.range)!;
  const s = sheet(r, ref.sheet)!;
  const out: (Cell | undefined)[] = [];
  for (let row = Number(m[2]); row <= Number(m[4] ?? m[2]); row++)
    out.push(cellAt(s, row, columnNumber(m[1]!)));
  return out;
}

describe('analysis only', () => {
  test('sheets: summary, ranking, data issues, settings — no empty recommendation or frontier sheet', () => {
    const r = buildReport(analysis, {}, { generatedAt: AT });
    expect(r.sheets.map((s) => s.name)).toEqual([
      'SRO Summary',
      'SRO Ranking',
      'SRO Data Issues',
      'SRO Settings',
    ]);
    const links = sheet(r, 'summary')!
      .blocks.flatMap((b) => b.cells.flat())
      .filter(isLink);
    expect(links.map((l) => ('sheet' in l.link ? l.link.sheet : null))).toEqual([
      'ranking',
      'dataIssues',
      'settings',
    ]);
  });

  test('ranking: SPEC columns in order, one row per project in rank order, cumulative cost sums the candidates', () => {
    const t = sheet(buildReport(analysis), 'ranking')!.tables[0]!;
    expect(t.headers.slice(0, 14)).toEqual([
      'Rank',
      'ID',
      'Name',
      'Status',
      'Alignment',
      'NPV',
      'IRR',
      'ROI',
      'BCR',
      'Payback (periods)',
      'Probability',
      'Risk-adj. NPV',
      'Value score',
      'Cumulative cost',
    ]);
    expect(t.headers[t.headers.length - 1]).toBe('Notes');
    expect(t.rows.map((row) => row[0])).toEqual(analysis.projects.map((_, i) => i + 1));
    expect(t.rows.map((row) => row[1])).toEqual(analysis.projects.map((p) => p.project.id));
    const cum = t.rows.map((row) => row[13]).filter((x): x is number => typeof x === 'number');
    const candidates = analysis.projects.filter((p) => p.eligible);
    expect(cum).toHaveLength(candidates.length);
    expect(cum[cum.length - 1]).toBeCloseTo(
      candidates.reduce((s, p) => s + p.financials.remainingCost, 0),
      6,
    );
    expect(t.rows[0]![11]).toBe(analysis.projects[0]!.financials.riskAdjustedNpv);
  });

  test('data issues: absent without issues; errors first otherwise', () => {
    expect(sheet(buildReport({ ...analysis, issues: [] }), 'dataIssues')).toBeUndefined();
    const issues = [
      { sheet: 'P', row: 9, problem: 'w', assumption: 'a', severity: 'warning' as const },
      { sheet: 'P', row: 3, problem: 'e', assumption: 'a', severity: 'error' as const, cell: 'C3' },
    ];
    const t = sheet(buildReport({ ...analysis, issues }), 'dataIssues')!.tables[0]!;
    expect(t.rows.map((row) => row[0])).toEqual(['Error', 'Warning']);
    expect(t.rows[0]![4]).toEqual({ text: 'C3', link: { sheetName: 'P', cell: 'C3' } });
  });
});

describe('with recommendations', () => {
  let results: ReportResults;
  let report: WorkbookReport;
  beforeAll(() => {
    results = { rationalization: rationalization(analysis) };
    report = buildReport(analysis, results, { generatedAt: AT });
  });

  test('the recommendations sheet lists every project once, stop → merge → re-scope → defer → accelerate → continue', () => {
    const s = sheet(report, 'recommendations')!;
    const t = s.tables.find((x) => x.name === 'SRO_Recommendations')!;
    expect(t.rows).toHaveLength(analysis.projects.length);
    expect(new Set(t.rows.map((row) => row[1])).size).toBe(analysis.projects.length);
    const order = ['Stop', 'Merge', 'Re-scope', 'Defer', 'Needs data', 'Accelerate', 'Continue', 'Closed'];
    const ranks = t.rows.map((row) => order.indexOf(row[0] as string));
    expect(ranks.every((x) => x >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const ordered = orderRecommendations(results.rationalization!.recommendations);
    expect(ordered.map((x) => RECOMMENDATION_ORDER.indexOf(x.type))).toEqual(ranks);
  });

  test('ranking gains Selected and Recommendation; summary gains the decision KPIs and coverage', () => {
    const t = sheet(report, 'ranking')!.tables[0]!;
    expect(t.headers.slice(13, 16)).toEqual(['Selected', 'Cumulative cost', 'Recommendation']);
    const selected = new Set(results.rationalization!.selection.selected);
    expect(t.rows.map((row) => row[13] === 'Yes')).toEqual(
      analysis.projects.map((p) => selected.has(p.project.id)),
    );
    const summary = sheet(report, 'summary')!;
    const texts = summary.blocks
      .flatMap((b) => b.cells.flat())
      .filter((c): c is string => typeof c === 'string');
    expect(texts).toEqual(
      expect.arrayContaining(['Projects before → after', 'Budget freed', 'Value kept', 'Spend share', 'Gap']),
    );
    const f = results.rationalization!.figures;
    expect(texts).toContain(`${f.projectsBefore} → ${f.projectsAfter}`);
  });

  test('every chart reads numbers from cells the report writes', () => {
    const charts = report.sheets.flatMap((s) => s.charts);
    expect(charts.map((c) => c.kind).sort()).toEqual(['bubble', 'column']);
    for (const c of charts)
      for (const s of c.series) {
        const ys = rangeCells(report, s.y);
        expect(ys.length).toBeGreaterThan(0);
        for (const y of ys) expect(typeof y).toBe('number');
        const xs = rangeCells(report, s.x);
        expect(xs).toHaveLength(ys.length);
        if (c.kind === 'column') for (const x of xs) expect(typeof x).toBe('string');
        if (s.size) for (const z of rangeCells(report, s.size)) expect(z as number).toBeGreaterThanOrEqual(0);
      }
    // The bubble series are the recommendation groups, one colour each.
    const bubble = charts.find((c) => c.kind === 'bubble')!;
    expect(
      bubble.series
        .map((s) => s.name)
        .every((n) => ['Stop', 'Merge', 'Re-scope', 'Defer', 'Accelerate', 'Continue'].includes(n)),
    ).toBe(true);
  });
});

describe('with a frontier', () => {
  /** A frontier as the engine returns it: five levels, the user's budget among them, a current portfolio. */
  function frontier(): Frontier {
    const point = (
      budget: number,
      value: number,
      kind: FrontierPoint['kind'],
      ids: string[],
    ): FrontierPoint => ({
      budget,
      budgets: [budget],
      status: 'optimal',
      value,
      cost: budget * 0.97,
      count: ids.length,
      selected: ids,
      gap: 0,
      seconds: 0.01,
      marginalValue: null,
      kind,
    });
    const points = [
      point(10e6, 300, 'level', ['A', 'B']),
      point(20e6, 520, 'level', ['A', 'B', 'C']),
      point(25e6, 600, 'user', ['A', 'B', 'C', 'D']),
      point(30e6, 650, 'level', ['A', 'B', 'C', 'D', 'E']),
      point(18e6, 480, 'currentSpend', ['A', 'C']),
    ];
    return {
      points,
      user: points[2]!,
      greedy: {
        value: 560,
        feasible: true,
        selected: ['A'],
        shortfall: 0.0667,
        sentence: 'Picking projects by value per cost reaches 93.3% of the optimal value (6.7% less).',
      },
      current: {
        selected: ['A', 'X'],
        value: 400,
        cost: 18e6,
        costs: [18e6],
        issues: [],
        sameValue: { point: points[0]!, saving: 8.3e6 },
        sameSpend: { point: points[4]!, gain: 0.2 },
        sentences: ['Same value for $8.3M less.', '20% more value for the same spend.'],
      },
      seconds: 0.1,
    };
  }

  test('the frontier sheet lists the points by budget; the summary charts it first and shows the gain', () => {
    const results: ReportResults = { rationalization: rationalization(analysis), frontier: frontier() };
    const report = buildReport(analysis, results, { generatedAt: AT });
    expect(report.sheets.map((s) => s.key)).toEqual([
      'summary',
      'ranking',
      'recommendations',
      'frontier',
      'dataIssues',
      'settings',
    ]);
    const f = sheet(report, 'frontier')!;
    const t = f.tables[0]!;
    expect(t.rows.map((r) => r[0])).toEqual([10e6, 18e6, 20e6, 25e6, 30e6]);
    expect(t.rows.map((r) => r[1])).toEqual([
      'Budget level',
      'Current spend',
      'Budget level',
      'Your budget',
      'Budget level',
    ]);
    const summary = sheet(report, 'summary')!;
    expect(summary.charts[0]!.kind).toBe('scatter');
    expect(summary.charts[0]!.title).toBe('Efficient frontier — same value for $8.3M less');
    // The highlighted points read the recommended and current portfolios' cells.
    const [line, recommended, current] = summary.charts[0]!.series;
    expect(rangeCells(report, line!.y)).toEqual([300, 480, 520, 600, 650]);
    expect(rangeCells(report, line!.x)).toEqual([10e6, 18e6, 20e6, 25e6, 30e6].map((b) => b * 0.97));
    expect([rangeCells(report, recommended!.x), rangeCells(report, recommended!.y)]).toEqual([
      [25e6 * 0.97],
      [600],
    ]);
    expect([rangeCells(report, current!.x), rangeCells(report, current!.y)]).toEqual([[18e6], [400]]);
    const cells = summary.blocks.flatMap((b) => b.cells.flat());
    const gain = summary.blocks.find((b) => b.cells[0]?.[0] === 'Gain over current portfolio')!;
    expect(gain.cells[1]![0]).toBe(0.2);
    expect(String(gain.cells[2]![0])).toContain('same value for $8.3M less');
    expect(cells).toContain(
      'Picking projects by value per cost reaches 93.3% of the optimal value (6.7% less).',
    );
  });

  test('no budget levels, no frontier sheet', () => {
    const fr = frontier();
    const report = buildReport(analysis, {
      frontier: { ...fr, points: fr.points.filter((p) => p.kind !== 'level').concat(fr.points[0]!) },
    });
    expect(sheet(report, 'frontier')).toBeUndefined();
  });

  test('selected ids fit in one cell', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `PROJECT-${String(i).padStart(5, '0')}`);
    const text = idList(ids);
    expect(text.length).toBeLessThanOrEqual(32_767);
    const shown = text.split(' … and ')[0]!.split(', ').length;
    expect(text).toMatch(new RegExp(`… and ${5000 - shown} more$`));
    expect(idList(['A', 'B'])).toBe('A, B');
  });
});

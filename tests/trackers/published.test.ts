// Published portfolios as they are (issue 12), on generated workbooks in each publication's layout: the
// UK GMPP row layout (2021–2024) and its transposed layout (2013–2020, 2017 and 2020 editions), the US
// federal IT Dashboard projects, the Government of Canada IT projects. Each test asserts what a
// portfolio analyst would read from the columns' meanings (tests/support/trackers/expected.ts), the
// project count, the figures the generator published, and that no decision rests on a missing figure.
import { analyzeWorkbook, type Analysis } from '../../src/engine/score';
import { rationalize, type Rationalization } from '../../src/engine/decide';
import { useNodeHighs } from '../../src/cli/highs';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';
import { asRawTable, type Generated, PUBLICATIONS, toXlsx } from '../support/trackers';
import { issueProblems, mappingProblems, rationaleProblems } from '../support/trackers/checks';

useNodeHighs();

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe.each(PUBLICATIONS)('$label', ({ kind, make, projects }) => {
  let g: Generated;
  let a: Analysis;
  let r: Rationalization;
  beforeAll(async () => {
    g = make();
    a = analyzeWorkbook([asRawTable(g)]);
    r = await rationalize(a);
  });

  test('every column maps as an analyst would map it (from the columns’ meanings)', () => {
    expect(mappingProblems(a, kind)).toEqual([]);
  });

  test(`finds the ${projects} published projects, read ${kind === 'gmpp-transposed' ? 'transposed' : 'as rows'}`, () => {
    expect(a.projects).toHaveLength(projects);
    expect(a.reading.transposed).toBe(kind === 'gmpp-transposed');
    if (a.reading.transposed) expect(a.readFirst.join(' ')).toMatch(/read transposed/);
  });

  test('total cost read = sum of the published whole-project costs not withheld, in the currency’s units', () => {
    const known = g.truth.filter((t) => t.cost !== null);
    const read = a.projects.filter((p) => !p.project.unknown.some((u) => u.figure === 'cost'));
    expect(read).toHaveLength(known.length);
    expect(sum(read.map((p) => p.project.totalCost))).toBeCloseTo(sum(known.map((t) => t.cost!)), 0);
    expect(a.currency).toBe(g.currency);
  });

  test('a project whose cost is unknown is no candidate, gets Needs data naming its cells, and is never cited', () => {
    const unknown = g.truth.filter((t) => t.cost === null).length;
    expect(unknown).toBeGreaterThan(0);
    expect(a.reading.costUnknown).toBe(unknown);
    expect(r.figures.counts.needsData).toBe(unknown);
    expect(rationaleProblems(a, r.recommendations)).toEqual([]);
  });

  test('data issues are a few per column and problem, with counts and cell ranges', () => {
    expect(issueProblems(a)).toEqual([]);
    const grouped = a.issues.filter((i) => i.count);
    expect(grouped.length).toBeGreaterThan(0);
    for (const i of grouped) expect(i.problem).toContain(i.cell!);
    expect(a.issues.length).toBeLessThanOrEqual(20);
  });

  test('the .xlsx file reads to the same mapping and counts as the sheet', async () => {
    const reader = await XlsxWorkbookReader.fromBuffer(await toXlsx(g));
    const b = analyzeWorkbook(reader.all());
    expect(b.columns.map((c) => [c.header, c.field])).toEqual(a.columns.map((c) => [c.header, c.field]));
    expect(b.projects).toHaveLength(projects);
    expect(sum(b.projects.map((p) => p.project.totalCost))).toBeCloseTo(
      sum(a.projects.map((p) => p.project.totalCost)),
      0,
    );
  });
});

describe('what the published layouts say beyond the mapping', () => {
  let a2023: Analysis;
  let r2023: Rationalization;
  beforeAll(async () => {
    a2023 = analyzeWorkbook([asRawTable(PUBLICATIONS[0]!.make())]);
    r2023 = await rationalize(a2023);
  });

  test('GMPP: the IPA rating sets the probability, the SRO rating only where the IPA gave none; the summary says so', () => {
    const withIpa = a2023.projects.filter((p) => p.project.deliveryConfidence?.source === 'IPA');
    const withSro = a2023.projects.filter((p) => p.project.deliveryConfidence?.source === 'SRO');
    expect(withIpa.length).toBeGreaterThan(200);
    expect(withSro.length).toBeGreaterThan(0);
    // Mixed spellings read on one scale: "Amber-Green" is Amber/Green, "AMBER" is Amber.
    const ratings = new Set(a2023.projects.map((p) => p.project.deliveryConfidence?.rating));
    expect([...ratings].filter(Boolean).sort()).toEqual([
      'Amber',
      'Amber/Green',
      'Amber/Red',
      'Green',
      'Red',
    ]);
    for (const p of withIpa) {
      const key = p.project.deliveryConfidence!.rating.toLowerCase();
      expect(p.project.probability).toBe(a2023.settings.confidenceProbabilities[key]);
    }
    expect(a2023.notes.join(' ')).toMatch(/IPA.s rating for \d+ projects, SRO.s rating for \d+ projects/);
  });

  test('GMPP: in-year figures are kept as PMO figures of that year, never the decision cost', () => {
    const p = a2023.projects.find((x) => x.project.inYear?.forecast);
    expect(p).toBeDefined();
    expect(p!.project.inYear!.forecast).not.toBe(p!.financials.remainingCost);
    expect(p!.project.totalCost).toBeGreaterThan(p!.project.inYear!.forecast!);
  });

  test('GMPP: no status column, so the portfolio is taken as in delivery and a note says so', () => {
    expect(a2023.reading.defaultStatus).toBe('active');
    expect(a2023.notes.join(' ')).toMatch(/No status column: every project is taken as Active/);
  });

  test('GMPP: a programme whose published benefits are 2.4× its whole-life cost is not stopped', () => {
    const rec = r2023.recommendations.find((x) => /Farm Support and Countryside/.test(x.name))!;
    expect(['continue', 'accelerate']).toContain(rec.type);
  });

  test('GMPP: the withheld giant needs data, naming the exemption in the data issues', () => {
    const rec = r2023.recommendations.find((x) => /Submarine Successor/.test(x.name))!;
    expect(rec.type).toBe('needsData');
    expect(rec.rationale).toMatch(/withheld/);
    expect(
      a2023.issues.some((i) => /Section(s)? .*26.* of the Freedom of Information Act/.test(i.problem)),
    ).toBe(true);
  });
});

// `sro score` on a published portfolio as it is (issue 12): the transposed GMPP layout gives a workbook
// whose Summary says first what the data cannot show and that the table was read transposed, whose Data
// Issues sheet has one row per column and problem with the count, and whose Recommendations list the
// projects that need data.
import fs from 'node:fs';
import path from 'node:path';
import { cellsOf, load, sro } from './support';
import { tempDir } from './workbooks';
import { PUBLICATIONS, toXlsx } from '../support/trackers';

test('sro score on the transposed GMPP layout: read first, grouped issues, needs data', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'gmpp2020.xlsx');
  fs.writeFileSync(input, await toXlsx(PUBLICATIONS[1]!.make()));
  const output = path.join(dir, 'out.xlsx');
  const r = await sro('score', input, '-o', output, '-q');
  expect(r.code).toBe(0);
  const wb = await load(output);
  const texts = (sheet: string) => [...cellsOf(wb.getWorksheet(sheet)!).values()].map(String);
  const summary = texts('SRO Summary');
  expect(summary).toContain('Read first');
  expect(summary.some((t) => /has no benefit column/.test(t))).toBe(true);
  expect(summary.some((t) => /read transposed: field names down its first column/.test(t))).toBe(true);
  expect(summary).toContain('transposed (one project per column)');
  const issues = wb.getWorksheet('SRO Data Issues')!;
  const header = issues.getRow(4).values as unknown[];
  expect(header).toEqual(expect.arrayContaining(['Cells', 'Count']));
  const problems = texts('SRO Data Issues');
  expect(
    problems.some((t) =>
      /^\d+ cells of TOTAL Baseline Whole Life Costs .* hold numbers as text \(B14/.test(t),
    ),
  ).toBe(true);
  const recs = texts('SRO Recommendations');
  expect(recs.filter((t) => t === 'Needs data').length).toBeGreaterThan(0);
  expect(
    recs.some((t) => /^Needs data: cost in TOTAL Baseline Whole Life Costs .* is withheld/.test(t)),
  ).toBe(true);
});

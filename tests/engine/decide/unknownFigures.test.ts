// SPEC §3.2, §4.7 and issue 12: a project whose cost is unknown is no candidate and gets Needs data; no
// stop or re-scope rests on a return made of cost alone (benefit unknown); a needs-data project is never
// cited as another's alternative. A property over random messy trackers (withheld, "Not Available",
// "TBC", blank costs and benefits; with and without objective ratings; a budget that binds), plus cases.
import fc from 'fast-check';
import { analyzeWorkbook } from '../../../src/engine/score';
import { rationalize } from '../../../src/engine/decide';
import type { CellValue } from '../../../src/engine/model';
import { useNodeHighs } from '../../../src/cli/highs';
import { table } from '../support';
import { rationaleProblems } from '../../support/trackers/checks';

useNodeHighs();

const UNKNOWN: CellValue[] = [
  'Exempt under Section 43 of the Freedom of Information Act 2000',
  'Not Available',
  'TBC',
  'Data Not Provided',
  null,
];
const money = (min: number, max: number): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 2, arbitrary: fc.integer({ min, max }).map((n) => `£${n.toLocaleString('en-US')}`) },
    { weight: 2, arbitrary: fc.constantFrom(...UNKNOWN) },
  );

const tracker = fc.record({
  rated: fc.boolean(),
  withBenefits: fc.boolean(),
  budgetShare: fc.double({ min: 0.2, max: 1.2, noNaN: true }),
  rows: fc.array(
    fc.record({
      cost: money(10, 900),
      benefit: money(0, 2000),
      growth: fc.integer({ min: 0, max: 5 }),
      rag: fc.constantFrom('Green', 'Amber/Green', 'Amber', 'Amber-Red', 'RED', 'Not set', null),
    }),
    { minLength: 2, maxLength: 12 },
  ),
});

type Tracker = typeof tracker extends fc.Arbitrary<infer T> ? T : never;

function workbook(t: Tracker) {
  const headers = ['ID', 'Project Name', 'Whole Life Cost', 'IPA Delivery Confidence Assessment'];
  if (t.withBenefits) headers.push('Total Benefits');
  if (t.rated) headers.push('Obj: Growth');
  const rows = t.rows.map((r, i) => {
    const row: CellValue[] = [`P${i + 1}`, `Project ${i + 1}`, r.cost, r.rag];
    if (t.withBenefits) row.push(r.benefit);
    if (t.rated) row.push(r.growth);
    return row;
  });
  const known = t.rows.map((r) => (typeof r.cost === 'number' ? r.cost : 0)).reduce((s, x) => s + x, 0);
  const budget = Math.max(1, Math.round(known * t.budgetShare));
  return [
    table(headers, rows),
    table(['Setting', 'Value'], [['Total budget', budget]], { sheet: 'SRO Settings' }),
  ];
}

test('property: no unknown cost among candidates, no stop or re-scope on a missing figure, none cited', async () => {
  await fc.assert(
    fc.asyncProperty(tracker, async (t) => {
      const a = analyzeWorkbook(workbook(t));
      const r = await rationalize(a, { stretchFactors: [1.1] });
      expect(rationaleProblems(a, r.recommendations)).toEqual([]);
      for (const p of a.projects) {
        const unknown = p.project.unknown.some((u) => u.figure === 'cost');
        expect(r.selection.selected.includes(p.project.id) && unknown).toBe(false);
      }
    }),
    { numRuns: 60 },
  );
});

describe('cases', () => {
  const run = async (
    rows: CellValue[][],
    budget: number,
    headers = ['ID', 'Project Name', 'Cost', 'Benefit'],
  ) => {
    const a = analyzeWorkbook([
      table(headers, rows),
      table(['Setting', 'Value'], [['Total budget', budget]], { sheet: 'SRO Settings' }),
    ]);
    return { a, r: await rationalize(a) };
  };

  test('a withheld project is never ranked first, never selected and never the alternative that stops another', async () => {
    // Before issue 12 the withheld project read as free: ranked first with "Continue: £0", then cited
    // as the cheaper, better alternative to stop B.
    const { a, r } = await run(
      [
        ['W', 'Withheld giant', 'Exempt under Section 43 of the Freedom of Information Act 2000', 900],
        ['B', 'Beta', 500, 400],
        ['C', 'Gamma', 100, 300],
      ],
      120,
    );
    expect(a.projects[0]!.project.id).not.toBe('W');
    const w = r.recommendations.find((x) => x.id === 'W')!;
    expect(w).toMatchObject({ type: 'needsData', selected: false, budgetFreed: 0 });
    expect(w.rationale).toBe(
      'Needs data: cost in Cost (C2) is withheld. Without a cost it cannot be weighed against the budget, so it is not a candidate and nothing is decided on it. Give the figure and run again.',
    );
    const b = r.recommendations.find((x) => x.id === 'B')!;
    expect(b.dominatedBy).not.toBe('W');
    expect(b.rationale).not.toMatch(/\bW\b/);
  });

  test('without a benefit column, nothing is stopped or re-scoped for a negative return', async () => {
    const { a, r } = await run(
      [
        ['A', 'Alpha', 500],
        ['B', 'Beta', 400],
        ['C', 'Gamma', 100],
      ],
      450,
      ['ID', 'Project Name', 'Cost'],
    );
    expect(a.readFirst[0]).toMatch(/no benefit column/);
    for (const x of r.recommendations) {
      expect(x.reasons).not.toContain('noReturn');
      expect(x.reasons).not.toContain('negativeReturn');
      expect(x.reasons).not.toContain('weakAndUnprofitable');
    }
    // The ones the budget leaves out are deferred: "too large for now", not "does not pay back".
    expect(r.recommendations.filter((x) => !x.selected).map((x) => x.type)).toEqual(
      r.recommendations.filter((x) => !x.selected).map(() => 'defer'),
    );
  });
});

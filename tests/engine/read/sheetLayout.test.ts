// How a sheet's layout is read (src/engine/read/ranges.ts, strayCells.ts): header ranges found from the
// cells that hold values, whatever the grid's stated size; the header row under merged group headers;
// values far outside every table reported, near ones (a title, a note) not.
import fc from 'fast-check';
import { findHeaderRanges, headerRangesOf, type SheetCell } from '../../../src/engine/read/ranges';
import { STRAY_COLUMNS, STRAY_ROWS, strayCellIssues } from '../../../src/engine/read/strayCells';
import { findCycles } from '../../../src/engine/read/projects';
import type { CellValue, Project } from '../../../src/engine/model';

/** Cells of rows of values placed at (row0, col0); blanks (null, '') are not cells. */
function cellsAt(rows: CellValue[][], row0 = 1, col0 = 1): SheetCell[] {
  return rows.flatMap((r, i) =>
    r.flatMap((value, k) =>
      value === null || value === '' ? [] : [{ row: row0 + i, col: col0 + k, value }],
    ),
  );
}

const TABLE: CellValue[][] = [
  ['Project', 'Cost', 'Benefit'],
  ['A', 1, 2],
  ['B', 3, 4],
];

describe('header ranges', () => {
  test('one far value does not stretch the table, and costs one cell of work', () => {
    const cells = [...cellsAt(TABLE), { row: 1_048_576, col: 16_384, value: 'x' }];
    expect(headerRangesOf(cells)).toEqual([{ headerRow: 1, lastRow: 3, firstColumn: 1, lastColumn: 3 }]);
  });

  test('the header row under merged group headers, as Excel reports them (blank under the merge)', () => {
    const rows: CellValue[][] = [
      ['Identity', null, 'Financials', null],
      ['ID', 'Project Name', 'Cost', 'Benefit'],
      ['G1', 'Route Optimiser', 200, 500],
    ];
    expect(headerRangesOf(cellsAt(rows, 4, 2))).toEqual([
      { headerRow: 5, lastRow: 6, firstColumn: 2, lastColumn: 5 },
    ]);
  });

  test('and with the label repeated across the merge; two levels of groups', () => {
    const rows: CellValue[][] = [
      ['Portfolio', 'Portfolio', 'Portfolio', 'Portfolio'],
      ['Identity', 'Identity', 'Money', 'Money'],
      ['ID', 'Project Name', 'Cost', 'Benefit'],
      ['G1', 'Route Optimiser', 200, 500],
    ];
    expect(headerRangesOf(cellsAt(rows))[0]!.headerRow).toBe(3);
  });

  test('a header row whose first data row is text only stays the header', () => {
    const rows: CellValue[][] = [
      ['Objective', 'Description'],
      ['Growth', 'Grow revenue'],
      ['Efficiency', 'Cut cost'],
    ];
    expect(headerRangesOf(cellsAt(rows))[0]!.headerRow).toBe(1);
  });

  test('a title row of two cells over the header is not the header', () => {
    const rows: CellValue[][] = [
      ['Change portfolio FY27', null, null, 'PMO'],
      ['Project', 'Status', 'Owner', 'Sponsor'],
      ['A', 'Active', 'Ann', 'Bo'],
    ];
    expect(headerRangesOf(cellsAt(rows))[0]!.headerRow).toBe(2);
  });

  test('on random grids: the blocks of the dense scan that came before, each header at or under its row', () => {
    const grid = fc.array(
      fc.array(
        fc.oneof(
          fc.constant(null),
          fc.constant(''),
          fc.integer({ min: 0, max: 9 }),
          fc.constantFrom('a', 'b', 'c'),
        ),
        { minLength: 6, maxLength: 6 },
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(grid, (g) => {
        const now = findHeaderRanges(g, 3, 2);
        const before = denseScan(g, 3, 2);
        expect(now.map(({ headerRow: _, ...block }) => block)).toEqual(
          before.map(({ headerRow: _, ...b }) => b),
        );
        now.forEach((r, k) => expect(r.headerRow).toBeGreaterThanOrEqual(before[k]!.headerRow));
        expect(headerRangesOf(cellsAt(g, 3, 2))).toEqual(now);
      }),
    );
  });
});

/** The dense scan the reader used before issue 17 (the whole grid, no group headers), as a reference. */
function denseScan(grid: CellValue[][], row0: number, col0: number) {
  const used = (r: number, c: number) => {
    const v = grid[r]?.[c] ?? null;
    return v !== null && v !== '';
  };
  const width = grid.reduce((m, r) => Math.max(m, r.length), 0);
  const rowUsed = (i: number) => Array.from({ length: width }, (_, k) => used(i, k)).some(Boolean);
  const colUsed = (k: number, top: number, bottom: number) => {
    for (let i = top; i <= bottom; i++) if (used(i, k)) return true;
    return false;
  };
  const out: { headerRow: number; lastRow: number; firstColumn: number; lastColumn: number }[] = [];
  for (let r = 0; r < grid.length;) {
    if (!rowUsed(r)) {
      r++;
      continue;
    }
    const top = r;
    while (r < grid.length && rowUsed(r)) r++;
    const bottom = r - 1;
    for (let c = 0; c < width;) {
      if (!colUsed(c, top, bottom)) {
        c++;
        continue;
      }
      const left = c;
      while (c < width && colUsed(c, top, bottom)) c++;
      for (let h = top; h < bottom; h++) {
        const filled = Array.from({ length: c - left }, (_, k) => left + k).filter((k) => used(h, k));
        if (filled.length >= 2 && filled.some((k) => typeof grid[h]![k] === 'string')) {
          out.push({
            headerRow: row0 + h,
            lastRow: row0 + bottom,
            firstColumn: col0 + left,
            lastColumn: col0 + c - 1,
          });
          break;
        }
      }
    }
  }
  return out;
}

describe('stray values', () => {
  const table = [{ top: 1, left: 1, bottom: 3, right: 3 }];

  test('far below or far right is reported with its cell and value; a title and a note are not', () => {
    const cells: SheetCell[] = [
      { row: 1_048_576, col: 16_384, value: 'x' },
      { row: 3 + STRAY_ROWS + 1, col: 1, value: 42 },
      { row: 1, col: 3 + STRAY_COLUMNS + 1, value: 'far right' },
      { row: 3 + STRAY_ROWS, col: 1, value: 'note at the limit' },
      { row: 5, col: 1, value: 'Source: PMO' },
    ];
    const issues = strayCellIssues('Projects', cells, table);
    expect(issues.map((i) => [i.sheet, i.cell, i.value])).toEqual([
      ['Projects', 'XFD1048576', 'x'],
      ['Projects', 'A1004', '42'],
      ['Projects', 'CZ1', 'far right'],
    ]);
    expect(issues[0]!.problem).toBe("A value far outside this sheet's tables (A1:C3).");
  });

  test('past three, the last one counts the rest; a sheet without tables reports nothing', () => {
    const cells = Array.from({ length: 10 }, (_, k) => ({ row: 5000 + k, col: 1, value: k }));
    const issues = strayCellIssues('S', cells, table);
    expect(issues).toHaveLength(3);
    expect(issues[2]!.problem).toMatch(/; 7 more cells like it\.$/);
    expect(strayCellIssues('S', cells, [])).toEqual([]);
  });
});

test('dependency cycles on a chain of 60,000 projects, without recursion', () => {
  const n = 60_000;
  const project = (i: number, dependsOn: string[]) => ({ id: `P${i}`, dependsOn }) as unknown as Project;
  const chain = Array.from({ length: n }, (_, i) => project(i, i > 0 ? [`P${i - 1}`] : []));
  expect(findCycles(chain)).toEqual([]);
  const ring = Array.from({ length: n }, (_, i) => project(i, [`P${(i + 1) % n}`]));
  const cycles = findCycles(ring);
  expect(cycles).toHaveLength(1);
  expect(cycles[0]).toHaveLength(n);
  expect(cycles[0]!.slice(0, 3)).toEqual(['P0', 'P1', 'P2']);
});

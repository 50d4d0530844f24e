// Finds plain header ranges on a sheet (SPEC §3: a project table may be a range with one header row),
// from a grid of its used cells. Shared by every workbook adapter, so they all see the same tables.
import type { CellValue } from '../model';
import { isBlank } from './cells';

export interface HeaderRange {
  /** 1-based sheet row of the header. */
  headerRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/**
 * Blocks of cells separated by blank rows and blank columns; in each block the first row with at least
 * two filled cells (one of them text) is the header, and the rows below it are the data. `skip` masks
 * cells that belong to Excel tables, which are listed on their own.
 * @param grid rows of cells, grid[0][0] at sheet row `row0`, column `col0` (1-based)
 */
export function findHeaderRanges(
  grid: readonly (readonly CellValue[])[],
  row0: number,
  col0: number,
  skip: (row: number, col: number) => boolean = () => false,
): HeaderRange[] {
  const used = (r: number, c: number): boolean => {
    const v = grid[r]?.[c] ?? null;
    return !isBlank(v) && !skip(row0 + r, col0 + c);
  };
  const width = grid.reduce((m, r) => Math.max(m, r.length), 0);
  const out: HeaderRange[] = [];
  let r = 0;
  while (r < grid.length) {
    if (!rowUsed(r)) {
      r++;
      continue;
    }
    const top = r;
    while (r < grid.length && rowUsed(r)) r++;
    const bottom = r - 1;
    // Column segments inside the row block, split by columns blank over the whole block.
    let c = 0;
    while (c < width) {
      if (!colUsed(c, top, bottom)) {
        c++;
        continue;
      }
      const left = c;
      while (c < width && colUsed(c, top, bottom)) c++;
      const right = c - 1;
      for (let h = top; h < bottom; h++) {
        let filled = 0;
        let text = false;
        for (let k = left; k <= right; k++) {
          if (!used(h, k)) continue;
          filled++;
          if (typeof grid[h]![k] === 'string') text = true;
        }
        if (filled >= 2 && text) {
          out.push({
            headerRow: row0 + h,
            lastRow: row0 + bottom,
            firstColumn: col0 + left,
            lastColumn: col0 + right,
          });
          break;
        }
      }
    }
  }
  return out;

  function rowUsed(i: number): boolean {
    for (let k = 0; k < width; k++) if (used(i, k)) return true;
    return false;
  }
  function colUsed(k: number, top: number, bottom: number): boolean {
    for (let i = top; i <= bottom; i++) if (used(i, k)) return true;
    return false;
  }
}

// A simulator seed from tables to insert (the sample's): the same cells, formats and Excel tables the
// adapter's "Insert sample data" writes (tests/office/sampleTables.test.ts shows they read back alike).
import type { TableToInsert } from '../../../src/workbook/office/sheets';
import type { SimSeed } from '../../support/excelSim/index';
import { areaA1 } from '../../support/excelSim/book';

export function seedFromTables(tables: readonly TableToInsert[]): SimSeed {
  const seed: SimSeed = { sheets: [], tables: [], names: [] };
  for (const t of tables) {
    let sheet = seed.sheets.find((s) => s.name === t.sheet);
    if (!sheet) seed.sheets.push((sheet = { name: t.sheet, cells: [] }));
    t.headers.forEach((h, c) => sheet.cells.push([t.row, t.col + c, h]));
    t.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        const format = t.formats[c] ?? undefined;
        if (v !== null) sheet.cells.push([t.row + 1 + i, t.col + c, v, format]);
        else if (format) sheet.cells.push([t.row + 1 + i, t.col + c, '', format]);
      }),
    );
    if (t.kind === 'table')
      seed.tables.push({
        name: t.name,
        sheet: t.sheet,
        ref: areaA1({
          top: t.row,
          left: t.col,
          bottom: t.row + t.rows.length,
          right: t.col + t.headers.length - 1,
        }),
      });
  }
  return seed;
}

// The simulator is only worth having if it fails code that would fail in Excel. Each test here makes one
// classic Office.js mistake on purpose and expects the simulator to reject it.
import { ExcelSimulator, SimError, type SimRequestContext } from '../support/excelSim/index';

function seeded(): ExcelSimulator {
  return new ExcelSimulator({
    sheets: [
      {
        name: 'Data',
        cells: [
          [1, 1, 'Name'],
          [1, 2, 'Cost'],
          [2, 1, 'Alpha'],
          [2, 2, 100],
        ],
      },
    ],
    tables: [{ name: 'Projects', sheet: 'Data', ref: 'A1:B2' }],
    names: [],
  });
}

/** The error a run ends with (or null). */
async function failure(
  sim: ExcelSimulator,
  batch: (c: SimRequestContext) => Promise<unknown>,
): Promise<SimError | null> {
  try {
    await sim.run(batch);
    return null;
  } catch (e) {
    if (e instanceof SimError) return e;
    throw e;
  }
}

test('reading a property that was never loaded throws PropertyNotLoaded', async () => {
  const e = await failure(seeded(), async (context) => {
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
    await context.sync();
    return range.values;
  });
  expect(e?.code).toBe('PropertyNotLoaded');
});

test('reading a loaded property before the sync throws too', async () => {
  const e = await failure(seeded(), async (context) => {
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2').load('values');
    const v = range.values;
    await context.sync();
    return v;
  });
  expect(e?.code).toBe('PropertyNotLoaded');
});

test('a collection has no items before load and sync', async () => {
  const e = await failure(seeded(), async (context) => {
    const sheets = context.workbook.worksheets;
    await context.sync();
    return sheets.items.length;
  });
  expect(e?.code).toBe('PropertyNotLoaded');
});

test('skipping the final sync fails the run and changes nothing', async () => {
  const sim = seeded();
  const e = await failure(sim, async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('C1').values = [['Owner']];
  });
  expect(e?.code).toBe('UnsyncedOperations');
  expect(sim.book.sheet('Data')!.cell(1, 3)).toBeUndefined();
});

test('writes are applied at sync, not before', async () => {
  const sim = seeded();
  await sim.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('C1').values = [['Owner']];
    expect(sim.book.sheet('Data')!.cell(1, 3)).toBeUndefined();
    await context.sync();
  });
  expect(sim.book.sheet('Data')!.cell(1, 3)!.value).toBe('Owner');
});

test('a ragged values array is rejected at sync with InvalidArgument', async () => {
  const sim = seeded();
  const e = await failure(sim, async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('A5:B6').values = [['x', 1], ['y']];
    await context.sync();
  });
  expect(e?.code).toBe('InvalidArgument');
  expect(e?.message).toMatch(/row 2 has 1 values, the range 2 columns/);
  expect(sim.book.sheet('Data')!.cell(5, 1)).toBeUndefined();
});

test('a values array of the wrong height is rejected', async () => {
  const e = await failure(seeded(), async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('A5:B7').values = [['x', 1]];
    await context.sync();
  });
  expect(e?.code).toBe('InvalidArgument');
});

test('getItemOrNullObject gives a null object, known after the sync', async () => {
  const sim = seeded();
  const result = await sim.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
    const present = context.workbook.worksheets.getItemOrNullObject('Data');
    await context.sync();
    return [missing.isNullObject, present.isNullObject];
  });
  expect(result).toEqual([true, false]);
});

test('getItem of a missing sheet fails the sync with ItemNotFound', async () => {
  const e = await failure(seeded(), async (context) => {
    context.workbook.worksheets.getItem('Nope').getRange('A1').load('values');
    await context.sync();
  });
  expect(e?.code).toBe('ItemNotFound');
});

test('names and addresses are validated as Excel does', async () => {
  for (const bad of ['Bad/Name', 'x'.repeat(32), 'Data']) {
    const e = await failure(seeded(), async (context) => {
      context.workbook.worksheets.add(bad);
      await context.sync();
    });
    expect([bad, e?.code]).toEqual([bad, bad === 'Data' ? 'ItemAlreadyExists' : 'InvalidArgument']);
  }
  const e = await failure(seeded(), async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('A1:ZZZZ9').load('values');
    await context.sync();
  });
  expect(e?.code).toBe('InvalidArgument');
  const t = await failure(seeded(), async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('D1:E2').values = [
      ['a', 'b'],
      [1, 2],
    ];
    const table = context.workbook.worksheets.getItem('Data').tables.add("'Data'!D1:E2", true);
    table.name = 'A1';
    await context.sync();
  });
  expect(t?.code).toBe('InvalidArgument');
});

test('text written as typed becomes a formula or a number; an apostrophe keeps it text', async () => {
  const sim = seeded();
  await sim.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('A10:D10').values = [
      ['=1+1', '001', "'=1+1", "'001"],
    ];
    await context.sync();
  });
  const s = sim.book.sheet('Data')!;
  expect(s.cell(10, 1)!.formula).toBe('=1+1');
  expect(s.cell(10, 2)!.value).toBe(1);
  expect(s.cell(10, 3)).toMatchObject({ value: '=1+1', textPrefix: true });
  expect(s.cell(10, 3)!.formula).toBeUndefined();
  expect(s.cell(10, 4)!.value).toBe('001');
});

test('every sync is counted, across runs', async () => {
  const sim = seeded();
  await sim.run(async (context) => {
    await context.sync();
    await context.sync();
  });
  await sim.run(async (context) => context.sync());
  expect([sim.runs, sim.syncs]).toEqual([2, 3]);
});

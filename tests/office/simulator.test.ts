// The simulator is only worth having if it fails code that would fail in Excel. Each test here makes one
// classic Office.js mistake on purpose and expects the simulator to reject it.
import {
  ExcelSimulator,
  READ_CELL_CAP,
  SimError,
  utf8Bytes,
  type SimRequestContext,
} from '../support/excelSim/index';
import { SimSheet } from '../support/excelSim/book';

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

// ---- Excel's limits (issue 15): each rule as the simulator enforces it -----------------------------

test("Microsoft's example: 10,000 single-cell writes pass 5 MB; the same cells as one array do not", async () => {
  const loop = new ExcelSimulator(undefined, { payloadLimitBytes: 5_000_000 });
  loop.book.sheets.push(new SimSheet('Data'));
  const e = await failure(loop, async (context) => {
    const ws = context.workbook.worksheets.getItem('Data');
    for (let row = 0; row < 10_000; row++) ws.getRangeByIndexes(row, 1, 1, 1).values = [['1']];
    await context.sync();
  });
  expect(e?.code).toBe('RequestPayloadSizeLimitExceeded');
  const array = new ExcelSimulator(undefined, { payloadLimitBytes: 5_000_000 });
  array.book.sheets.push(new SimSheet('Data'));
  await array.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('A1:A10000').values = Array.from(
      { length: 10_000 },
      () => [1],
    );
    await context.sync();
  });
  expect(array.maxRequestBytes).toBeLessThan(100_000);
});

test('requests are counted in UTF-8 bytes: text of three-byte characters counts three times', async () => {
  const bytesOf = async (text: string) => {
    const sim = seeded();
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A9').values = [[text]];
      await context.sync();
    });
    return sim.maxRequestBytes;
  };
  const ascii = await bytesOf('x'.repeat(10_000));
  const japanese = await bytesOf('デ'.repeat(10_000));
  expect(japanese - ascii).toBe(20_000);
  expect(utf8Bytes('é€😀')).toBe(2 + 3 + 4);
});

test.each(['error', 'null'] as const)(
  'a range of more than 5,000,000 cells cannot be read (host: %s)',
  async (mode) => {
    const sim = new ExcelSimulator(undefined, { overCapRead: mode });
    sim.book.sheets.push(new SimSheet('Big'));
    const read = async () =>
      sim.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Big').getRange('A1:E1000001').load('values');
        await context.sync();
        return r.values;
      });
    if (mode === 'error') await expect(read()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    else expect(await read()).toBeNull();
    expect(READ_CELL_CAP).toBe(5_000_000);
  },
);

test('a very hidden sheet cannot be deleted until it is made hidden', async () => {
  const sim = seeded();
  sim.book.sheets.push(new SimSheet('Secret'));
  sim.book.sheet('Secret')!.visibility = 'VeryHidden';
  const e = await failure(sim, async (context) => {
    context.workbook.worksheets.getItem('Secret').delete();
    await context.sync();
  });
  expect(e?.code).toBe('InvalidOperation');
  await sim.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Secret');
    ws.visibility = 'Hidden';
    ws.delete();
    await context.sync();
  });
  expect(sim.sheetNames()).toEqual(['Data']);
});

test('a table cannot overlap merged cells, nor can table cells be merged', async () => {
  const e = await failure(seeded(), async (context) => {
    const ws = context.workbook.worksheets.getItem('Data');
    ws.getRange('D1:F1').merge(true);
    ws.getRange('D1:E2').values = [
      ['a', 'b'],
      [1, 2],
    ];
    ws.tables.add("'Data'!D1:E2", true);
    await context.sync();
  });
  expect(e?.code).toBe('MergedRangeConflict');
  const m = await failure(seeded(), async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('A2:B2').merge(true);
    await context.sync();
  });
  expect(m?.code).toBe('MergedRangeConflict');
});

test('a bubble chart needs X, Y and size columns; bar and scatter charts read one', async () => {
  const chartOn = (type: string, range: string) =>
    failure(seeded(), async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.charts.add(type, ws.getRange(range), 'Columns');
      await context.sync();
    });
  expect((await chartOn('Bubble', 'B2:B2'))?.code).toBe('InvalidArgument');
  expect(await chartOn('Bubble', 'A2:C2')).toBeNull();
  expect(await chartOn('XYScatter', 'B2:B2')).toBeNull();
  expect(await chartOn('BarClustered', 'B2:B2')).toBeNull();
  const sim = seeded();
  await sim.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Data');
    ws.charts.add('Bubble', ws.getRange('A1:C2'), 'Columns');
    await context.sync();
  });
  expect(sim.book.sheet('Data')!.charts[0]!.series).toEqual([
    expect.objectContaining({ xValues: 'Data!A1:A2', values: 'Data!B1:B2', bubbleSizes: 'Data!C1:C2' }),
  ]);
});

test('while another workbook has focus, the operations Microsoft lists fail with its codes', async () => {
  const sim = seeded();
  sim.loseFocus();
  const add = await failure(sim, async (context) => {
    context.workbook.worksheets.add('New');
    await context.sync();
  });
  const del = await failure(sim, async (context) => {
    context.workbook.worksheets.getItem('Data').delete();
    await context.sync();
  });
  const write = await failure(sim, async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('C1').values = [['fine']];
    await context.sync();
  });
  expect([add?.code, del?.code, write]).toEqual(['GeneralException', 'InvalidSelection', null]);
  sim.regainFocus();
  expect(
    await failure(sim, async (context) => {
      context.workbook.worksheets.add('New');
      await context.sync();
    }),
  ).toBeNull();
});

test('on a host where names do not hide, hiding one reports success and changes nothing', async () => {
  const sim = new ExcelSimulator(undefined, { namesStayVisible: true });
  sim.book.sheets.push(new SimSheet('Data'));
  await sim.run(async (context) => {
    const n = context.workbook.names.add(
      'Marker',
      context.workbook.worksheets.getItem('Data').getRange('A1'),
    );
    n.visible = false;
    await context.sync();
  });
  expect(sim.book.names).toEqual([expect.objectContaining({ name: 'Marker', visible: true })]);
});

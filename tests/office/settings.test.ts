// The pane's choices in the workbook's add-in settings (`workbook.settings`, as Microsoft recommends for
// Excel), and what the pane says when they cannot be saved.
import { CHOICES_KEY, workbookChoiceStore } from '../../src/taskpane/host';
import { choicesNotSaved } from '../../src/taskpane/errors';
import type { ExcelRun } from '../../src/workbook/office/gateway';
import { ExcelSimulator, SimError, type SimRequestContext } from '../support/excelSim/index';
import type { PaneChoices } from '../../src/taskpane/state';

const runOn = (sim: ExcelSimulator) =>
  // The simulator implements the subset of Excel.RequestContext the adapter uses, not the whole type.
  ((batch: (c: SimRequestContext) => Promise<unknown>) => sim.run(batch)) as unknown as ExcelRun;

const CHOICES: PaneChoices = {
  table: 'Projects',
  overrides: {},
  settings: { discountRate: 0.1 },
  thorough: false,
};

test('choices saved in the workbook come back when the pane opens again, in one sync each way', async () => {
  const sim = new ExcelSimulator();
  const first = await workbookChoiceStore(runOn(sim));
  expect(first.load()).toBeNull();
  await first.save(CHOICES);
  expect(sim.book.settings.get(CHOICES_KEY)).toEqual(CHOICES);
  const reopened = await workbookChoiceStore(runOn(sim), () => ({ table: 'Old' }));
  expect(reopened.load()).toEqual(CHOICES);
  expect(sim.syncs).toBe(3);
});

test('choices an earlier version kept in the document settings are read when the workbook has none', async () => {
  const store = await workbookChoiceStore(runOn(new ExcelSimulator()), () => ({
    table: 'Old',
    thorough: false,
  }));
  expect(store.load()).toEqual({ table: 'Old', overrides: {}, settings: {}, thorough: false });
});

test.each([
  [
    'an Excel error',
    new SimError('AccessDenied', 'You cannot perform the requested operation.'),
    /did not allow the add-in to change this workbook/,
  ],
  // What the Common API's saveAsync hands back: an Office.Error, whose code is a number.
  [
    'an Office.Error',
    { name: 'Internal Error', message: 'The settings could not be saved.', code: 5001 },
    /Excel said: The settings could not be saved\./,
  ],
])('a failed save says why in words (%s)', (_, error, words) => {
  const text = choicesNotSaved(error);
  expect(text).toMatch(
    /^Your choices could not be saved in the workbook, so they hold only until the pane closes\./,
  );
  expect(text).toMatch(words);
  expect(text).not.toMatch(/\[object Object\]/);
});

// The add-in's own settings in the open workbook through the Excel JavaScript API's `workbook.settings`
// (ExcelApi 1.4), which Microsoft recommends for Excel over the Common API's document settings: saved
// with the workbook, per add-in. Each call is one `Excel.run` of one sync.
import type { ExcelRun } from './gateway';

/** The stored value of `key`, or null when the workbook has none. */
export function readSetting(run: ExcelRun, key: string): Promise<unknown> {
  return run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(key);
    setting.load('value');
    await context.sync();
    return setting.isNullObject ? null : (setting.value as unknown);
  });
}

/** Stores `value` (JSON) under `key`; the workbook keeps it when it is saved. */
export function writeSetting(run: ExcelRun, key: string, value: unknown): Promise<void> {
  return run(async (context) => {
    context.workbook.settings.add(key, value);
    await context.sync();
  });
}

// What the task pane needs from its surroundings, handed to components as props (they never touch
// Office): the workbook gateway, where the solves run, where the pane's choices are kept, the theme.
// `createHost` builds it from Office (index.tsx) or from the simulator (the browser harness).
import type { Decide } from '../pipeline/run';
import type { WorkbookGateway } from '../workbook/port';
import { OfficeWorkbookGateway, type ExcelRun, type OfficeHost } from '../workbook/office/gateway';
import { readSetting, writeSetting } from '../workbook/office/settings';
import type { TableToInsert } from '../workbook/office/sheets';
import { parseChoices, type PaneChoices } from './state';

export type Theme = 'light' | 'dark';

export interface PaneGateway extends WorkbookGateway {
  refresh(): void;
  activate(sheet: string): Promise<void>;
  insertTables(tables: readonly TableToInsert[]): Promise<string[]>;
}

/** Where the pane keeps its choices: in the workbook's add-in settings, so they return on reopen. */
export interface ChoiceStore {
  load(): PaneChoices | null;
  save(choices: PaneChoices): Promise<void>;
}

/** The key of the pane's choices among the workbook's add-in settings. */
export const CHOICES_KEY = 'sro.choices';

/**
 * The pane's choices in `workbook.settings`, read once when the pane opens. `legacy` reads what an
 * earlier version saved through the Common API's document settings, used when the workbook has no
 * choices of its own yet.
 */
export async function workbookChoiceStore(
  run: ExcelRun,
  legacy: () => unknown = () => null,
): Promise<ChoiceStore> {
  const saved = parseChoices(await readSetting(run, CHOICES_KEY)) ?? parseChoices(legacy());
  return { load: () => saved, save: (choices) => writeSetting(run, CHOICES_KEY, choices) };
}

export interface AddinHost {
  gateway: PaneGateway;
  decide: Decide;
  store: ChoiceStore;
  theme: Theme;
  /** The sample workbook's tables, loaded on demand (kept out of the first download). */
  sampleTables(): Promise<TableToInsert[]>;
}

export interface HostParts extends OfficeHost {
  decide: Decide;
  store: ChoiceStore;
  theme: Theme;
}

export function createHost(parts: HostParts): AddinHost {
  return {
    gateway: new OfficeWorkbookGateway(parts),
    decide: parts.decide,
    store: parts.store,
    theme: parts.theme,
    sampleTables: async () =>
      (await import(/* webpackChunkName: "sample" */ './sampleTables.json')).default as TableToInsert[],
  };
}

/** Light or dark from a background colour (Office's theme gives colours, not a name). */
export function themeOf(background: string | undefined): Theme {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}

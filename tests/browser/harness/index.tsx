// The browser tests' page: the built task pane with the Excel simulator standing in for Excel, seeded
// with the sample workbook (`?seed=empty` for a workbook without projects, `?theme=dark`). The page
// exposes the simulator as `window.sro` so the tests can look into the workbook.
import { createRoot } from 'react-dom/client';
import { App } from '../../../src/taskpane/components/App';
import { createHost, type ChoiceStore } from '../../../src/taskpane/host';
import { parseChoices } from '../../../src/taskpane/state';
import { solverWorker, workerDecide } from '../../../src/taskpane/solverClient';
import type { TableToInsert } from '../../../src/workbook/office/sheets';
import { ExcelSimulator, type SimRequestContext } from '../../support/excelSim/index';
import type { ExcelRun } from '../../../src/workbook/office/gateway';
import sample from '../../../src/taskpane/sampleTables.json';
import { seedFromTables } from './seed';
import { WEB_PAYLOAD_LIMIT } from '../../../src/workbook/office/budget';

const params = new URLSearchParams(location.search);
const sim = new ExcelSimulator(
  params.get('seed') === 'empty'
    ? {
        sheets: [
          {
            name: 'Sheet1',
            cells: [
              [1, 1, 'Notes'],
              [2, 1, 'Nothing here yet.'],
            ],
          },
        ],
        tables: [],
        names: [],
      }
    : seedFromTables(sample as TableToInsert[]),
  { apiVersion: '1.13', ...(params.has('web') ? { payloadLimitBytes: 5_000_000 } : {}) },
);

// Choices survive a reload of the page, as they survive closing and reopening a workbook.
const KEY = 'sro.choices';
const store: ChoiceStore = {
  load: () => parseChoices(JSON.parse(sessionStorage.getItem(KEY) ?? 'null')),
  save: async (choices) => sessionStorage.setItem(KEY, JSON.stringify(choices)),
};

declare global {
  interface Window {
    sro: { sim: ExcelSimulator; firstRender?: number };
  }
}
window.sro = { sim };

// The simulator implements the subset of Excel.RequestContext the adapter uses, not the whole type.
const run = ((batch: (c: SimRequestContext) => Promise<unknown>) => sim.run(batch)) as unknown as ExcelRun;
const host = createHost({
  run,
  isSetSupported: (name, version) => sim.isSetSupported(name, version),
  ...(params.has('web') ? { payloadLimit: WEB_PAYLOAD_LIMIT } : {}),
  decide: workerDecide(solverWorker),
  store,
  theme: params.get('theme') === 'dark' ? 'dark' : 'light',
});
createRoot(document.getElementById('root')!).render(<App host={host} />);
requestAnimationFrame(() => setTimeout(() => (window.sro.firstRender = performance.now())));

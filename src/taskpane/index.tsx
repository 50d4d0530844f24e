// The task pane's entry: the React root is made at once and rendered when Office is ready, with a host
// built from Office (components never touch Office themselves). Old Excel versions get one sentence:
// the pane's first script (guard.js, ES5) says it when the webview is older than this bundle's ES2020,
// and the gateway says it when the Excel JavaScript API is older than the add-in needs.
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { CHOICES_KEY, createHost, themeOf, workbookChoiceStore } from './host';
import { solverWorker, workerDecide } from './solverClient';
import { describeError } from './errors';
import { WEB_PAYLOAD_LIMIT } from '../workbook/office/budget';
import type { ExcelRun } from '../workbook/office/gateway';
import { assertExcelApi } from '../workbook/office/errors';

declare global {
  interface Window {
    /** Set by guard.js when this webview cannot run the pane (it shows the sentence itself). */
    sroUnsupported?: boolean;
  }
}

const container = document.getElementById('root')!;

async function start(): Promise<void> {
  const root = createRoot(container);
  await Office.onReady();
  try {
    const run: ExcelRun = (batch) => Excel.run(batch);
    const isSetSupported = (name: string, version: string) =>
      Office.context.requirements.isSetSupported(name, version);
    // An older Excel hears so before anything else is asked of it.
    assertExcelApi(isSetSupported);
    const store = await workbookChoiceStore(run, () => Office.context.document.settings.get(CHOICES_KEY));
    const host = createHost({
      run,
      isSetSupported,
      // Excel on the web limits each request and response to 5 MB; large runs go in several syncs there.
      ...(Office.context.platform === Office.PlatformType.OfficeOnline
        ? { payloadLimit: WEB_PAYLOAD_LIMIT }
        : {}),
      decide: workerDecide(solverWorker),
      store,
      theme: themeOf(Office.context.officeTheme?.bodyBackgroundColor),
    });
    root.render(<App host={host} />);
  } catch (e) {
    container.textContent = describeError(e);
  }
}

if (window.sroUnsupported) {
  // guard.js has said what this Excel needs.
} else if (typeof Office === 'undefined') {
  container.textContent =
    'SRO Portfolio could not load Office.js from Microsoft. Check the connection and open the add-in again from Excel (Home › SRO Portfolio).';
} else void start();

// The task pane's entry: the React root is made at once and rendered when Office is ready, with a host
// built from Office (components never touch Office themselves). Old Excel versions get one sentence.
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createHost, themeOf, type ChoiceStore } from './host';
import { parseChoices } from './state';
import { solverWorker, workerDecide } from './solverClient';
import { describeError } from './errors';
import { WEB_PAYLOAD_LIMIT } from '../workbook/office/budget';

const SETTINGS_KEY = 'sro.choices';

/** The pane's choices in the workbook's add-in settings (saved with the workbook). */
function documentStore(): ChoiceStore {
  const settings = Office.context.document.settings;
  return {
    load: () => parseChoices(settings.get(SETTINGS_KEY)),
    save: (choices) =>
      new Promise((resolve, reject) => {
        settings.set(SETTINGS_KEY, choices);
        settings.saveAsync((r) =>
          r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error),
        );
      }),
  };
}

const container = document.getElementById('root')!;
const root = createRoot(container);

void Office.onReady(() => {
  try {
    const host = createHost({
      run: (batch) => Excel.run(batch),
      isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
      // Excel on the web limits each request and response to 5 MB; large runs go in several syncs there.
      ...(Office.context.platform === Office.PlatformType.OfficeOnline
        ? { payloadLimit: WEB_PAYLOAD_LIMIT }
        : {}),
      decide: workerDecide(solverWorker),
      store: documentStore(),
      theme: themeOf(Office.context.officeTheme?.bodyBackgroundColor),
    });
    root.render(<App host={host} />);
  } catch (e) {
    container.textContent = describeError(e);
  }
});

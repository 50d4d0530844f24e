// The real task pane page (taskpane.html, not the harness) where it cannot start: a webview older than
// the pane's ES2020 gets the one sentence of guard.js, the pane's first script, and never a blank pane;
// a page where Office.js did not load says so. Chromium stands in for the old webview by losing the
// ES2020 parts guard.js checks for before any script runs.
import type { Browser, Page } from 'playwright-core';
import { launch, serveHarness, type Served } from './support';

let browser: Browser;
let served: Served;

beforeAll(async () => {
  served = await serveHarness();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** taskpane.html with Office.js answered by `officeJs` (there is no network in the tests). */
async function openPane(officeJs: string, before?: () => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs }),
  );
  if (before) await page.addInitScript(before);
  await page.goto(`${served.url}/taskpane.html`);
  return page;
}

test.each([
  ['without BigInt (Internet Explorer 11, EdgeHTML)', () => delete (window as { BigInt?: unknown }).BigInt],
  ['without Promise.allSettled', () => delete (Promise as { allSettled?: unknown }).allSettled],
])('a webview %s shows one sentence saying which Excel to use', async (_, lose) => {
  // An Office.js that would start the pane at once: the guard must stop it first.
  const page = await openPane('window.Office = { onReady: () => Promise.resolve({}) };', lose);
  const root = page.locator('#root');
  await expectText(root, /^SRO Portfolio needs a newer Excel: Microsoft 365 \(version 2102 or later\)/);
  expect(await page.evaluate(() => window.sroUnsupported)).toBe(true);
  await page.close();
});

test('a pane whose Office.js did not load says so instead of staying blank', async () => {
  const page = await openPane('/* Office.js failed to load */');
  await expectText(page.locator('#root'), /could not load Office\.js/);
  await page.close();
});

async function expectText(root: ReturnType<Page['locator']>, text: RegExp): Promise<void> {
  await root.waitFor({ state: 'attached' });
  for (let i = 0; i < 50 && !text.test((await root.textContent()) ?? ''); i++)
    await new Promise((r) => setTimeout(r, 100));
  expect((await root.textContent()) ?? '').toMatch(text);
}

// The task pane's weight and start (SPEC §6): the JavaScript taskpane.html loads at start, gzipped
// (target ≤ 400 KB; the solver worker, HiGHS' wasm and the sample data load later and are listed apart),
// and the time to first render in headless Chromium (the harness page on the simulator), median of 7.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fmtSeconds, printTable } from './harness';
import { chromiumPath, launch, serveHarness } from '../tests/browser/support';

const ROOT = process.cwd();
const DIST = path.join(ROOT, 'dist');
const HARNESS = path.join(ROOT, 'dist-harness');
const KB = 1024;

function webpack(args: string[]): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`webpack ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

export async function benchPane(): Promise<void> {
  webpack(['--mode', 'production']);
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)]
    .map((m) => m[1]!)
    .filter((src) => !/^https?:/.test(src));
  const initialBytes = initial.reduce((s, f) => s + gz(path.join(DIST, f)), 0);
  const later = fs
    .readdirSync(DIST)
    .filter((f) => /\.(js|wasm)$/.test(f) && !initial.includes(f) && !f.startsWith('commands'));
  const rows = [
    {
      what: `initial task-pane JavaScript (${initial.join(', ')})`,
      gzipped: `${(initialBytes / KB).toFixed(1)} KB`,
      target: '≤ 400 KB',
      met: initialBytes <= 400 * KB ? 'yes' : 'NO',
    },
    ...later.map((f) => ({
      what: `loaded later: ${f.replace(/\.[0-9a-f]{8}\./, '.')}`,
      gzipped: `${(gz(path.join(DIST, f)) / KB).toFixed(1)} KB`,
      target: '',
      met: '',
    })),
  ];
  printTable('Task pane bundle (production webpack build)', rows);

  if (!chromiumPath()) {
    console.log('Time to first render: skipped (Chromium is not installed; `apt-get install chromium`).\n');
    return;
  }
  if (!fs.existsSync(path.join(HARNESS, 'harness.html')))
    webpack(['--mode', 'production', '--env', 'harness']);
  const served = await serveHarness(HARNESS);
  const browser = await launch();
  const times: number[] = [];
  try {
    for (let i = 0; i < 8; i++) {
      const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
      await page.goto(`${served.url}/harness.html`);
      await page.waitForFunction(() => window.sro?.firstRender !== undefined);
      const t = await page.evaluate(() => window.sro.firstRender!);
      if (i > 0) times.push(t / 1000); // the first load warms the browser's caches
      await page.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  times.sort((a, b) => a - b);
  printTable('Task pane time to first render (headless Chromium, 320 px, harness page on the simulator)', [
    {
      measure: 'navigation start → first React render painted',
      'median (runs)': `${fmtSeconds(times[Math.floor(times.length / 2)]!)} (${times.length})`,
      fastest: fmtSeconds(times[0]!),
      slowest: fmtSeconds(times[times.length - 1]!),
    },
  ]);
}

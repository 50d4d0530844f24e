// The output opens in LibreOffice: scripts/render-output.sh converts a scored sample to PDF and PNG.
// Skipped, saying why, where LibreOffice and poppler are not installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scoreWorkbook } from '../../src/cli/scoreRun';
import { tempDir } from './workbooks';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'render-output.sh');
const tools = ['soffice', 'pdftoppm', 'pdftotext'];
const missing = tools.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
const run = missing.length === 0 ? test : test.skip;
const why = missing.length
  ? ` — SKIPPED: ${missing.join(', ')} not installed (apt-get install libreoffice-calc-nogui poppler-utils)`
  : '';

run(
  `LibreOffice converts the scored sample to PDF and PNG, with the summary on its own page${why}`,
  async () => {
    const dir = tempDir();
    const run = await scoreWorkbook(
      new Uint8Array(fs.readFileSync(path.join(ROOT, 'assets', 'sample-portfolio.xlsx'))),
      {
        generatedAt: new Date(Date.UTC(2027, 0, 4, 9, 30)),
      },
    );
    const file = path.join(dir, 'sample.sro.xlsx');
    fs.writeFileSync(file, run.written.data);
    const png = path.join(dir, 'summary.png');
    const r = spawnSync('bash', [SCRIPT, file, path.join(dir, 'render'), '--summary-png', png], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const pdf = path.join(dir, 'render', 'sample.sro.pdf');
    expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    expect(Number(/pages: (\d+)/.exec(r.stdout)?.[1])).toBeGreaterThanOrEqual(8);
    // A real PNG of the summary page, and the summary's figures in the PDF's text.
    expect(fs.readFileSync(png).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(fs.statSync(png).size).toBeGreaterThan(20_000);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const s of [
      'SRO Portfolio — Summary',
      'Key figures',
      'Budget requested',
      'Ranking — 48 projects',
      'Settings — every assumption',
    ])
      expect(text).toContain(s);
  },
  240_000,
);

test('the render script refuses a missing file with exit code 2', () => {
  const r = spawnSync('bash', [SCRIPT, '/nonexistent/file.xlsx'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('no such file');
});

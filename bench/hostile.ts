// Hostile-input bench (issue 17): `sro` on a generated 200,000-row tracker, at the row limit, and on a
// table with one stray value at XFD1048576 — each command in a process of its own (its own peak RSS).
// Target: exit 0 or one clear sentence, under 2 GB peak RSS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SIZE_LIMITS } from '../src/engine/messages';
import { fmtSeconds, printTable } from './harness';

const SRO = path.join(__dirname, 'sro.cjs');
const REPORTER = path.join(__dirname, 'hostileChild.cjs');
const CAP_SECONDS = 600;
const TARGET_MB = 2048;

/** Extra objective columns of the wide tracker (13 + 6 = 19 columns: 950,000 cells at 50,000 rows). */
const EXTRA = ['Compliance', 'People', 'Innovation', 'Brand', 'Data', 'Resilience'];

/**
 * A plain-range tracker of `rows` projects (13 columns, as PMO trackers have them; 19 when `wide`),
 * written as it streams.
 */
async function writeTracker(file: string, rows: number, stray = false, wide = false): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Projects');
  ws.addRow([
    'Project ID',
    'Project Name',
    'Status',
    'Sponsor',
    'Cost',
    'Benefit',
    'Benefit Years',
    'Risk',
    'Start',
    'End',
    'Growth',
    'Efficiency',
    'Customer',
    ...(wide ? EXTRA : []),
  ]).commit();
  let s = 7;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const statuses = ['Proposed', 'Approved', 'Active', 'On hold'];
  const risks = ['Low', 'Medium', 'High'];
  for (let i = 1; i <= rows; i++) {
    const cost = Math.round(1e5 * (1 + 20 * r()));
    ws.addRow([
      `P-${i}`,
      `Project ${i}`,
      statuses[Math.floor(r() * 4)],
      `Sponsor ${1 + Math.floor(r() * 20)}`,
      cost,
      Math.round(cost * (0.5 + 2 * r())),
      3 + Math.floor(r() * 3),
      risks[Math.floor(r() * 3)],
      new Date(Date.UTC(2027, Math.floor(r() * 12), 1)),
      new Date(Date.UTC(2029, Math.floor(r() * 12), 1)),
      Math.floor(r() * 6),
      Math.floor(r() * 6),
      Math.floor(r() * 6),
      ...(wide ? EXTRA.map(() => Math.floor(r() * 6)) : []),
    ]).commit();
  }
  if (stray) ws.getRow(1_048_576).getCell(16_384).value = 'x';
  ws.commit();
  const budget = wb.addWorksheet('Budget');
  budget.addRow(['Year', 'Budget']).commit();
  budget.addRow(['Total', Math.round(rows * 1.1e6 * 0.4)]).commit();
  budget.commit();
  await wb.commit();
}

export async function benchHostile(): Promise<void> {
  const dir = path.join(process.cwd(), '.bench-tmp');
  fs.mkdirSync(dir, { recursive: true });
  const limit = SIZE_LIMITS.sheetRows;
  const files: Record<string, { rows: number; stray?: boolean; wide?: boolean }> = {
    'tracker-200000.xlsx': { rows: 200_000 },
    // The header and 49,999 projects: the most rows with values a sheet may have.
    [`tracker-${limit}.xlsx`]: { rows: limit - 1 },
    [`tracker-${limit}-wide.xlsx`]: { rows: limit - 1, wide: true },
    'tracker-stray.xlsx': { rows: 1000, stray: true },
  };
  for (const [name, f] of Object.entries(files))
    await writeTracker(path.join(dir, name), f.rows, f.stray, f.wide);
  const runs: [string, string[]][] = [
    ['tracker-200000.xlsx', ['score']],
    ['tracker-200000.xlsx', ['inspect']],
    [`tracker-${limit}.xlsx`, ['score', '--no-frontier', '--no-sensitivity']],
    [`tracker-${limit}-wide.xlsx`, ['score', '--no-frontier', '--no-sensitivity']],
    ['tracker-stray.xlsx', ['score']],
  ];
  const rows = [];
  for (const [name, args] of runs) {
    const input = path.join(dir, name);
    const [command, ...flags] = args;
    const out = command === 'score' ? ['-o', path.join(dir, name.replace('.xlsx', '.sro.xlsx'))] : [];
    const report = path.join(dir, 'hostile-report.json');
    fs.rmSync(report, { force: true });
    const r = spawnSync(
      process.execPath,
      ['--require', REPORTER, SRO, command!, input, ...out, '--quiet', ...flags],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        timeout: CAP_SECONDS * 1000,
        env: { ...process.env, BENCH_REPORT: report },
      },
    );
    const stopped = Boolean(r.error || r.signal) || !fs.existsSync(report);
    const res = stopped
      ? null
      : {
          ...(JSON.parse(fs.readFileSync(report, 'utf8')) as {
            code: number;
            seconds: number;
            maxRssMB: number;
          }),
          message: r.stderr.split('\n')[0] ?? '',
        };
    const ok = res !== null && (res.code === 0 || res.code === 2) && res.maxRssMB < TARGET_MB;
    rows.push({
      file: `${name} (${(fs.statSync(input).size / 1e6).toFixed(1)} MB)`,
      projects: files[name]!.rows,
      columns: files[name]!.wide ? 19 : 13,
      command: `sro ${command} ${flags.join(' ')}`.trim(),
      exit: res ? String(res.code) : `stopped after ${CAP_SECONDS} s`,
      message: res?.message.replace(/^sro: /, '').slice(0, 120) ?? '',
      time: res ? fmtSeconds(res.seconds) : '',
      'peak RSS': res ? `${res.maxRssMB.toFixed(0)} MB` : '',
      target: 'exit 0 or one sentence, < 2 GB',
      met: ok ? 'yes' : 'NO',
    });
  }
  printTable(
    'Hostile inputs: sro on a 200,000-row tracker, at the row limit, and with a stray far cell',
    rows,
  );
}

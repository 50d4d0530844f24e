// End-to-end bench (issue #5): a 10,000-project workbook read, analyzed, selected, recommended and written,
// each run in a fresh process (its own peak RSS), median of three.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fmtSeconds, printTable } from './harness';
import { syntheticXlsx } from './syntheticXlsx';

const CHILD = path.join(__dirname, 'endToEndChild.cjs');

export async function benchEndToEnd(): Promise<void> {
  const dir = path.join(process.cwd(), '.bench-tmp');
  fs.mkdirSync(dir, { recursive: true });
  const rows = [];
  for (const n of [1000, 10000]) {
    const input = path.join(dir, `synthetic-${n}.xlsx`);
    fs.writeFileSync(input, await syntheticXlsx(n));
    const runs: {
      seconds: number;
      maxRssMB: number;
      selected: number;
      status: string;
      frontierPoints: number;
    }[] = [];
    for (let k = 0; k < 3; k++) {
      const r = spawnSync(process.execPath, [CHILD, input, path.join(dir, `synthetic-${n}.sro.xlsx`)], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (r.status !== 0) throw new Error(`end-to-end run failed: ${r.stderr}`);
      runs.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
    }
    runs.sort((a, b) => a.seconds - b.seconds);
    const mid = runs[1]!;
    const peak = Math.max(...runs.map((x) => x.maxRssMB));
    rows.push({
      projects: n,
      'file size': `${(fs.statSync(input).size / 1e6).toFixed(1)} MB`,
      'median (3 runs)': fmtSeconds(mid.seconds),
      'peak RSS': `${peak.toFixed(0)} MB`,
      selection: `${mid.status}, ${mid.selected} selected`,
      'frontier points': mid.frontierPoints,
      target: n === 10000 ? '≤ 15 s, ≤ 600 MB' : '',
      met: n === 10000 ? (mid.seconds <= 15 && peak <= 600 ? 'yes' : 'NO') : '',
    });
  }
  printTable(
    'End to end: .xlsx in → analysis, selection, recommendations, frontier, sensitivity → .xlsx out',
    rows,
  );
}

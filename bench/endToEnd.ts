// End-to-end bench (issue #5): a 10,000-project workbook read, analyzed, selected, recommended and written,
// each run in a fresh process (its own peak RSS), median of three.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fmtSeconds, printTable } from './harness';
import { syntheticXlsx } from './syntheticXlsx';

const CHILD = path.join(__dirname, 'endToEndChild.cjs');
/** A run that has not finished after this long is stopped and reported as such (the bench must end). */
const CAP_SECONDS = 300;

export async function benchEndToEnd(): Promise<void> {
  const dir = path.join(process.cwd(), '.bench-tmp');
  fs.mkdirSync(dir, { recursive: true });
  const rows = [];
  // The full pipeline at 1,000 projects; at 10,000, read → analyze → select → recommend → write
  // (`--no-frontier --no-sensitivity`): the frontier and the sensitivity are 40 more exact solves of a
  // 10,000-variable program, minutes at that size.
  for (const [n, mode, runsWanted] of [
    [1000, 'full', 3],
    [10000, 'core', 1],
  ] as const) {
    const input = path.join(dir, `synthetic-${n}.xlsx`);
    fs.writeFileSync(input, await syntheticXlsx(n));
    const runs: {
      seconds: number;
      maxRssMB: number;
      selected: number;
      status: string;
      frontierPoints: number;
    }[] = [];
    let stoppedAfter: number | null = null;
    for (let k = 0; k < runsWanted && stoppedAfter === null; k++) {
      const r = spawnSync(process.execPath, [CHILD, input, path.join(dir, `synthetic-${n}.sro.xlsx`), mode], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        timeout: CAP_SECONDS * 1000,
      });
      if (r.error || r.signal) stoppedAfter = CAP_SECONDS;
      else if (r.status !== 0) throw new Error(`end-to-end run failed: ${r.stderr}`);
      else runs.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
    }
    if (stoppedAfter !== null && runs.length === 0) {
      rows.push({
        projects: n,
        pipeline: mode === 'full' ? 'everything' : 'no frontier, no sensitivity',
        'median (runs)': `stopped after ${stoppedAfter} s`,
        target: n === 10000 ? '≤ 15 s, ≤ 600 MB' : '',
        met: 'NO',
      });
      continue;
    }
    runs.sort((a, b) => a.seconds - b.seconds);
    const mid = runs[Math.floor(runs.length / 2)]!;
    const peak = Math.max(...runs.map((x) => x.maxRssMB));
    rows.push({
      projects: n,
      'file size': `${(fs.statSync(input).size / 1e6).toFixed(1)} MB`,
      pipeline: mode === 'full' ? 'everything' : 'no frontier, no sensitivity',
      'median (runs)': `${fmtSeconds(mid.seconds)} (${runs.length})`,
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

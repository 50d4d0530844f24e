// One end-to-end run in a process of its own, so its peak memory is its own: read the .xlsx, analyze,
// select, recommend, trace the frontier, test the weights, write the output. Prints JSON to stdout.
import fs from 'node:fs';
import { scoreWorkbook } from '../src/cli/scoreRun';

async function main(): Promise<void> {
  const [input, output, mode] = process.argv.slice(2);
  const data = new Uint8Array(fs.readFileSync(input!));
  const t0 = performance.now();
  const run = await scoreWorkbook(data, {
    name: 'bench',
    ...(mode === 'core' ? { skip: { frontier: true, sensitivity: true } } : {}),
  });
  fs.writeFileSync(output!, run.written.data);
  const seconds = (performance.now() - t0) / 1000;
  const r = run.results.rationalization;
  console.log(
    JSON.stringify({
      seconds,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      projects: run.analysis.projects.length,
      selected: r?.selection.selected.length ?? 0,
      status: r?.selection.status ?? 'none',
      frontierPoints: run.results.frontier?.points.length ?? 0,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

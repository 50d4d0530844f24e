// Preloaded (`node --require`) into the `sro` command the hostile-input bench runs: when the process
// exits, writes its exit code, seconds since start and peak RSS as JSON to the file in BENCH_REPORT.
import fs from 'node:fs';

process.on('exit', (code) => {
  const file = process.env.BENCH_REPORT;
  if (!file) return;
  const report = { code, seconds: performance.now() / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  fs.writeFileSync(file, JSON.stringify(report));
});

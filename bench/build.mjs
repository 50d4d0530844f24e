// Bundles the bench with esbuild, as a production build would (no per-call export getters or name
// wrappers that a dev-time TypeScript runner adds), then runs it with node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/run.ts'],
  outfile: '.bench-tmp/bench.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['highs', 'exceljs', 'javascript-lp-solver', 'jszip', 'playwright-core'],
  logLevel: 'warning',
});
// The end-to-end bench runs each workbook in a process of its own (its own peak memory).
await build({
  entryPoints: ['bench/endToEndChild.ts'],
  outfile: '.bench-tmp/endToEndChild.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['highs', 'exceljs', 'javascript-lp-solver', 'jszip', 'playwright-core'],
  logLevel: 'warning',
});
// The hostile-input bench runs the `sro` command itself (built as `npm run build:cli` builds it), each
// command in a process of its own, with a preloaded reporter of its exit code, time and peak RSS.
for (const [entry, out] of [
  ['src/cli/sro.ts', '.bench-tmp/sro.cjs'],
  ['bench/hostileChild.ts', '.bench-tmp/hostileChild.cjs'],
])
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['highs', 'exceljs', 'jszip'],
    logLevel: 'warning',
  });
const r = spawnSync(
  process.execPath,
  ['--enable-source-maps', '.bench-tmp/bench.cjs', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);

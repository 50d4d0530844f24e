// `npm run demo`: scores the bundled sample workbook, writes out/sample-portfolio.sro.xlsx, and prints
// the summary figures, the ranking and the data issues compactly, then where the workbook is.
import fs from 'node:fs/promises';
import path from 'node:path';
import { scoreWorkbook, type ScoreRun } from './scoreRun';
import { createProgress } from './progress';
import { decisionsText, issuesText, rankingText, selectionText, summaryLines } from './summaryText';

const ROOT = path.join(__dirname, '..', '..');

export async function runDemo(
  file = path.join(ROOT, 'assets', 'sample-portfolio.xlsx'),
  output = path.join(ROOT, 'out', `${path.basename(file, path.extname(file))}.sro.xlsx`),
): Promise<ScoreRun> {
  const run = await scoreWorkbook(new Uint8Array(await fs.readFile(file)), {
    progress: createProgress(process.stderr, false),
    name: path.basename(file),
  });
  await fs.mkdir(path.dirname(output), { recursive: true });
  await fs.writeFile(output, run.written.data);
  const a = run.analysis;
  const out: string[] = [];
  out.push(`SRO Portfolio — ${path.basename(file)}`);
  out.push(
    `${a.projects.length} projects from table ${a.table.name} on sheet ${a.table.sheet}; periods ${a.periods[0]}–${a.periods[a.periods.length - 1]}; ` +
      `objectives: ${a.objectives.map((o) => `${o.name} ${(o.weight * 100).toFixed(1)}%`).join(', ')}.`,
  );
  out.push('', 'Summary');
  for (const l of summaryLines(a, run.results)) out.push(l);
  for (const n of a.notes) out.push(`  Note: ${n}`);
  out.push('', 'Optimal portfolio and efficient frontier');
  for (const l of selectionText(a, run.results)) out.push(l);
  out.push('', 'Recommendations');
  for (const l of decisionsText(run.results)) out.push(l);
  out.push('', 'Ranking', rankingText(a, run.results));
  if (a.issues.length) out.push('', `Data issues (${a.issues.length})`, issuesText(a));
  out.push(
    '',
    `Wrote ${path.relative(process.cwd(), output) || output} (sheets: ${Object.values(run.written.names).join(', ')})`,
  );
  console.log(out.join('\n'));
  return run;
}

if (require.main === module) {
  runDemo(process.argv[2] ? path.resolve(process.argv[2]) : undefined).catch((err: unknown) => {
    const input = err instanceof Error && err.name === 'InputError';
    console.error(input ? (err as Error).message : err);
    process.exit(input ? 2 : 1);
  });
}

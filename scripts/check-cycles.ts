// `npm run lint` step: fails when any import cycle exists among src/, tests/, bench/ and scripts/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findImportCycles } from './importCycles';

const root = path.join(__dirname, '..');
const listed = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
const files = listed
  .split('\n')
  .filter((f) => /^(src|tests|bench|scripts)\//.test(f))
  .map((f) => path.join(root, f))
  .filter((f) => fs.existsSync(f));
const cycles = findImportCycles({ files, read: (f) => fs.readFileSync(f, 'utf8') });
if (cycles.length) {
  console.error(`${cycles.length} import cycle(s):`);
  for (const c of cycles) console.error(`  ${c.map((f) => path.relative(root, f)).join(' → ')}`);
  process.exit(1);
}
console.log(`No import cycles among ${files.length} files.`);

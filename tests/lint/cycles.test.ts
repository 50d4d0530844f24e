// The import-cycle check of `npm run lint` (scripts/check-cycles.ts): it finds cycles of every length,
// type-only and re-export ones included, reports none on a DAG, and the project itself has none.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { findImportCycles } from '../../scripts/importCycles';

const root = path.join(__dirname, '..', '..');

function cyclesOf(sources: Record<string, string>): string[][] {
  const files = Object.keys(sources).map((f) => path.join('/p', f));
  return findImportCycles({ files, read: (f) => sources[path.relative('/p', f)]! }).map((c) =>
    c.map((f) => path.relative('/p', f)),
  );
}

test('a two-file cycle is found, with its path', () => {
  expect(
    cyclesOf({
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': "import { a } from './a';\nexport const b = 1;\nexport const c = a;\n",
    }),
  ).toEqual([['src/a.ts', 'src/b.ts', 'src/a.ts']]);
});

test('type-only imports, re-exports and index folders count', () => {
  const cycles = cyclesOf({
    'src/engine/read/index.ts': "export { x } from './x';\n",
    'src/engine/read/x.ts': "import type { Y } from '../score';\nexport const x = 1 as unknown as Y;\n",
    'src/engine/score/index.ts': "export type { Y } from './y';\n",
    'src/engine/score/y.ts': "import { x } from '../read';\nexport type Y = typeof x;\n",
  });
  expect(cycles).toHaveLength(1);
  expect(cycles[0]).toHaveLength(5);
  expect(cycles[0]![0]).toBe(cycles[0]![4]);
});

test('a self-import is a cycle; a diamond is not', () => {
  expect(cyclesOf({ 'a.ts': "import './a';\n" })).toEqual([['a.ts', 'a.ts']]);
  expect(
    cyclesOf({
      'a.ts': "import './b';\nimport './c';\n",
      'b.ts': "import './d';\n",
      'c.ts': "import './d';\n",
      'd.ts': 'export {};\n',
    }),
  ).toEqual([]);
});

test('separate tangles are reported separately; package imports are ignored', () => {
  const cycles = cyclesOf({
    'a.ts': "import './b';\nimport 'react';\n",
    'b.ts': "import './a';\n",
    'c.ts': "import './d';\n",
    'd.ts': "import './e';\n",
    'e.ts': "import './c';\n",
  });
  expect(cycles.map((c) => c.length).sort()).toEqual([3, 4]);
});

test('the project has no import cycle (the check that `npm run lint` runs exits 0)', () => {
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-cycles.ts'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(out).toMatch(/^No import cycles among \d+ files\./);
});

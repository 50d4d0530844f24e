// How `sro` writes a file (src/cli/files.ts): through a temporary file in the same folder renamed into
// place, so a failed write leaves neither a half-written file nor the temporary one.
import fs from 'node:fs';
import path from 'node:path';
import { checkOutputs, writeAtomic } from '../../src/cli/files';
import { InputError } from '../../src/engine/errors';
import { tempDir } from './workbooks';

test('a write replaces the file in one rename and leaves nothing else', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'out.json');
  fs.writeFileSync(file, 'old');
  await writeAtomic(file, 'new');
  expect(fs.readFileSync(file, 'utf8')).toBe('new');
  expect(fs.readdirSync(dir)).toEqual(['out.json']);
});

test('a write that fails says why in one sentence and leaves no temporary file', async () => {
  const dir = tempDir();
  const target = path.join(dir, 'taken');
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'inside.txt'), 'x');
  const error = await writeAtomic(target, 'data').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(/^Cannot write .*taken: .+\.$/);
  expect(fs.readdirSync(dir)).toEqual(['taken']);
  expect(fs.readdirSync(target)).toEqual(['inside.txt']);
});

test('-o may name the input; --json never, through any path to the same file', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'in.xlsx');
  fs.writeFileSync(input, 'x');
  await expect(checkOutputs(input, [{ flag: '-o', file: input, mayBeInput: true }])).resolves.toBeUndefined();
  await expect(
    checkOutputs(input, [{ flag: '--json', file: path.join(dir, '.', 'in.xlsx'), mayBeInput: false }]),
  ).rejects.toThrow('--json');
});

// The files `sro` reads and writes. Every output is checked before any work — never the input (unless
// -o names it), never one path twice, a folder that exists and can be written — and written to a
// temporary file in the same folder, then renamed into place, so a failed or cancelled run never
// leaves a half-written file where the user looks.
import fs from 'node:fs/promises';
import { constants, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '../engine/errors';

export function fileProblem(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EBUSY') return 'the file is open in another program';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the disk is read-only';
  return e instanceof Error ? e.message : String(e);
}

export async function readInput(file: string): Promise<Uint8Array> {
  try {
    if ((await fs.stat(file)).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    throw new InputError(`Cannot read ${file}: ${fileProblem(e)}.`);
  }
}

/** One file a command will write: the flag that named it (for the message) and whether it may be the input. */
export interface PlannedOutput {
  flag: string;
  file: string;
  /** Only `-o` may name the input (the user asked for it in so many words). */
  mayBeInput: boolean;
}

type Identity = { dev: number; ino: number } | null;

async function identity(file: string): Promise<Identity> {
  try {
    const s = await fs.stat(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

const sameFile = (a: Identity, b: Identity) => a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;

/** The path as the file system will see it: its folder's real path and its own name. */
async function canonical(file: string): Promise<string> {
  const dir = path.dirname(path.resolve(file));
  const real = await fs.realpath(dir).catch(() => dir);
  const key = path.join(real, path.basename(file));
  // Windows and macOS compare names without regard to case.
  return process.platform === 'win32' || process.platform === 'darwin' ? key.toLowerCase() : key;
}

async function checkFolder(out: PlannedOutput): Promise<void> {
  const dir = path.dirname(path.resolve(out.file));
  const cannot = (why: string) => new InputError(`Cannot write ${out.file}: ${why}.`);
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat) throw cannot(`the folder ${dir} does not exist; create it or choose another folder`);
  if (!stat.isDirectory()) throw cannot(`${dir} is a file, not a folder`);
  if (
    !(await fs.access(dir, constants.W_OK | constants.X_OK).then(
      () => true,
      () => false,
    ))
  )
    throw cannot(`no permission to write in the folder ${dir}`);
  const target = await fs.stat(out.file).catch(() => null);
  if (target?.isDirectory()) throw cannot('it is a folder');
  if (
    target &&
    !(await fs.access(out.file, constants.W_OK).then(
      () => true,
      () => false,
    ))
  )
    throw cannot('the file is read-only');
}

/**
 * Checks every output before any work: never the input (through any path, link or hard link) unless
 * the output may be it, never the same file twice, and a folder that exists and can be written.
 */
export async function checkOutputs(input: string, outputs: readonly PlannedOutput[]): Promise<void> {
  const inputId = await identity(input);
  const inputKey = await canonical(input);
  const seen: { out: PlannedOutput; key: string; id: Identity }[] = [];
  for (const out of outputs) {
    const key = await canonical(out.file);
    const id = await identity(out.file);
    if (!out.mayBeInput && (key === inputKey || sameFile(id, inputId)))
      throw new InputError(
        `${out.flag} ${out.file} is the input workbook; the input is never overwritten (only -o may name it): choose another file.`,
      );
    const twice = seen.find((s) => s.key === key || sameFile(s.id, id));
    if (twice)
      throw new InputError(
        `${twice.out.flag} and ${out.flag} both name ${out.file}: give each output its own file.`,
      );
    seen.push({ out, key, id });
    await checkFolder(out);
  }
}

/** Temporary files being written, removed if the process is interrupted. */
const pending = new Set<string>();

/** Removes the temporary files of writes still in progress (on Ctrl+C). */
export function removePendingWrites(): void {
  for (const tmp of pending) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more can be done while the process exits.
    }
  }
  pending.clear();
}

/** Writes a temporary file beside `file`, then renames it into place (one step for the reader). */
export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  pending.add(tmp);
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new InputError(`Cannot write ${file}: ${fileProblem(e)}.`);
  } finally {
    pending.delete(tmp);
  }
}

// What a file is before ExcelJS reads it, and whether it is small enough to read: an encrypted or
// 97-2003 Office file, a zip that holds no workbook, a damaged package — each said in one sentence that
// names the real problem — and the kind of workbook (macro-enabled, template) the output must keep.
// The sizes are counted from the sheet XML as it streams out of the zip, so a sheet past the row limit
// is left out (and said) and a workbook past the cell limit refused before any of it is built in memory.
import JSZip from 'jszip';
import { InputError } from '../../engine/errors';
import { SIZE_LIMITS, TOO_LARGE } from '../../engine/messages';
import { attr } from './xml';
import { resolveTarget } from './package';

export interface WorkbookKind {
  /** The workbook part's content type is macro-enabled (.xlsm, .xltm): Excel opens it only as .xlsm. */
  macroEnabled: boolean;
  /** A template (.xltx, .xltm). */
  template: boolean;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (data: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);

/** Does an OLE compound file hold an encrypted package (a password to open)? Its directory names it. */
function holdsEncryptedPackage(data: Uint8Array): boolean {
  const name = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 512; i + name.length <= data.length; i++) {
    for (let k = 0; k < name.length; k++) if (data[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

export const FILE_PROBLEM = {
  empty: (name: string) => `${name} is empty (0 bytes): choose the saved workbook and run again.`,
  encrypted: (name: string) =>
    `${name} is protected with a password to open: remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password, clear it, save) and run again, or open it in Excel and use the SRO Portfolio add-in there.`,
  oldFormat: (name: string) =>
    `${name} is an Excel 97-2003 workbook (.xls) or another older Office file: open it in Excel, save it as "Excel Workbook" (.xlsx) and run again.`,
  notWorkbook: (name: string) =>
    `${name} is not an Excel workbook (.xlsx): save it as "Excel Workbook" and run again.`,
  damaged: (name: string) =>
    `${name} is damaged or incomplete: it starts like an Excel workbook but cannot be opened; save it again from Excel (or use an earlier copy) and run again.`,
  otherDocument: (name: string, what: string) =>
    `${name} is ${what}, not an Excel workbook: choose the workbook that holds the projects.`,
  unreadable: (name: string) =>
    `${name} could not be read as an Excel workbook (a part of it is not what Excel writes): open it in Excel, save it again and run again.`,
  noWorkbookPart: (name: string) =>
    `${name} is a zip file but not an Excel workbook (it has no workbook part): save the workbook from Excel as "Excel Workbook" (.xlsx) and run again.`,
} as const;

/** Opens the package, or says in one sentence why this file is not a workbook that can be read. */
export async function openPackage(
  data: Uint8Array,
  name: string,
): Promise<{ zip: JSZip; kind: WorkbookKind }> {
  if (data.length === 0) throw new InputError(FILE_PROBLEM.empty(name));
  if (startsWith(data, OLE_SIGNATURE))
    throw new InputError(
      holdsEncryptedPackage(data) ? FILE_PROBLEM.encrypted(name) : FILE_PROBLEM.oldFormat(name),
    );
  if (!startsWith(data, [0x50, 0x4b])) throw new InputError(FILE_PROBLEM.notWorkbook(name));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new InputError(FILE_PROBLEM.damaged(name));
  }
  if (!zip.file('xl/workbook.xml')) {
    if (zip.file('word/document.xml'))
      throw new InputError(FILE_PROBLEM.otherDocument(name, 'a Word document'));
    if (zip.file('ppt/presentation.xml'))
      throw new InputError(FILE_PROBLEM.otherDocument(name, 'a PowerPoint presentation'));
    throw new InputError(FILE_PROBLEM.noWorkbookPart(name));
  }
  const types = zip.file('[Content_Types].xml');
  const xml = types ? await types.async('string').catch(() => '') : '';
  const override = [...xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attr(tag, 'PartName') === '/xl/workbook.xml');
  const type = (override && attr(override, 'ContentType')) ?? '';
  return { zip, kind: { macroEnabled: /macroEnabled/i.test(type), template: /\.template\./i.test(type) } };
}

/** Each sheet's part path and name, from the workbook part and its relationships (prefixes allowed). */
async function sheetParts(zip: JSZip): Promise<{ part: string; name: string }[]> {
  const wb = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, resolveTarget('xl/workbook.xml', target));
  }
  const out: { part: string; name: string }[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const id = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (part && zip.file(part)) out.push({ part, name: attr(m[0], 'name') ?? part });
  }
  return out;
}

/** The streaming text of one part (JSZip has it at run time; its typings leave it out). */
interface Streamable {
  internalStream(type: 'string'): JSZip.JSZipStreamHelper<string>;
}

/**
 * Counts the rows that hold a value and the cells that do in one sheet's XML as it is inflated: the
 * XML is never held whole, only a chunk at a time.
 */
function countValues(file: JSZip.JSZipObject): Promise<{ rows: number; cells: number }> {
  const TOKEN = /<(?:[\w.-]+:)?(row|v|is)[\s>/]/g;
  return new Promise((resolve, reject) => {
    const stream = (file as unknown as Streamable).internalStream('string');
    let rows = 0;
    let cells = 0;
    let counted = false;
    let tail = '';
    stream.on('data', (chunk) => {
      const text = tail + chunk;
      for (const m of text.matchAll(TOKEN)) {
        // A token wholly inside the carried tail was counted with the chunk before.
        if (m.index + m[0].length <= tail.length) continue;
        if (m[1] === 'row') counted = false;
        else {
          cells++;
          if (!counted) rows++;
          counted = true;
        }
      }
      tail = text.slice(-24);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ rows, cells }));
    stream.resume();
  });
}

/** A sheet not read because it has more rows with values than SIZE_LIMITS.sheetRows. */
export interface SkippedSheet {
  name: string;
  /** Its sheet part, replaced by an empty sheet in the copy ExcelJS reads. */
  part: string;
  rows: number;
}

/**
 * The sheets past the row limit (not read: the run goes on without them), counted from the sheet XML
 * before anything is built; a workbook whose other sheets pass the cell limit is refused in one sentence.
 */
export async function checkSizes(zip: JSZip): Promise<SkippedSheet[]> {
  let total = 0;
  const skipped: SkippedSheet[] = [];
  for (const { part, name } of await sheetParts(zip)) {
    const counted = await countValues(zip.file(part)!);
    if (counted.rows > SIZE_LIMITS.sheetRows) {
      skipped.push({ name, part, rows: counted.rows });
      continue;
    }
    total += counted.cells;
    if (total > SIZE_LIMITS.workbookCells) throw new InputError(TOO_LARGE.workbookCells());
  }
  return skipped;
}

const rowCount = (n: number) => n.toLocaleString('en-US');

/** What the run says about a sheet it did not read, and why a run with no projects table left failed. */
export const SKIPPED_SHEET = {
  problem: (s: SkippedSheet) => `Sheet "${s.name}" has ${rowCount(s.rows)} rows with values: not read.`,
  assumption: `SRO Portfolio reads at most ${rowCount(SIZE_LIMITS.sheetRows)} rows on a sheet; its tables were left out (if the projects are on it, keep only the rows to score and run again).`,
  noProjects: (skipped: readonly SkippedSheet[]) =>
    `No projects table was found on the sheets that were read; ${skipped.map((s) => `sheet "${s.name}" (${rowCount(s.rows)} rows with values)`).join(' and ')} ${skipped.length === 1 ? 'was' : 'were'} not read, being past the ${rowCount(SIZE_LIMITS.sheetRows)} rows SRO Portfolio reads on a sheet: if the projects are there, keep only the rows to score (for example, without closed ones) and run again.`,
} as const;

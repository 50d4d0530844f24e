// The copy of a package that ExcelJS reads, with what other producers write and ExcelJS misreads put in
// the form it reads: absolute relationship targets (openpyxl: `/xl/tables/table1.xml`) made relative,
// a table's omitted headerRowCount (XlsxWriter, Excel: the default is 1) stated, and sheets past the
// row limit replaced by empty ones so they are never built in memory. Only this copy changes: the
// input's bytes, and the parts the writer keeps, are the user's as they were.
import JSZip from 'jszip';
import { attr } from './xml';

const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** The part a relationships part belongs to: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`. */
function sourceOf(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}

/** `to` (a package path without the leading slash) relative to the folder of part `from`. */
export function relativeTarget(from: string, to: string): string {
  const dir = from.split('/').slice(0, -1);
  const path = to.split('/');
  let common = 0;
  while (common < dir.length && common < path.length - 1 && dir[common] === path[common]) common++;
  return [...dir.slice(common).map(() => '..'), ...path.slice(common)].join('/');
}

/** A relationships part with its internal absolute targets made relative to its source part. */
export function relativeRels(relsPath: string, xml: string): string {
  const source = sourceOf(relsPath);
  return xml.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g, (tag) => {
    const target = attr(tag, 'Target');
    if (!target?.startsWith('/') || attr(tag, 'TargetMode') === 'External') return tag;
    return tag.replace(
      /(\sTarget=")[^"]*(")/,
      (_m, a: string, b: string) => `${a}${relativeTarget(source, target.slice(1))}${b}`,
    );
  });
}

/** A table part with headerRowCount stated when the producer left it to its default of 1. */
export function statedHeaderRow(xml: string): string {
  return xml.replace(/<((?:[\w.-]+:)?table)\b([^>]*)>/, (tag, name: string, rest: string) =>
    /\sheaderRowCount=/.test(rest) ? tag : `<${name} headerRowCount="1"${rest}>`,
  );
}

/**
 * The package as ExcelJS should read it, or null when it reads the original as it is. `emptied`: sheet
 * parts to read as empty (their relationships go too, so their tables and drawings are not read).
 */
export async function readerCopy(zip: JSZip, emptied: ReadonlySet<string>): Promise<Uint8Array | null> {
  let changed = false;
  for (const part of emptied) {
    zip.file(part, EMPTY_SHEET, { createFolders: false });
    const rels = part.replace(/([^/]+)$/, '_rels/$1.rels');
    if (zip.file(rels)) zip.remove(rels);
    changed = true;
  }
  for (const path of Object.keys(zip.files)) {
    const file = zip.files[path]!;
    if (file.dir) continue;
    const isRels = /(^|\/)_rels\/[^/]+\.rels$/.test(path);
    const isTable = /(^|\/)tables\/[^/]+\.xml$/.test(path);
    if (!isRels && !isTable) continue;
    const xml = await file.async('string');
    const next = isRels ? relativeRels(path, xml) : statedHeaderRow(xml);
    if (next !== xml) {
      zip.file(path, next, { createFolders: false });
      changed = true;
    }
  }
  if (!changed) return null;
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

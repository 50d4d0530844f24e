// Rules both writers share about the output sheets: where an earlier run's sheets are (their markers),
// the name each new sheet takes, and table names that do not clash with the workbook's.
import { markerKey, type LinkTarget, type SheetKey, type WorkbookReport } from '../report/model';

/** A sheet name quoted for a reference (`'SRO Summary'!A1`); quoting is always allowed. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Where a link of the report goes, as a sheet-qualified reference (`'SRO Ranking'!A1`). */
export function linkAddress(t: LinkTarget, names: Partial<Record<SheetKey, string>>): string {
  if ('sheetName' in t) return `${quoteSheet(t.sheetName)}!${t.cell}`;
  return `${quoteSheet(names[t.sheet] ?? t.sheet)}!${t.cell ?? 'A1'}`;
}

/** The sheet a defined name's reference points to (`'SRO Summary'!$A$1` → `SRO Summary`); null for `#REF!`. */
export function sheetOfReference(ref: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'#=]+))!\$?[A-Z]/i.exec(ref.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

/**
 * Output sheets of an earlier run: key → sheet name, from workbook-scoped markers that point at an
 * existing sheet. A marker whose sheet is gone (`#REF!`) owns nothing.
 */
export function ownedSheets(
  names: readonly { name: string; reference: string }[],
  sheets: readonly string[],
): Map<SheetKey, string> {
  const out = new Map<SheetKey, string>();
  for (const n of names) {
    const key = markerKey(n.name);
    const target = key ? sheetOfReference(n.reference) : null;
    const sheet = target ? sheets.find((s) => s.toLowerCase() === target.toLowerCase()) : undefined;
    if (key && sheet) out.set(key, sheet);
  }
  return out;
}

/**
 * The name each report sheet takes: its preferred name, or "SRO Ranking (2)" when a sheet that stays
 * (a user's, or anything the run does not replace) already has it. `remaining` are the sheet names left
 * after the run's own old sheets are removed.
 */
export function outputSheetNames(
  report: WorkbookReport,
  remaining: readonly string[],
): Partial<Record<SheetKey, string>> {
  const taken = new Set(remaining.map((s) => s.toLowerCase()));
  const names: Partial<Record<SheetKey, string>> = {};
  for (const sheet of report.sheets) {
    let name = sheet.name;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${sheet.name} (${k})`;
    taken.add(name.toLowerCase());
    names[sheet.key] = name;
  }
  return names;
}

/** A table name not in `taken` (lower-case names of tables and defined names), which it then joins. */
export function freeTableName(preferred: string, taken: Set<string>): string {
  let name = preferred;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${preferred}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

// Rules both writers share about the output sheets: where an earlier run's sheets are (their markers, see
// marker.ts), what the run keeps and says so, the name each new sheet takes, and table names that do not
// clash with the workbook's.
import { SHEET_NAMES, type LinkTarget, type SheetKey, type WorkbookReport } from '../report/model';
import { legacyMarkerKey, parseMarker } from './marker';

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

/** A defined name as either adapter reads it. */
export interface NameInfo {
  name: string;
  /** What it refers to, as Excel writes it (`'SRO Summary'!$A$1`, with or without the `=`). */
  reference: string;
  /** Hidden from Name Manager (only code can hide a name). Pass workbook-scoped names only. */
  hidden: boolean;
  comment?: string;
}

/** What an earlier run left in the workbook, found by its markers (see marker.ts). */
export interface EarlierOutputs {
  /** Sheets this run replaces: marker, sheet name and the marker's target agree. */
  replace: Set<string>;
  /** Every sheet an earlier run wrote, renamed or not, with its role: never read as input. */
  written: Map<string, SheetKey>;
  /** Markers to delete (lower-case names): those of replaced sheets and those whose sheet is gone. */
  dropNames: Set<string>;
  /** Sheets an earlier run wrote that the user has renamed since: theirs now, kept. */
  renamed: { sheet: string; key: SheetKey }[];
}

/** Did an earlier-scheme output keep the name it was written under ("SRO Ranking" or "SRO Ranking (2)")? */
function legacyAgrees(key: SheetKey, sheet: string): boolean {
  const name = SHEET_NAMES[key].toLowerCase();
  const s = sheet.toLowerCase();
  return s === name || (s.startsWith(`${name} (`) && /^ \(\d+\)$/.test(s.slice(name.length)));
}

/**
 * The output sheets of earlier runs, from workbook-scoped markers: this scheme's (the check must match
 * the sheet's name) and the earlier one's (hidden, and the sheet still has an output sheet's name). Any
 * other name, whatever it is called, is the user's and owns nothing.
 */
export function earlierOutputs(names: readonly NameInfo[], sheets: readonly string[]): EarlierOutputs {
  const out: EarlierOutputs = { replace: new Set(), written: new Map(), dropNames: new Set(), renamed: [] };
  for (const n of names) {
    const marker = parseMarker(n.name);
    const key = marker?.key ?? legacyMarkerKey(n.name, n.hidden, n.comment);
    if (!key) continue;
    const target = sheetOfReference(n.reference);
    const sheet = target ? sheets.find((s) => s.toLowerCase() === target.toLowerCase()) : undefined;
    if (!sheet) {
      out.dropNames.add(n.name.toLowerCase());
      continue;
    }
    out.written.set(sheet, key);
    if (marker ? marker.agrees(sheet) : legacyAgrees(key, sheet)) {
      out.replace.add(sheet);
      out.dropNames.add(n.name.toLowerCase());
    } else if (!out.renamed.some((r) => r.sheet === sheet)) out.renamed.push({ sheet, key });
  }
  // A sheet one marker replaces is not "renamed" because another, older marker disagrees.
  out.renamed = out.renamed.filter((r) => !out.replace.has(r.sheet));
  return out;
}

const role = (key: SheetKey) => SHEET_NAMES[key].replace(/^SRO /, '').toLowerCase();

/** What the run says about the sheets it kept: renamed outputs, and user sheets that hold an output's name. */
export function keptSheetNotes(
  earlier: EarlierOutputs,
  report: WorkbookReport,
  names: Partial<Record<SheetKey, string>>,
): string[] {
  const notes = earlier.renamed.map(
    (r) => `Kept "${r.sheet}": an earlier run's ${role(r.key)} sheet, renamed since, so it is yours now.`,
  );
  for (const sheet of report.sheets) {
    const got = names[sheet.key];
    if (got && got !== sheet.name)
      notes.push(
        `Kept "${sheet.name}": SRO Portfolio did not write it (or not under that name), so this run's ${role(sheet.key)} is on "${got}".`,
      );
  }
  return notes;
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

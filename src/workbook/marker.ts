// The ownership marker of an output sheet (SPEC §5.2), the same in both adapters: a hidden,
// workbook-scoped defined name that refers to the sheet's A1 and whose name carries a stamp only the
// add-in writes — the sheet's role, a random run id, and a check over both and the sheet's name as
// written:
//
//     SRO_Output_Ranking_k3j9x2q8_1xq0f7a   →   ='SRO Ranking'!$A$1
//
// Excel keeps the reference on the sheet when it is renamed or moved, so the marker's target is always
// the sheet it was written on; the check says under which name. A sheet is the add-in's to replace only
// when the three agree: a well-formed marker, its target, and a check that matches the target's name
// now. A renamed output sheet is the user's from then on (kept, never read as input); a name a user
// typed never has the check, so it owns nothing.
import { SHEET_ORDER, type SheetKey } from '../report/model';

export const MARKER_PREFIX = 'SRO_Output_';

const capital = (key: SheetKey) => `${key.charAt(0).toUpperCase()}${key.slice(1)}`;

/** 32-bit FNV-1a over UTF-16 code units, in base 36: a check, not a secret. */
function check(run: string, key: SheetKey, sheet: string): string {
  let h = 0x811c9dc5;
  const text = `${run}|${key}|${sheet}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Eight random base-36 characters, one per run (all of a run's markers share it). */
export function newRunId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => (b % 36).toString(36)).join('');
}

/** The marker of output sheet `key`, written as `sheet` in run `run`. */
export function markerName(key: SheetKey, run: string, sheet: string): string {
  return `${MARKER_PREFIX}${capital(key)}_${run}_${check(run, key, sheet)}`;
}

/** What Name Manager shows beside the marker. */
export function markerComment(sheet: string): string {
  return `SRO Portfolio output, written as "${sheet}": the add-in replaces this sheet when it runs again, unless it is renamed.`;
}

export interface Marker {
  key: SheetKey;
  /** The check matches `sheet`: the sheet still has the name it was written under. */
  agrees: (sheet: string) => boolean;
}

/** A marker name's parts, or null for any other defined name. */
export function parseMarker(name: string): Marker | null {
  const m = /^SRO_Output_([A-Za-z]+)_([0-9a-z]{8})_([0-9a-z]{1,7})$/i.exec(name);
  const key = m ? SHEET_ORDER.find((k) => capital(k).toLowerCase() === m[1]!.toLowerCase()) : undefined;
  if (!m || !key) return null;
  const run = m[2]!.toLowerCase();
  const stamp = m[3]!.toLowerCase();
  return { key, agrees: (sheet) => check(run, key, sheet) === stamp };
}

/** The comment the add-in put on its markers before this scheme (Office.js adapter). */
export const LEGACY_COMMENT = 'SRO Portfolio output: the add-in replaces this sheet when it runs again.';

/**
 * A marker of the earlier scheme (`SRO_Output_Ranking` → the sheet), which a user's own name can look
 * like: it counts only when it is hidden (Excel's interface cannot hide a name) or carries the add-in's
 * comment. Null for anything else.
 */
export function legacyMarkerKey(name: string, hidden: boolean, comment: string | undefined): SheetKey | null {
  if (!hidden && comment !== LEGACY_COMMENT) return null;
  return (
    SHEET_ORDER.find((k) => `${MARKER_PREFIX}${capital(k)}`.toLowerCase() === name.toLowerCase()) ?? null
  );
}

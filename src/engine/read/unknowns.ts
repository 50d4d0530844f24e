// Cells that say a figure is not known: withheld under a freedom-of-information exemption, or marked
// "Not Available", "TBC", "n/a". A figure like that is unknown, never 0 (SPEC §3.2).
import type { CellValue } from '../model';

/** Why a cell holds no figure although it says something: withheld (an FOI exemption) or not available. */
export type UnknownText = 'withheld' | 'notAvailable';

const FOI_RE =
  /\bexempt(ion|ed)?\b|\bfreedom of information\b|\bfoi(a)?\b|\bsection\s+\d+[a-z]?\b|\bs\.?\s?\d+\s*(foi|exempt)|\bwithheld\b|\bredacted\b|\bcommercially sensitive\b/i;
const NOT_AVAILABLE_RE =
  /^(n\/?a|n\.a\.|na|tbc|tbd|tba|to be (confirmed|determined|agreed)|not (available|known|applicable|provided|yet (known|available|agreed)|set|reported|disclosed|published)|data not (provided|available)|unknown|none|nil|null|pending|-{1,2}|—|–|\?+)\.?$/i;

/** Whether a text cell withholds a figure (an FOI exemption) or says it is not available; null otherwise. */
export function unknownText(v: CellValue): UnknownText | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (!s) return null;
  if (FOI_RE.test(s)) return 'withheld';
  if (NOT_AVAILABLE_RE.test(s)) return 'notAvailable';
  return null;
}

/** The section number a withheld cell names ("43"), or null. */
export function exemptionSection(text: string): string | null {
  return /\bsection\s+(\d+[a-z]?)/i.exec(text)?.[1] ?? null;
}

/** The exemption a withheld cell names, in a few words ("Section 43 of the FOI Act"), or null. */
export function exemptionName(text: string): string | null {
  const section = /\bsection\s+(\d+[a-z]?)/i.exec(text);
  if (section) return `Section ${section[1]} of the Freedom of Information Act`;
  if (/freedom of information|\bfoi/i.test(text)) return 'the Freedom of Information Act';
  return null;
}

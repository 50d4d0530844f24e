// CSV records as Excel reads them: fields separated by `,`, `;` or a tab (detected, or named by the
// `sep=;` first line Excel writes and reads), a field in double quotes may hold separators, line breaks
// and doubled quotes (""), records end at CRLF, LF or CR. A quote inside an unquoted field is a character.

export type Separator = ',' | ';' | '\t';

const CANDIDATES: readonly Separator[] = [',', ';', '\t'];

/** A first line such as `sep=;` (Excel's hint, optionally quoted): the separator and where the data starts. */
function sepLine(text: string): { sep: Separator; start: number } | null {
  const m = /^"?sep=(.)"?[^\S\r\n]*(\r\n|\n|\r|$)/i.exec(text);
  if (!m || !CANDIDATES.includes(m[1] as Separator)) return null;
  return { sep: m[1] as Separator, start: m[0].length };
}

/**
 * Calls `onRecord` with each record's fields, in order, from `start`; stops early when it returns false.
 * Blank lines are records with one empty field.
 */
export function eachRecord(
  text: string,
  sep: Separator,
  onRecord: (fields: string[]) => boolean | void,
  start = 0,
): void {
  let fields: string[] = [];
  let field = '';
  let i = start;
  const n = text.length;
  // Whether a record has begun since the last line break.
  let pending = false;
  while (i < n) {
    const ch = text[i]!;
    pending = true;
    if (ch === '"' && field === '') {
      // A quoted field: up to the quote that is not doubled.
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value += text.slice(j);
          j = n;
          break;
        }
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      field = value;
      i = j;
      // Anything between the closing quote and the separator belongs to the field (Excel keeps it).
      while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (ch === sep) {
      fields.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      if (onRecord(fields) === false) return;
      fields = [];
      field = '';
      pending = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Plain text up to the next separator, quote-free run.
      let j = i + 1;
      while (j < n && text[j] !== sep && text[j] !== '\n' && text[j] !== '\r') j++;
      field += text.slice(i, j);
      i = j;
    }
  }
  // The last record, unless the text ended with a line break.
  if (pending) {
    fields.push(field);
    onRecord(fields);
  }
}

/** Records sampled to detect the separator. */
const SAMPLE = 50;

/**
 * The separator that splits the first records most consistently into two or more fields: the count of
 * records that have the most common field count. Ties go to the wider split, then to `,`.
 */
export function detectSeparator(text: string): { sep: Separator; start: number; declared: boolean } {
  const declared = sepLine(text);
  if (declared) return { ...declared, declared: true };
  let best: { sep: Separator; agree: number; width: number } = { sep: ',', agree: 0, width: 1 };
  for (const sep of CANDIDATES) {
    const widths = new Map<number, number>();
    let seen = 0;
    eachRecord(text, sep, (fields) => {
      if (fields.length > 1 || fields[0] !== '')
        widths.set(fields.length, (widths.get(fields.length) ?? 0) + 1);
      return ++seen < SAMPLE;
    });
    for (const [width, agree] of widths) {
      if (width < 2) continue;
      if (agree > best.agree || (agree === best.agree && width > best.width)) best = { sep, agree, width };
    }
  }
  return { sep: best.sep, start: 0, declared: false };
}

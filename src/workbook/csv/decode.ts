// The text of a CSV file: a byte-order mark names the encoding (UTF-8, UTF-16 as Excel's "Unicode
// Text" writes it); without one, UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel on
// Windows writes for "CSV (Comma delimited)", and what most published exports are in).

export type CsvEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1). Written out because Node's
 * TextDecoder('windows-1252') decodes these bytes as Latin-1 control characters (€ would be lost).
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(data: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(data)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

const has = (data: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);

export function decodeCsv(data: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (has(data, [0xef, 0xbb, 0xbf]))
    return { text: new TextDecoder('utf-8').decode(data.subarray(3)), encoding: 'UTF-8 with BOM' };
  if (has(data, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'UTF-16LE' };
  if (has(data, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'UTF-8' };
  } catch {
    // Every byte is a character in Windows-1252 (the five it leaves undefined decode as C1 controls).
    return { text: decodeWindows1252(data), encoding: 'Windows-1252' };
  }
}

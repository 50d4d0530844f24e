// The text of a CSV file: a byte-order mark names the encoding (UTF-8, UTF-16 as Excel's "Unicode
// Text" writes it); without one, UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel on
// Windows writes for "CSV (Comma delimited)", and what most published exports are in).

export type CsvEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

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
    return { text: new TextDecoder('windows-1252').decode(data), encoding: 'Windows-1252' };
  }
}

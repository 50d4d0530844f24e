// A1-style addresses, so a data issue can name the cell a user has to fix.

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Sheet!A1:B2 with the sheet name quoted when Excel needs it. */
export function rangeAddress(sheet: string, row1: number, col1: number, row2: number, col2: number): string {
  const q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${columnLetter(col1)}${row1}:${columnLetter(col2)}${row2}`;
}

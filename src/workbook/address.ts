// A1 addresses as Excel files and the Excel JavaScript API give them (`'My Sheet'!B3:F40`, `$A$1:$C$9`).
import { columnLetter, columnNumber } from '../engine/address';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `'My Sheet'!B3:F40` → sheet and 1-based area. */
export function parseAddress(address: string): { sheet: string | null; area: Area } {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(
    address.trim(),
  );
  if (!m) throw new Error(`Unreadable range reference ${address}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  const left = columnNumber(m[3]!);
  const top = Number(m[4]);
  return {
    sheet,
    area: { top, left, right: m[5] ? columnNumber(m[5]) : left, bottom: m[6] ? Number(m[6]) : top },
  };
}

/** `B3:F40` (no sheet) for a 1-based area. */
export function areaAddress(a: Area): string {
  return `${columnLetter(a.left)}${a.top}:${columnLetter(a.right)}${a.bottom}`;
}

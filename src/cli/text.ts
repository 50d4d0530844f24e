// Plain-text tables for the terminal: the demo and `sro` print the same way.
import { maxOf } from '../engine/extremes';

export interface TextColumn<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
  max?: number;
}

export function textTable<T>(rows: readonly T[], columns: readonly TextColumn<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => clip(c.value(r), c.max)));
  const widths = columns.map((c, i) => Math.max(c.header.length, maxOf(cells.map((row) => row[i]!.length))));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.map(line),
  ].join('\n');
}

function clip(s: string, max?: number): string {
  return max && s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

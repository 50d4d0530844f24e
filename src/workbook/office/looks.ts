// The report's named looks (shared with the .xlsx writer) applied to a range's format.
import type { CellStyle } from '../looks';

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

/** A colour of the report model (`1F3864`) as Office.js takes it. */
export function hex(color: string): string {
  return `#${color}`;
}

/** True when the style sets nothing (no call to make). */
export function isPlain(s: CellStyle): boolean {
  return !s.font && !s.fill && !s.border && !s.align;
}

export function applyLook(format: Excel.RangeFormat, s: CellStyle): void {
  if (s.font) {
    const { bold, italic, underline, size, color } = s.font;
    if (bold !== undefined) format.font.bold = bold;
    if (italic !== undefined) format.font.italic = italic;
    if (underline !== undefined) format.font.underline = underline ? 'Single' : 'None';
    if (size !== undefined) format.font.size = size;
    if (color !== undefined) format.font.color = hex(color);
  }
  if (s.fill) format.fill.color = hex(s.fill);
  if (s.align) {
    if (s.align.horizontal) format.horizontalAlignment = H_ALIGN[s.align.horizontal];
    if (s.align.vertical) format.verticalAlignment = V_ALIGN[s.align.vertical];
    if (s.align.wrap !== undefined) format.wrapText = s.align.wrap;
  }
  if (s.border) {
    const edge = format.borders.getItem('EdgeBottom');
    edge.style = 'Continuous';
    edge.weight = s.border.bottom.style === 'medium' ? 'Medium' : 'Thin';
    edge.color = hex(s.border.bottom.color);
  }
}

/**
 * A column width in characters of the default font (the report model's unit, as in .xlsx files) in
 * points, Office.js's unit: Excel draws n characters in 7n + 5 pixels at 96 dpi, and a point is 4/3 px.
 */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

// The look of each named style of the report model, shared by both writers (.xlsx and Office.js) so the
// output looks the same whichever wrote it.
import type { StyleName } from '../report/model';

export interface CellStyle {
  font?: { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; color?: string };
  /** Solid background colour. */
  fill?: string;
  border?: { bottom: { style: 'thin' | 'medium'; color: string } };
  align?: {
    horizontal?: 'left' | 'center' | 'right';
    vertical?: 'top' | 'center' | 'bottom';
    wrap?: boolean;
  };
}

const NAVY = '1F3864';
const GREY = '595959';
const TILE = 'DEEAF6';

export const STYLES: Record<StyleName, CellStyle> = {
  title: { font: { size: 18, bold: true, color: NAVY } },
  subtitle: { font: { size: 10, italic: true, color: GREY } },
  heading: {
    font: { size: 12, bold: true, color: NAVY },
    border: { bottom: { style: 'medium', color: NAVY } },
  },
  label: { font: { bold: true, color: GREY } },
  kpiLabel: { font: { size: 9, bold: true, color: GREY }, fill: TILE, align: { horizontal: 'center' } },
  kpiValue: {
    font: { size: 20, bold: true, color: NAVY },
    fill: TILE,
    align: { horizontal: 'center', vertical: 'center' },
  },
  kpiNote: {
    font: { size: 9, color: GREY },
    fill: TILE,
    align: { horizontal: 'center', vertical: 'top', wrap: true },
  },
  note: { font: { size: 9, italic: true, color: GREY } },
  header: {
    font: { bold: true, color: 'FFFFFF' },
    fill: '2F5597',
    align: { wrap: true, vertical: 'center' },
  },
  bold: { font: { bold: true } },
  good: { font: { bold: true, color: '375623' } },
  bad: { font: { bold: true, color: 'C00000' } },
  link: { font: { underline: true, color: '0563C1' } },
  left: { align: { horizontal: 'left' } },
  wrap: { align: { wrap: true, vertical: 'top' } },
};

/** Header cells of an Excel table: the table style colours them; this keeps them bold and wrapped. */
export const TABLE_HEADER: CellStyle = { font: { bold: true }, align: { wrap: true, vertical: 'bottom' } };

/** Conditional-format looks: the light red / green / amber Excel offers by default. */
export const CF_STYLES: Record<'good' | 'bad' | 'warning', { font: string; fill: string }> = {
  good: { font: '006100', fill: 'C6EFCE' },
  bad: { font: '9C0006', fill: 'FFC7CE' },
  warning: { font: '9C5700', fill: 'FFEB9C' },
};

/** Later styles win, property by property (a link inside a header row keeps the header's fill). */
export function mergeStyles(...styles: (CellStyle | undefined)[]): CellStyle {
  const out: CellStyle = {};
  for (const s of styles) {
    if (!s) continue;
    if (s.font) out.font = { ...out.font, ...s.font };
    if (s.fill) out.fill = s.fill;
    if (s.border) out.border = s.border;
    if (s.align) out.align = { ...out.align, ...s.align };
  }
  return out;
}

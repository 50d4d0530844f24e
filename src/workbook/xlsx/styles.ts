// The look of each named style of the report model in ExcelJS terms (the Office.js writer maps the
// same names to the same fonts and fills).
import type ExcelJS from 'exceljs';
import type { StyleName } from '../../report/model';

const argb = (hex: string): { argb: string } => ({ argb: `FF${hex}` });

const NAVY = '1F3864';
const GREY = '595959';

export const STYLES: Record<StyleName, Partial<ExcelJS.Style>> = {
  title: { font: { size: 18, bold: true, color: argb(NAVY) } },
  subtitle: { font: { size: 10, italic: true, color: argb(GREY) } },
  heading: {
    font: { size: 12, bold: true, color: argb(NAVY) },
    border: { bottom: { style: 'medium', color: argb(NAVY) } },
  },
  label: { font: { bold: true, color: argb(GREY) } },
  kpiLabel: {
    font: { size: 9, bold: true, color: argb(GREY) },
    fill: { type: 'pattern', pattern: 'solid', fgColor: argb('DEEAF6') },
    alignment: { horizontal: 'center' },
  },
  kpiValue: {
    font: { size: 20, bold: true, color: argb(NAVY) },
    fill: { type: 'pattern', pattern: 'solid', fgColor: argb('DEEAF6') },
    alignment: { horizontal: 'center', vertical: 'middle' },
  },
  kpiNote: {
    font: { size: 9, color: argb(GREY) },
    fill: { type: 'pattern', pattern: 'solid', fgColor: argb('DEEAF6') },
    alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
  },
  note: { font: { size: 9, italic: true, color: argb(GREY) }, alignment: { wrapText: false } },
  header: {
    font: { bold: true, color: argb('FFFFFF') },
    fill: { type: 'pattern', pattern: 'solid', fgColor: argb('2F5597') },
    alignment: { wrapText: true, vertical: 'middle' },
  },
  bold: { font: { bold: true } },
  good: { font: { color: argb('375623'), bold: true } },
  bad: { font: { color: argb('C00000'), bold: true } },
  link: { font: { color: argb('0563C1'), underline: true } },
  left: { alignment: { horizontal: 'left' } },
  wrap: { alignment: { wrapText: true, vertical: 'top' } },
};

/** Fills and fonts of conditional formats: the light red / green / amber Excel offers by default. */
export const CF_STYLES: Record<'good' | 'bad' | 'warning', Partial<ExcelJS.Style>> = {
  good: {
    font: { color: argb('006100') },
    fill: { type: 'pattern', pattern: 'solid', bgColor: argb('C6EFCE') },
  },
  bad: {
    font: { color: argb('9C0006') },
    fill: { type: 'pattern', pattern: 'solid', bgColor: argb('FFC7CE') },
  },
  warning: {
    font: { color: argb('9C5700') },
    fill: { type: 'pattern', pattern: 'solid', bgColor: argb('FFEB9C') },
  },
};

/** Header cells of an Excel table: the table style colours them; this keeps them bold and wrapped. */
export const TABLE_HEADER: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { wrapText: true, vertical: 'bottom' },
};

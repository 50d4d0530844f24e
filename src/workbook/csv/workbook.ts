// The workbook a CSV run writes: a new .xlsx package holding the file's data on one sheet (named after
// the file), to which the writer then adds the SRO sheets. A field becomes a number only where no
// reading of it could differ — a plain integer, or a decimal with a point in a file separated by commas
// or tabs (a `;` file may use the point for thousands) — and keeps its text otherwise ("£1,200", "12%",
// "007", dates, ids longer than 15 digits), as the file holds it. Text is never written as a formula.
import JSZip from 'jszip';
import { columnLetter } from '../../engine/address';
import { xmlText, escapeXml } from '../xlsx/xml';
import type { Separator } from './parse';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;
const DECIMAL = /^-?(?:0|[1-9]\d{0,14})\.\d{1,15}$/;

/** The number a field is written as, or null when it stays text. */
export function csvNumber(field: string, sep: Separator): number | null {
  if (INTEGER.test(field) || (sep !== ';' && DECIMAL.test(field))) {
    const x = Number(field);
    return Number.isFinite(x) ? x : null;
  }
  return null;
}

function sheetXml(rows: readonly string[][], sep: Separator): string {
  const out: string[] = [];
  let right = 0;
  let bottom = 0;
  rows.forEach((fields, i) => {
    const r = i + 1;
    const cells: string[] = [];
    fields.forEach((f, k) => {
      if (f.trim() === '') return;
      const ref = `${columnLetter(k + 1)}${r}`;
      const x = csvNumber(f, sep);
      cells.push(
        x !== null
          ? `<c r="${ref}"><v>${x}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(f)}</t></is></c>`,
      );
      right = Math.max(right, k + 1);
      bottom = r;
    });
    if (cells.length) out.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const dimension = bottom ? `A1:${columnLetter(right)}${bottom}` : 'A1';
  return (
    `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<sheetData>${out.join('')}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

const STYLES =
  `${HEAD}<styleSheet xmlns="${NS}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

/** A new package with the CSV's rows on sheet `sheet` (the input of the report writer). */
export function csvWorkbook(sheet: string, rows: readonly string[][], sep: Separator): Promise<Uint8Array> {
  const zip = new JSZip();
  const put = (path: string, xml: string) => zip.file(path, xml, { createFolders: false });
  put(
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `</Types>`,
  );
  put(
    '_rels/.rels',
    `${HEAD}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    'xl/workbook.xml',
    `${HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets><sheet name="${escapeXml(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `${HEAD}<Relationships xmlns="${NS_PKG}">` +
      `<Relationship Id="rId1" Type="${NS_R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${NS_R}/styles" Target="styles.xml"/></Relationships>`,
  );
  put('xl/styles.xml', STYLES);
  put('xl/worksheets/sheet1.xml', sheetXml(rows, sep));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

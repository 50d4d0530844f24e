// The .xlsx package as parts, relationships and content types (Open Packaging Conventions), so output
// sheets can be added and removed while every other part of the user's file stays byte for byte.
import JSZip from 'jszip';
import { attr, attrs, escapeXml } from './xml';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds it (`../tables/table1.xml`). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export class XlsxPackage {
  private contentTypes = '';

  private constructor(private readonly zip: JSZip) {}

  static async load(data: Uint8Array): Promise<XlsxPackage> {
    const pkg = new XlsxPackage(await JSZip.loadAsync(data));
    const types = pkg.zip.file('[Content_Types].xml');
    if (!types || !pkg.zip.file('xl/workbook.xml')) throw new Error('The package has no workbook part.');
    pkg.contentTypes = await types.async('string');
    return pkg;
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  async read(path: string): Promise<string> {
    const f = this.zip.file(path);
    if (!f) throw new Error(`The package has no part ${path}.`);
    return f.async('string');
  }

  write(path: string, content: string): void {
    // No folder entries: a package lists parts only (Excel ignores folder entries; checkers note them).
    this.zip.file(path, content, { createFolders: false });
  }

  /** Removes a part with its relationships part and content-type override. */
  remove(path: string): void {
    this.zip.remove(path);
    this.zip.remove(relsPathOf(path));
    this.contentTypes = this.contentTypes.replace(
      new RegExp(`<Override\\b[^>]*PartName="/${escapeRegExp(escapeXml(path))}"[^>]*/>`, 'g'),
      '',
    );
  }

  /** Every part path (files only). */
  paths(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p]!.dir);
  }

  async rels(part: string): Promise<Relationship[]> {
    const path = relsPathOf(part);
    if (!this.has(path)) return [];
    const xml = await this.read(path);
    return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
      id: attr(m[0], 'Id') ?? '',
      type: attr(m[0], 'Type') ?? '',
      target: attr(m[0], 'Target') ?? '',
      external: attr(m[0], 'TargetMode') === 'External',
    }));
  }

  writeRels(part: string, rels: readonly Relationship[]): void {
    const body = rels
      .map(
        (r) =>
          `<Relationship${attrs({ Id: r.id, Type: r.type, Target: r.target, TargetMode: r.external ? 'External' : undefined })}/>`,
      )
      .join('');
    this.write(
      relsPathOf(part),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">${body}</Relationships>`,
    );
  }

  /** Adds relationships to a part's existing ones; returns their ids, in order. */
  async addRels(part: string, add: readonly Omit<Relationship, 'id'>[]): Promise<string[]> {
    const rels = await this.rels(part);
    const used = new Set(rels.map((r) => r.id));
    const ids: string[] = [];
    let n = 1;
    for (const r of add) {
      while (used.has(`rId${n}`)) n++;
      const id = `rId${n}`;
      used.add(id);
      ids.push(id);
      rels.push({ ...r, id });
    }
    this.writeRels(part, rels);
    return ids;
  }

  setContentType(path: string, type: string): void {
    if (this.contentTypes.includes(`PartName="/${escapeXml(path)}"`)) return;
    this.contentTypes = this.contentTypes.replace(
      '</Types>',
      () => `<Override PartName="/${escapeXml(path)}" ContentType="${type}"/></Types>`,
    );
  }

  /** A template's workbook part becomes a workbook's (a template cannot be opened under .xlsx or .xlsm). */
  untemplate(): void {
    this.contentTypes = this.contentTypes
      .replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      )
      .replace(
        'application/vnd.ms-excel.template.macroEnabled.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      );
  }

  /** The first free `prefix{n}suffix` path, n from 1, also avoiding paths reserved in this run. */
  freePath(prefix: string, suffix: string, reserved: ReadonlySet<string> = new Set()): string {
    for (let n = 1; ; n++) {
      const p = `${prefix}${n}${suffix}`;
      if (!this.has(p) && !reserved.has(p)) return p;
    }
  }

  async generate(): Promise<Uint8Array> {
    this.zip.file('[Content_Types].xml', this.contentTypes, { createFolders: false });
    return this.zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

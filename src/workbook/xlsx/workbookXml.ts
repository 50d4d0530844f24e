// The workbook part (xl/workbook.xml) as far as output sheets touch it: the sheet list and the defined
// names, edited in place so everything else the user's file holds is kept as written.
import { attr, attrs, escapeXml, unescapeXml } from './xml';
import { maxOf } from '../../engine/extremes';

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The relationship id of a `<sheet>`, whatever prefix the producer bound to the relationships namespace. */
function sheetRId(tag: string): string {
  return /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1] ?? '';
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** The element as found (or as built), kept verbatim for unchanged sheets. */
  xml: string;
}

export interface DefinedName {
  name: string;
  /** Index of the sheet the name is local to, in `sheets` order. */
  localSheetId?: number;
  /** The start tag's other attributes, verbatim. */
  rest: string;
  value: string;
}

export class WorkbookXml {
  sheets: SheetEntry[];
  names: DefinedName[];
  readonly date1904: boolean;
  private removedIndexes: number[] = [];

  constructor(private xml: string) {
    if (!/<workbook[\s>]/.test(xml))
      throw new Error('The workbook part uses a namespace prefix this writer does not handle.');
    const sheets = /<sheets>([\s\S]*?)<\/sheets>/.exec(xml)?.[1] ?? '';
    this.sheets = [...sheets.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => ({
      name: attr(m[0], 'name') ?? '',
      sheetId: Number(attr(m[0], 'sheetId')),
      rId: sheetRId(m[0]),
      xml: m[0],
    }));
    const names = /<definedNames>([\s\S]*?)<\/definedNames>/.exec(xml)?.[1] ?? '';
    this.names = [...names.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
      const local = attr(m[1]!, 'localSheetId');
      return {
        name: attr(m[1]!, 'name') ?? '',
        ...(local !== undefined ? { localSheetId: Number(local) } : {}),
        rest: m[1]!.replace(/\s(name|localSheetId)="[^"]*"/g, ''),
        value: unescapeXml(m[2]!),
      };
    });
    this.date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(xml);
  }

  /** Removes a sheet: names local to it go, later local names shift down by one. */
  removeSheet(index: number): SheetEntry {
    const [entry] = this.sheets.splice(index, 1);
    this.names = this.names
      .filter((n) => n.localSheetId !== index)
      .map((n) =>
        n.localSheetId !== undefined && n.localSheetId > index
          ? { ...n, localSheetId: n.localSheetId - 1 }
          : n,
      );
    this.removedIndexes.push(index);
    return entry!;
  }

  addSheet(name: string, rId: string): SheetEntry {
    const sheetId = Math.max(0, maxOf(this.sheets.map((s) => s.sheetId))) + 1;
    // The prefix r is declared on the root (see toXml), unless the root binds r to something else.
    const local = this.rootBindsROtherwise() ? { 'xmlns:r': NS_R } : {};
    const entry = { name, sheetId, rId, xml: `<sheet${attrs({ ...local, name, sheetId, 'r:id': rId })}/>` };
    this.sheets.push(entry);
    return entry;
  }

  addName(
    name: string,
    value: string,
    options: { localSheetId?: number; hidden?: boolean; comment?: string } = {},
  ): void {
    this.names.push({
      name,
      ...(options.localSheetId !== undefined ? { localSheetId: options.localSheetId } : {}),
      rest: attrs({ comment: options.comment, hidden: options.hidden ? 1 : undefined }),
      value,
    });
  }

  private rootTag(): string {
    return /<workbook\b[^>]*>/.exec(this.xml)?.[0] ?? '';
  }

  private rootBindsROtherwise(): boolean {
    const bound = attr(this.rootTag(), 'xmlns:r');
    return bound !== undefined && bound !== NS_R;
  }

  /**
   * The root start tag with the relationships prefix declared: openpyxl declares `xmlns:r` on each of
   * its `<sheet>` elements instead, which leaves the `r:id` of a sheet added here unbound.
   */
  private rootWithR(xml: string): string {
    const root = this.rootTag();
    if (attr(root, 'xmlns:r') !== undefined) return xml;
    return xml.replace(root, () => root.replace(/^<workbook\b/, `<workbook xmlns:r="${NS_R}"`));
  }

  toXml(): string {
    let xml = this.rootWithR(this.xml).replace(
      /<sheets>[\s\S]*?<\/sheets>/,
      () => `<sheets>${this.sheets.map((s) => s.xml).join('')}</sheets>`,
    );
    const names = this.names
      .map(
        (n) =>
          `<definedName${attrs({ name: n.name })}${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ''}${n.rest}>${escapeXml(n.value)}</definedName>`,
      )
      .join('');
    const block = names ? `<definedNames>${names}</definedNames>` : '';
    if (/<definedNames>[\s\S]*?<\/definedNames>/.test(xml))
      xml = xml.replace(/<definedNames>[\s\S]*?<\/definedNames>/, () => block);
    else if (/<definedNames\/>/.test(xml)) xml = xml.replace(/<definedNames\/>/, () => block);
    else {
      // Schema order: sheets, functionGroups, externalReferences, definedNames.
      const after = ['</externalReferences>', '</functionGroups>', '</sheets>'].find((t) => xml.includes(t))!;
      xml = xml.replace(after, () => `${after}${block}`);
    }
    // The active and first visible tab must still exist after sheets were removed.
    if (this.removedIndexes.length)
      xml = xml.replace(/<workbookView\b[^>]*>/g, (tag) =>
        tag.replace(/\s(activeTab|firstSheet)="(\d+)"/g, (all, key: string, v: string) =>
          Number(v) >= this.sheets.length ? ` ${key}="0"` : all,
        ),
      );
    return xml;
  }
}

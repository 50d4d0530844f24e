// Adds the output's cell formats to the workbook's styles part (xl/styles.xml): each distinct look and
// number format becomes one cell format (xf) appended after the user's, whose indexes never change. An
// entry the part already holds with the same content (an earlier run's, found by content, never by
// index) is used again, so scoring an output again does not grow the part.
import type { CellStyle } from '../looks';
import { attr, attrs, escapeXml } from './xml';

/** Excel's built-in number formats the output uses (ids below 164 need no declaration). */
const BUILTIN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** Children of <styleSheet> in schema order (CT_Stylesheet), for inserting a collection the file lacks. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];
const ITEM: Record<string, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

function block(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
  return m ? (m[1] ?? '') : null;
}

/** The items of a collection as written (`<font>…</font>`, `<xf …/>`), in index order. */
function itemsOf(xml: string, tag: string): string[] {
  const b = block(xml, tag);
  if (!b) return [];
  const item = ITEM[tag]!;
  return [...b.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g'))].map((m) => m[0]);
}

/**
 * One form for items that mean the same: attributes sorted, quotes and empty elements made uniform,
 * blanks between tags dropped (a tool that re-saves the file may write any of these differently).
 */
export function canonicalItem(xml: string): string {
  return xml
    .replace(/>\s+</g, '><')
    .replace(
      /<([\w:]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g,
      (_m, tag: string, list: string, close: string) => {
        const pairs = [...list.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)]
          .map((p) => `${p[1]}="${p[2] ?? p[3]}"`)
          .sort();
        return `<${[tag, ...pairs].join(' ')}${close}>`;
      },
    )
    .replace(/<([\w:]+)([^>]*)><\/\1>/g, '<$1$2/>');
}

/** Index of each item already in a collection, by its canonical form (the first of equal ones). */
function indexByContent(xml: string, tag: string): Map<string, number> {
  const out = new Map<string, number>();
  itemsOf(xml, tag).forEach((item, i) => {
    const key = canonicalItem(item);
    if (!out.has(key)) out.set(key, i);
  });
  return out;
}

/** Appends items to a collection, creating it in schema order if absent, and fixes its count. */
function append(xml: string, tag: string, items: readonly string[]): string {
  if (items.length === 0) return xml;
  const re = new RegExp(`<${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag}>)`);
  const m = re.exec(xml);
  if (m) {
    const inner = (m[2] ?? '') + items.join('');
    const count = (inner.match(new RegExp(`<${ITEM[tag]}[\\s>/]`, 'g')) ?? []).length;
    const open = m[1]!.replace(/\s*count="\d+"/, '');
    return xml.replace(re, () => `<${tag} count="${count}"${open}>${inner}</${tag}>`);
  }
  const el = `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
  for (const next of ORDER.slice(ORDER.indexOf(tag) + 1)) {
    const at = xml.search(new RegExp(`<${next}[\\s>/]`));
    if (at >= 0) return xml.slice(0, at) + el + xml.slice(at);
  }
  return xml.replace('</styleSheet>', () => `${el}</styleSheet>`);
}

const color = (hex: string) => `<color rgb="FF${hex}"/>`;

/** One collection of the part (fonts, fills…): the entries it holds, by content, and the ones added. */
class Collection {
  private readonly existing: Map<string, number>;
  private readonly count: number;
  /** Added entries, by their XML, with their index. */
  readonly added = new Map<string, number>();

  constructor(xml: string, tag: string) {
    this.existing = indexByContent(xml, tag);
    this.count = itemsOf(xml, tag).length;
  }

  /** The index of an entry: one already in the part with the same content, or a new one at the end. */
  intern(item: string): number {
    let id = this.added.get(item) ?? this.existing.get(canonicalItem(item));
    if (id === undefined) {
      id = this.count + this.added.size;
      this.added.set(item, id);
    }
    return id;
  }

  /** The added entries in index order. */
  items(): string[] {
    return [...this.added.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  }
}

export class StyleRegistry {
  private readonly baseFont: { size: string; name: string; family: string };
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly borders: Collection;
  private readonly xfs: Collection;
  private readonly dxfs: Collection;
  /** Custom number formats already declared, by format code, and the highest id in use. */
  private readonly fmtIds = new Map<string, number>();
  private lastFmt = 163;
  private numFmts = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.fonts = new Collection(xml, 'fonts');
    this.fills = new Collection(xml, 'fills');
    this.borders = new Collection(xml, 'borders');
    this.xfs = new Collection(xml, 'cellXfs');
    this.dxfs = new Collection(xml, 'dxfs');
    for (const m of (block(xml, 'numFmts') ?? '').matchAll(/<numFmt\b[^>]*>/g)) {
      const id = Number(attr(m[0], 'numFmtId'));
      const code = attr(m[0], 'formatCode');
      if (!Number.isFinite(id)) continue;
      this.lastFmt = Math.max(this.lastFmt, id);
      if (code !== undefined && !this.fmtIds.has(code)) this.fmtIds.set(code, id);
    }
    // New fonts take the workbook's default typeface, so the output matches the user's sheets.
    const font0 = /<font\b[^>]*>([\s\S]*?)<\/font>/.exec(block(xml, 'fonts') ?? '')?.[1] ?? '';
    this.baseFont = {
      size: /<sz val="([^"]+)"/.exec(font0)?.[1] ?? '11',
      name: /<name val="([^"]+)"/.exec(font0)?.[1] ?? 'Calibri',
      family: /<family val="([^"]+)"/.exec(font0)?.[1] ?? '2',
    };
  }

  /** A number format's id: built in, already declared (by its code), or a new one. */
  private numFmtId(code: string): number {
    let id = BUILTIN[code] ?? this.fmtIds.get(code) ?? this.numFmts.get(code);
    if (id === undefined) {
      id = this.lastFmt + 1 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  private styleIds = new WeakMap<CellStyle, number>();
  private styleIdCount = 0;
  private combined = new Map<string, number>();

  /**
   * The cell format of several looks (later ones win) and a number format, memoized by the looks'
   * identity: half a million cells share a few dozen combinations.
   */
  xfOf(
    styles: readonly CellStyle[],
    numFmt: string | undefined,
    merge: (...s: CellStyle[]) => CellStyle,
  ): number {
    let key = numFmt ?? '';
    for (const st of styles) {
      let id = this.styleIds.get(st);
      if (id === undefined) this.styleIds.set(st, (id = ++this.styleIdCount));
      key += `|${id}`;
    }
    let xf = this.combined.get(key);
    if (xf === undefined) {
      xf = this.xf(merge(...styles), numFmt);
      this.combined.set(key, xf);
    }
    return xf;
  }

  /** The cell-format index for a look and a number format; 0 (the workbook default) for neither. */
  xf(style: CellStyle, numFmt?: string): number {
    const f = style.font;
    const fontId = f
      ? this.fonts.intern(
          `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size ?? this.baseFont.size}"/>` +
            `${f.color ? color(f.color) : '<color theme="1"/>'}<name val="${escapeXml(this.baseFont.name)}"/><family val="${this.baseFont.family}"/></font>`,
        )
      : 0;
    const fillId = style.fill
      ? this.fills.intern(
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const b = style.border?.bottom;
    const borderId = b
      ? this.borders.intern(
          `<border><left/><right/><top/><bottom style="${b.style}">${color(b.color)}</bottom><diagonal/></border>`,
        )
      : 0;
    const numFmtId = numFmt === undefined ? 0 : this.numFmtId(numFmt);
    const a = style.align;
    const alignment = a
      ? `<alignment${attrs({ horizontal: a.horizontal, vertical: a.vertical, wrapText: a.wrap ? 1 : undefined })}/>`
      : '';
    if (!fontId && !fillId && !borderId && !numFmtId && !alignment) return 0;
    const xf =
      `<xf${attrs({ numFmtId, fontId, fillId, borderId, xfId: 0 })}` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}` +
      `${borderId ? ' applyBorder="1"' : ''}${alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>'}`;
    return this.xfs.intern(xf);
  }

  /** A differential format for conditional formatting: font colour on a fill. */
  dxf(font: string, fill: string): number {
    return this.dxfs.intern(
      `<dxf><font>${color(font)}</font><fill><patternFill><bgColor rgb="FF${fill}"/></patternFill></fill></dxf>`,
    );
  }

  /** The styles part with every interned entry appended. */
  toXml(): string {
    const numFmts = [...this.numFmts.entries()].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    let xml = append(this.xml, 'numFmts', numFmts);
    xml = append(xml, 'fonts', this.fonts.items());
    xml = append(xml, 'fills', this.fills.items());
    xml = append(xml, 'borders', this.borders.items());
    xml = append(xml, 'cellXfs', this.xfs.items());
    xml = append(xml, 'dxfs', this.dxfs.items());
    return xml;
  }
}

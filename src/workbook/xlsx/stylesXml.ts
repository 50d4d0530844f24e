// Adds the output's cell formats to the workbook's styles part (xl/styles.xml): each distinct look and
// number format becomes one cell format (xf) appended after the user's, whose indexes never change.
import type { CellStyle } from '../looks';
import { attr, attrs, escapeXml } from './xml';
import { maxOf } from '../../engine/extremes';

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

/** Children of <styleSheet> in schema order, for inserting a collection the file lacks. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];
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

function countItems(xml: string, tag: string): number {
  const b = block(xml, tag);
  return b ? (b.match(new RegExp(`<${ITEM[tag]}[\\s>/]`, 'g')) ?? []).length : 0;
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

export class StyleRegistry {
  private readonly base: {
    fonts: number;
    fills: number;
    borders: number;
    xfs: number;
    dxfs: number;
    fmt: number;
  };
  private readonly baseFont: { size: string; name: string; family: string };
  private fonts = new Map<string, number>();
  private fills = new Map<string, number>();
  private borders = new Map<string, number>();
  private numFmts = new Map<string, number>();
  private xfs = new Map<string, number>();
  private dxfs = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.base = {
      fonts: countItems(xml, 'fonts'),
      fills: countItems(xml, 'fills'),
      borders: countItems(xml, 'borders'),
      xfs: countItems(xml, 'cellXfs'),
      dxfs: countItems(xml, 'dxfs'),
      fmt: Math.max(
        163,
        maxOf(
          [...(block(xml, 'numFmts') ?? '').matchAll(/<numFmt\b[^>]*>/g)].map((m) =>
            Number(attr(m[0], 'numFmtId')),
          ),
        ),
      ),
    };
    // New fonts take the workbook's default typeface, so the output matches the user's sheets.
    const font0 = /<font\b[^>]*>([\s\S]*?)<\/font>/.exec(block(xml, 'fonts') ?? '')?.[1] ?? '';
    this.baseFont = {
      size: /<sz val="([^"]+)"/.exec(font0)?.[1] ?? '11',
      name: /<name val="([^"]+)"/.exec(font0)?.[1] ?? 'Calibri',
      family: /<family val="([^"]+)"/.exec(font0)?.[1] ?? '2',
    };
  }

  private intern(map: Map<string, number>, key: string, base: number): number {
    let id = map.get(key);
    if (id === undefined) {
      id = base + map.size;
      map.set(key, id);
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
      ? this.intern(
          this.fonts,
          `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size ?? this.baseFont.size}"/>` +
            `${f.color ? color(f.color) : '<color theme="1"/>'}<name val="${escapeXml(this.baseFont.name)}"/><family val="${this.baseFont.family}"/></font>`,
          this.base.fonts,
        )
      : 0;
    const fillId = style.fill
      ? this.intern(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
          this.base.fills,
        )
      : 0;
    const b = style.border?.bottom;
    const borderId = b
      ? this.intern(
          this.borders,
          `<border><left/><right/><top/><bottom style="${b.style}">${color(b.color)}</bottom><diagonal/></border>`,
          this.base.borders,
        )
      : 0;
    const numFmtId =
      numFmt === undefined ? 0 : (BUILTIN[numFmt] ?? this.intern(this.numFmts, numFmt, this.base.fmt + 1));
    const a = style.align;
    const alignment = a
      ? `<alignment${attrs({ horizontal: a.horizontal, vertical: a.vertical, wrapText: a.wrap ? 1 : undefined })}/>`
      : '';
    if (!fontId && !fillId && !borderId && !numFmtId && !alignment) return 0;
    const xf =
      `<xf${attrs({ numFmtId, fontId, fillId, borderId, xfId: 0 })}` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}` +
      `${borderId ? ' applyBorder="1"' : ''}${alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>'}`;
    return this.intern(this.xfs, xf, this.base.xfs);
  }

  /** A differential format for conditional formatting: font colour on a fill. */
  dxf(font: string, fill: string): number {
    return this.intern(
      this.dxfs,
      `<dxf><font>${color(font)}</font><fill><patternFill><bgColor rgb="FF${fill}"/></patternFill></fill></dxf>`,
      this.base.dxfs,
    );
  }

  /** The styles part with every interned entry appended. */
  toXml(): string {
    const keys = (m: Map<string, number>) => [...m.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
    const numFmts = [...this.numFmts.entries()].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    let xml = append(this.xml, 'numFmts', numFmts);
    xml = append(xml, 'fonts', keys(this.fonts));
    xml = append(xml, 'fills', keys(this.fills));
    xml = append(xml, 'borders', keys(this.borders));
    xml = append(xml, 'cellXfs', keys(this.xfs));
    xml = append(xml, 'dxfs', keys(this.dxfs));
    return xml;
  }
}

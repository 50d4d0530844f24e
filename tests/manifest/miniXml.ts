// A small XML reader for the manifest test (the repo has no XML parser dependency): elements, attributes,
// text, comments, the prolog. No DTDs or CDATA; it throws on anything it does not understand, and on
// mismatched tags, so a manifest it accepts is at least well nested.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw new Error(`unknown entity ${whole}`);
    return named;
  });
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`, 'y');
const OPEN_TAG = new RegExp(`<(${NAME})`, 'y');

/** Parses a document into its root element. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (message: string): never => {
    const line = source.slice(0, pos).split('\n').length;
    throw new Error(`XML: ${message} at line ${line}`);
  };
  const skipMisc = (): void => {
    for (;;) {
      const rest = source.slice(pos);
      const space = /^\s+/.exec(rest);
      if (space) pos += space[0].length;
      else if (rest.startsWith('<!--')) {
        const end = source.indexOf('-->', pos + 4);
        if (end < 0) fail('unterminated comment');
        pos = end + 3;
      } else if (rest.startsWith('<?')) {
        const end = source.indexOf('?>', pos + 2);
        if (end < 0) fail('unterminated processing instruction');
        pos = end + 2;
      } else return;
    }
  };

  const readElement = (parent: XmlElement | null): XmlElement => {
    OPEN_TAG.lastIndex = pos;
    const open = OPEN_TAG.exec(source);
    if (!open) return fail('expected an element');
    const element: XmlElement = { name: open[1]!, attributes: {}, children: [], text: '', parent };
    pos = OPEN_TAG.lastIndex;
    for (;;) {
      ATTRIBUTE.lastIndex = pos;
      const attribute = ATTRIBUTE.exec(source);
      if (!attribute) break;
      const [, name, quoted] = attribute;
      if (name! in element.attributes) fail(`duplicate attribute ${name}`);
      element.attributes[name!] = decode(quoted!.slice(1, -1));
      pos = ATTRIBUTE.lastIndex;
    }
    const close = /^\s*(\/?)>/.exec(source.slice(pos));
    if (!close) return fail(`malformed start tag <${element.name}>`);
    pos += close[0].length;
    if (close[1]) return element;

    for (;;) {
      const next = source.indexOf('<', pos);
      if (next < 0) fail(`<${element.name}> is not closed`);
      element.text += decode(source.slice(pos, next));
      pos = next;
      if (source.startsWith('</', pos)) {
        const end = new RegExp(`</(${NAME})\\s*>`, 'y');
        end.lastIndex = pos;
        const closing = end.exec(source);
        if (!closing || closing[1] !== element.name) fail(`expected </${element.name}>`);
        pos = end.lastIndex;
        element.text = element.text.trim();
        return element;
      }
      if (source.startsWith('<!--', pos) || source.startsWith('<?', pos)) skipMisc();
      else if (source.startsWith('<!', pos)) fail('DTD and CDATA are not supported');
      else element.children.push(readElement(element));
    }
  };

  skipMisc();
  const root = readElement(null);
  skipMisc();
  if (pos !== source.length) fail('content after the root element');
  return root;
}

/** Every element below `root` (depth first, document order), `root` included. */
export function descendants(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(descendants)];
}

/** The element's name path from the root, e.g. `OfficeApp/Hosts/Host`. */
export function pathOf(element: XmlElement): string {
  return element.parent ? `${pathOf(element.parent)}/${element.name}` : element.name;
}

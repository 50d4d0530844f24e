// A structural check of SpreadsheetML parts that needs nothing outside the repository: well-formed
// nesting, every namespace prefix bound where it is used, the children of <workbook>, <styleSheet> and
// <worksheet> in schema order, and the count attributes of the styles collections. It catches the
// writer regressions issue 12 found (an unbound r:id, <dxfs> after <colors>); the full ECMA-376 schema
// check is scripts/check-outputs.sh, with ../shared/ooxml.
import JSZip from 'jszip';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Child elements of each root, in the order of the schema's sequence (ECMA-376 Part 1, sml.xsd). */
export const CHILD_ORDER: Record<string, string[]> = {
  workbook: [
    'fileVersion',
    'fileSharing',
    'workbookPr',
    'workbookProtection',
    'bookViews',
    'sheets',
    'functionGroups',
    'externalReferences',
    'definedNames',
    'calcPr',
    'oleSize',
    'customWorkbookViews',
    'pivotCaches',
    'smartTagPr',
    'smartTagTypes',
    'webPublishing',
    'fileRecoveryPr',
    'webPublishObjects',
    'extLst',
  ],
  styleSheet: [
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
  ],
  worksheet: [
    'sheetPr',
    'dimension',
    'sheetViews',
    'sheetFormatPr',
    'cols',
    'sheetData',
    'sheetCalcPr',
    'sheetProtection',
    'protectedRanges',
    'scenarios',
    'autoFilter',
    'sortState',
    'dataConsolidate',
    'customSheetViews',
    'mergeCells',
    'phoneticPr',
    'conditionalFormatting',
    'dataValidations',
    'hyperlinks',
    'printOptions',
    'pageMargins',
    'pageSetup',
    'headerFooter',
    'rowBreaks',
    'colBreaks',
    'customProperties',
    'cellWatches',
    'ignoredErrors',
    'smartTags',
    'drawing',
    'legacyDrawing',
    'legacyDrawingHF',
    'drawingHF',
    'picture',
    'oleObjects',
    'controls',
    'webPublishItems',
    'tableParts',
    'extLst',
  ],
};

const COUNTED: Record<string, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellStyleXfs: 'xf',
  cellXfs: 'xf',
  cellStyles: 'cellStyle',
  dxfs: 'dxf',
};

interface Open {
  name: string;
  ns: Map<string, string>;
  children: string[];
  childCount: number;
  count?: string;
}

const TAG = /<(\/?)([\w.-]+(?::[\w.-]+)?)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/** The problems of one XML part, in words (none: the part passes). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const text = xml
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/, '');
  const stack: Open[] = [];
  let roots = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) {
      problems.push(`not well-formed at character ${lt}: ${text.slice(lt, lt + 40)}`);
      break;
    }
    i = TAG.lastIndex;
    const [, close, name, attrList, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      const top = stack.pop();
      if (!top || top.name !== name) {
        problems.push(`</${name}> closes <${top?.name ?? 'nothing'}>`);
        break;
      }
      checkClosed(top, problems);
      continue;
    }
    const parent = stack[stack.length - 1];
    const ns = new Map(parent?.ns ?? [['xml', 'http://www.w3.org/XML/1998/namespace']]);
    const attrs = [...attrList.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(
      (a) => [a[1]!, a[2] ?? a[3] ?? ''] as const,
    );
    for (const [k, v] of attrs) {
      if (k === 'xmlns') ns.set('', v);
      else if (k.startsWith('xmlns:')) ns.set(k.slice(6), v);
    }
    const prefixOf = (q: string) => (q.includes(':') ? q.slice(0, q.indexOf(':')) : null);
    const p = prefixOf(name);
    if (p !== null && !ns.has(p)) problems.push(`<${name}>: prefix ${p} is not declared`);
    for (const [k] of attrs) {
      const ap = prefixOf(k);
      if (ap !== null && ap !== 'xmlns' && !ns.has(ap))
        problems.push(`<${name} ${k}>: prefix ${ap} is not declared`);
    }
    const local = p === null ? name : name.slice(p.length + 1);
    const uri = ns.get(p ?? '') ?? '';
    if (parent && uri === NS_MAIN) parent.children.push(local);
    if (parent && parent.name.endsWith(COUNTED_PARENT_OF(local, parent.name))) parent.childCount++;
    if (!parent) roots++;
    const count = attrs.find(([k]) => k === 'count')?.[1];
    const open: Open = { name, ns, children: [], childCount: 0, ...(count !== undefined ? { count } : {}) };
    if (selfClose) checkClosed(open, problems);
    else stack.push(open);
  }
  if (stack.length) problems.push(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** '' when `child` is the counted item of `parent` (so endsWith('') holds), else a name that never matches. */
function COUNTED_PARENT_OF(child: string, parent: string): string {
  const local = parent.includes(':') ? parent.slice(parent.indexOf(':') + 1) : parent;
  return COUNTED[local] === child ? '' : '\u0000';
}

function checkClosed(el: Open, problems: string[]): void {
  const local = el.name.includes(':') ? el.name.slice(el.name.indexOf(':') + 1) : el.name;
  const order = CHILD_ORDER[local];
  if (order) {
    let at = -1;
    for (const c of el.children) {
      const k = order.indexOf(c);
      if (k < 0) problems.push(`<${local}> has a child <${c}> the schema does not allow`);
      else if (k < at)
        problems.push(`<${local}>: <${c}> comes after <${order[at]}>, against the schema's order`);
      else at = k;
    }
  }
  if (COUNTED[local] && el.count !== undefined && Number(el.count) !== el.childCount)
    problems.push(`<${local} count="${el.count}"> holds ${el.childCount} items`);
}

/** Every XML part of a package with its problems (parts without problems are left out). */
export async function packageProblems(data: Uint8Array): Promise<Record<string, string[]>> {
  const zip = await JSZip.loadAsync(data);
  const out: Record<string, string[]> = {};
  for (const [path, f] of Object.entries(zip.files)) {
    if (f.dir || !/\.(xml|rels)$/.test(path)) continue;
    const problems = xmlProblems(await f.async('string'));
    if (problems.length) out[path] = problems;
  }
  return out;
}

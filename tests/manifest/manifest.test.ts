// Structural checks of manifest.xml that Office would otherwise report only at sideload time: resids
// resolve, icons exist at their declared sizes, URLs are https and point at pages the build emits, and
// the production rewrite leaves no dev URL behind. xmllint checks well-formedness when it is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { functionCommands } from '../../src/commands/functionCommands';
import { REQUIRED_EXCEL_API } from '../../src/workbook/office/errors';
import {
  DEFAULT_PUBLIC_URL,
  DEV_BASE_URL,
  publicBaseUrl,
  rewriteManifestUrls,
} from '../../scripts/manifest-urls.cjs';
import { descendants, parseXml, pathOf, type XmlElement } from './miniXml';

const root = path.join(__dirname, '..', '..');
const manifestPath = path.join(root, 'manifest.xml');
const source = fs.readFileSync(manifestPath, 'utf8');
const manifest = parseXml(source);
const all = descendants(manifest);

const named = (name: string): XmlElement[] => all.filter((e) => e.name === name);
function only(name: string): XmlElement {
  const found = named(name);
  expect(found.map(pathOf)).toHaveLength(1);
  return found[0]!;
}

/** Every URL in the text: attribute values and element text that start with a scheme (namespace names,
 * which only identify a vocabulary, excepted). */
function urlsIn(xml: string): string[] {
  return descendants(parseXml(xml))
    .flatMap((e) => [
      ...Object.entries(e.attributes)
        .filter(([name]) => !/^xmlns(:|$)/.test(name))
        .map(([, value]) => value),
      e.text,
    ])
    .filter((v) => /^[a-z][a-z0-9+.-]*:/i.test(v));
}

// resid → the resource list it must be defined in, by the element that carries it.
const RESOURCE_OF: Record<string, string> = {
  'bt:Image': 'bt:Images',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
  SourceLocation: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
};
// Maximum lengths in the manifest schema (ShortString, LongString).
const STRING_LIMIT: Record<string, number> = { 'bt:ShortStrings': 125, 'bt:LongStrings': 250 };
const resources = new Map<string, { list: string; value: string }>();
for (const list of ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']) {
  for (const e of named(list).flatMap((l) => l.children)) {
    resources.set(e.attributes.id ?? '', { list, value: e.attributes.DefaultValue ?? '' });
  }
}
const resid = (e: XmlElement): string => e.attributes.resid ?? '';
const usages = all.filter((e) => 'resid' in e.attributes);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The repository file a dev URL is served from (see webpack.config.js). */
function servedFile(url: string): string {
  expect(url.startsWith(DEV_BASE_URL)).toBe(true);
  const rel = url.slice(DEV_BASE_URL.length);
  const page = /^([\w-]+)\.html$/.exec(rel);
  return page ? path.join(root, 'src', page[1]!, rel) : path.join(root, rel);
}

function xmllint(file: string): ReturnType<typeof spawnSync> | null {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    console.log('xmllint is not on the PATH: well-formedness check skipped (apt-get install libxml2-utils)');
    return null;
  }
  return spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
}

describe('manifest.xml', () => {
  test('is well-formed XML (xmllint)', () => {
    const result = xmllint(manifestPath);
    if (result) expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('is a task pane add-in for Workbook with ReadWriteDocument and ExcelApi 1.13', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(named('Host').map((h) => h.attributes.Name ?? h.attributes['xsi:type'])).toEqual([
      'Workbook',
      'Workbook',
    ]);
    expect(only('Permissions').text).toBe('ReadWriteDocument');
    expect(named('Set').map((s) => s.attributes)).toEqual([
      { Name: 'ExcelApi', MinVersion: REQUIRED_EXCEL_API },
    ]);
    expect(only('VersionOverrides').attributes['xsi:type']).toBe('VersionOverridesV1_0');
  });

  test('has a GUID Id and an a.b.c.d Version that matches package.json', () => {
    expect(only('Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = only('Version').text;
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(version.startsWith(`${pkg.version.replace(/[-+].*$/, '')}.`)).toBe(true);
  });

  test('every resid resolves to a resource of the right kind, and every resource is used', () => {
    const wrong = usages
      .filter((e) => resources.get(resid(e))?.list !== RESOURCE_OF[e.name])
      .map((e) => `${pathOf(e)} resid="${resid(e)}"`);
    expect(wrong).toEqual([]);
    expect(usages.length).toBeGreaterThan(10);
    const used = new Set(usages.map(resid));
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
    expect([...resources.keys()].filter((id) => id.length > 32)).toEqual([]);
    const ids = named('bt:Images')
      .concat(named('bt:Urls'), named('bt:ShortStrings'), named('bt:LongStrings'))
      .flatMap((l) => l.children.map((c) => c.attributes.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('strings fit the schema limits', () => {
    const tooLong = [...resources.entries()]
      .filter(([, r]) => r.value.length > (STRING_LIMIT[r.list] ?? Infinity))
      .map(([id]) => id);
    expect(tooLong).toEqual([]);
    expect(only('DisplayName').attributes.DefaultValue!.length).toBeLessThanOrEqual(125);
    expect(named('Description')[0]!.attributes.DefaultValue!.length).toBeLessThanOrEqual(250);
  });

  test('a Home-tab group has a button that opens the task pane', () => {
    const tab = only('OfficeTab');
    expect(tab.attributes.id).toBe('TabHome');
    const buttons = descendants(tab).filter(
      (e) => e.name === 'Control' && e.attributes['xsi:type'] === 'Button',
    );
    expect(buttons).toHaveLength(1);
    const action = buttons[0]!.children.find((c) => c.name === 'Action')!;
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    expect(action.children.find((c) => c.name === 'TaskpaneId')?.text).toMatch(/\S/);
    const paneUrl = resources.get(resid(action.children.find((c) => c.name === 'SourceLocation')!));
    expect(paneUrl?.value).toBe(only('DefaultSettings').children[0]!.attributes.DefaultValue);
    expect(resources.get(resid(only('FunctionFile')))?.value).toBe(`${DEV_BASE_URL}commands.html`);
  });

  test('every URL is https on the dev server, and the file behind it exists', () => {
    const urls = urlsIn(source);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
    expect(urls.filter((u) => !fs.existsSync(servedFile(u)))).toEqual([]);
    // Nothing that looks like a URL hides in a place the attribute scan does not read.
    expect(source.match(/https?:\/\/localhost[^"<\s]*/g)?.length).toBe(urls.length);
  });

  test('every icon is a PNG of its declared size', () => {
    const declared: [string, number][] = [
      [only('IconUrl').attributes.DefaultValue!, 32],
      [only('HighResolutionIconUrl').attributes.DefaultValue!, 64],
      ...usages
        .filter((e) => e.name === 'bt:Image')
        .map((e): [string, number] => [resources.get(resid(e))!.value, Number(e.attributes.size)]),
    ];
    const sizes = new Set(declared.map(([, size]) => size));
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    for (const [url, size] of declared) {
      expect({ url, ...pngSize(servedFile(url)) }).toEqual({ url, width: size, height: size });
    }
  });

  test('function commands in the manifest and in src/commands agree', () => {
    const inManifest = named('Action')
      .filter((a) => a.attributes['xsi:type'] === 'ExecuteFunction')
      .map((a) => a.children.find((c) => c.name === 'FunctionName')?.text);
    expect(inManifest.sort()).toEqual(Object.keys(functionCommands).sort());
  });
});

describe('production manifest', () => {
  const base = 'https://portfolio.contoso.com/sro/';
  const production = rewriteManifestUrls(source, base);

  test('has no localhost URL, and every URL is https under the public base', () => {
    expect(production).not.toMatch(/localhost/i);
    const urls = urlsIn(production);
    expect(urls).toHaveLength(urlsIn(source).length);
    expect(urls.filter((u) => !u.startsWith(base))).toEqual([]);
  });

  test('is still well-formed (xmllint)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-manifest-'));
    try {
      const file = path.join(dir, 'manifest.xml');
      fs.writeFileSync(file, production);
      const result = xmllint(file);
      if (result) expect(result.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the base URL comes from SRO_PUBLIC_URL: placeholder when unset, https only, trailing slash added', () => {
    expect(publicBaseUrl('')).toBe(DEFAULT_PUBLIC_URL);
    expect(publicBaseUrl('https://portfolio.contoso.com/sro')).toBe(base);
    expect(() => publicBaseUrl('http://portfolio.contoso.com/')).toThrow(/https/);
    expect(() => publicBaseUrl('not a url')).toThrow(/not a URL/);
    expect(rewriteManifestUrls(source, '')).toContain(`${DEFAULT_PUBLIC_URL}taskpane.html`);
  });
});

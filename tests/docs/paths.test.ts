// The docs name files for a reader to open ("where to add a column: read/fields.ts, …"): every path they
// name must exist, so a rename that forgets the docs fails here rather than misleading the next reader.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const DOCS = ['README.md', 'docs/architecture.md', 'docs/methods.md', 'docs/excel.md', 'docs/performance.md'];

/** Paths in backticks that look like files or folders of the project, resolved against `base`. */
function namedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const p = m[1]!.replace(/[),.:;]+$/, '');
    if (
      /^(src|tests|bench|scripts|docs|assets)\//.test(p) ||
      /^(read|score|select|decide)\/[\w/]+\.ts$/.test(p)
    )
      out.add(p.replace(/\/$/, ''));
  }
  return [...out];
}

test.each(DOCS)('every project path %s names exists', (doc) => {
  const text = fs.readFileSync(path.join(root, doc), 'utf8');
  const missing = namedPaths(text).filter((p) => {
    if (p.includes('<') || p.includes('*') || p.includes('…')) return false;
    const direct = path.join(root, p);
    const inEngine = path.join(root, 'src/engine', p);
    return !fs.existsSync(direct) && !fs.existsSync(inEngine);
  });
  expect(missing).toEqual([]);
});

test('architecture.md answers the four "where to add" questions with files', () => {
  const text = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  for (const q of [
    'A new input column',
    'A new constraint family',
    'A new recommendation kind',
    'A new output sheet',
  ]) {
    const at = text.indexOf(q);
    expect(at).toBeGreaterThan(0);
    const section = text.slice(
      at,
      text.indexOf('\n### ', at + 1) === -1 ? undefined : text.indexOf('\n### ', at + 1),
    );
    expect(namedPaths(section).length).toBeGreaterThanOrEqual(4);
  }
});

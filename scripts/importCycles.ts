// Import cycles among the project's TypeScript files (docs/architecture.md: no cycles anywhere). Every
// relative import and re-export counts, type-only ones included: a cycle of types is still two modules
// that cannot be understood one without the other.
import ts from 'typescript';
import path from 'node:path';
import { shortestCycle, stronglyConnected } from '../src/engine/graph';

export interface SourceFiles {
  /** Absolute paths of the files to check. */
  files: readonly string[];
  read: (file: string) => string;
}

/** The relative module specifiers a file imports or re-exports. */
export function importedSpecifiers(file: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName).filter((s) => s.startsWith('.'));
}

function resolve(from: string, spec: string, known: ReadonlySet<string>): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ];
  return candidates.find((c) => known.has(c));
}

/** Every cycle as a list of files (the first repeated at the end), shortest path within each tangle. */
export function findImportCycles({ files, read }: SourceFiles): string[][] {
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const f of files) {
    const to = importedSpecifiers(f, read(f))
      .map((s) => resolve(f, s, known))
      .filter((x): x is string => x !== undefined);
    edges.set(f, [...new Set(to)].sort());
  }
  return stronglyConnected(files, edges)
    .map((c) => c.sort())
    .filter((c) => c.length > 1 || (edges.get(c[0]!) ?? []).includes(c[0]!))
    .map((c) => [...(shortestCycle(c, edges, c[0]!) ?? c), c[0]!]);
}

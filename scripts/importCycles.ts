// Import cycles among the project's TypeScript files (docs/architecture.md: no cycles anywhere). Every
// relative import and re-export counts, type-only ones included: a cycle of types is still two modules
// that cannot be understood one without the other.
import ts from 'typescript';
import path from 'node:path';

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
    .filter((c) => c.length > 1 || (edges.get(c[0]!) ?? []).includes(c[0]!))
    .map((c) => cycleThrough(c, edges));
}

/** Tarjan's strongly connected components, iteratively (no recursion depth limit). */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const succ = edges.get(top.v) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++]!;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
      if (low.get(top.v) === index.get(top.v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.v);
        out.push(comp.sort());
      }
    }
  }
  return out;
}

/** A shortest cycle through the first file of a component, by breadth-first search inside it. */
function cycleThrough(component: readonly string[], edges: ReadonlyMap<string, string[]>): string[] {
  const inside = new Set(component);
  const start = component[0]!;
  const prev = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const w of edges.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const cycle = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = prev.get(u)) cycle.push(u);
        return [start, ...cycle.slice(1).reverse(), start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component, start];
}

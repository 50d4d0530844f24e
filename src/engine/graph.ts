// Cycles in a directed graph of string ids (dependencies between projects, imports between files):
// Tarjan's strongly connected components and a shortest cycle through one node, both without recursion,
// so a chain of 50,000 dependencies does not pass the call stack.

/** Strongly connected components, reached from `nodes`, in the order Tarjan's algorithm closes them. */
export function stronglyConnected(
  nodes: Iterable<string>,
  edges: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const work: { v: string; next: number }[] = [];
  let counter = 0;
  const open = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    work.push({ v, next: 0 });
  };
  const close = (v: string) => {
    if (low.get(v) !== index.get(v)) return;
    const comp: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      comp.push(w);
    } while (w !== v);
    out.push(comp);
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    open(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const next = (edges.get(top.v) ?? [])[top.next++];
      if (next !== undefined) {
        if (!index.has(next)) open(next);
        else if (onStack.has(next)) low.set(top.v, Math.min(low.get(top.v)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
      close(top.v);
    }
  }
  return out;
}

/**
 * The shortest cycle from `start` back to itself inside `component` (breadth-first), as the path
 * [start, …, last] whose last node leads back to start; null when there is none.
 */
export function shortestCycle(
  component: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
  start: string,
): string[] | null {
  const inside = new Set(component);
  const previous = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const w of edges.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const back = [v];
        while (back[back.length - 1] !== start) back.push(previous.get(back[back.length - 1]!)!);
        return back.reverse();
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return null;
}

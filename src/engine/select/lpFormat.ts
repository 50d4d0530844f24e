// The reduced 0-1 program as CPLEX LP text, for other solvers (CBC in the bench) and for users who
// want to inspect the model. Numbers are written with JavaScript's shortest round-trip form, so the
// file holds exactly the doubles the engine solved (no digits lost).
import type { LinearModel } from './model';

/** Column name of column `c` in the LP text. */
export function lpColumnName(c: number): string {
  return `x${c}`;
}

function term(coef: number, c: number, first: boolean): string {
  const sign = coef < 0 ? '-' : first ? '' : '+';
  const mag = Math.abs(coef);
  return `${sign}${first && sign === '' ? '' : ' '}${mag === 1 ? '' : `${String(mag)} `}${lpColumnName(c)}`;
}

/** Writes the model (maximization, binary columns). Lines are kept short: LP readers limit line length. */
export function toLpText(model: LinearModel): string {
  const out: string[] = ['\\ SRO Portfolio selection model', 'Maximize'];
  const line = (head: string, terms: string[]) => {
    let cur = head;
    for (const t of terms) {
      if (cur.length + t.length > 200) {
        out.push(cur);
        cur = '   ';
      }
      cur += ` ${t}`;
    }
    out.push(cur);
  };
  const objTerms: string[] = [];
  model.objective.forEach((v, c) => {
    if (v !== 0) objTerms.push(term(v, c, objTerms.length === 0));
  });
  // An objective needs at least one term; a zero coefficient keeps the section valid.
  if (objTerms.length === 0 && model.cols.length) objTerms.push(`0 ${lpColumnName(0)}`);
  line(' obj:', objTerms);
  out.push('Subject To');
  const rowCount = model.rowNames.length;
  for (let r = 0; r < rowCount; r++) {
    const terms: string[] = [];
    for (let k = model.starts[r]!; k < model.starts[r + 1]!; k++) {
      terms.push(term(model.values[k]!, model.indices[k]!, terms.length === 0));
    }
    if (terms.length === 0) terms.push(`0 ${lpColumnName(0)}`);
    const lo = model.rowLower[r]!;
    const up = model.rowUpper[r]!;
    const name = ` ${model.rowNames[r]!.replace(/[^A-Za-z0-9_]/g, '_')}`;
    if (Number.isFinite(lo) && Number.isFinite(up) && lo === up)
      line(`${name}:`, [...terms, `= ${String(up)}`]);
    else {
      if (Number.isFinite(up)) line(`${name}:`, [...terms, `<= ${String(up)}`]);
      if (Number.isFinite(lo)) line(`${name}_lo:`, [...terms, `>= ${String(lo)}`]);
    }
  }
  out.push('Binaries');
  const names = Array.from(model.cols, (_, c) => lpColumnName(c));
  for (let k = 0; k < names.length; k += 20) out.push(` ${names.slice(k, k + 20).join(' ')}`);
  out.push('End', '');
  return out.join('\n');
}

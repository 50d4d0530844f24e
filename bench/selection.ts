// Selection bench (issue 3): our HiGHS-wasm selection against javascript-lp-solver (same process) and
// Debian's native CBC (same model as an LP file, timed from here including process start), on seeded
// portfolios of 100, 500 and 2,000 projects; greedy's shortfall; where our time goes; the frontier.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jslp from 'javascript-lp-solver';
import { useNodeHighs } from '../src/cli/highs';
import {
  buildModel,
  efficientFrontier,
  greedySelection,
  indexProblem,
  type LinearModel,
  reduce,
  type Selection,
  type SelectionProblem,
  selectPortfolio,
  toLpText,
} from '../src/engine/select';
import { benchPortfolio } from '../tests/support/portfolios';
import { fmtSeconds, medianSeconds, printTable, type BenchRow } from './harness';

interface Size {
  n: number;
  seeds: number[];
  /** Timed runs of ours per problem (after one warm-up). */
  runs: number;
  /** javascript-lp-solver's time cap in seconds, or 0 to skip it. */
  jslpCap: number;
  jslpSeeds: number;
  cbcCap: number;
}

const SIZES: Size[] = [
  { n: 100, seeds: [1, 2, 3, 4, 5], runs: 3, jslpCap: 10, jslpSeeds: 3, cbcCap: 60 },
  { n: 500, seeds: [1, 2, 3, 4, 5], runs: 3, jslpCap: 15, jslpSeeds: 1, cbcCap: 60 },
  { n: 2000, seeds: [1], runs: 1, jslpCap: 0, jslpSeeds: 0, cbcCap: 120 },
];

const CBC = '/usr/bin/cbc';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The reduced model the engine itself solves, so every solver gets the same program. */
function modelOf(problem: SelectionProblem): LinearModel {
  const ip = indexProblem(problem);
  return buildModel(ip, reduce(ip, true));
}

interface PeerResult {
  seconds: number;
  objective: number;
  optimal: boolean;
}

function runCbc(model: LinearModel, cap: number, dir: string): PeerResult {
  const lp = join(dir, 'model.lp');
  const sol = join(dir, 'solution.txt');
  writeFileSync(lp, toLpText(model));
  const t0 = performance.now();
  execFileSync(CBC, [lp, 'ratioGap', '0', 'allowableGap', '0', 'sec', String(cap), 'solve', 'solu', sol], {
    stdio: 'ignore',
  });
  const seconds = (performance.now() - t0) / 1000;
  const head = readFileSync(sol, 'utf8').split('\n')[0] ?? '';
  const objective = Number(/objective value\s+(-?[\d.eE+-]+)/.exec(head)?.[1] ?? NaN) + model.offset;
  return { seconds, objective, optimal: head.startsWith('Optimal') };
}

function runJslp(model: LinearModel, cap: number): PeerResult {
  const variables: Record<string, Record<string, number>> = {};
  const binaries: Record<string, 1> = {};
  model.cols.forEach((_, c) => {
    variables[`x${c}`] = { value: model.objective[c]! };
    binaries[`x${c}`] = 1;
  });
  const constraints: Record<string, { min?: number; max?: number }> = {};
  model.rowNames.forEach((name, r) => {
    for (let k = model.starts[r]!; k < model.starts[r + 1]!; k++)
      variables[`x${model.indices[k]}`]![name] = model.values[k]!;
    const lo = model.rowLower[r]!;
    const up = model.rowUpper[r]!;
    constraints[name] = {
      ...(Number.isFinite(lo) ? { min: lo } : {}),
      ...(Number.isFinite(up) ? { max: up } : {}),
    };
  });
  const t0 = performance.now();
  // Solve() is typed `unknown` (it also serves multi-objective models); a single-objective model returns this shape.
  const res = jslp.Solve({
    optimize: 'value',
    opType: 'max',
    constraints,
    variables,
    binaries,
    options: { timeout: cap * 1000 },
  }) as {
    feasible: boolean;
    result: number;
  };
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    objective: Number(res.result) + model.offset,
    optimal: res.feasible && seconds < cap * 0.98,
  };
}

const agree = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));

export async function benchSelection(): Promise<void> {
  useNodeHighs();
  const hasCbc = existsSync(CBC);
  const dir = mkdtempSync(join(tmpdir(), 'sro-bench-'));
  const main: BenchRow[] = [];
  const split: BenchRow[] = [];
  const warnings: BenchRow[] = [];
  try {
    for (const size of SIZES) {
      const ours: number[] = [];
      const cbc: number[] = [];
      const ratios: number[] = [];
      const shortfall: number[] = [];
      const jslpCells: string[] = [];
      const parts = {
        presolve: [] as number[],
        build: [] as number[],
        solve: [] as number[],
        verify: [] as number[],
      };
      let proven = 0;
      let reduction = '';
      for (const [k, seed] of size.seeds.entries()) {
        const problem = benchPortfolio({ projects: size.n, seed });
        const { seconds, result } = await medianSeconds<Selection>(
          () => selectPortfolio(problem),
          size.runs,
          1,
        );
        ours.push(seconds);
        if (result.status === 'optimal') proven++;
        const t = result.timings!;
        parts.presolve.push(t.presolve);
        parts.build.push(t.build);
        parts.solve.push(t.solve);
        parts.verify.push(t.verify);
        reduction = `${result.reduction!.free} free, ${result.reduction!.fixedIn} in, ${result.reduction!.fixedOut} out, ${result.reduction!.rows} rows`;
        const g = greedySelection(problem);
        shortfall.push((result.objective - g.objective) / result.objective);
        const model = modelOf(problem);
        if (hasCbc) {
          const c = runCbc(model, size.cbcCap, dir);
          cbc.push(c.seconds);
          ratios.push(seconds / c.seconds);
          if (!c.optimal || !agree(c.objective, result.objective)) {
            warnings.push({
              check: `${size.n} projects, seed ${seed}`,
              ours: result.objective,
              peer: `CBC ${c.objective} (${c.optimal ? 'optimal' : 'not proven'})`,
            });
          }
        }
        if (k < size.jslpSeeds && size.jslpCap > 0) {
          const j = runJslp(model, size.jslpCap);
          jslpCells.push(
            `${fmtSeconds(j.seconds)} ${j.optimal ? 'optimal' : `stopped at ${size.jslpCap} s`}, ${j.objective.toFixed(2)}`,
          );
          if (j.optimal && !agree(j.objective, result.objective)) {
            warnings.push({
              check: `${size.n} projects, seed ${seed}`,
              ours: result.objective,
              peer: `jslp ${j.objective}`,
            });
          }
        }
      }
      main.push({
        projects: size.n,
        problems: size.seeds.length,
        'ours (median)': fmtSeconds(median(ours)),
        'ours (max)': fmtSeconds(Math.max(...ours)),
        proven: `${proven}/${size.seeds.length}`,
        CBC: hasCbc ? fmtSeconds(median(cbc)) : 'absent',
        'ours / CBC': hasCbc ? `${median(ratios).toFixed(2)}×` : '—',
        'javascript-lp-solver': jslpCells.length ? jslpCells.join('; ') : `skipped (${size.n} projects)`,
        'greedy shortfall': `${(median(shortfall) * 100).toFixed(2)}%`,
      });
      split.push({
        projects: size.n,
        'checks + reduction': fmtSeconds(median(parts.presolve)),
        'model build': fmtSeconds(median(parts.build)),
        'HiGHS (start + proof)': fmtSeconds(median(parts.solve)),
        verify: fmtSeconds(median(parts.verify)),
        'reduced model (last seed)': reduction,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    'Selection: time to proven optimum (5 period budgets, 3 roles, 10% dependencies, 5% exclusive)',
    main,
  );
  printTable('Selection: where our time goes (medians)', split);
  if (warnings.length)
    printTable('WARNING: objectives disagree or a peer did not prove its optimum', warnings);
  else
    printTable('Objective check', [
      { result: 'HiGHS, CBC and (where optimal) javascript-lp-solver agree on every problem' },
    ]);

  const problem = benchPortfolio({ projects: 500, seed: 1 });
  const cap = 3;
  const t0 = performance.now();
  const f = await efficientFrontier(problem, { pointTimeLimitSeconds: cap });
  const seconds = (performance.now() - t0) / 1000;
  const optimal = f.points.filter((p) => p.status === 'optimal').length;
  const worstGap = Math.max(...f.points.map((p) => (p.status === 'optimal' ? 0 : p.gap)));
  printTable('Frontier: 21 levels + the user budget, 500 projects', [
    {
      points: f.points.length,
      time: fmtSeconds(seconds),
      'proven optimal': `${optimal}/${f.points.length}`,
      'per-point cap': `${cap} s`,
      'worst gap at cap': `${(worstGap * 100).toFixed(3)}%`,
      'slowest point': fmtSeconds(Math.max(...f.points.map((p) => p.seconds))),
    },
  ]);
}

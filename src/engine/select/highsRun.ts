// One HiGHS run of a reduced selection model through the solver port: converts the model to the
// persistent API's arrays, applies the engine's options, relays progress and interruption, and reloads
// the WebAssembly runtime once if it threw (a trapped wasm instance must not be reused).
import type { LinearModel } from './model';
import {
  HIGHS_CALLBACK,
  HIGHS_STATUS,
  resolveHighsLoader,
  type HighsCallbacks,
  type HighsLike,
  type HighsLoader,
  type HighsModelData,
} from './solver';

export interface RunRequest {
  model: LinearModel;
  /** Solve the LP relaxation instead of the 0-1 program. */
  relax?: boolean;
  /** 0/1 start per column (a feasible selection), handed to HiGHS as its first incumbent. */
  start?: Uint8Array;
  /** Column bound overrides (a sub-problem with some columns fixed). */
  colLower?: Float64Array;
  colUpper?: Float64Array;
  timeLimit?: number;
  mipRelGap: number;
  options?: Record<string, boolean | number | string>;
  /** Called at HiGHS's MIP checkpoints with the incumbent, the bound and the gap (maximization terms). */
  onLog?: (primal: number, bound: number, gap: number) => void;
  /** Polled at HiGHS's MIP checkpoints; true stops the run (status `interrupted`). */
  shouldStop?: () => boolean;
}

export type RunStatus = 'optimal' | 'infeasible' | 'timeLimit' | 'interrupted' | 'unknown';

export interface RunOutcome {
  status: RunStatus;
  /** Column values of the incumbent (or the LP solution), when HiGHS has one. */
  x?: Float64Array;
  /** Reduced costs (LP relaxation only). */
  reducedCosts?: Float64Array;
  /** Row duals in maximization terms (LP relaxation only): ≥ 0 on a binding upper side. */
  rowDuals?: Float64Array;
  /** Objective of `x` including the model offset (maximization). */
  objective: number;
  /** Best proven bound on the objective including the offset. */
  bound: number;
  nodes: number;
  seconds: number;
}

/**
 * The engine's HiGHS options. `mip_abs_gap = 0` as well as `mip_rel_gap`: the default absolute gap
 * (1e-6) would otherwise let "optimal" stand for a gap. The engine brings its own start, so HiGHS keeps
 * only RINS (which improves a near-optimal start) at a low effort; docs/performance.md has the measurements.
 */
export const ENGINE_OPTIONS: Readonly<Record<string, boolean | number | string>> = {
  output_flag: false,
  mip_abs_gap: 0,
  mip_heuristic_effort: 0.02,
  mip_heuristic_run_rins: true,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
  mip_allow_cut_separation_at_nodes: false,
  mip_detect_symmetry: false,
};

/** HiGHS's own infinity for missing bounds (it reads values ≥ 1e20 as infinite). */
const INF = 1e30;

function toHighs(req: RunRequest): HighsModelData {
  const m = req.model;
  const nc = m.cols.length;
  const nr = m.rowNames.length;
  return {
    numCols: nc,
    numRows: nr,
    // HiGHS minimizes: negate the objective (the offset too, so its gap is relative to the true total).
    offset: -m.offset,
    colCost: Float64Array.from(m.objective, (v) => -v),
    colLower: req.colLower ?? new Float64Array(nc),
    colUpper: req.colUpper ?? new Float64Array(nc).fill(1),
    rowLower: Float64Array.from(m.rowLower, (v) => (v === -Infinity ? -INF : v)),
    rowUpper: Float64Array.from(m.rowUpper, (v) => (v === Infinity ? INF : v)),
    matrix: {
      format: 'csr',
      numRows: nr,
      numCols: nc,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
    ...(req.relax ? {} : { integrality: new Int32Array(nc).fill(1) }),
  };
}

const STATUS: Record<number, RunStatus> = {
  [HIGHS_STATUS.optimal]: 'optimal',
  [HIGHS_STATUS.infeasible]: 'infeasible',
  [HIGHS_STATUS.timeLimit]: 'timeLimit',
  [HIGHS_STATUS.interrupted]: 'interrupted',
};

function runOnce(highs: HighsLike, req: RunRequest): RunOutcome {
  const t0 = performance.now();
  const model = highs.createModel();
  let callbackError: unknown;
  try {
    model.options.set({
      ...ENGINE_OPTIONS,
      mip_rel_gap: req.mipRelGap,
      ...(req.timeLimit !== undefined ? { time_limit: Math.max(0, req.timeLimit) } : {}),
      ...req.options,
    });
    model.passModel(toHighs(req));
    if (req.start && req.start.length && !req.relax)
      model.setSolution({ colValue: Float64Array.from(req.start) });
    const callbacks: HighsCallbacks = {
      [HIGHS_CALLBACK.mipLogging]: (event) => {
        if (!req.onLog || callbackError !== undefined) return undefined;
        const d = event.data;
        try {
          req.onLog(
            -(d.mip_primal_bound ?? Infinity),
            -(d.mip_dual_bound ?? -Infinity),
            d.mip_gap ?? Infinity,
          );
        } catch (err) {
          callbackError = err;
        }
        return undefined;
      },
      [HIGHS_CALLBACK.mipInterrupt]: (event) => {
        let stop = callbackError !== undefined;
        try {
          stop ||= req.shouldStop?.() ?? false;
        } catch (err) {
          callbackError = err;
          stop = true;
        }
        if (stop) event.interrupt();
        return undefined;
      },
    };
    const { modelStatus } = model.run(req.onLog || req.shouldStop ? callbacks : undefined);
    // A progress handler that threw is the caller's error, not the solver's: surface it as is.
    if (callbackError !== undefined) throw new CallbackError(callbackError);
    const status = STATUS[modelStatus] ?? 'unknown';
    const primalOk = Number(model.info.get('primal_solution_status')) === 2;
    const solution = primalOk ? model.getSolution() : undefined;
    const objective = primalOk ? -model.getObjectiveValue() : -Infinity;
    let bound = objective;
    let nodes = 0;
    if (!req.relax) {
      const dual = Number(model.info.get('mip_dual_bound'));
      bound = Number.isFinite(dual) ? -dual : Infinity;
      nodes = Number(model.info.get('mip_node_count'));
    }
    return {
      status,
      objective,
      bound,
      nodes,
      seconds: (performance.now() - t0) / 1000,
      ...(solution ? { x: solution.colValue } : {}),
      ...(solution && req.relax
        ? { reducedCosts: solution.colDual, rowDuals: solution.rowDual.map((v) => -v) }
        : {}),
    };
  } finally {
    model.dispose();
  }
}

/** Wraps an error thrown by the caller's own callback, so it is not mistaken for a solver failure. */
class CallbackError extends Error {
  constructor(readonly inner: unknown) {
    super('callback failed');
  }
}

/** Resolves `options.highs` (a loader or a loaded runtime) or the registered loader. */
export function loaderOf(highs: HighsLoader | HighsLike | undefined): HighsLoader {
  if (highs && typeof highs !== 'function') return () => Promise.resolve(highs);
  return resolveHighsLoader(highs);
}

/** Runs HiGHS; if the runtime throws, reloads it once and retries before giving up with a clear error. */
export async function runHighs(loader: HighsLoader, req: RunRequest): Promise<RunOutcome> {
  let highs = await loader();
  for (let attempt = 0; ; attempt++) {
    try {
      return runOnce(highs, req);
    } catch (err) {
      if (err instanceof CallbackError) throw err.inner;
      if (attempt > 0) {
        throw new Error(
          `The HiGHS solver failed twice on this model: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      highs = await loader({ reload: true });
    }
  }
}

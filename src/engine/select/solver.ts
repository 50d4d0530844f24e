// The solver port: the few HiGHS calls the engine makes, typed by hand so the engine never imports the
// `highs` package (each surface — CLI, Web Worker — registers a loader that provides the instance).

/** A HiGHS option value, as the persistent API accepts it. */
export type HighsOptionValue = boolean | number | string;

/** A model in the persistent API's structured form (row-wise sparse matrix, minimization). */
export interface HighsModelData {
  readonly numCols: number;
  readonly numRows: number;
  readonly offset?: number;
  readonly colCost: Float64Array | readonly number[];
  readonly colLower: Float64Array | readonly number[];
  readonly colUpper: Float64Array | readonly number[];
  readonly rowLower: Float64Array | readonly number[];
  readonly rowUpper: Float64Array | readonly number[];
  readonly matrix: {
    readonly format: 'csr';
    readonly numRows: number;
    readonly numCols: number;
    readonly starts: Int32Array | readonly number[];
    readonly indices: Int32Array | readonly number[];
    readonly values: Float64Array | readonly number[];
  };
  readonly integrality?: Int32Array;
}

/** Fields of a MIP callback event the engine reads (all optional: not every channel fills each). */
export interface HighsCallbackData {
  readonly running_time?: number;
  readonly mip_primal_bound?: number;
  readonly mip_dual_bound?: number;
  readonly mip_gap?: number;
}

export interface HighsInterruptEvent {
  readonly data: HighsCallbackData;
  interrupt(): void;
}

export interface HighsPassiveEvent {
  readonly data: HighsCallbackData;
}

/** Callbacks by HiGHS C API channel number (stable: 5 = MIP logging, 6 = MIP interrupt). */
export interface HighsCallbacks {
  readonly 5?: (event: HighsPassiveEvent) => undefined;
  readonly 6?: (event: HighsInterruptEvent) => undefined;
}

/** One persistent HiGHS instance (`highs.createModel()`); it must be disposed. */
export interface HighsModelLike {
  readonly options: { set(values: Readonly<Record<string, HighsOptionValue>>): unknown };
  readonly info: { get(name: string): number | bigint };
  passModel(model: HighsModelData): unknown;
  setSolution(solution: { readonly colValue: Float64Array | readonly number[] }): unknown;
  run(callbacks?: HighsCallbacks): { readonly modelStatus: number };
  getSolution(): {
    readonly colValue: Float64Array;
    readonly colDual: Float64Array;
    readonly rowDual: Float64Array;
  };
  getObjectiveValue(): number;
  dispose(): void;
}

/** The loaded HiGHS WebAssembly runtime, as far as the engine uses it. */
export interface HighsLike {
  createModel(): HighsModelLike;
}

/**
 * Provides a ready HiGHS runtime. Loaders cache the instance; `reload` asks for a fresh one after
 * the WebAssembly runtime threw (an aborted wasm instance must not be reused).
 */
export type HighsLoader = (options?: { reload?: boolean }) => Promise<HighsLike>;

/** HiGHS model status codes (stable C API `kHighsModelStatus*`). */
export const HIGHS_STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  unbounded: 10,
  timeLimit: 13,
  iterationLimit: 14,
  solutionLimit: 16,
  interrupted: 17,
} as const;

export const HIGHS_CALLBACK = { mipLogging: 5, mipInterrupt: 6 } as const;

let registered: HighsLoader | undefined;

/** Each surface calls this once at start-up (the CLI with the Node loader, the task pane's Worker with its own). */
export function registerHighsLoader(loader: HighsLoader | undefined): void {
  registered = loader;
}

/** The loader to use: the caller's override, else the registered one; a clear error when there is none. */
export function resolveHighsLoader(override?: HighsLoader): HighsLoader {
  const loader = override ?? registered;
  if (!loader) {
    throw new Error(
      'No HiGHS solver is available: the surface must call registerHighsLoader() (the CLI registers ' +
        'src/cli/highs.ts) or pass options.highs to selectPortfolio.',
    );
  }
  return loader;
}

// The Node loader of the solver port: loads the HiGHS WebAssembly runtime once and hands the same
// instance to every solve; a reload (after the runtime threw) reuses the compiled wasm module.
import loadHighs from 'highs';
import { registerHighsLoader, type HighsLike, type HighsLoader } from '../engine/select';

let instance: Promise<HighsLike> | undefined;

/** Loads (once) and returns the HiGHS runtime; `reload` discards the cached one first. */
export const nodeHighsLoader: HighsLoader = async (options) => {
  if (options?.reload) instance = undefined;
  if (!instance) {
    const loading: Promise<HighsLike> = loadHighs();
    instance = loading;
    // A failed load must not stay cached: the next call tries again.
    loading.catch(() => {
      if (instance === loading) instance = undefined;
    });
  }
  return instance;
};

/** Registers the Node loader with the engine; the CLI, tests and the bench call it at start-up. */
export function useNodeHighs(): HighsLoader {
  registerHighsLoader(nodeHighsLoader);
  return nodeHighsLoader;
}

// Runs the pipeline's solver step in a fresh Web Worker and relays its progress; cancelling terminates
// the worker at once (a running HiGHS solve cannot be interrupted from outside otherwise).
import { AbortError, InputError } from '../engine/errors';
import type { Decide } from '../pipeline/run';
import type { SolveRequest, SolverMessage } from './solverMessages';

export function workerDecide(makeWorker: () => Worker): Decide {
  return (analysis, options) =>
    new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(new AbortError());
      const worker = makeWorker();
      const onAbort = () => {
        finish();
        reject(new AbortError());
      };
      const finish = () => {
        worker.terminate();
        options.signal?.removeEventListener('abort', onAbort);
      };
      options.signal?.addEventListener('abort', onAbort);
      worker.onmessage = (event: MessageEvent<SolverMessage>) => {
        const m = event.data;
        if (m.kind === 'progress') options.onProgress?.(m.progress);
        else if (m.kind === 'done') {
          finish();
          resolve(m.results);
        } else {
          finish();
          reject(m.name === 'InputError' ? new InputError(m.message) : new Error(m.message));
        }
      };
      worker.onerror = (event) => {
        finish();
        reject(new Error(`the solver stopped (${event.message || 'worker error'})`));
      };
      worker.onmessageerror = () => {
        finish();
        reject(new Error('the results of the solver could not be received'));
      };
      const request: SolveRequest = { analysis, skip: options.skip };
      worker.postMessage(request);
    });
}

/** The worker as webpack bundles it (a separate chunk, loaded when the first run starts). */
export function solverWorker(): Worker {
  return new Worker(new URL('./solver.worker.ts', import.meta.url), { name: 'sro-solver' });
}

// The Web Worker the solves run in (SPEC §4.6), so the pane never freezes: HiGHS is loaded here, lazily,
// and cancelling a run ends the worker.
import loadHighs from 'highs';
import { registerHighsLoader, type HighsLike } from '../engine/select';
import { decide } from '../pipeline/run';
import type { SolveRequest, SolverMessage } from './solverMessages';

let instance: Promise<HighsLike> | undefined;
registerHighsLoader(async (options) => {
  if (options?.reload) instance = undefined;
  instance ??= loadHighs();
  return instance;
});

const post = (m: SolverMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (event: MessageEvent<SolveRequest>) => {
  try {
    const { analysis, skip } = event.data;
    const results = await decide(analysis, {
      ...(skip ? { skip } : {}),
      onProgress: (progress) => post({ kind: 'progress', progress }),
    });
    post({ kind: 'done', results });
  } catch (e) {
    post({
      kind: 'error',
      name: e instanceof Error ? e.name : 'Error',
      message: e instanceof Error ? e.message : String(e),
    });
  }
};

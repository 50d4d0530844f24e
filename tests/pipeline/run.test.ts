// The shared pipeline on the add-in's gateway (the simulator standing in for Excel): every output sheet
// from the sample, progress in stage order, and a cancelled run that writes nothing.
import { runPipeline, type PipelineProgress } from '../../src/pipeline/run';
import { AbortError } from '../../src/engine/errors';
import { useNodeHighs } from '../../src/cli/highs';
import { gatewayOn, SAMPLE, simulatorOf } from '../office/support';

beforeAll(() => useNodeHighs());

test('the sample through the Office gateway: every output sheet, progress in order, 5 syncs', async () => {
  const sim = await simulatorOf(SAMPLE);
  const events: PipelineProgress[] = [];
  const run = await runPipeline(gatewayOn(sim), { onProgress: (p) => events.push(p) });
  expect(Object.values(run.written).sort()).toEqual(
    [
      'SRO Data Issues',
      'SRO Frontier',
      'SRO Ranking',
      'SRO Recommendations',
      'SRO Settings',
      'SRO Summary',
    ].sort(),
  );
  for (const name of Object.values(run.written)) expect(sim.sheetNames()).toContain(name);
  const stages = events.map((e) => e.stage).filter((s, i, a) => a.indexOf(s) === i);
  expect(stages).toEqual(['read', 'analyze', 'select', 'frontier', 'sensitivity', 'write']);
  const fractions = events.map((e) => e.fraction);
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(fractions.at(-1)).toBe(1);
  expect(sim.syncs).toBe(5);
}, 120_000);

test('a cancelled run stops with AbortError and leaves the workbook as it was', async () => {
  const sim = await simulatorOf(SAMPLE);
  const before = sim.sheetNames();
  const controller = new AbortController();
  const run = runPipeline(gatewayOn(sim), {
    signal: controller.signal,
    onProgress: (p) => {
      if (p.stage === 'select') controller.abort();
    },
  });
  await expect(run).rejects.toBeInstanceOf(AbortError);
  expect(sim.sheetNames()).toEqual(before);
});

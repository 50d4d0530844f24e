// The add-in's round trips (SPEC §5.2, §6): a full run — read every input table, select, recommend,
// write every output sheet — through the Office.js adapter on the Excel simulator, at 100 and at 10,000
// projects. The number of `context.sync()` calls must be the same at both sizes, and at most 8. On
// Excel on the web (also at 20,000 projects) every request and response must stay under 5 MB as the
// simulator counts them: UTF-8 bytes of the data plus 250 bytes per operation (OP_BYTES).
import { ExcelSimulator, type SimRequestContext } from '../tests/support/excelSim/index';
import { seedFromXlsx } from '../tests/support/excelSim/fromXlsx';
import { OfficeWorkbookGateway, type ExcelRun } from '../src/workbook/office/gateway';
import { WEB_PAYLOAD_LIMIT } from '../src/workbook/office/budget';
import { runPipeline } from '../src/pipeline/run';
import { useNodeHighs } from '../src/cli/highs';
import { fmtSeconds, printTable } from './harness';
import { syntheticXlsx } from './syntheticXlsx';

export async function benchOffice(): Promise<void> {
  useNodeHighs();
  const rows = [];
  const counts: number[] = [];
  const MB = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  for (const [n, web] of [
    [100, false],
    [10_000, false],
    [100, true],
    [10_000, true],
    [20_000, true],
  ] as const) {
    const sim = new ExcelSimulator(await seedFromXlsx(await syntheticXlsx(n)), {
      apiVersion: '1.13',
      ...(web ? { payloadLimitBytes: 5_000_000 } : {}),
    });
    // The simulator implements the subset of Excel.RequestContext the adapter uses, not the whole type.
    const run = ((batch: (c: SimRequestContext) => Promise<unknown>) =>
      sim.run(batch)) as unknown as ExcelRun;
    const gateway = new OfficeWorkbookGateway({
      run,
      isSetSupported: (a, v) => sim.isSetSupported(a, v),
      ...(web ? { payloadLimit: WEB_PAYLOAD_LIMIT } : {}),
    });
    const t0 = performance.now();
    // From 10,000 projects without the frontier and the sensitivity, as in the end-to-end bench: the
    // number of syncs does not depend on them (they add solves, not round trips).
    const result = await runPipeline(gateway, { skip: { frontier: n > 1000, sensitivity: n > 1000 } });
    const seconds = (performance.now() - t0) / 1000;
    if (!web) counts.push(sim.syncs);
    rows.push({
      host: web ? 'Excel on the web (5 MB limit)' : 'Excel on Windows / Mac',
      projects: n,
      'Excel.run calls': sim.runs,
      syncs: sim.syncs,
      'largest request': MB(sim.maxRequestBytes),
      'largest response': MB(sim.maxResponseBytes),
      'output sheets': Object.keys(result.written).length,
      'run time (simulated Excel)': fmtSeconds(seconds),
      target: web ? 'every request and response ≤ 5 MB' : '≤ 8, same at both sizes',
    });
  }
  const met = counts.every((c) => c === counts[0] && c <= 8) ? 'yes' : 'NO';
  printTable(
    'Add-in round trips: a full run through the Office.js adapter on the Excel simulator',
    rows.map((r) => ({
      ...r,
      met: r.host.startsWith('Excel on the web')
        ? Number.parseFloat(r['largest request']) <= 5 && Number.parseFloat(r['largest response']) <= 5
          ? 'yes'
          : 'NO'
        : met,
    })),
  );
}

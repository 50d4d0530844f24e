// The architecture rule of SPEC §5 is enforced by ESLint; this proves the rule fires, so a config
// change that silently drops it fails here. ESLint's flat config is an ES module, which jest's CommonJS
// runtime cannot import, so the probes are linted in one CLI run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

const probes: Record<string, { file: string; code: string }> = {
  nodeFs: { file: 'src/engine/__probe_nodefs.ts', code: "import fs from 'node:fs';\nexport const x = fs;\n" },
  path: { file: 'src/engine/__probe_path.ts', code: "import path from 'path';\nexport const x = path;\n" },
  exceljs: {
    file: 'src/engine/__probe_exceljs.ts',
    code: "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n",
  },
  react: {
    file: 'src/engine/__probe_react.ts',
    code: "import React from 'react';\nexport const x = React;\n",
  },
  fluent: {
    file: 'src/engine/__probe_fluent.ts',
    code: "import { Button } from '@fluentui/react-components';\nexport const x = Button;\n",
  },
  adapter: {
    file: 'src/engine/__probe_adapter.ts',
    code: "import { XlsxWorkbookReader } from '../workbook/xlsx/read';\nexport const x = XlsxWorkbookReader;\n",
  },
  highs: {
    file: 'src/engine/__probe_highs.ts',
    code: "import highs from 'highs';\nexport const x = highs;\n",
  },
  globals: { file: 'src/engine/__probe_globals.ts', code: 'export const x = [Office, process.env];\n' },
  engineOk: {
    file: 'src/engine/__probe_ok.ts',
    code: "import { formatMoney } from './format';\nexport const x = formatMoney;\n",
  },
  reportExceljs: {
    file: 'src/report/__probe_exceljs.ts',
    code: "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n",
  },
  reportPort: {
    file: 'src/report/__probe_port.ts',
    code: "import type { TableInfo } from '../workbook/port';\nexport type X = TableInfo;\n",
  },
  pipelineAdapter: {
    file: 'src/pipeline/__probe_adapter.ts',
    code: "import { XlsxWorkbookGateway } from '../workbook/xlsx/gateway';\nexport const x = XlsxWorkbookGateway;\n",
  },
  pipelineOffice: { file: 'src/pipeline/__probe_office.ts', code: 'export const x = Excel.run;\n' },
  pipelineOk: {
    file: 'src/pipeline/__probe_ok.ts',
    code: "import type { WorkbookGateway } from '../workbook/port';\nimport { analyzeWorkbook } from '../engine/analyze';\nexport type X = WorkbookGateway;\nexport const y = analyzeWorkbook;\n",
  },
  reportOk: {
    file: 'src/report/__probe_ok.ts',
    code: "import { formatMoney } from '../engine/format';\nexport const x = formatMoney;\n",
  },
  // The stages of the engine (docs/architecture.md): each forbidden direction, and the allowed ones.
  kernelStage: { file: 'src/engine/__probe_kernel.ts', code: "export { readProjects } from './read';\n" },
  readScore: {
    file: 'src/engine/read/__probe_score.ts',
    code: "export { analyzeWorkbook } from '../score';\n",
  },
  readSelect: { file: 'src/engine/read/__probe_select.ts', code: "export { reduce } from '../select';\n" },
  readDecide: { file: 'src/engine/read/__probe_decide.ts', code: "export { recommend } from '../decide';\n" },
  scoreSelect: { file: 'src/engine/score/__probe_select.ts', code: "export { reduce } from '../select';\n" },
  scoreDecide: {
    file: 'src/engine/score/__probe_decide.ts',
    code: "export { recommend } from '../decide/recommend';\n",
  },
  scoreDeep: {
    file: 'src/engine/score/__probe_deep.ts',
    code: "export { parseNumber } from '../read/cells';\n",
  },
  selectRead: { file: 'src/engine/select/__probe_read.ts', code: "export { parseNumber } from '../read';\n" },
  selectScore: { file: 'src/engine/select/__probe_score.ts', code: "export { npv } from '../score';\n" },
  selectDecide: {
    file: 'src/engine/select/__probe_decide.ts',
    code: "export { recommend } from '../decide';\n",
  },
  decideDeep: {
    file: 'src/engine/decide/__probe_deep.ts',
    code: "export { reduce } from '../select/reduce';\n",
  },
  reportDeep: {
    file: 'src/report/__probe_deep.ts',
    code: "export type { Analysis } from '../engine/score/analyze';\n",
  },
  workbookDeep: {
    file: 'src/workbook/__probe_deep.ts',
    code: "export { cellText } from '../engine/read/cells';\n",
  },
  pipelineDeep: {
    file: 'src/pipeline/__probe_deep.ts',
    code: "export { rationalize } from '../engine/decide/rationalize';\n",
  },
  cliDeep: {
    file: 'src/cli/__probe_deep.ts',
    code: "export { selectPortfolio } from '../engine/select/optimize';\n",
  },
  testsDeep: {
    file: 'tests/report/__probe_deep.ts',
    code: "export { analyzeWorkbook } from '../../src/engine/score/analyze';\n",
  },
  testsOtherStage: {
    file: 'tests/engine/select/__probe_other.ts',
    code: "export { parseNumber } from '../../../src/engine/read/cells';\n",
  },
  scoreOk: { file: 'src/engine/score/__probe_ok.ts', code: "export { parseNumber } from '../read';\n" },
  decideOk: {
    file: 'src/engine/decide/__probe_ok.ts',
    code: "export { parseNumber } from '../read';\nexport { npv } from '../score';\nexport { reduce } from '../select';\n",
  },
  testsStageOk: {
    file: 'tests/engine/select/__probe_ok.ts',
    code: "export { reduce } from '../../../src/engine/select/reduce';\nexport { npv } from '../../../src/engine/score';\n",
  },
  // A list as long as the project count is never spread into a call (issue 17).
  spreadMax: {
    file: 'src/report/__probe_spread.ts',
    code: 'export const f = (xs: number[]) => [Math.max(...xs), Math.min(0, ...xs)];\n',
  },
  spreadPush: {
    file: 'src/workbook/__probe_push.ts',
    code: 'export const f = (a: number[], b: number[]) => {\n  a.push(...b);\n  a.unshift(...b);\n  return Math.max.apply(null, b);\n};\n',
  },
  spreadOk: {
    file: 'src/cli/__probe_spread_ok.ts',
    code: 'export const f = (a: number[], b: number[]) => [Math.max(a[0]!, 2), [...a, ...b], { ...{ a } }];\n',
  },
};

let messages: Record<string, string[]> = {};

beforeAll(() => {
  const written: string[] = [];
  const reportDir = path.join(root, 'src/report');
  const hadReportDir = fs.existsSync(reportDir);
  try {
    for (const { file, code } of Object.values(probes)) {
      const full = path.join(root, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, code);
      written.push(full);
    }
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/eslint/bin/eslint.js'),
        '--format',
        'json',
        ...Object.values(probes).map((p) => p.file),
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const results = JSON.parse(r.stdout) as {
      filePath: string;
      messages: { ruleId: string | null; message: string }[];
    }[];
    messages = Object.fromEntries(
      Object.entries(probes).map(([key, p]) => {
        const res = results.find((x) => x.filePath === path.join(root, p.file));
        return [key, (res?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)];
      }),
    );
  } finally {
    for (const f of written) fs.rmSync(f, { force: true });
    if (!hadReportDir) fs.rmdirSync(reportDir);
  }
}, 120000);

describe('pure core boundaries (SPEC §5)', () => {
  test.each([
    ['nodeFs', 'Node builtins'],
    ['path', 'Node builtins'],
    ['exceljs', 'ExcelJS'],
    ['react', 'React'],
    ['fluent', 'React'],
    ['adapter', 'other src/ folders'],
    ['highs', 'loader'],
    ['reportExceljs', 'ExcelJS'],
    ['reportPort', 'only the engine'],
    ['pipelineAdapter', 'workbook port only'],
  ])('%s is rejected (%s)', (key, why) => {
    expect(messages[key]!.some((m) => m.startsWith('no-restricted-imports') && m.includes(why))).toBe(true);
  });

  test('Office and process globals are rejected in the engine', () => {
    expect(messages.globals!.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(2);
    expect(messages.pipelineOffice!.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(1);
  });

  test('imports inside the pure core are allowed', () => {
    expect(messages.engineOk).toEqual([]);
    expect(messages.reportOk).toEqual([]);
    expect(messages.pipelineOk).toEqual([]);
  });
});

describe('engine stages point one way (docs/architecture.md)', () => {
  test.each([
    ['kernelStage', 'kernel imports no stage'],
    ['readScore', 'read stage uses only the kernel'],
    ['readSelect', 'read stage uses only the kernel'],
    ['readDecide', 'read stage uses only the kernel'],
    ['scoreSelect', 'score stage uses only the kernel and read'],
    ['scoreDecide', 'score stage uses only the kernel and read'],
    ['selectRead', 'select stage knows nothing of workbooks'],
    ['selectScore', 'select stage knows nothing of workbooks'],
    ['selectDecide', 'select stage knows nothing of workbooks'],
  ])('%s is rejected (%s)', (key, why) => {
    expect(messages[key]!.some((m) => m.startsWith('no-restricted-imports') && m.includes(why))).toBe(true);
  });

  test.each([['scoreDeep'], ['decideDeep']])('%s: another stage only through its index', (key) => {
    expect(messages[key]!.some((m) => m.includes('through its index (e.g. ../read)'))).toBe(true);
  });

  test.each([
    ['reportDeep'],
    ['workbookDeep'],
    ['pipelineDeep'],
    ['cliDeep'],
    ['testsDeep'],
    ['testsOtherStage'],
  ])('%s: outside the engine, a stage only through its index', (key) => {
    expect(messages[key]!.some((m) => m.includes('Import an engine stage through its index'))).toBe(true);
  });

  test("allowed directions pass: score → read, decide → every stage, a stage's tests → its files", () => {
    expect(messages.scoreOk).toEqual([]);
    expect(messages.decideOk).toEqual([]);
    expect(messages.testsStageOk).toEqual([]);
  });
});

describe('no spread of a long list into a call (issue 17)', () => {
  const spreadErrors = (key: string) => messages[key]!.filter((m) => m.startsWith('no-restricted-syntax'));

  test('Math.max(...xs), Math.min(0, ...xs), push(...), unshift(...) and apply(null, xs) are rejected in src/', () => {
    expect(spreadErrors('spreadMax')).toEqual([
      expect.stringContaining('use maxOf/minOf'),
      expect.stringContaining('use maxOf/minOf'),
    ]);
    expect(spreadErrors('spreadPush')).toHaveLength(3);
  });

  test('spreads into arrays and objects, and Math.max of a few values, pass', () => {
    expect(messages.spreadOk).toEqual([]);
  });
});

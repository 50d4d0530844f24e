// Lint: typescript-eslint strict rules, the Office add-in rules, and the architecture boundaries of SPEC §5.
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'url',
  'util',
  'crypto',
  'stream',
  'events',
  'http',
  'https',
  'net',
  'zlib',
  'buffer',
  'process',
  'module',
  'perf_hooks',
  'readline',
  'assert',
];

// The pure core (SPEC §5): no Office, React, ExcelJS, Node builtins, or another src/ folder.
const purePatterns = [
  {
    group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)],
    message: 'The pure core must not use Node builtins (SPEC §5).',
  },
  {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*'],
    message: 'The pure core must not use React (SPEC §5).',
  },
  { group: ['exceljs', 'exceljs/*'], message: 'The pure core must not use ExcelJS (SPEC §5).' },
  {
    group: ['office-js', '@microsoft/office-js', 'office-addin-*'],
    message: 'The pure core must not use Office (SPEC §5).',
  },
  {
    group: ['highs', 'highs/*'],
    message: 'The engine receives HiGHS through a loader each surface provides (SPEC §5).',
  },
];
const otherSrc = (except) =>
  ['engine', 'report', 'workbook', 'pipeline', 'taskpane', 'commands', 'cli']
    .filter((d) => !except.includes(d))
    .map((d) => `**/${d}/**`)
    .concat(
      ['**/../workbook', '**/../pipeline', '**/../taskpane', '**/../commands', '**/../cli'].filter(
        (p) => !except.some((e) => p.endsWith(e)),
      ),
    );

const STAGES = ['read', 'score', 'select', 'decide'];

/** Code outside the engine reaches a stage through its index (`engine/select`), never a file inside it. */
const deepEngineExcept = (own) => ({
  regex: `(^|/)engine/(${STAGES.filter((s) => s !== own).join('|')})/`,
  message:
    'Import an engine stage through its index (e.g. engine/select), not a file inside it (docs/architecture.md).',
});
const deepEngine = deepEngineExcept(null);

/**
 * The rules of one engine folder: the pure core's bans, the stages it may not use at all, and no deep
 * import into another stage (only its index). `prefix` is how the folder names a stage ('../' or './').
 */
const engineStage = (files, forbidden, message, prefix = '../') => {
  const others = STAGES.filter((s) => prefix === '../' && !files.includes(`/${s}/`));
  const patterns = [...purePatterns];
  if (forbidden.length)
    patterns.push({
      regex: `^${prefix.replace(/\./g, '\\.')}(${forbidden.join('|')})(/|$)`,
      message: `${message} (docs/architecture.md)`,
    });
  if (others.length)
    patterns.push({
      regex: `^\\.\\./(${others.join('|')})/`,
      message:
        'Another stage is reached through its index (e.g. ../read), not a file inside it (docs/architecture.md).',
    });
  patterns.push({
    group: otherSrc(['engine']),
    message: 'src/engine imports nothing from other src/ folders (SPEC §5).',
  });
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': ['error', { patterns }],
        'no-restricted-globals': [
          'error',
          { name: 'Excel', message: 'No Office in the engine.' },
          { name: 'Office', message: 'No Office in the engine.' },
          { name: 'process', message: 'No Node in the engine.' },
          { name: 'require', message: 'No Node in the engine.' },
        ],
      },
    },
  ];
};

// The plugin's recommended preset also turns on Prettier-as-a-lint-rule; we take only its Office rules
// (Prettier runs on its own in `npm run lint`).
const officeAddinRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-harness/**',
      'out/**',
      'coverage/**',
      '.scratch/**',
      '.bench-tmp/**',
      '*.config.js',
      '*.config.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    // Build scripts webpack and CI load with require (CommonJS).
    files: ['scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The Excel JavaScript API rules (load before read, sync before read, no sync in loops) on the code
    // that talks to Excel; elsewhere `getCell(...).value` is ExcelJS and the rules would misfire.
    files: [
      'src/workbook/office/**/*.ts',
      'src/taskpane/**/*.{ts,tsx}',
      'src/commands/**/*.ts',
      'tests/support/excelSim/**/*.ts',
    ],
    plugins: { 'office-addins': officeAddins },
    rules: { ...officeAddinRules, 'office-addins/no-context-sync-in-loop': 'error' },
  },
  {
    // A list as long as the project count must never be spread into a call's arguments (every item goes
    // on the stack: RangeError past about 100,000 projects, issue 17). engine/extremes has maxOf/minOf.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message:
            'Math.max/min(...list) overflows the stack on a long list: use maxOf/minOf (src/engine/extremes.ts).',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(push|unshift|splice|fromCharCode|fromCodePoint)$/] > SpreadElement',
          message:
            'Spreading a list into push/unshift/splice/fromCharCode overflows the stack on a long list: loop.',
        },
        {
          selector: "CallExpression[callee.property.name='apply'][arguments.length=2]",
          message: 'f.apply(this, list) passes every item on the stack: loop over the list instead.',
        },
      ],
    },
  },
  // The engine's stages (docs/architecture.md): a kernel (src/engine/*.ts) that imports no stage; read uses
  // only the kernel; score uses read; select stands alone (any 0-1 program); decide uses all three. A
  // stage reaches another through its index only.
  ...engineStage('src/engine/**/*.ts', [], ''),
  ...engineStage(
    'src/engine/*.ts',
    ['read', 'score', 'select', 'decide'],
    'The engine kernel imports no stage.',
    './',
  ),
  ...engineStage(
    'src/engine/read/**/*.ts',
    ['score', 'select', 'decide'],
    'The read stage uses only the kernel.',
  ),
  ...engineStage(
    'src/engine/score/**/*.ts',
    ['select', 'decide'],
    'The score stage uses only the kernel and read.',
  ),
  ...engineStage(
    'src/engine/select/**/*.ts',
    ['read', 'score', 'decide'],
    'The select stage knows nothing of workbooks: it uses only the kernel.',
  ),
  ...engineStage('src/engine/decide/**/*.ts', [], ''),
  {
    files: ['src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...purePatterns,
            deepEngine,
            {
              group: otherSrc(['report', 'engine']),
              message: 'src/report may use only the engine (SPEC §5).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'No Office in the report model.' },
        { name: 'Office', message: 'No Office in the report model.' },
        { name: 'process', message: 'No Node in the report model.' },
      ],
    },
  },
  {
    // The pipeline orchestrates the pure parts through the port; adapters and surfaces stay outside it.
    files: ['src/pipeline/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...purePatterns,
            deepEngine,
            {
              group: [
                '**/workbook/xlsx/**',
                '**/workbook/office/**',
                '**/taskpane/**',
                '**/cli/**',
                '**/commands/**',
              ],
              message: 'src/pipeline uses the engine, the report and the workbook port only (SPEC §5).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'No Office in the pipeline.' },
        { name: 'Office', message: 'No Office in the pipeline.' },
        { name: 'process', message: 'No Node in the pipeline.' },
      ],
    },
  },
  {
    // Surfaces, tests, the bench and scripts reach the engine's stages through their indexes.
    files: [
      'src/cli/**/*.ts',
      'src/taskpane/**/*.{ts,tsx}',
      'src/commands/**/*.ts',
      'tests/**/*.{ts,tsx}',
      'bench/**/*.ts',
      'scripts/**/*.ts',
    ],
    ignores: ['tests/engine/*/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepEngine] }] },
  },
  // A stage's own unit tests may open its files; another stage only through its index.
  ...['read', 'score', 'select', 'decide'].map((stage) => ({
    files: [`tests/engine/${stage}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepEngineExcept(stage)] }] },
  })),
  {
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepEngine,
            {
              group: ['**/taskpane/**', '**/cli/**', '**/pipeline/**', '**/commands/**'],
              message: 'Adapters implement the port; they do not call outward layers (SPEC §5).',
            },
          ],
        },
      ],
    },
  },
);

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
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...purePatterns,
            {
              group: otherSrc(['engine']),
              message: 'src/engine imports nothing from other src/ folders (SPEC §5).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'No Office in the engine.' },
        { name: 'Office', message: 'No Office in the engine.' },
        { name: 'process', message: 'No Node in the engine.' },
        { name: 'require', message: 'No Node in the engine.' },
      ],
    },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...purePatterns,
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
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
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

/** Jest runs the TypeScript sources through ts-jest as CommonJS; `npm run typecheck` does the type checking. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: {
          module: 'CommonJS',
          moduleResolution: 'Node10',
          isolatedModules: true,
          verbatimModuleSyntax: false,
        },
      },
    ],
  },
  testTimeout: 60000,
};

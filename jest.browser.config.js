/** The browser tests (Chromium via playwright-core on the built harness page): `npm run test:browser`. */
/** @type {import('jest').Config} */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/tests/browser/**/*.browser.ts'],
  testTimeout: 180000,
  // One browser at a time: the machine has two cores and each run solves in a worker.
  maxWorkers: 1,
};

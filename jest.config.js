// One jest run for the whole monorepo: unit and integration tests beside the code, and
// end-to-end tests in test/. All share one embedded PostgreSQL started in globalSetup.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
swcrc.module = { type: 'commonjs' };

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/infra', '<rootDir>/test'],
  testMatch: ['**/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
    // jose is ESM-only; jest (unlike Node 20.19+) cannot require ESM, so it is compiled for the tests.
    'node_modules/jose/.+\\.js$': ['@swc/jest', { ...swcrc, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: '<rootDir>/packages/dev-postgres/dist/global-setup.js',
  globalTeardown: '<rootDir>/packages/dev-postgres/dist/global-teardown.js',
  maxWorkers: 2,
  testTimeout: 60_000,
};

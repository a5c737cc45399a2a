/**
 * Unit, use-case, adapter and handler tests run in node; front-end component tests in jsdom.
 * Projects by layer, so a loop can pick what it needs (`npm run test:quick`: domain, app,
 * adapters; `npm run test:unit`: domain and ui); `npx jest` runs them all. Every test file
 * belongs to exactly one project: `handler` takes whatever the layer projects leave.
 *
 * The test timeout is sized for a loaded 2-core machine (issue 16: jest's default 5 s failed 50-way
 * races and a settings form test there); a file that needs longer says so with `jest.setTimeout`.
 */
// SWC transpiles only (tsconfig's isolatedModules holds the code to what that can do): the types are checked by both tsc
// runs of the static checks. It is many times faster on a fresh clone, where nothing is cached yet.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
    module: { type: 'commonjs' },
  },
];
const transform = { '^.+\\.tsx?$': swc };
// The one way a front end reaches the backend (src/contract); static/tsconfig.json and static/shared/vite-config.ts say the same.
const moduleNameMapper = { '^@goalkeeper/contract$': '<rootDir>/src/contract/index.ts' };

const LAYER_DIRECTORIES = {
  domain: ['domain'],
  app: ['app', 'events', 'resolvers'],
  adapters: ['jira', 'store', 'sandbox'],
};

const nodeProject = (displayName, directories) => ({
  displayName,
  testEnvironment: 'node',
  roots: directories.map((directory) => `<rootDir>/test/${directory}`),
  testMatch: ['**/*.test.ts'],
  transform,
  moduleNameMapper,
});

module.exports = {
  // Jest reads the test timeout from the global configuration only: a project's `testTimeout` is ignored
  // (measured with Jest 30: a test in a project given 60 s stopped at the default 5 s, and so did 50-way
  // races under load). One ceiling for all, sized for a loaded 2-core machine; it only matters for a
  // test that hangs.
  testTimeout: 120_000,
  // Jest's default (cores - 1) runs a 2-core machine in band: one file at a time, the other core idle
  // while a browser test waits on Chromium or a handler test on the sandbox. Two workers there cut
  // the e2e directory from 3 min 19 s to 2 min 20 s (issue 16); on more cores, Jest's default.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  globalSetup: '<rootDir>/test/support/figures-global-setup.js',
  globalTeardown: '<rootDir>/test/support/figures-global-teardown.js',
  reporters: ['default', '<rootDir>/test/support/test-counts-reporter.js'],
  projects: [
    nodeProject('domain', LAYER_DIRECTORIES.domain),
    // Use cases and handlers boot the sandbox (Jira stand-in, KVS and queue emulators) per test.
    nodeProject('app', LAYER_DIRECTORIES.app),
    nodeProject('adapters', LAYER_DIRECTORIES.adapters),
    {
      // Security (50-way races, fuzzing, fault injection), the Jira contract, the builds, e2e.
      displayName: 'handler',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        ...Object.values(LAYER_DIRECTORIES)
          .flat()
          .map((directory) => `<rootDir>/test/${directory}/`),
      ],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/static'],
      testMatch: ['**/*.test.tsx'],
      transform,
      moduleNameMapper,
    },
  ],
};

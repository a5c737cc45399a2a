/** Unit, use-case, adapter and handler tests run in node; front-end component tests in jsdom. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
module.exports = {
  globalSetup: '<rootDir>/test/support/figures-global-setup.js',
  globalTeardown: '<rootDir>/test/support/figures-global-teardown.js',
  reporters: ['default', '<rootDir>/test/support/test-counts-reporter.js'],
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/static'],
      testMatch: ['**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
  ],
};

/**
 * The end of `npm test`: the `[reliability]` figure lines the security suite reported (from every
 * Jest worker, via a file named in the environment) printed together, then one plain closing
 * line `tests: N passed, N failed` that CI and people can read at a glance.
 * globalSetup names the file, the reporter notes the counts, globalTeardown (which Jest runs after
 * its own summary) prints. Plain JS because Jest loads these files directly.
 */
const { mkdtempSync, readFileSync, existsSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const FIGURES_FILE = 'GOALKEEPER_FIGURES_FILE';
const COUNTS = 'GOALKEEPER_TEST_COUNTS';

async function setup() {
  process.env[FIGURES_FILE] = join(mkdtempSync(join(tmpdir(), 'goalkeeper-figures-')), 'figures.txt');
}

async function teardown() {
  const file = process.env[FIGURES_FILE];
  if (file && existsSync(file)) {
    const lines = [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))].sort();
    process.stdout.write(`\nReliability and security figures (test/security):\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    rmSync(file, { force: true });
  }
  const [passed, failed] = (process.env[COUNTS] ?? '').split(',');
  if (passed !== undefined && failed !== undefined) process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
}

class TestCountsReporter {
  onRunComplete(_contexts, results) {
    process.env[COUNTS] = `${results.numPassedTests},${results.numFailedTests}`;
  }
}

module.exports = { setup, teardown, TestCountsReporter };

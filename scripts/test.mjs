#!/usr/bin/env node
/**
 * `npm test` (issue 16): everything, as CI runs it. First the builds jest needs (the bundles the
 * e2e and bundle tests load, then Atlassian's linter); then jest and the static checks side by side.
 *
 * Why side by side: jest keeps the machine's cores only about 60% busy (its browser tests wait on
 * Chromium, its handler tests on the sandbox), while the checks (both type-checks, ESLint,
 * Prettier, the dependency rules) keep two cores full for 40–50 s. Run after jest they add that
 * wall time; run beside it at low priority (static-checks.mjs --background) they take only the
 * CPU jest leaves idle. Jest's output streams as it runs; the checks' summary follows it, and the
 * command fails when either does. Arguments go to jest (`npm test -- test/e2e`).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILDS = ['build:backend', 'build:static+lint:forge'];
const CHECKS = ['lint', 'typecheck', 'typecheck:static', 'format', 'deps', 'contract-imports'];

/** Runs a command from the project's root; resolves with its exit code and, when asked, its output. */
function run(command, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const staticChecks = (...args) => [join(ROOT, 'scripts', 'static-checks.mjs'), ...args];

const builds = await run(process.execPath, staticChecks('--with-builds', '--only', BUILDS.join(',')));
if (builds.code !== 0) process.exit(builds.code);

const [tests, checks] = await Promise.all([
  run(process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)]),
  run(process.execPath, staticChecks('--background', '--only', CHECKS.join(',')), { capture: true }),
]);
process.stdout.write(`\n${checks.output}`);
process.exit(tests.code !== 0 ? tests.code : checks.code);

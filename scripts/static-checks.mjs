#!/usr/bin/env node
/**
 * The checks `npm test` and `npm run test:quick` run before any test (issue 16): both type-checks,
 * ESLint (type-aware, layer rules, no warning allowed), dependency-cruiser's layer rules, the
 * contract-import check (no static file imports src/ but through @goalkeeper/contract) and Prettier;
 * with `--with-builds` also the builds jest needs and Atlassian's linter. They run side by side, as
 * many at once as the machine has cores, longest first, and end in one summary; each failing check's
 * output is printed after it.
 *
 *   node scripts/static-checks.mjs --with-builds  # all checks and the builds jest needs (`npm test`)
 *   node scripts/static-checks.mjs            # all checks (`npm run check`)
 *   node scripts/static-checks.mjs --cache    # ESLint reuses node_modules/.cache/eslint (`npm run test:quick`)
 *   node scripts/static-checks.mjs --only lint,deps
 *   node scripts/static-checks.mjs --background  # at low CPU priority, beside jest (scripts/test.mjs)
 *
 * Why ESLint's cache is only for the quick loop: it keys a file's result on that file alone, while
 * type-aware rules (switch-exhaustiveness-check, no-floating-promises) also read the types of the
 * files it imports, so a warm cache can keep a stale verdict after another file changed. Prettier's
 * cache keys on the file's content and the options, which is all its verdict depends on, and tsc's
 * incremental state is exact: both always used (a fresh clone, as in CI, starts without them).
 */
import { spawn } from 'node:child_process';
import { availableParallelism, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

const args = process.argv.slice(2);
const cached = args.includes('--cache');
const withBuilds = args.includes('--with-builds');
// Below jest in the scheduler's eyes (children inherit it): the checks take only the CPU jest leaves
// idle while its browser tests wait, so they cost the tests nothing they would notice (10 of 19).
if (args.includes('--background')) setPriority(10);
const onlyAt = args.indexOf('--only');
const only = onlyAt === -1 ? null : new Set((args[onlyAt + 1] ?? '').split(','));

/** tsc's own incremental state: exact (it re-checks whatever a change can reach), so used by both loops. */
const incremental = (name) => ['--incremental', '--tsBuildInfoFile', join(CACHE, 'tsc', `${name}.tsbuildinfo`)];

/**
 * `seconds`: CPU seconds each took from cold on a 2-core machine; the longest start first, so the long
 * pole runs from the start and the short ones share the other core.
 */
const CHECKS = [
  {
    name: 'lint',
    seconds: 35,
    command: bin('eslint'),
    args: [
      '.',
      '--max-warnings=0',
      ...(cached ? ['--cache', '--cache-strategy', 'content', '--cache-location', join(CACHE, 'eslint') + '/'] : []),
    ],
  },
  { name: 'typecheck', seconds: 24, command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json', ...incremental('backend')] },
  {
    name: 'typecheck:static',
    seconds: 24,
    command: bin('tsc'),
    args: ['--noEmit', '-p', 'static/tsconfig.json', ...incremental('static')],
  },
  {
    name: 'format',
    seconds: 11,
    command: bin('prettier'),
    args: [
      '--check',
      '--log-level',
      'warn',
      '--cache',
      '--cache-location',
      join(CACHE, 'prettier', '.prettiercache'),
      '**/*.{ts,tsx,js,cjs,mjs,css}',
    ],
  },
  {
    name: 'deps',
    seconds: 3,
    command: bin('depcruise'),
    args: ['src', 'static', 'test', 'sandbox', 'bench', 'scripts', '--config', '.dependency-cruiser.cjs'],
  },
  { name: 'contract-imports', seconds: 3, command: process.execPath, args: ['scripts/codemods/static-imports-to-contract.mjs', '--check'] },
  ...(withBuilds
    ? [
        // What `npm test` needs before jest starts, in the same pool so no core waits: the bundles
        // the e2e and bundle tests load, and Atlassian's linter on the manifest and the code.
        { name: 'build:backend', seconds: 14, command: process.execPath, args: ['scripts/build-backend.cjs'] },
        // Atlassian's linter checks that every resource the manifest names exists, so the static builds come first.
        {
          name: 'build:static+lint:forge',
          seconds: 13,
          command: process.execPath,
          args: [
            '-e',
            "const { execFileSync: run } = require('node:child_process'); for (const script of ['scripts/build-static.mjs', 'scripts/forge-lint.cjs']) run(process.execPath, [script], { stdio: 'inherit' });",
          ],
        },
      ]
    : []),
]
  .filter((check) => !only || only.has(check.name))
  .sort((a, b) => b.seconds - a.seconds);

if (only) {
  const unknown = [...only].filter((name) => !CHECKS.some((check) => check.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown check(s): ${unknown.join(', ')}`);
    process.exit(2);
  }
}

function run(check) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(check.command, check.args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) =>
      resolve({ check, code: 1, output: `${output}${error.message}\n`, seconds: (performance.now() - started) / 1000 }),
    );
    child.on('close', (code) => resolve({ check, code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

async function runAll(checks, width) {
  const results = [];
  const queue = [...checks];
  const worker = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const result = await run(check);
      results.push(result);
      console.log(`${result.code === 0 ? 'pass' : 'FAIL'}  ${check.name} (${result.seconds.toFixed(1)} s)`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, checks.length) }, worker));
  return results;
}

const started = performance.now();
const results = await runAll(CHECKS, availableParallelism());
const failed = results.filter((result) => result.code !== 0);
/** A failing check's output, its first lines when long (Prettier lists every unformatted file). */
const MAX_LINES = 80;
const shown = (output) => {
  const lines = output.trimEnd().split('\n');
  return lines.length <= MAX_LINES
    ? lines.join('\n')
    : [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more lines`].join('\n');
};
for (const { check, output } of failed)
  console.log(`\n── ${check.name}: ${[check.command.replace(`${ROOT}/`, ''), ...check.args].join(' ')}\n${shown(output)}`);
console.log(
  `\nstatic checks: ${results.length - failed.length} of ${results.length} passed in ${((performance.now() - started) / 1000).toFixed(1)} s` +
    `${cached ? ' (ESLint cache on)' : ''}${failed.length > 0 ? `; failed: ${failed.map((result) => result.check.name).join(', ')}` : ''}`,
);
process.exit(failed.length > 0 ? 1 : 0);

/**
 * Bundles the backend the way `forge deploy` does, offline, into build/backend/, prints its size,
 * and exits 1 on any webpack or ts-loader error.
 *
 * Every step is Atlassian's own code, called in the order @forge/cli 13 calls it
 * (out/deploy/packager/runtime-bundler.js and out/command-line/dependency-injection.js):
 * `ConfigFile.getAppHandlers()` reads manifest.yml's `function` handlers, `getEntryPoints()` turns
 * them into src/<module> entries, `getNodeBundler(...).getBundler().getConfigs()` returns the
 * webpack + ts-loader configuration (it reads ./tsconfig.json), and
 * `handleWebpackCompilationResult()` judges the compilation as deploy does. Two things differ:
 * the output goes to build/backend/ instead of a temporary folder, and the Forge runtime loader
 * that deploy adds to the archive (`__forge__.cjs`, fetched from Atlassian's CDN) is not fetched,
 * so nothing here needs a login or the network.
 *
 * CommonJS on purpose: the bundler's config refuses to run without `require.main`.
 */
const { existsSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { join, relative, resolve, sep } = require('node:path');
const { tmpdir } = require('node:os');
const { gzipSync } = require('node:zlib');
const { getCompiler, getEntryPoints, getNodeBundler, getWrapperProvider, handleWebpackCompilationResult } = require('@forge/bundler');
const { ConfigFile, FileSystemReader, FileSystemWriter } = require('@forge/cli-shared');

const ROOT = resolve(__dirname, '..');
const OUTPUT_DIR = join(ROOT, 'build', 'backend');

/** The Forge CLI's Logger interface (@forge/cli-shared out/ui/logger.d.ts), writing to the console. */
function consoleLogger(warnings) {
  return {
    traceEnabled: false,
    debugEnabled: false,
    trace() {},
    debug() {},
    info: (message) => console.log(message),
    warn: (message) => {
      warnings.push(message);
      console.warn(`warning: ${message}`);
    },
    error: (error) => console.error(error.message),
  };
}

/** The bundler puts each build in a fresh temporary folder; the one it made for us stays empty. */
function removeUnusedTemporaryFolder(path) {
  if (path.startsWith(tmpdir() + sep) && existsSync(path) && readdirSync(path).length === 0) rmSync(path, { recursive: true });
}

function compile(logger, config) {
  return new Promise((resolvePromise, reject) => {
    getCompiler(config).run((error, stats) => {
      try {
        handleWebpackCompilationResult(logger, error, stats);
        resolvePromise(stats);
      } catch (failure) {
        reject(failure);
      }
    });
  });
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function main() {
  const started = process.hrtime.bigint();
  // The Forge CLI works from the app's folder: manifest.yml and src/<module> are relative to it.
  process.chdir(ROOT);
  const warnings = [];
  const logger = consoleLogger(warnings);
  const fileSystemReader = new FileSystemReader();
  const configFile = new ConfigFile(fileSystemReader, new FileSystemWriter());

  const handlers = await configFile.getAppHandlers();
  const entryPoints = getEntryPoints(handlers);
  // The wrapper provider is only asked for the runtime loader after bundling, which this build skips.
  const bundler = await getNodeBundler(logger, getWrapperProvider({ fileSystemReader }), configFile).getBundler();
  if (typeof bundler.getConfigs !== 'function') {
    throw new Error('manifest.yml selects a manual bundler (app.package); this script builds with the webpack bundler only');
  }
  const configs = await bundler.getConfigs({ appDirectory: ROOT, entryPoints });

  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  const assets = [];
  for (const config of configs) {
    removeUnusedTemporaryFolder(config.output.path);
    config.output.path = OUTPUT_DIR;
    const stats = await compile(logger, config);
    const info = stats.toJson({ all: false, assets: true, errorsCount: true, warningsCount: true });
    if (info.errorsCount > 0) throw new Error(`${info.errorsCount} webpack errors`);
    assets.push(...info.assets.map(({ name, size }) => ({ name, size })));
  }

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const version = require('@forge/bundler/package.json').version;
  console.log(`\nBackend bundle (@forge/bundler ${version}, webpack + ts-loader, ${relative(ROOT, OUTPUT_DIR)}/):`);
  for (const { name, size } of assets.filter(({ name }) => !name.endsWith('.map'))) {
    const gzipped = gzipSync(readFileSync(join(OUTPUT_DIR, name))).length;
    console.log(`  ${name.padEnd(16)} ${kib(size).padStart(11)}   ${kib(gzipped).padStart(10)} gzipped`);
  }
  console.log(`  handlers: ${handlers.map(({ module, func }) => `${module}.${func}`).join(', ')}`);
  console.log(`  0 errors, ${warnings.length} warnings, ${seconds.toFixed(1)} s`);
}

main().catch((error) => {
  console.error(`\nBackend bundle FAILED (as \`forge deploy\` would):\n${error.message}`);
  process.exit(1);
});

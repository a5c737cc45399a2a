/**
 * Builds every Custom UI app (each `static/<app>/` with a `vite.config.ts`) into
 * `static/<app>/build`, prints each app's gzipped JavaScript against its budget, checks that every
 * `resource:<key>;<file>` manifest.yml names exists, and exits 1 on any breach.
 *
 * An app whose build is up to date is reused, not rebuilt: a stamp (build-stamps.mjs) holds the
 * SHA-256 of every input — the app's own files, static/shared/, the TypeScript and Vite settings,
 * package-lock.json — and of the build it produced. Contents, not mtimes, so a checkout or a copy
 * that touches files rebuilds nothing, and an edited or deleted build is rebuilt. `--force`
 * rebuilds everything.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { parse } from 'yaml';
import { isUpToDate, recordBuild } from './build-stamps.mjs';

// The configs are TypeScript in a CommonJS package, loaded through Vite's bundling config loader;
// its notice about a future native loader default says nothing about this build.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATIC = join(ROOT, 'static');

/** Gzipped JavaScript per app, in KB (1 KB = 1,000 bytes, as Vite reports); from issues 5, 6 and 7. */
const BUDGETS_KB = {
  'issue-panel': 120,
  'sprint-gadget': 150,
  settings: 120,
  // React and @forge/bridge are most of it; the panel's own code is a few lines.
  'issue-context': 110,
};

function appsWithConfig() {
  return readdirSync(STATIC)
    .filter((name) => existsSync(join(STATIC, name, 'vite.config.ts')))
    .sort();
}

function filesUnder(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every JS file of the build counts, lazy chunks included: the budget is what the app may ship. */
function gzippedJsKb(buildDirectory) {
  const bytes = filesUnder(buildDirectory)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  return bytes / 1000;
}

/** Files the manifest points into a resource (module icons, gadget thumbnails) that the build lacks. */
function missingManifestFiles() {
  const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));
  const resourcePaths = new Map((manifest.resources ?? []).map((resource) => [resource.key, resource.path]));
  const references = [...JSON.stringify(manifest.modules ?? {}).matchAll(/resource:([\w-]+);([^"]+)/g)];
  return references
    .map(([, key, file]) => (resourcePaths.has(key) ? join(ROOT, resourcePaths.get(key), file) : `${key} (no such resource)`))
    .filter((path) => !existsSync(path));
}

const force = process.argv.includes('--force');
const apps = appsWithConfig();
const rows = [];
for (const app of apps) {
  const appDirectory = join(STATIC, app);
  const reused = !force && isUpToDate(ROOT, appDirectory);
  if (!reused) {
    await build({ configFile: join(appDirectory, 'vite.config.ts'), logLevel: 'warn' });
    recordBuild(ROOT, appDirectory);
  }
  const sizeKb = gzippedJsKb(join(appDirectory, 'build'));
  const budgetKb = BUDGETS_KB[app];
  rows.push({ app, sizeKb, budgetKb, reused, ok: budgetKb !== undefined && sizeKb <= budgetKb });
}

console.log('\nCustom UI bundles (gzipped JavaScript, all chunks):');
for (const { app, sizeKb, budgetKb, reused, ok } of rows) {
  const budget = budgetKb === undefined ? 'no budget set in scripts/build-static.mjs' : `budget ${budgetKb} KB`;
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${app.padEnd(16)} ${sizeKb.toFixed(1).padStart(7)} KB   ${budget}${reused ? '   (up to date, reused)' : ''}`,
  );
}

const missing = missingManifestFiles();
for (const path of missing) console.error(`manifest.yml refers to ${relative(ROOT, path)}, which the build did not produce`);

if (rows.some((row) => !row.ok) || missing.length > 0) process.exit(1);

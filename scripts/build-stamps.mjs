/**
 * Whether a Custom UI app's build is up to date, by content: the SHA-256 of every input the build
 * reads and of the build it produced, kept in a stamp beside the other tools' caches
 * (node_modules/.cache/, which `npm ci` starts empty). Inputs: the app's own directory (its
 * sources, index.html, public/, vite.config.ts), static/shared/ (components, styles, the shared
 * Vite config and token fallbacks), static/tsconfig.json and tsconfig.json, package-lock.json
 * (React, Vite, @forge/bridge, @atlaskit/tokens), and the backend code a bundle may carry: the
 * contract (src/contract, `@goalkeeper/contract`) and the pure rules of src/domain it re-exports.
 * The rest of src/ crosses only as types, which leave the output unchanged, so it is not an input.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

const STAMP_VERSION = 1;

function filesUnder(directory, skip = () => false) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      if (skip(path)) return [];
      return statSync(path).isDirectory() ? filesUnder(path, skip) : [path];
    });
}

/** One hash over the files' paths (relative to `root`, with '/') and contents, in a stable order. */
function digest(root, files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(relative(root, file).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function buildInputs(root, appDirectory) {
  const buildDirectory = join(appDirectory, 'build');
  const testFile = (path) => /\.test\.tsx?$/.test(path) || basename(path) === 'testing';
  return [
    ...filesUnder(appDirectory, (path) => path === buildDirectory || testFile(path)),
    ...filesUnder(join(root, 'static', 'shared'), testFile),
    ...filesUnder(join(root, 'src', 'contract')),
    ...filesUnder(join(root, 'src', 'domain')),
    ...['static/tsconfig.json', 'tsconfig.json', 'package-lock.json'].map((file) => join(root, file)).filter((file) => existsSync(file)),
  ];
}

function stampPath(root, appDirectory) {
  return join(root, 'node_modules', '.cache', 'goalkeeper-static', `${basename(appDirectory)}.json`);
}

function currentStamp(root, appDirectory) {
  const output = filesUnder(join(appDirectory, 'build'));
  return {
    version: STAMP_VERSION,
    inputs: digest(root, buildInputs(root, appDirectory)),
    output: output.length > 0 ? digest(appDirectory, output) : null,
  };
}

/** True when the stamp says the build came from exactly these inputs and is still as it was built. */
export function isUpToDate(root, appDirectory) {
  const path = stampPath(root, appDirectory);
  if (!existsSync(join(appDirectory, 'build', 'index.html')) || !existsSync(path)) return false;
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    const now = currentStamp(root, appDirectory);
    return stored.version === now.version && stored.inputs === now.inputs && stored.output === now.output && now.output !== null;
  } catch {
    return false;
  }
}

/** Writes the stamp of the build just made. */
export function recordBuild(root, appDirectory) {
  const path = stampPath(root, appDirectory);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${JSON.stringify(currentStamp(root, appDirectory))}\n`);
}

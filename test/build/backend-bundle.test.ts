/**
 * The bundle `npm run build:backend` (scripts/build-backend.cjs) makes with Atlassian's
 * @forge/bundler, as `forge deploy` ships it. `npm test` builds it before jest runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

const BUNDLE_DIR = join(__dirname, '..', '..', 'build', 'backend');
const manifest = parse(readFileSync('manifest.yml', 'utf8'));

/** manifest.yml's `function` handlers, `<file>.<export>` as Forge reads them, grouped by file. */
function handlersByFile(): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const { handler } of manifest.modules.function as Array<{ handler: string }>) {
    const [file, exported] = handler.split('.') as [string, string];
    byFile.set(file, [...(byFile.get(file) ?? []), exported]);
  }
  return byFile;
}

function bundlePath(file: string): string {
  const path = join(BUNDLE_DIR, `${file}.cjs`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build:backend\` (npm test does) first`);
  return path;
}

describe('the backend bundle built by @forge/bundler', () => {
  it.each([...handlersByFile()])('%s.cjs exports exactly the handlers manifest.yml names in it', (file, handlers) => {
    const bundle: Record<string, unknown> = require(bundlePath(file));
    expect(Object.keys(bundle).sort()).toEqual([...handlers].sort());
    for (const handler of handlers) expect(typeof bundle[handler]).toBe('function');
  });

  it('carries its dependencies inside: the only modules it requires at run time are Node built-ins', () => {
    for (const file of handlersByFile().keys()) {
      const source = readFileSync(bundlePath(file), 'utf8');
      const required = [...source.matchAll(/\brequire\("([^"]+)"\)/g)].map(([, name]) => name!);
      expect(required.length).toBeGreaterThan(0);
      expect(required.filter((name) => !isBuiltin(name))).toEqual([]);
    }
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import { manifestStorageYaml, STORAGE_ENTITIES } from '../../src/store/entities';

/** @forge/manifest's full validation loads its schemas on first use: seconds, not milliseconds. */
const MANIFEST_VALIDATION_TIMEOUT_MS = 30_000;

/** The declarations as YAML would give them back: plain, mutable JSON. */
const declaredEntities = JSON.parse(JSON.stringify(STORAGE_ENTITIES));

describe('custom entity declarations', () => {
  it('generate a storage block that reads back as exactly the declared entities', () => {
    expect(parse(`app:\n${manifestStorageYaml()}`).app.storage.entities).toEqual(declaredEntities);
  });

  it(
    "generate a storage block that Atlassian's manifest validation accepts",
    async () => {
      const appRoot = mkdtempSync(join(tmpdir(), 'goalkeeper-manifest-'));
      mkdirSync(join(appRoot, 'src'));
      writeFileSync(join(appRoot, 'src', 'index.js'), 'exports.worker = async () => {};\n');
      const minimalApp = [
        'app:',
        '  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000',
        '  runtime:',
        '    name: nodejs24.x',
        manifestStorageYaml().trimEnd(),
        'modules:',
        '  scheduledTrigger:',
        '    - key: daily',
        '      function: worker',
        '      interval: day',
        '  function:',
        '    - key: worker',
        '      handler: index.worker',
        'permissions:',
        '  scopes:',
        '    - storage:app',
      ].join('\n');
      writeFileSync(join(appRoot, 'manifest.yml'), `${minimalApp}\n`);
      const result = await validate(false, join(appRoot, 'manifest.yml'));
      expect(result.errors ?? []).toEqual([]);
    },
    MANIFEST_VALIDATION_TIMEOUT_MS,
  );

  it('are the ones manifest.yml declares under app.storage.entities', () => {
    const manifest = parse(readFileSync('manifest.yml', 'utf8'));
    expect(manifest.app.storage?.entities).toEqual(declaredEntities);
  });
});

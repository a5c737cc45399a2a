/**
 * Project settings in Forge's Custom Entity Store: the settings in force (`settings`, keyed by
 * project key) and every saved version (`settings-version`), so an admin can see who changed what,
 * and when. A save is one transaction, conditional on the version the admin loaded: of two
 * admins saving from the same page, the second hears 'conflict' instead of silently undoing the first.
 *
 * The same transaction indexes every account the saved settings name (src/store/account-references.ts):
 * the resolvers allow 20 Product Owners, so with the saver and the two records that is 23 of
 * Forge's 25 operations; were there more, the references beyond the limit would go just before.
 */
import { isDeepStrictEqual } from 'node:util';
import { kvs, Sort } from '@forge/kvs';
import type { SettingsRepository, SettingsVersion } from '../app/ports';
import { DEFAULT_SETTINGS, type ProjectSettings } from '../domain/settings';
import { accountsNamedBy, referencesTo, settingsVersionAccounts, transactWithReferences } from './account-references';
import {
  SETTINGS_ENTITY,
  SETTINGS_VERSION_ENTITY,
  SETTINGS_VERSION_INDEX,
  type SettingsRecord,
  type SettingsVersionRecord,
} from './entities';
import { FORGE_ENTITY_QUERY_MAX_LIMIT } from './forge-storage-limits';
import {
  callStorage,
  conditionalWrite,
  DEFAULT_RETRY_POLICY,
  hasVersion,
  isAbsent,
  readIndex,
  setEntity,
  type RetryPolicy,
} from './storage-calls';

/** A saved version, with the settings paths it changed (e.g. `policy.byKind.add`, `boardOverrides.1`). */
export interface SettingsChange extends SettingsVersion {
  readonly changedFields: readonly string[];
}

export interface SettingsHistoryRepository extends SettingsRepository {
  /** Newest first. */
  history(projectKey: string): Promise<SettingsChange[]>;
}

export interface SettingsRepositoryOptions {
  readonly retry?: RetryPolicy;
  /** Account references are stamped with this clock. */
  readonly now?: () => Date;
}

/** Fields the repository stamps on every save: they say who and when, not what changed. */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['version', 'updatedBy', 'updatedAt']);

export function createSettingsRepository(options: SettingsRepositoryOptions = {}): SettingsHistoryRepository {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const now = options.now ?? (() => new Date());
  const current = kvs.entity<SettingsRecord>(SETTINGS_ENTITY.name);
  const versions = kvs.entity<SettingsVersionRecord>(SETTINGS_VERSION_ENTITY.name);

  return {
    async get(projectKey) {
      return (await callStorage(retry, () => current.get(projectKey)))?.settings;
    },

    async save(projectKey, settings, expectedVersion, byAccountId, at) {
      const stored = await callStorage(retry, () => current.get(projectKey));
      // Never saved: the version is 0, as in DEFAULT_SETTINGS.
      if ((stored?.version ?? DEFAULT_SETTINGS.version) !== expectedVersion) return 'conflict';
      const saved: ProjectSettings = { ...settings, version: expectedVersion + 1, updatedBy: byAccountId, updatedAt: at };
      const record: SettingsRecord = { projectKey, version: saved.version, settings: saved };
      const change: SettingsVersionRecord = {
        projectKey,
        version: saved.version,
        changedBy: byAccountId,
        changedAt: at,
        changedFields: changedPaths(stored?.settings ?? DEFAULT_SETTINGS, saved),
        settings: saved,
      };
      // The version names everyone the settings in force name, and the saver.
      const named = accountsNamedBy(settingsVersionAccounts, change);
      return conditionalWrite(retry, {
        execute: () =>
          transactWithReferences(
            [
              setEntity(SETTINGS_ENTITY.name, projectKey, record, {
                conditions:
                  expectedVersion === DEFAULT_SETTINGS.version
                    ? isAbsent<SettingsRecord>('version')
                    : hasVersion<SettingsRecord>(expectedVersion),
              }),
              setEntity(SETTINGS_VERSION_ENTITY.name, settingsVersionKey(projectKey, saved.version), change, {
                conditions: isAbsent<SettingsVersionRecord>('version'),
              }),
            ],
            referencesTo(named, { recordKind: 'settings', recordKey: projectKey }, now().toISOString()),
          ),
        written: record,
        readBack: () => current.get(projectKey),
      });
    },

    async history(projectKey) {
      const records = await readIndex(retry, () =>
        versions
          .query()
          .index(SETTINGS_VERSION_INDEX.byProject, { partition: [projectKey] })
          .sort(Sort.DESC)
          .limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
      );
      return records.map(({ version, settings, changedBy, changedAt, changedFields }) => ({
        version,
        settings,
        changedBy,
        changedAt,
        changedFields,
      }));
    },
  };
}

export function settingsVersionKey(projectKey: string, version: number): string {
  return `${projectKey}:${version}`;
}

/** Dotted paths of the leaves that differ; lists count as one leaf ("the PO list changed"). */
function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys
      .filter((key) => path !== '' || !BOOKKEEPING_FIELDS.has(key))
      .flatMap((key) => changedPaths(before[key], after[key], path === '' ? key : `${path}.${key}`));
  }
  return isDeepStrictEqual(before, after) ? [] : [path];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

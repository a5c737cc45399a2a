/**
 * Jira configuration kept between invocations (src/jira/kept-config.ts says what is kept, for how
 * long, and what invalidates it), one value per board or project. Nothing here names a person:
 * boards, sprints, field ids and a role's name only.
 */
import { kvs } from '@forge/kvs';
import type { KeptEntry, KeptJiraConfig, KeptKind } from '../jira/kept-config';
import { isForgeKey } from './forge-storage-limits';
import { callStorage, DEFAULT_RETRY_POLICY, type RetryPolicy } from './storage-calls';

const keyOf = (kind: KeptKind, id: string): string => `kept-jira:${kind}:${id}`;

function isEntry<T>(value: unknown): value is KeptEntry<T> {
  const entry = value as Partial<KeptEntry<T>> | undefined;
  return typeof entry?.readAt === 'number' && entry.value !== undefined;
}

export function createKeptJiraConfigStore(options: { readonly retry?: RetryPolicy } = {}): KeptJiraConfig {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  return {
    async get<T>(kind: KeptKind, id: string) {
      const key = keyOf(kind, id);
      if (!isForgeKey(key)) return undefined;
      const stored = await callStorage(retry, () => kvs.get<KeptEntry<T>>(key));
      return isEntry<T>(stored) ? stored : undefined;
    },
    async set<T>(kind: KeptKind, id: string, entry: KeptEntry<T>) {
      const key = keyOf(kind, id);
      if (isForgeKey(key)) await callStorage(retry, () => kvs.set(key, entry));
    },
    async forget(kind: KeptKind, id: string) {
      const key = keyOf(kind, id);
      if (isForgeKey(key)) await callStorage(retry, () => kvs.delete(key));
    },
  };
}

/**
 * Jira configuration kept between invocations (src/jira/kept-config.ts, JiraClient.keep): used
 * while younger than its kind's age, read from Jira again after, never kept for a person, never
 * kept when the read says it is not worth keeping. The store is an in-memory twin of
 * src/store/kept-jira-config-store.ts; no Jira is called (the reads are the test's own).
 */
import { JiraClient } from '../../src/jira/jira-client';
import { KEPT_MAX_AGE_MS, type KeptEntry, type KeptJiraConfig, type KeptKind } from '../../src/jira/kept-config';

function inMemoryKept(): KeptJiraConfig & { readonly entries: Map<string, KeptEntry<unknown>> } {
  const entries = new Map<string, KeptEntry<unknown>>();
  return {
    entries,
    get: async <T>(kind: KeptKind, id: string) => entries.get(`${kind}:${id}`) as KeptEntry<T> | undefined,
    set: async <T>(kind: KeptKind, id: string, entry: KeptEntry<T>) => void entries.set(`${kind}:${id}`, entry),
    forget: async (kind: KeptKind, id: string) => void entries.delete(`${kind}:${id}`),
  };
}

describe('configuration kept between invocations', () => {
  let now = Date.parse('2026-11-24T10:00:00Z');
  const kept = inMemoryKept();
  const invocation = () => new JiraClient({ kept, now: () => now });
  const reads: string[] = [];
  const boardNamed = (name: string) => async () => {
    reads.push(name);
    return { id: 4, name };
  };

  it('is read once, then served from storage to the next invocation while younger than its age', async () => {
    expect(await invocation().keep('board', '4', boardNamed('Scale'))).toEqual({ id: 4, name: 'Scale' });
    now += KEPT_MAX_AGE_MS.board - 1;
    expect(await invocation().keep('board', '4', boardNamed('Scale renamed'))).toEqual({ id: 4, name: 'Scale' });
    expect(reads).toEqual(['Scale']);
  });

  it('is read from Jira again once it reaches its age, and the new answer kept', async () => {
    now += 1;
    expect(await invocation().keep('board', '4', boardNamed('Scale renamed'))).toEqual({ id: 4, name: 'Scale renamed' });
    expect(kept.entries.get('board:4')).toEqual({ value: { id: 4, name: 'Scale renamed' }, readAt: now });
  });

  it('keeps nothing the read says is not worth keeping (a fallback, an absent board)', async () => {
    const client = invocation();
    expect(
      await client.keep(
        'estimation',
        'SCL',
        async () => ({ kind: 'issue-count', fallback: { reason: 'failed' } }),
        (estimation) => !('fallback' in estimation),
      ),
    ).toMatchObject({ kind: 'issue-count' });
    expect(kept.entries.has('estimation:SCL')).toBe(false);
  });

  it('keeps nothing for a person: what a caller reads as themselves is theirs alone', async () => {
    const person = new JiraClient({ actor: 'user', kept, now: () => now });
    await person.keep('open-sprints', '4', async () => [{ id: 26 }]);
    expect(kept.entries.has('open-sprints:4')).toBe(false);
  });

  it('forgets what a view found contradicted, so the next read asks Jira', async () => {
    const client = invocation();
    await client.forgetKept('board', '4');
    expect(await client.keep('board', '4', boardNamed('Scale again'))).toEqual({ id: 4, name: 'Scale again' });
  });

  it('answers from Jira when storage fails, and still answers', async () => {
    const broken: KeptJiraConfig = {
      get: async () => Promise.reject(new Error('storage down')),
      set: async () => Promise.reject(new Error('storage down')),
      forget: async () => undefined,
    };
    const client = new JiraClient({ kept: broken, now: () => now });
    expect(await client.keep('board', '4', boardNamed('Scale from Jira'))).toEqual({ id: 4, name: 'Scale from Jira' });
  });
});

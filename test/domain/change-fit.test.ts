import { availableChangeKinds, checkChangeFits } from '../../src/domain/change-fit';
import type { SprintIssue, SprintSnapshot } from '../../src/domain/sprint';

function issue(key: string, points: number, goalCritical = false): SprintIssue {
  return {
    key,
    id: key.replace('ONB-', '100'),
    summary: `Work on ${key}`,
    points,
    statusCategory: 'todo',
    goalCritical,
    labels: [],
    epicKey: null,
    priorityName: 'Medium',
    issueType: 'Story',
  };
}

const snapshot: SprintSnapshot = {
  sprint: {
    id: 7,
    boardId: 1,
    name: 'ONB Sprint 7',
    state: 'active',
    goal: 'SSO sign-up under 2 minutes',
    startDate: '2026-11-16T09:00:00Z',
    endDate: '2026-11-30T17:00:00Z',
  },
  issues: [issue('ONB-10', 5, true), issue('ONB-11', 3), issue('ONB-12', 2)],
  estimation: 'points',
};
const context = { snapshot, nextSprintId: 8, priorityNames: ['Highest', 'High', 'Medium', 'Low', 'Lowest'] };

describe('does a change fit the sprint', () => {
  it('adds only issues not yet in the sprint', () => {
    expect(checkChangeFits({ kind: 'add' }, 'ONB-40', context).ok).toBe(true);
    expect(checkChangeFits({ kind: 'add' }, 'ONB-11', context)).toMatchObject({ ok: false, error: { code: 'stale' } });
  });

  it('removes, re-estimates and splits only issues in the sprint', () => {
    expect(checkChangeFits({ kind: 'remove' }, 'ONB-11', context).ok).toBe(true);
    expect(checkChangeFits({ kind: 'remove' }, 'ONB-40', context)).toMatchObject({
      ok: false,
      error: { code: 'stale', message: 'ONB-40 is not in ONB Sprint 7 (any more).' },
    });
    expect(checkChangeFits({ kind: 'estimate', points: 8 }, 'ONB-40', context).ok).toBe(false);
  });

  it('defers only when the board has a future sprint', () => {
    expect(checkChangeFits({ kind: 'defer' }, 'ONB-11', context).ok).toBe(true);
    expect(checkChangeFits({ kind: 'defer' }, 'ONB-11', { ...context, nextSprintId: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('swaps an outside issue in for one that is still in the sprint', () => {
    expect(checkChangeFits({ kind: 'swap', outIssueKey: 'ONB-12' }, 'ONB-40', context).ok).toBe(true);
    expect(checkChangeFits({ kind: 'swap', outIssueKey: 'ONB-99' }, 'ONB-40', context)).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    expect(checkChangeFits({ kind: 'swap', outIssueKey: 'ONB-12' }, 'ONB-11', context)).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
  });

  it('re-ranks relative to an issue still in the sprint, never to itself', () => {
    expect(checkChangeFits({ kind: 'rerank', target: { position: 'before', issueKey: 'ONB-10' } }, 'ONB-12', context).ok).toBe(true);
    expect(checkChangeFits({ kind: 'rerank', target: { position: 'after', issueKey: 'ONB-77' } }, 'ONB-12', context)).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    expect(checkChangeFits({ kind: 'rerank', target: { position: 'after', issueKey: 'ONB-12' } }, 'ONB-12', context)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('re-prioritises only to a priority Jira has', () => {
    expect(checkChangeFits({ kind: 'priority', priorityName: 'High' }, 'ONB-11', context).ok).toBe(true);
    expect(checkChangeFits({ kind: 'priority', priorityName: 'Urgent!!' }, 'ONB-11', context)).toMatchObject({
      ok: false,
      error: { fields: { priorityName: 'unknown' } },
    });
  });
});

describe('which change kinds to offer', () => {
  it('offers add and swap for an issue outside the sprint', () => {
    expect(availableChangeKinds(false, true)).toEqual(['add', 'swap']);
  });

  it('offers the in-sprint kinds, and defer only with a future sprint', () => {
    expect(availableChangeKinds(true, true)).toEqual(['remove', 'defer', 'rerank', 'priority', 'estimate', 'split', 'tweak']);
    expect(availableChangeKinds(true, false)).not.toContain('defer');
  });
});

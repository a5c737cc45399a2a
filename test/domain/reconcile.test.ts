import { diffScopes, explains, movedInRank, unexplainedChanges } from '../../src/domain/reconcile';
import type { Proposal } from '../../src/domain/proposal';
import { proposalFor } from '../support/proposals';
import type { SprintScope } from '../../src/domain/sprint-record';

const scope = (issues: [string, number | null][], takenAt = '2026-11-20T09:00:00Z'): SprintScope => ({
  sprintId: 7,
  boardId: 1,
  goal: 'SSO sign-up',
  takenAt,
  issues: issues.map(([key, points]) => ({ key, points })),
});

function applied(change: Proposal['change'], issueKey = 'ONB-31'): Proposal {
  return {
    ...proposalFor({ id: `p-${issueKey}`, issueKey, change, pointsAtProposal: {} }),
    status: 'applied',
  };
}

describe('diffing two looks at a sprint', () => {
  const before = scope([
    ['ONB-10', 5],
    ['ONB-11', 3],
    ['ONB-12', 2],
    ['ONB-13', 8],
  ]);

  it('finds additions, removals, deferrals and re-estimates', () => {
    const after = scope(
      [
        ['ONB-10', 5],
        ['ONB-11', 5],
        ['ONB-31', 2],
      ],
      '2026-11-21T09:00:00Z',
    );
    expect(diffScopes(before, after, new Set(['ONB-13']))).toEqual([
      { issueKey: 'ONB-11', kind: 're-estimated', pointsBefore: 3, pointsAfter: 5 },
      { issueKey: 'ONB-31', kind: 'added', pointsBefore: null, pointsAfter: 2 },
      { issueKey: 'ONB-12', kind: 'removed', pointsBefore: 2, pointsAfter: null },
      { issueKey: 'ONB-13', kind: 'deferred', pointsBefore: 8, pointsAfter: null },
    ]);
  });

  it('reports only the card that was dragged, not every card it passed', () => {
    expect(
      movedInRank(
        before.issues,
        scope([
          ['ONB-13', 8],
          ['ONB-10', 5],
          ['ONB-11', 3],
          ['ONB-12', 2],
        ]).issues,
      ),
    ).toEqual(['ONB-13']);
    expect(movedInRank(before.issues, before.issues)).toEqual([]);
  });

  it('finds nothing when nothing changed', () => {
    expect(diffScopes(before, { ...before, takenAt: '2026-11-22T09:00:00Z' })).toEqual([]);
  });
});

describe('which changes a proposal explains', () => {
  it('matches applied proposals to the change they made', () => {
    expect(explains(applied({ kind: 'add' }), { issueKey: 'ONB-31', kind: 'added', pointsBefore: null, pointsAfter: 2 })).toBe(true);
    expect(
      explains(applied({ kind: 'swap', outIssueKey: 'ONB-12' }), {
        issueKey: 'ONB-12',
        kind: 'removed',
        pointsBefore: 2,
        pointsAfter: null,
      }),
    ).toBe(true);
    expect(
      explains(applied({ kind: 'estimate', points: 5 }, 'ONB-11'), {
        issueKey: 'ONB-11',
        kind: 're-estimated',
        pointsBefore: 3,
        pointsAfter: 5,
      }),
    ).toBe(true);
    expect(
      explains(applied({ kind: 'estimate', points: 8 }, 'ONB-11'), {
        issueKey: 'ONB-11',
        kind: 're-estimated',
        pointsBefore: 3,
        pointsAfter: 5,
      }),
    ).toBe(false);
  });

  it('does not let an undecided or rejected proposal explain anything', () => {
    const pending = { ...applied({ kind: 'add' }), status: 'proposed' as const };
    const rejected = { ...applied({ kind: 'add' }), status: 'rejected' as const };
    const change = { issueKey: 'ONB-31', kind: 'added' as const, pointsBefore: null, pointsAfter: 2 };
    expect(explains(pending, change)).toBe(false);
    expect(explains(rejected, change)).toBe(false);
  });

  it('turns unexplained changes into bypassed records with stable ids', () => {
    const observed = [
      { issueKey: 'ONB-31', kind: 'added' as const, pointsBefore: null, pointsAfter: 2 },
      { issueKey: 'ONB-33', kind: 'added' as const, pointsBefore: null, pointsAfter: 1 },
    ];
    const context = {
      sprintId: 7,
      at: '2026-11-21T09:00:00Z',
      actorAccountId: 'sam',
      detectedBy: 'event' as const,
      idPrefix: 'event:100:5',
    };
    const first = unexplainedChanges(observed, [applied({ kind: 'add' })], context);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      id: 'event:100:5:ONB-33:added',
      issueKey: 'ONB-33',
      source: 'bypassed',
      actorAccountId: 'sam',
      review: null,
    });
    expect(unexplainedChanges(observed, [applied({ kind: 'add' })], context)).toEqual(first);
  });
});

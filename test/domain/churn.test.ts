import { computeChurn, scopeLine } from '../../src/domain/churn';
import type { ScopeChange } from '../../src/domain/scope-change';

function change(overrides: Partial<ScopeChange> & Pick<ScopeChange, 'id' | 'issueKey' | 'kind'>): ScopeChange {
  return {
    sprintId: 7,
    at: '2026-11-20T10:00:00Z',
    pointsBefore: null,
    pointsAfter: null,
    source: 'goalkeeper',
    reasonCategory: 'stakeholder-request',
    proposalId: overrides.id,
    rationale: null,
    actorAccountId: null,
    ...overrides,
  };
}

// Sprint 7 committed 40 pts in 12 issues. Mid-sprint: ONB-31 (5) added for a stakeholder,
// ONB-14 (3) deferred for a dependency, ONB-16 re-estimated 2 → 5, ONB-17 re-estimated 8 → 5,
// and someone dragged ONB-33 (2) into the sprint on the board.
const changes = [
  change({ id: 'p1', issueKey: 'ONB-31', kind: 'added', pointsAfter: 5, at: '2026-11-18T09:00:00Z' }),
  change({ id: 'p2', issueKey: 'ONB-14', kind: 'deferred', pointsBefore: 3, reasonCategory: 'dependency', at: '2026-11-19T09:00:00Z' }),
  change({
    id: 'p3',
    issueKey: 'ONB-16',
    kind: 're-estimated',
    pointsBefore: 2,
    pointsAfter: 5,
    reasonCategory: 'estimate-learned',
    at: '2026-11-19T11:00:00Z',
  }),
  change({
    id: 'p4',
    issueKey: 'ONB-17',
    kind: 're-estimated',
    pointsBefore: 8,
    pointsAfter: 5,
    reasonCategory: 'estimate-learned',
    at: '2026-11-20T11:00:00Z',
  }),
  change({
    id: 'b1',
    issueKey: 'ONB-33',
    kind: 'added',
    pointsAfter: 2,
    source: 'bypassed',
    reasonCategory: null,
    proposalId: null,
    at: '2026-11-21T15:00:00Z',
  }),
];

describe('churn', () => {
  const churn = computeChurn({ points: 40, count: 12 }, changes, true);

  it('tallies each kind of change in points and counts', () => {
    expect(churn.added).toEqual({ points: 7, count: 2 });
    expect(churn.deferred).toEqual({ points: 3, count: 1 });
    expect(churn.removed).toEqual({ points: 0, count: 0 });
    expect(churn.reestimatedUp).toEqual({ points: 3, count: 1 });
    expect(churn.reestimatedDown).toEqual({ points: 3, count: 1 });
  });

  it('computes gross churn over the committed scope and the signed net change', () => {
    // (7 added + 3 deferred + 3 up + 3 down) / 40 = 16 / 40
    expect(churn.grossChurn).toBeCloseTo(0.4);
    // 7 − 3 + 3 − 3 = 4
    expect(churn.netChange).toBe(4);
  });

  it('splits by reason category and by the door the change came through', () => {
    expect(churn.byReason).toEqual({
      'stakeholder-request': { points: 5, count: 1 },
      dependency: { points: 3, count: 1 },
      'estimate-learned': { points: 6, count: 2 },
      bypassed: { points: 2, count: 1 },
    });
    expect(churn.throughGoalkeeper).toEqual({ points: 14, count: 4 });
    expect(churn.bypassed).toEqual({ points: 2, count: 1 });
  });

  it('says "not tracked" for bypassed changes rather than zero until detection watches the sprint', () => {
    expect(computeChurn({ points: 40, count: 12 }, changes.slice(0, 4), false).bypassed).toBe('not-tracked');
  });

  it('has no gross churn ratio without a committed baseline', () => {
    expect(computeChurn(null, changes, true).grossChurn).toBeNull();
  });
});

describe('the burn-up scope line', () => {
  it('starts at the committed scope and steps at each change in time order', () => {
    const line = scopeLine('2026-11-16T09:00:00Z', 40, [...changes].reverse());
    expect(line.map((s) => s.scope)).toEqual([40, 45, 42, 45, 42, 44]);
    expect(line[1]?.change?.issueKey).toBe('ONB-31');
  });
});

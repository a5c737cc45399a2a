import { changesSinceBaseline } from '../../src/domain/churn';
import { sprintStartScope, type IssueHistory } from '../../src/domain/sprint-start-scope';

const SPRINT = 7;
const NEXT = 8;
const START = '2026-11-16T09:00:00.000Z';
const PLANNED = '2026-11-14T09:00:00.000Z';

const history = (issueKey: string, fields: Partial<IssueHistory>): IssueHistory => ({
  issueKey,
  issueId: `100${issueKey.split('-')[1]}`,
  createdAt: PLANNED,
  sprintIdsNow: [SPRINT],
  pointsNow: 3,
  entries: [],
  ...fields,
});

describe('reading a sprint back to its start', () => {
  // Planned in before the start; ONB-2 re-estimated 3 → 5 mid-sprint; ONB-3 moved to the next
  // sprint; ONB-4 to the backlog; ONB-5 pulled in; ONB-6 created straight into the sprint.
  const histories: IssueHistory[] = [
    history('ONB-1', { entries: [{ id: '100', at: PLANNED, actorAccountId: 'acc-dana', sprints: { from: [], to: [SPRINT] } }] }),
    history('ONB-2', {
      pointsNow: 5,
      entries: [{ id: '101', at: '2026-11-17T10:00:00.000Z', actorAccountId: 'acc-kofi', points: { from: 3, to: 5 } }],
    }),
    history('ONB-3', {
      sprintIdsNow: [NEXT],
      pointsNow: 2,
      entries: [{ id: '102', at: '2026-11-18T10:00:00.000Z', actorAccountId: 'acc-kofi', sprints: { from: [SPRINT], to: [NEXT] } }],
    }),
    history('ONB-4', {
      sprintIdsNow: [],
      pointsNow: 1,
      entries: [{ id: '103', at: '2026-11-18T11:00:00.000Z', actorAccountId: null, sprints: { from: [SPRINT], to: [] } }],
    }),
    history('ONB-5', {
      pointsNow: 8,
      entries: [{ id: '104', at: '2026-11-19T09:00:00.000Z', actorAccountId: 'acc-mei', sprints: { from: [], to: [SPRINT] } }],
    }),
    history('ONB-6', { createdAt: '2026-11-19T12:00:00.000Z', pointsNow: 2 }),
    history('ONB-7', { sprintIdsNow: [NEXT], entries: [] }),
  ];
  const scope = sprintStartScope(histories, SPRINT, START, new Set([NEXT]));

  it('finds what was in the sprint at its start, at the estimates then', () => {
    expect(scope.committed).toEqual([
      { key: 'ONB-1', points: 3 },
      { key: 'ONB-2', points: 3 },
      { key: 'ONB-3', points: 2 },
      { key: 'ONB-4', points: 1 },
    ]);
  });

  it('finds every change since, named as the issue-updated event names it, deferrals told from removals', () => {
    expect(
      scope.changes.map((change) => [
        change.changeId,
        change.issueKey,
        change.kind,
        change.pointsBefore,
        change.pointsAfter,
        change.actorAccountId,
      ]),
    ).toEqual([
      ['1002:101', 'ONB-2', 're-estimated', 3, 5, 'acc-kofi'],
      ['1003:102', 'ONB-3', 'deferred', 2, null, 'acc-kofi'],
      ['1004:103', 'ONB-4', 'removed', 1, null, null],
      ['1005:104', 'ONB-5', 'added', null, 8, 'acc-mei'],
      ['1006:created', 'ONB-6', 'added', null, 2, null],
    ]);
  });

  it('adds up: committed plus the changes is the scope the sprint has now', () => {
    const committed = scope.committed.reduce((sum, item) => sum + (item.points ?? 0), 0);
    const moved = scope.changes.reduce((sum, change) => sum + (change.pointsAfter ?? 0) - (change.pointsBefore ?? 0), 0);
    const now = histories.filter((h) => h.sprintIdsNow.includes(SPRINT)).reduce((sum, h) => sum + (h.pointsNow ?? 0), 0);
    expect(committed).toBe(9);
    expect(committed + moved).toBe(now);
  });

  it('counts an issue that left and came back as in at the start, with both moves as changes', () => {
    const back = sprintStartScope(
      [
        history('ONB-9', {
          entries: [
            { id: '1', at: '2026-11-17T09:00:00.000Z', actorAccountId: null, sprints: { from: [SPRINT], to: [] } },
            { id: '2', at: '2026-11-18T09:00:00.000Z', actorAccountId: null, sprints: { from: [], to: [SPRINT] } },
          ],
        }),
      ],
      SPRINT,
      START,
      new Set(),
    );
    expect(back.committed).toEqual([{ key: 'ONB-9', points: 3 }]);
    expect(back.changes.map((change) => change.kind)).toEqual(['removed', 'added']);
  });
});

describe('changes counted against a baseline', () => {
  const changes = [{ at: '2026-11-17T09:00:00.000Z' }, { at: '2026-11-19T09:00:00.000Z' }];

  it('counts only the changes after a first look, which already saw the earlier ones', () => {
    expect(changesSinceBaseline({ source: 'first-seen', takenAt: '2026-11-18T09:00:00.000Z' }, changes)).toEqual([changes[1]]);
  });

  it('counts every change against a baseline from the sprint’s start, kept or read back', () => {
    expect(changesSinceBaseline({ source: 'changelog', takenAt: START }, changes)).toEqual(changes);
    expect(changesSinceBaseline({ source: 'sprint-start', takenAt: START }, changes)).toEqual(changes);
    expect(changesSinceBaseline(undefined, changes)).toEqual(changes);
  });
});

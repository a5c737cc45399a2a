import type { GoalCriticalRule } from '../../src/app/ports';
import { SEED_FACTS } from '../../sandbox/jira/seed';
import { LARGE_SPRINT_ID, LARGE_SPRINT_SIZE, seedWithLargeSprint, startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness({ seed: seedWithLargeSprint });
});
afterAll(() => harness.close());

const byLabel: GoalCriticalRule = { labels: [SEED_FACTS.goalLabel], epicKeys: [], flaggedIssueKeys: [], jql: null };

describe('sprints of a board', () => {
  it('finds the active sprint with its goal and dates', async () => {
    const sprint = await harness.invoke(() => harness.jira.activeSprint(SEED_FACTS.onb.boardId));
    expect(sprint).toEqual({
      id: SEED_FACTS.activeSprintId,
      boardId: SEED_FACTS.onb.boardId,
      name: 'ONB Sprint 7',
      state: 'active',
      goal: SEED_FACTS.activeSprintGoal,
      // 5⅜ working days before the harness's now (Wednesday 12 March 2025, 10:00), and two weeks on.
      startDate: '2025-03-04T15:00:00.000Z',
      endDate: '2025-03-18T15:00:00.000Z',
    });
  });

  it('finds no active sprint on a Kanban board', async () => {
    expect(await harness.invoke(() => harness.jira.activeSprint(SEED_FACTS.onb.kanbanBoardId))).toBeNull();
  });

  it("lists future sprints in the board's planning order", async () => {
    const future = await harness.invoke(() => harness.jira.futureSprints(SEED_FACTS.onb.boardId));
    expect(future.map((sprint) => [sprint.id, sprint.name])).toEqual([
      [SEED_FACTS.futureSprintId, 'ONB Sprint 8'],
      [LARGE_SPRINT_ID, 'ONB Sprint 9 (migration backlog)'],
    ]);
  });

  it('reads one sprint, and answers null for one that does not exist', async () => {
    const [closed, missing] = await harness.invoke(() => Promise.all([harness.jira.getSprint(3), harness.jira.getSprint(999)]));
    expect(closed).toMatchObject({ id: 3, state: 'closed', name: 'ONB Sprint 3', boardId: 1 });
    expect(missing).toBeNull();
  });
});

describe('the sprint snapshot', () => {
  it('lists the active sprint in rank order without sub-tasks, goal-critical by label', async () => {
    const sprint = await harness.invoke(() => harness.jira.getSprint(SEED_FACTS.activeSprintId));
    const snapshot = await harness.invoke(() => harness.jira.sprintSnapshot(sprint!, byLabel));
    expect(snapshot.estimation).toBe('points');
    expect(snapshot.issues).toHaveLength(20);
    expect(snapshot.issues.slice(0, 5).map((issue) => issue.key)).toEqual(['ONB-39', 'ONB-42', 'ONB-44', 'ONB-37', 'ONB-45']);
    expect(snapshot.issues.some((issue) => issue.issueType === 'Subtask')).toBe(false);
    expect(
      snapshot.issues
        .filter((issue) => issue.goalCritical)
        .map((issue) => issue.key)
        .sort(),
    ).toEqual([...SEED_FACTS.goalCriticalKeys].sort());
    expect(snapshot.issues.find((issue) => issue.key === SEED_FACTS.activeSprintKeys.passkeySpike)?.points).toBeNull();
    expect(snapshot.issues.reduce((sum, issue) => sum + (issue.points ?? 0), 0)).toBe(30);
  });

  it("marks goal-critical work by epic, by the PO's flag and by JQL", async () => {
    const sprint = await harness.invoke(() => harness.jira.getSprint(SEED_FACTS.activeSprintId));
    const rule: GoalCriticalRule = {
      labels: [],
      epicKeys: [SEED_FACTS.epics.emailVerification],
      flaggedIssueKeys: ['ONB-56'],
      jql: 'priority = Highest',
    };
    const snapshot = await harness.invoke(() => harness.jira.sprintSnapshot(sprint!, rule));
    expect(snapshot.issues.filter((issue) => issue.goalCritical).map((issue) => issue.key)).toEqual([
      'ONB-37',
      'ONB-50',
      'ONB-52',
      'ONB-53',
      'ONB-56',
    ]);
  });

  it('reads a 300-issue sprint across pages of 50, whole and in rank order', async () => {
    const sprint = await harness.invoke(() => harness.jira.getSprint(LARGE_SPRINT_ID));
    const mark = harness.standIn.requests.length;
    const snapshot = await harness.invoke(() => harness.jira.sprintSnapshot(sprint!, byLabel));
    expect(snapshot.issues).toHaveLength(LARGE_SPRINT_SIZE);
    expect(snapshot.issues[0]?.summary).toBe('Migrate legacy account batch 1');
    expect(snapshot.issues[LARGE_SPRINT_SIZE - 1]?.summary).toBe(`Migrate legacy account batch ${LARGE_SPRINT_SIZE}`);
    const pages = harness
      .requestsSince(mark)
      .filter((request) => request.path.startsWith(`/rest/agile/1.0/sprint/${LARGE_SPRINT_ID}/issue`));
    expect(pages.map((request) => new URL(request.path, 'http://x').searchParams.get('startAt'))).toEqual([
      '0',
      '50',
      '100',
      '150',
      '200',
      '250',
    ]);
  });

  it('shows a rank change made in Jira in the next snapshot', async () => {
    const sprint = await harness.invoke(() => harness.jira.getSprint(SEED_FACTS.activeSprintId));
    const site = harness.site();
    site.rank([site.issueByKeyOrId('ONB-62')!], 'before', site.issueByKeyOrId('ONB-39')!, { kind: 'user', accountId: '557058:po-priya' });
    const snapshot = await harness.invoke(() => harness.jira.sprintSnapshot(sprint!, byLabel));
    expect(snapshot.issues[0]?.key).toBe('ONB-62');
  });
});

describe('a sprint whose board was deleted', () => {
  it('is read, counted by issue, instead of failing the whole read', async () => {
    // Jira keeps a deleted board's sprints; their originBoardId then names no board, so the board
    // and its configuration answer 404. The stand-in derives a sprint's visibility from its board,
    // so this site keeps the board for that one purpose while Jira no longer serves it.
    const site = harness.site('board-deleted');
    const board = site.boards.get(SEED_FACTS.onb.boardId)!;
    site.boardOf = () => board;
    site.boards.delete(SEED_FACTS.onb.boardId);
    const snapshot = await harness.invoke(
      async () => harness.jira.sprintSnapshot((await harness.jira.getSprint(SEED_FACTS.activeSprintId))!, byLabel),
      { cloudId: 'board-deleted' },
    );
    expect(snapshot.estimation).toBe('issue-count');
    expect(snapshot.issues).toHaveLength(20);
    expect(snapshot.sprint.boardId).toBe(SEED_FACTS.onb.boardId);
  });
});

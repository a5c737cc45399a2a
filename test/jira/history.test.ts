import { SEED_FACTS } from '../../sandbox/jira/seed';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness();
});
afterAll(() => harness.close());

describe('team history from Jira\'s sprint reports', () => {
  it('gives committed and completed points of the last closed sprints, newest first, as the velocity chart shows them', async () => {
    const history = await harness.invoke(() => harness.jira.history(SEED_FACTS.onb.boardId, 6));
    expect(history.map(({ sprintId, committedPoints, completedPoints }) => ({ sprintId, committed: committedPoints, completed: completedPoints }))).toEqual(
      [...SEED_FACTS.velocity].reverse(),
    );
    expect(history.map((sprint) => sprint.name)).toEqual(['ONB Sprint 6', 'ONB Sprint 5', 'ONB Sprint 4', 'ONB Sprint 3', 'ONB Sprint 2', 'ONB Sprint 1']);
  });

  it('counts working days as the domain counts the active sprint\'s: every weekday the sprint touches', async () => {
    // Wednesday 09:00 to Wednesday 09:00 two weeks later touches eleven weekdays.
    const history = await harness.invoke(() => harness.jira.history(SEED_FACTS.onb.boardId, 6));
    expect(history.map((sprint) => sprint.workingDays)).toEqual([11, 11, 11, 11, 11, 11]);
  });

  it('commits a re-estimated issue at its start estimate and completes it at its final one', async () => {
    const [sprint5] = (await harness.invoke(() => harness.jira.history(SEED_FACTS.onb.boardId, 2))).slice(1);
    // OIDC sign-in went from 5 to 8 points mid-sprint: 23 committed, 21 completed.
    expect(sprint5).toMatchObject({ sprintId: 5, committedPoints: 23, completedPoints: 21 });
  });

  it('leaves issues added mid-sprint out of the commitment but counts them as completed', async () => {
    const history = await harness.invoke(() => harness.jira.history(SEED_FACTS.onb.boardId, 3));
    expect(history.find((sprint) => sprint.sprintId === 4)).toMatchObject({ committedPoints: 20, completedPoints: 23 });
  });

  it('returns only as many sprints as asked for', async () => {
    const history = await harness.invoke(() => harness.jira.history(SEED_FACTS.onb.boardId, 2));
    expect(history.map((sprint) => sprint.sprintId)).toEqual([6, 5]);
  });

  it('reads the company-managed board\'s Story Points the same way', async () => {
    const history = await harness.invoke(() => harness.jira.history(SEED_FACTS.bil.boardId, 6));
    expect(history).toEqual([{ sprintId: SEED_FACTS.bil.closedSprintId, name: 'BIL Sprint 11', committedPoints: 8, completedPoints: 8, workingDays: 11 }]);
  });

  it('has no history for a board without sprints', async () => {
    expect(await harness.invoke(() => harness.jira.history(SEED_FACTS.onb.kanbanBoardId, 6))).toEqual([]);
  });
});

import { SEED_FACTS } from '../../sandbox/jira/seed';
import { STATUSES } from '../../sandbox/jira/jira-model';
import type { BoardEstimation, ClosedSprint } from '../../src/app/ports';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness();
});
afterAll(() => harness.close());

const ONB_POINTS: BoardEstimation = { kind: 'points', fieldId: 'customfield_10016' };

async function onbHistory(count = 6) {
  const mark = harness.standIn.requests.length;
  const history = await harness.invoke(async () => {
    const { sprints } = await harness.jira.recentClosedSprints(SEED_FACTS.onb.boardId, count);
    return harness.jira.closedSprintHistories(sprints, ONB_POINTS);
  });
  return { history, requests: harness.requestsSince(mark) };
}

/**
 * A closed sprint of one Los Angeles working fortnight (Monday 3 February 2025, 09:00 PST, to
 * Friday 14 February, 17:00 PST) on `cloudId`'s site, with one 3-point story done on its first
 * Monday at 18:00 there, which is already Tuesday 02:00 in UTC.
 */
function lateMondaySprint(cloudId: string, serverTimeZone: string): ClosedSprint {
  const site = harness.site(cloudId);
  site.serverTimeZone = serverTimeZone;
  const sprint = {
    id: 77,
    name: 'ONB Sprint 77',
    startDate: '2025-02-03T17:00:00.000Z',
    endDate: '2025-02-15T01:00:00.000Z',
    completeDate: '2025-02-15T01:00:00.000Z',
  };
  site.addSprint({ ...sprint, boardId: SEED_FACTS.onb.boardId, state: 'closed', goal: '', createdDate: '2025-01-31T17:00:00.000Z' });
  site.createIssue({
    projectKey: 'ONB',
    summary: 'Welcome email in the customer’s language',
    typeName: 'Story',
    points: 3,
    sprintIds: [sprint.id],
    created: '2025-01-31T17:00:00.000Z',
    status: STATUSES.done,
    statusSince: '2025-02-04T02:00:00.000Z',
  });
  return sprint;
}

describe('team history on the site’s clock', () => {
  it('places a completion on the site’s date: Monday 18:00 in Los Angeles is the sprint’s first day there, its second in UTC', async () => {
    const history = async (cloudId: string, zone: string) => {
      const sprint = lateMondaySprint(cloudId, zone);
      const [computed] = await harness.invoke(() => harness.jira.closedSprintHistories([sprint], ONB_POINTS), { cloudId });
      return computed?.dailyCompletedPoints;
    };
    expect(await history('history-site-la', 'America/Los_Angeles')).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await history('history-site-utc', 'UTC')).toEqual([0, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('team history from public endpoints (closed sprints, search/jql, bulk changelog)', () => {
  it('gives completed points as the velocity chart shows them and committed points from the Sprint field at the start, newest first', async () => {
    const { history } = await onbHistory();
    const jiraVelocity = [...SEED_FACTS.velocity].reverse();
    expect(history.map((sprint) => sprint.name)).toEqual([
      'ONB Sprint 6',
      'ONB Sprint 5',
      'ONB Sprint 4',
      'ONB Sprint 3',
      'ONB Sprint 2',
      'ONB Sprint 1',
    ]);
    expect(history.map((sprint) => sprint.completedPoints)).toEqual(jiraVelocity.map((sprint) => sprint.completed));
    // Known limit: Sprint 2 lost a 3-point story on day 5; its Sprint field no longer names the sprint,
    // so `sprint = 2` cannot find it and the commitment reads 3 less than Jira's velocity chart.
    expect(history.map((sprint) => sprint.committedPoints)).toEqual(
      jiraVelocity.map((sprint) => (sprint.sprintId === 2 ? sprint.committed - 3 : sprint.committed)),
    );
  });

  it('places each completion on the working day its status became Done, with zero days and lumpy days', async () => {
    const { history } = await onbHistory();
    const sprint1 = history.find((sprint) => sprint.sprintId === 1);
    // Argon2 (3) on day 2, the disabled button (2) on day 3, the form (5) and rate limit (3) on day 6, the flag (5) on day 9.
    expect(sprint1?.dailyCompletedPoints).toEqual([0, 0, 3, 2, 0, 0, 8, 0, 0, 5, 0]);
    for (const sprint of history) {
      expect(sprint.dailyCompletedPoints).toHaveLength(sprint.workingDays);
      expect(sprint.dailyCompletedPoints?.reduce((sum, points) => sum + points, 0)).toBe(sprint.completedPoints);
    }
  });

  it("counts working days as the domain counts the active sprint's: every weekday the sprint touches", async () => {
    const { history } = await onbHistory();
    // Wednesday 09:00 to Wednesday 09:00 two weeks later touches eleven weekdays.
    expect(history.map((sprint) => sprint.workingDays)).toEqual([11, 11, 11, 11, 11, 11]);
  });

  it('commits a re-estimated issue at its start estimate and completes it at its final one', async () => {
    const { history } = await onbHistory(2);
    // OIDC sign-in went from 5 to 8 points mid-sprint: 23 committed, 21 completed, the 8 on day 8.
    expect(history[1]).toMatchObject({ sprintId: 5, committedPoints: 23, completedPoints: 21 });
    expect(history[1]?.dailyCompletedPoints?.[8]).toBe(8);
  });

  it('leaves issues added mid-sprint out of the commitment but counts them as completed', async () => {
    const { history } = await onbHistory(3);
    expect(history.find((sprint) => sprint.sprintId === 4)).toMatchObject({ committedPoints: 20, completedPoints: 23 });
  });

  it('reads all sprints with one field list, one search and one changelog read', async () => {
    const { requests } = await onbHistory();
    const paths = requests.map((request) => `${request.method} ${request.path.split('?')[0]}`);
    expect(paths.filter((path) => path === 'GET /rest/api/3/field')).toHaveLength(1);
    expect(paths.filter((path) => path === 'POST /rest/api/3/search/jql')).toHaveLength(1);
    expect(paths.filter((path) => path === 'POST /rest/api/3/changelog/bulkfetch')).toHaveLength(1);
    expect(paths.some((path) => path.includes('greenhopper'))).toBe(false);
  });

  it('returns only as many sprints as asked for, and the list length to start from next time', async () => {
    const recent = await harness.invoke(() => harness.jira.recentClosedSprints(SEED_FACTS.onb.boardId, 2));
    expect(recent.sprints.map((sprint) => sprint.id)).toEqual([6, 5]);
    expect(recent.listLength).toBe(6);
  });

  it('starts near the end of the closed-sprint list when it knows its length, and walks back when that is too late', async () => {
    const mark = harness.standIn.requests.length;
    const near = await harness.invoke(() => harness.jira.recentClosedSprints(SEED_FACTS.onb.boardId, 2, 6));
    const [first] = harness.requestsSince(mark);
    expect(first?.path).toContain('startAt=4');
    expect(near.sprints.map((sprint) => sprint.id)).toEqual([6, 5]);
    // A hint past the end (sprints deleted since) reads back until it has enough.
    const past = await harness.invoke(() => harness.jira.recentClosedSprints(SEED_FACTS.onb.boardId, 3, 40));
    expect(past.sprints.map((sprint) => sprint.id)).toEqual([6, 5, 4]);
    expect(past.listLength).toBe(6);
  });

  it("reads the company-managed board's Story Points the same way", async () => {
    const history = await harness.invoke(async () => {
      const { sprints } = await harness.jira.recentClosedSprints(SEED_FACTS.bil.boardId, 6);
      return harness.jira.closedSprintHistories(sprints, { kind: 'points', fieldId: 'customfield_10028' });
    });
    expect(history).toEqual([
      {
        sprintId: SEED_FACTS.bil.closedSprintId,
        name: 'BIL Sprint 11',
        committedPoints: 8,
        completedPoints: 8,
        workingDays: 11,
        dailyCompletedPoints: [0, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0],
      },
    ]);
  });

  it('counts issues on a board that does not estimate', async () => {
    const sprint: ClosedSprint = { id: 1, name: 'ONB Sprint 1', startDate: null, endDate: null, completeDate: null };
    const { sprints } = await harness.invoke(() => harness.jira.recentClosedSprints(SEED_FACTS.onb.boardId, 6));
    const [counted] = await harness.invoke(() =>
      harness.jira.closedSprintHistories(
        sprints.filter((s) => s.id === sprint.id),
        { kind: 'issue-count' },
      ),
    );
    expect(counted).toMatchObject({ committedPoints: 6, completedPoints: 5 });
  });

  it('has no history for a board without sprints', async () => {
    expect((await harness.invoke(() => harness.jira.recentClosedSprints(SEED_FACTS.onb.kanbanBoardId, 6))).sprints).toEqual([]);
    expect(await harness.invoke(() => harness.jira.closedSprintHistories([], ONB_POINTS))).toEqual([]);
  });
});

import type { GoalCriticalRule } from '../../src/app/ports';
import { SEED_FACTS } from '../../sandbox/jira/seed';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness();
});
afterAll(() => harness.close());

const goalLabelRule: GoalCriticalRule = { labels: ['sprint-goal'], epicKeys: [], flaggedIssueKeys: [], jql: null };

describe('reading one issue', () => {
  it('reads an active-sprint issue with points from the board\'s "Story point estimate" field', async () => {
    const issue = await harness.invoke(() => harness.jira.getIssue('ONB-39', goalLabelRule));
    expect(issue).toEqual({
      key: 'ONB-39',
      id: expect.any(String),
      summary: 'Sign up with Google Workspace SSO',
      points: 3,
      statusCategory: 'in-progress',
      goalCritical: true,
      labels: ['sprint-goal'],
      epicKey: SEED_FACTS.epics.sso,
      priorityName: 'High',
      issueType: 'Story',
      // Its sub-tasks as the seed has them: claims mapping done, the retry screen in progress.
      subtaskProgress: { done: 1, total: 2 },
      // When it moved to In Progress (statuscategorychangedate): the seed started it on the sprint's first day.
      inProgressSince: expect.any(String),
      projectKey: 'ONB',
      projectId: '10000',
      openSprintIds: [SEED_FACTS.activeSprintId],
      // The sprint as the same read gave it, so the panel reads no sprint by id.
      openSprints: [expect.objectContaining({ id: SEED_FACTS.activeSprintId, boardId: SEED_FACTS.onb.boardId, state: 'active' })],
      parentKey: SEED_FACTS.epics.sso,
    });
  });

  it('tells how far an issue is from its sub-tasks’ status categories, without a read per sub-task, and says nothing for one without sub-tasks', async () => {
    const mark = harness.standIn.requests.length;
    const sprint = await harness.invoke(() => harness.jira.activeSprint(SEED_FACTS.onb.boardId));
    const snapshot = await harness.invoke(() => harness.jira.sprintSnapshot(sprint!, goalLabelRule));
    expect(snapshot.issues.find((issue) => issue.key === 'ONB-39')?.subtaskProgress).toEqual({ done: 1, total: 2 });
    expect(snapshot.issues.find((issue) => issue.key === 'ONB-42')?.subtaskProgress).toEqual({ done: 0, total: 1 });
    expect(snapshot.issues.find((issue) => issue.key === 'ONB-55')).not.toHaveProperty('subtaskProgress');
    // ONB-40 and ONB-41 are ONB-39's sub-tasks: nothing reads them one by one.
    expect(harness.requestsSince(mark).filter((request) => /\/issue\/ONB-4[01]\b/.test(request.path))).toEqual([]);
  });

  it('gives an in-progress issue the time it moved to In Progress, from the same read, and no other issue one', async () => {
    const sprint = await harness.invoke(() => harness.jira.activeSprint(SEED_FACTS.onb.boardId));
    const snapshot = await harness.invoke(() => harness.jira.sprintSnapshot(sprint!, goalLabelRule));
    const inProgress = snapshot.issues.filter((issue) => issue.statusCategory === 'in-progress');
    expect(inProgress.length).toBeGreaterThan(2);
    for (const issue of inProgress) {
      // The seed moves its sprint's issues to In Progress during the sprint; the carried-over bug started before it.
      expect(Date.parse(issue.inProgressSince!)).toBeLessThanOrEqual(Date.now());
    }
    const started = (key: string) => Date.parse(snapshot.issues.find((issue) => issue.key === key)!.inProgressSince!);
    expect(started('ONB-39')).toBeGreaterThanOrEqual(Date.parse(snapshot.sprint.startDate!) - 86_400_000);
    expect(snapshot.issues.filter((issue) => issue.statusCategory !== 'in-progress' && 'inProgressSince' in issue)).toEqual([]);
  });

  it('reports an issue as not goal-critical when no rule is given', async () => {
    const issue = await harness.invoke(() => harness.jira.getIssue('ONB-39'));
    expect(issue?.goalCritical).toBe(false);
  });

  it("reads a backlog issue's points through the project's Scrum board", async () => {
    const issue = await harness.invoke(() => harness.jira.getIssue('ONB-69'));
    expect(issue).toMatchObject({
      summary: 'SCIM provisioning for enterprise tenants',
      points: 8,
      openSprintIds: [],
      statusCategory: 'todo',
    });
  });

  it('reads the company-managed "Story Points" field and Epic Link in Billing', async () => {
    const issue = await harness.invoke(() => harness.jira.getIssue(SEED_FACTS.bilKeys.vatBreakdown));
    expect(issue).toMatchObject({
      points: 5,
      epicKey: SEED_FACTS.bilKeys.epic,
      projectKey: 'BIL',
      openSprintIds: [SEED_FACTS.bil.activeSprintId],
    });
  });

  it('answers null for an issue that does not exist', async () => {
    expect(await harness.invoke(() => harness.jira.getIssue('ONB-9999'))).toBeNull();
  });

  it("marks an issue goal-critical when the rule's JQL matches it", async () => {
    const rule: GoalCriticalRule = { labels: [], epicKeys: [], flaggedIssueKeys: [], jql: 'priority = Highest' };
    const [skew, google] = await harness.invoke(() =>
      Promise.all([harness.jira.getIssue('ONB-37', rule), harness.jira.getIssue('ONB-39', rule)]),
    );
    expect({ skew: skew?.goalCritical, google: google?.goalCritical }).toEqual({ skew: true, google: false });
  });
});

describe('issue keys can never change the request path', () => {
  const hostileKeys = ['ONB-1/../../x', 'ONB-1/../../rest/api/3/project/BIL', 'ONB-1?fields=summary', 'ONB-1#top', 'ONB-1%2e%2e', '..'];

  it.each(hostileKeys)('refuses to read %s, without sending any request', async (key) => {
    const mark = harness.standIn.requests.length;
    expect(await harness.invoke(() => harness.jira.getIssue(key))).toBeNull();
    expect(harness.requestsSince(mark)).toEqual([]);
  });

  it.each(hostileKeys)('refuses to change or comment %s, without sending any request', async (key) => {
    const mark = harness.standIn.requests.length;
    const decision = {
      proposalId: 'p-1',
      verdict: 'approved',
      deciderAccountId: null,
      deciderName: null,
      proposerAccountId: '557058:dev-dana',
      rationale: 'Fits the goal.',
      changeSummary: 'Raise priority',
      language: 'en',
    } as const;
    const results = await harness.invoke(() =>
      Promise.all([
        harness.jira.setPriority(key, 'Highest'),
        harness.jira.setEstimate(key, { kind: 'points', fieldId: 'customfield_10016' }, 8),
        harness.jira.addDecisionComment(key, decision),
        harness.jira.createSplitPart(
          key,
          { summary: 'Part one', points: 1 },
          { kind: 'points', fieldId: 'customfield_10016' },
          SEED_FACTS.activeSprintId,
        ),
      ]),
    );
    expect(results.map((result) => result.ok)).toEqual([false, false, false, false]);
    expect(
      await harness.invoke(() =>
        harness.jira.markedSplitPart(key, { proposalId: 'p-1', step: 'create-part-1', marker: 'm-1' }, '2026-11-25T12:00:00.000Z'),
      ),
    ).toBeNull();
    expect(harness.requestsSince(mark)).toEqual([]);
  });

  it('keeps a key with an encoded slash inside its own path segment', async () => {
    const mark = harness.standIn.requests.length;
    expect(await harness.invoke(() => harness.jira.getIssue('ONB-1%2Fx'))).toBeNull();
    expect(harness.requestsSince(mark).map((request) => request.path)).toEqual(['/rest/agile/1.0/issue/ONB-1%2Fx']);
  });
});

import type { BoardEstimation, DecisionComment, GoalCriticalRule } from '../../src/app/ports';
import type { JiraSite } from '../../sandbox/jira/jira-model';
import { SEED_ACCOUNTS, SEED_FACTS, seedGoalkeeperSite } from '../../sandbox/jira/seed';
import { decisionCommentDocument } from '../../src/jira/adf';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeEach(async () => {
  harness = await startJiraHarness({ seed: seedWithBigBacklog });
});
afterEach(() => harness.close());

const BIG_BACKLOG_SIZE = 120;

/** The seed plus 120 small backlog items, for the 50-issue limits. */
function seedWithBigBacklog(site: JiraSite, now: Date): void {
  seedGoalkeeperSite(site, now);
  for (let index = 1; index <= BIG_BACKLOG_SIZE; index++) {
    site.createIssue({ projectKey: 'ONB', typeName: 'Task', summary: `Translate onboarding string set ${index}`, points: 1 });
  }
}
const bigBacklogKeys = Array.from({ length: BIG_BACKLOG_SIZE }, (_, index) => `ONB-${77 + index}`);

const storyPoints: BoardEstimation = { kind: 'points', fieldId: 'customfield_10016' };
const noRule: GoalCriticalRule = { labels: [], epicKeys: [], flaggedIssueKeys: [], jql: null };

async function activeSprintKeys(): Promise<string[]> {
  const sprint = await harness.invoke(() => harness.jira.getSprint(SEED_FACTS.activeSprintId));
  return (await harness.invoke(() => harness.jira.sprintSnapshot(sprint!, noRule))).issues.map((issue) => issue.key);
}

describe('moving issues between sprints and the backlog', () => {
  it('adds a backlog issue to the active sprint, and Jira records that the app did it', async () => {
    const result = await harness.invoke(() => harness.jira.moveToSprint(SEED_FACTS.activeSprintId, ['ONB-68']));
    expect(result).toEqual({ ok: true, status: 204, message: 'Moved ONB-68 to sprint 7.' });
    expect(await activeSprintKeys()).toContain('ONB-68');
    expect(harness.standIn.changes.at(-1)).toMatchObject({
      siteId: 'test-site-cloud-id',
      actor: { kind: 'app' },
      change: { kind: 'sprint-membership', issueKey: 'ONB-68', fromSprintId: null, toSprintId: SEED_FACTS.activeSprintId },
    });
  });

  it("fails to move into a closed sprint, in Jira's words", async () => {
    const result = await harness.invoke(() => harness.jira.moveToSprint(3, ['ONB-68']));
    expect(result).toEqual({
      ok: false,
      status: 400,
      message: "Jira did not move ONB-68 to sprint 3: Sprint 'ONB Sprint 3' is closed. Issues can only be moved to open or active sprints.",
    });
  });

  it('fails to move an issue that does not exist', async () => {
    const result = await harness.invoke(() => harness.jira.moveToSprint(SEED_FACTS.activeSprintId, ['ONB-9999']));
    expect(result).toMatchObject({ ok: false, status: 404 });
    expect(result.message).toContain('ONB-9999 does not exist or you do not have permission to see it');
  });

  it('moves more than 50 issues in calls of at most 50', async () => {
    const mark = harness.standIn.requests.length;
    const result = await harness.invoke(() => harness.jira.moveToSprint(SEED_FACTS.futureSprintId, bigBacklogKeys));
    expect(result.ok).toBe(true);
    const moves = harness.requestsSince(mark).filter((request) => request.method === 'POST');
    expect(moves.map((request) => request.path)).toEqual(Array(3).fill(`/rest/agile/1.0/sprint/${SEED_FACTS.futureSprintId}/issue`));
    expect(
      harness
        .site()
        .sprintIssues(SEED_FACTS.futureSprintId)
        .map((issue) => issue.key),
    ).toEqual([...SEED_FACTS.futureSprintKeys, ...bigBacklogKeys]);
  });

  it('says how far a chunked move got when Jira refuses part of it', async () => {
    const keys = [...bigBacklogKeys.slice(0, 60), 'ONB-9999'];
    const result = await harness.invoke(() => harness.jira.moveToSprint(SEED_FACTS.futureSprintId, keys));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/\(50 of 61 issues were changed before this\)$/);
  });

  it('takes an issue out of the active sprint, back to the backlog', async () => {
    const result = await harness.invoke(() => harness.jira.moveToBacklog([SEED_FACTS.activeSprintKeys.adminRequireSso]));
    expect(result.ok).toBe(true);
    expect(await activeSprintKeys()).not.toContain(SEED_FACTS.activeSprintKeys.adminRequireSso);
  });
});

describe('ranking', () => {
  it('ranks an issue before another', async () => {
    const result = await harness.invoke(() => harness.jira.rank(['ONB-55'], 'before', 'ONB-39'));
    expect(result).toEqual({ ok: true, status: 204, message: 'Ranked ONB-55 before ONB-39.' });
    expect((await activeSprintKeys()).slice(0, 2)).toEqual(['ONB-55', 'ONB-39']);
  });

  it('treats a 207 answer as a failure that names the issue Jira did not rank', async () => {
    const result = await harness.invoke(() => harness.jira.rank(['ONB-55', 'ONB-39'], 'before', 'ONB-39'));
    expect(result).toEqual({
      ok: false,
      status: 207,
      message: 'Jira did not rank ONB-55, ONB-39 before ONB-39: ONB-39: An issue cannot be ranked relative to itself.',
    });
  });

  it('rejects a rank target that does not exist', async () => {
    const result = await harness.invoke(() => harness.jira.rank(['ONB-55'], 'after', 'ONB-9999'));
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(result.message).toContain('Cannot rank relative to ONB-9999');
  });

  it('keeps more than 50 ranked issues together and in order', async () => {
    const result = await harness.invoke(() => harness.jira.rank(bigBacklogKeys, 'after', 'ONB-16'));
    expect(result.ok).toBe(true);
    const order = harness.site().rankOrder.map((id) => harness.site().issues.get(id)!.key);
    const anchorAt = order.indexOf('ONB-16');
    expect(order.slice(anchorAt + 1, anchorAt + 1 + BIG_BACKLOG_SIZE)).toEqual(bigBacklogKeys);
  });
});

describe('editing fields', () => {
  it('sets a priority by name', async () => {
    const result = await harness.invoke(() => harness.jira.setPriority('ONB-55', 'Highest'));
    expect(result.ok).toBe(true);
    expect((await harness.invoke(() => harness.jira.getIssue('ONB-55')))?.priorityName).toBe('Highest');
  });

  it("fails on a priority Jira does not know, with Jira's field error", async () => {
    const result = await harness.invoke(() => harness.jira.setPriority('ONB-55', 'Urgent'));
    expect(result).toEqual({
      ok: false,
      status: 400,
      message: 'Jira did not set the priority of ONB-55: priority: The priority selected is invalid.',
    });
  });

  it("sets the estimate in the board's own points field", async () => {
    const result = await harness.invoke(() => harness.jira.setEstimate('ONB-55', storyPoints, 5));
    expect(result).toEqual({ ok: true, status: 204, message: 'Set the estimate of ONB-55 to 5.' });
    expect((await harness.invoke(() => harness.jira.getIssue('ONB-55')))?.points).toBe(5);
    expect(harness.standIn.changes.at(-1)?.change).toEqual({
      kind: 'estimate',
      issueKey: 'ONB-55',
      fieldId: 'customfield_10016',
      from: 2,
      to: 5,
    });
  });

  it("fails when the field is not the project's points field, as Jira does", async () => {
    const result = await harness.invoke(() => harness.jira.setEstimate('ONB-55', { kind: 'points', fieldId: 'customfield_10028' }, 5));
    expect(result.message).toContain(
      "customfield_10028: Field 'customfield_10028' cannot be set. It is not on the appropriate screen, or unknown.",
    );
  });

  it('refuses to estimate for a board that counts issues, without calling Jira', async () => {
    const mark = harness.standIn.requests.length;
    const result = await harness.invoke(() => harness.jira.setEstimate('ONB-55', { kind: 'issue-count' }, 5));
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(harness.requestsSince(mark)).toEqual([]);
  });
});

describe('splitting as Jira’s own split does', () => {
  const part = { summary: 'Enforce SSO for new members at sign-up', points: 1 };

  it('creates a sibling of the issue (same type, same epic) with its points, in the sprint asked for', async () => {
    const source = await harness.invoke(() => harness.jira.getIssue('ONB-55'));
    const result = await harness.invoke(() => harness.jira.createSplitPart('ONB-55', part, storyPoints, SEED_FACTS.activeSprintId));
    expect(result).toMatchObject({ ok: true, status: 201, createdKeys: ['ONB-197'] });
    const created = await harness.invoke(() => harness.jira.getIssue('ONB-197'));
    expect(created).toMatchObject({
      summary: part.summary,
      issueType: source?.issueType,
      parentKey: source?.parentKey,
      points: 1,
      openSprintIds: [SEED_FACTS.activeSprintId],
    });
    expect(created?.issueType).not.toMatch(/sub-?task/i);
    expect(source?.parentKey).not.toBeNull();
  });

  it("uses the company-managed project's own points field and the issue's own type", async () => {
    const source = await harness.invoke(() => harness.jira.getIssue('BIL-3'));
    const result = await harness.invoke(() =>
      harness.jira.createSplitPart(
        'BIL-3',
        { summary: 'Reverse-charge flag on customer records', points: 2 },
        { kind: 'points', fieldId: 'customfield_10028' },
        SEED_FACTS.bil.activeSprintId,
      ),
    );
    expect(result.createdKeys).toEqual(['BIL-8']);
    expect(await harness.invoke(() => harness.jira.getIssue('BIL-8'))).toMatchObject({
      issueType: source?.issueType,
      points: 2,
      parentKey: source?.parentKey,
      openSprintIds: [SEED_FACTS.bil.activeSprintId],
    });
  });

  it('finds the part an interrupted step created by its marker only, never by a look-alike summary', async () => {
    const mark = { proposalId: 'p-1', step: 'create-part-1', marker: 'm-1' };
    const since = new Date().toISOString();
    await harness.invoke(() => harness.jira.createSplitPart('ONB-55', part, storyPoints, SEED_FACTS.activeSprintId));
    expect(await harness.invoke(() => harness.jira.markedSplitPart('ONB-55', mark, since))).toBeNull();
    const marked = await harness.invoke(() => harness.jira.createSplitPart('ONB-55', part, storyPoints, SEED_FACTS.activeSprintId, mark));
    expect(await harness.invoke(() => harness.jira.markedSplitPart('ONB-55', mark, since))).toBe(marked.createdKeys?.[0]);
  });

  it('does not retry a create after a server error, so nothing can be created twice', async () => {
    harness.standIn.faults.inject({ kind: 'server-error', status: 500 }, { method: 'POST', path: '/rest/api/3/issue' });
    const mark = harness.standIn.requests.length;
    const result = await harness.invoke(() => harness.jira.createSplitPart('ONB-55', part, storyPoints, SEED_FACTS.activeSprintId));
    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(harness.requestsSince(mark).filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('fails for an issue that does not exist', async () => {
    const result = await harness.invoke(() =>
      harness.jira.createSplitPart('ONB-9999', { summary: 'Part one', points: 1 }, storyPoints, SEED_FACTS.activeSprintId),
    );
    expect(result).toMatchObject({ ok: false, status: 404 });
  });
});

describe('the decision comment', () => {
  const decision: DecisionComment = {
    proposalId: 'prop-7f3a',
    verdict: 'approved',
    deciderAccountId: SEED_ACCOUNTS.productOwner,
    deciderName: 'Priya Raman',
    proposerAccountId: SEED_ACCOUNTS.devDana,
    rationale: 'Security asked for it *today*.\n\nIt fits the goal: @Ada <b>agrees</b>.',
    changeSummary: 'Add ONB-68 to the active sprint',
    language: 'en',
  };

  it('posts the decision as an ADF comment from the app, exactly as built', async () => {
    const result = await harness.invoke(() => harness.jira.addDecisionComment('ONB-68', decision));
    expect(result).toEqual({ ok: true, status: 201, message: 'Commented the decision on ONB-68.' });
    const [comment] = harness.site().issueByKeyOrId('ONB-68')!.comments;
    expect(comment?.author).toEqual({ kind: 'app' });
    expect(comment?.body).toEqual(decisionCommentDocument(decision));
  });

  it('fails on an issue that does not exist', async () => {
    const result = await harness.invoke(() => harness.jira.addDecisionComment('ONB-9999', decision));
    expect(result).toEqual({
      ok: false,
      status: 404,
      message: 'Jira did not add the decision comment to ONB-9999: Issue does not exist or you do not have permission to see it.',
    });
  });
});

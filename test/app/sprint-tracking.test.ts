/**
 * The sprint view, churn, bypass detection and sprint close, through the handler and the Forge
 * triggers, on the sandbox seed.
 */
import { onJiraEvent } from '../../src/index';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { CSV_COLUMNS } from '../../src/domain/csv-export';
import { approveAndSettle } from '../support/decisions';
import { useForgeApp } from '../support/forge-app';
import type { ReadySprintView } from '../../src/contract';
import { readySprintView } from '../support/sprint-view';

const { productOwner: PRIYA, devDana: DANA, devKofi: KOFI, billingDeveloper: FIN } = SEED_ACCOUNTS;
const BOARD = SEED_FACTS.onb.boardId;
const RATIONALE = 'Acme signs on Friday only with SSO; we drop the analytics spike instead.';

const app = useForgeApp();

const site = () => app().site();
const issue = (key: string) => site().issueByKeyOrId(key)!;
const view = (by = PRIYA) => readySprintView(app(), BOARD, by);

async function approvedAndApplied(issueKey: string, change: object) {
  const proposal = await app().ok(
    'createProposal',
    { issueKey, change, reason: { category: 'stakeholder-request', text: 'Acme pilot needs it.' }, acknowledgeThreat: true },
    DANA,
  );
  if (proposal.status === 'proposed') await approveAndSettle(app(), proposal, RATIONALE, PRIYA);
  await app().sandbox.idle();
  return proposal;
}

describe('the sprint view', () => {
  it('shows the goal, the ranked items against the capacity line and the queue re-assessed now', async () => {
    const pending = await app().invokeOk(
      'createProposal',
      { issueKey: 'ONB-70', change: { kind: 'add' }, reason: { category: 'defect', text: 'SSO login loops.' }, acknowledgeThreat: true },
      DANA,
    );
    const state = await view();
    expect(state.kind).toBe('ready');
    expect(state.sprint).toMatchObject({ id: SEED_FACTS.activeSprintId, goal: SEED_FACTS.activeSprintGoal });
    expect(state.goalItems.done + state.goalItems.inProgress + state.goalItems.todo).toBe(SEED_FACTS.goalCriticalKeys.length);
    expect(state.queue.map((q) => q.proposal.id)).toEqual([pending.id]);
    expect(state.queue[0]?.assessmentNow.level).toMatch(/safe|caution|threat/);
    expect(state.ranked.length).toBeGreaterThan(0);
    expect(state.viewer.isProductOwner).toBe(true);
  });

  it('explains a Kanban board and hides boards the caller cannot see', async () => {
    expect(await app().invokeOk('getSprintViewState', { boardId: SEED_FACTS.onb.kanbanBoardId }, PRIYA)).toMatchObject({
      kind: 'not-scrum',
    });
    expect((await app().invoke('getSprintViewState', { boardId: BOARD }, FIN)).error?.code).toBe('not-found');
    expect((await app().invokeOk('listBoards', {}, PRIYA)).map((b) => b.id)).toEqual([BOARD]);
  });

  it('counts churn by hand on the seed: additions, re-estimates and a change made around Goalkeeper', async () => {
    const first = await view();
    const committed = first.churn.committed?.points;
    if (committed === undefined) throw new Error('The first look at the sprint took no committed scope');
    const [p68, p39, p69] = [issue('ONB-68').points ?? 0, issue('ONB-39').points ?? 0, issue('ONB-69').points ?? 0];

    await approvedAndApplied('ONB-68', { kind: 'add' });
    await approvedAndApplied('ONB-39', { kind: 'estimate', points: p39 + 3 });
    site().moveToSprint([issue('ONB-69')], site().sprints.get(SEED_FACTS.activeSprintId)!, { kind: 'user', accountId: KOFI });
    await app().sandbox.idle();

    const { churn, bypassed, baselineSource } = await view();
    expect(baselineSource).toBe('changelog');
    expect(churn.committed?.points).toBe(committed);
    expect(churn.added).toEqual({ points: p68 + p69, count: 2 });
    expect(churn.reestimatedUp).toEqual({ points: 3, count: 1 });
    expect(churn.throughGoalkeeper).toEqual({ points: p68 + 3, count: 2 });
    expect(churn.bypassed).toEqual({ points: p69, count: 1 });
    expect(churn.netChange).toBe(p68 + p69 + 3);
    expect(churn.grossChurn).toBeCloseTo((p68 + p69 + 3) / committed);
    expect(bypassed).toEqual([
      expect.objectContaining({ issueKey: 'ONB-69', kind: 'added', actorAccountId: KOFI, detectedBy: 'event', review: null }),
    ]);
  });

  it('starts watching a sprint at the first look: the sprint is read back to its start once, and the next refresh counts bypassed churn from zero', async () => {
    const first = await view();
    expect(first.baselineSource).toBe('changelog');
    expect(first.baselineTakenAt).toBe(first.sprint.startDate);
    await app().sandbox.idle();
    const { churn, baselineSource } = await view();
    expect(baselineSource).toBe('changelog');
    expect(churn.bypassed).toEqual({ points: 0, count: 0 });
    expect(churn.added).toEqual({ points: 0, count: 0 });
  });

  it('never flags a change Goalkeeper applied itself', async () => {
    await view();
    await approvedAndApplied('ONB-68', { kind: 'add' });
    expect((await view()).bypassed).toEqual([]);
  });

  it('finds a re-rank made on the board at the refresh after the one that queued its reconciliation, even without a usable event', async () => {
    await view();
    await app().sandbox.idle();
    site().rank([issue('ONB-55')], 'before', site().sprintIssues(SEED_FACTS.activeSprintId)[0]!, { kind: 'user', accountId: KOFI });
    await app().sandbox.idle();
    expect((await view()).bypassed).toEqual([]);
    await app().sandbox.idle();
    const { bypassed } = await view();
    expect(bypassed).toEqual([expect.objectContaining({ issueKey: 'ONB-55', kind: 'reranked', detectedBy: 'reconciliation' })]);
  });

  it('lets the Product Owner review a bypassed change once, with a rationale', async () => {
    await view();
    site().moveToSprint([issue('ONB-69')], site().sprints.get(SEED_FACTS.activeSprintId)!, { kind: 'user', accountId: KOFI });
    await app().sandbox.idle();
    const [change] = (await view()).bypassed;
    if (!change) throw new Error('The sprint view shows no bypassed change after Kofi moved ONB-69 in');
    expect(
      (await app().invoke('reviewBypassedChange', { changeId: change.id, verdict: 'accepted', note: 'Hotfix for the demo, fine.' }, DANA))
        .error?.code,
    ).toBe('forbidden');
    expect(
      (await app().invoke('reviewBypassedChange', { changeId: change.id, verdict: 'accepted', note: 'short' }, PRIYA)).error?.code,
    ).toBe('invalid-input');
    const reviewed = await app().invokeOk(
      'reviewBypassedChange',
      { changeId: change.id, verdict: 'accepted', note: 'Hotfix for the customer demo, agreed in stand-up.' },
      PRIYA,
    );
    expect(reviewed.review).toMatchObject({ reviewerAccountId: PRIYA, verdict: 'accepted' });
    expect(
      (await app().invoke('reviewBypassedChange', { changeId: change.id, verdict: 'noted', note: 'Second opinion on the same.' }, PRIYA))
        .error?.code,
    ).toBe('conflict');
  });
});

describe('the burn-up', () => {
  it('has a done line from the snapshot: points done by the end of each working day, rising to what is done now', async () => {
    const { burnUp } = await view();
    const days = burnUp.doneByDay;
    expect(days.length).toBeGreaterThanOrEqual(5);
    expect(days[days.length - 1]!.donePoints).toBe(burnUp.donePoints);
    expect(days.every((day, index) => index === 0 || day.donePoints >= days[index - 1]!.donePoints)).toBe(true);
    // The seed's done work was finished over the sprint's first four working days, not all at once.
    expect(days[0]!.donePoints).toBeGreaterThan(0);
    expect(days[0]!.donePoints).toBeLessThan(days[3]!.donePoints);
    expect(days[3]!.donePoints).toBe(burnUp.donePoints);
  });
});

describe('churn when the sprint view is first opened late', () => {
  const sprintId = SEED_FACTS.activeSprintId;
  const inSprint = () =>
    site()
      .sprintIssues(sprintId)
      .filter((each) => !site().typeOf(each).subtask);
  const jiraScope = () => ({ points: inSprint().reduce((sum, each) => sum + (each.points ?? 0), 0), count: inSprint().length });
  const scopeNow = (state: ReadySprintView) => state.burnUp.scope[state.burnUp.scope.length - 1]!.scope;

  it('counts from what was in the sprint at its start, and scope now is what Jira has, when changes came before the first look', async () => {
    const atStart = jiraScope();
    const leaving = inSprint().find((each) => each.status.category !== 'done' && (each.points ?? 0) > 0)!;
    const reestimated = inSprint().find((each) => each !== leaving && (each.points ?? 0) > 0)!;
    const p69 = issue('ONB-69').points ?? 0;
    site().moveToSprint([issue('ONB-69')], site().sprints.get(sprintId)!, { kind: 'user', accountId: KOFI });
    site().moveToBacklog([leaving], { kind: 'user', accountId: DANA });
    site().setPoints(reestimated, (reestimated.points ?? 0) + 2, { kind: 'user', accountId: KOFI });
    await app().sandbox.idle();
    const jiraNow = jiraScope();
    expect(jiraNow.points).toBe(atStart.points + p69 - (leaving.points ?? 0) + 2);

    const state = await view();
    expect(state.baselineSource).toBe('changelog');
    expect(state.churn.committed).toEqual(atStart);
    expect(scopeNow(state)).toBe(jiraNow.points);
    expect(state.churn.added).toEqual({ points: p69, count: 1 });
    expect(state.churn.removed).toEqual({ points: leaving.points, count: 1 });
    expect(state.churn.reestimatedUp).toEqual({ points: 2, count: 1 });
    expect(state.churn.bypassed).toEqual({ points: p69 + (leaving.points ?? 0) + 2, count: 3 });
    // Each Jira change once, though Jira's event reported it and the history holds it too.
    expect(state.bypassed.map((change) => change.issueKey).sort()).toEqual(['ONB-69', leaving.key, reestimated.key].sort());

    await app().sandbox.idle();
    const later = await view();
    expect(later.churn).toEqual(state.churn);
    expect(scopeNow(later)).toBe(jiraNow.points);
  });

  it('reads back changes Goalkeeper never heard of from Jira’s history of the issues', async () => {
    const atStart = jiraScope();
    const reestimated = inSprint().find((each) => (each.points ?? 0) > 0)!;
    const p69 = issue('ONB-69').points ?? 0;
    // Made as the app: Forge's ignoreSelf filter sends no event for them, as if Goalkeeper had not been installed yet.
    site().moveToSprint([issue('ONB-69')], site().sprints.get(sprintId)!, { kind: 'app' });
    site().setPoints(reestimated, (reestimated.points ?? 0) + 3, { kind: 'app' });
    await app().sandbox.idle();

    const state = await view();
    expect(state.churn.committed).toEqual(atStart);
    expect(scopeNow(state)).toBe(jiraScope().points);
    expect(state.bypassed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ issueKey: 'ONB-69', kind: 'added', pointsAfter: p69, detectedBy: 'changelog' }),
        expect.objectContaining({
          issueKey: reestimated.key,
          kind: 're-estimated',
          pointsAfter: reestimated.points ?? 0,
          detectedBy: 'changelog',
        }),
      ]),
    );
  });
});

describe('Forge events', () => {
  // Jira's event carries the id of the changelog entry it reports (the issue's newest, for the move below).
  const changelogIdOfMove = () => issue('ONB-71').changelog[issue('ONB-71').changelog.length - 1]!.id;
  const event = (changelogId: string) => ({
    eventType: 'avi:jira:updated:issue',
    atlassianId: KOFI,
    issue: { id: issue('ONB-71').id, key: 'ONB-71' },
    changelog: { id: changelogId, items: [{ field: 'Sprint', from: '', to: String(SEED_FACTS.activeSprintId) }] },
  });

  it('records a duplicated delivery once', async () => {
    site().moveToSprint([issue('ONB-71')], site().sprints.get(SEED_FACTS.activeSprintId)!, { kind: 'app' }); // ignoreSelf: no event of its own
    await app().sandbox.idle();
    await app().asApp(() => onJiraEvent(event(changelogIdOfMove())));
    await app().asApp(() => onJiraEvent(event(changelogIdOfMove())));
    await Promise.all([
      app().asApp(() => onJiraEvent(event(changelogIdOfMove()))),
      app().asApp(() => onJiraEvent(event(changelogIdOfMove()))),
    ]);
    expect((await view()).bypassed.filter((b) => b.issueKey === 'ONB-71')).toHaveLength(1);
  });

  it('snapshots the committed scope when a sprint starts, and asks for the goal outcome when it closes', async () => {
    const sprint = site().sprints.get(SEED_FACTS.activeSprintId)!;
    await app().asApp(() => onJiraEvent({ eventType: 'avi:jira-software:started:sprint', sprint: { id: sprint.id } }));
    expect((await view()).baselineSource).toBe('sprint-start');

    sprint.state = 'closed';
    await app().asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: sprint.id } }));
    await app().asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: sprint.id } }));
    const closed = await app().invokeOk('getSprintViewState', { boardId: BOARD }, PRIYA);
    if (closed.kind !== 'no-active-sprint') throw new Error(`The sprint view is '${closed.kind}', not 'no-active-sprint'`);
    expect(closed.outcomes).toEqual([expect.objectContaining({ sprintId: sprint.id, outcome: null, goal: SEED_FACTS.activeSprintGoal })]);

    const outcome = {
      boardId: BOARD,
      sprintId: sprint.id,
      outcome: 'partly',
      note: 'SSO shipped; the 2-minute target was missed.',
      expectedVersion: 1,
    };
    expect((await app().call('recordSprintOutcome', outcome, DANA)).error?.code).toBe('forbidden');
    expect(await app().ok('recordSprintOutcome', outcome, PRIYA)).toMatchObject({ outcome: 'partly', recordedBy: PRIYA });
    const recorded = await app().invokeOk('getSprintViewState', { boardId: BOARD }, PRIYA);
    expect('outcomes' in recorded && recorded.outcomes[0]).toMatchObject({ outcome: 'partly' });
  });
});

describe('the CSV export', () => {
  it('has the documented columns and one row per proposal', async () => {
    await approvedAndApplied('ONB-68', { kind: 'add' });
    await app().invokeOk(
      'createProposal',
      {
        issueKey: 'ONB-70',
        change: { kind: 'add' },
        reason: { category: 'defect', text: 'Loop, "quoted", with commas' },
        acknowledgeThreat: true,
      },
      DANA,
    );
    const { filename, csv } = await app().invokeOk('exportSprintCsv', { boardId: BOARD }, PRIYA);
    expect(filename).toBe('goalkeeper-ONB-Sprint-7.csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"Loop, ""quoted"", with commas"');
  });
});

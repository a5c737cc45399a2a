import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { FIELD_IDS } from '../../sandbox/jira/jira-model';
import { sprintBoardIdOf, sprintChangeOf, sprintIdOf } from '../../src/events/jira-triggers';
import { onJiraEvent } from '../../src/index';
import { createSprintRecordStore } from '../../src/store/sprint-record-store';
import { useForgeApp } from '../support/forge-app';

const AT = '2026-11-21T09:00:00.000Z';

/**
 * Copied from Atlassian's "Jira Software events" reference, section "Sprint events", example
 * (https://developer.atlassian.com/platform/forge/events-reference/jira-software/): "The payload
 * for all of these events is the same", so only `eventType` (and, for a closed sprint, `state`
 * and `completeDate`, fields of the documented `Sprint` type) differ from the page's example.
 */
function documentedSprintEvent(eventType: string, sprint: { id: string; originBoardId: string; state: string; completeDate?: string }) {
  return {
    eventType,
    sprint: {
      id: sprint.id,
      originBoardId: sprint.originBoardId,
      name: 'EX1 Sprint 1',
      goal: 'The new goal',
      state: sprint.state,
      createDate: '2024-09-24T10:59:20.334+0200',
      startDate: '2024-10-05T00:00:00.000+0200',
      endDate: '2024-10-12T00:00:00.000+0200',
      ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
    },
    atlassianId: '5c37e3bdb393bf4ce95658d5',
  };
}

/**
 * An issue-updated event as Forge's Jira events reference shapes it ("Issue events",
 * https://developer.atlassian.com/platform/forge/events-reference/jira/), its changelog items as
 * the Jira platform contract's `ChangeDetails` describes them (field, fieldId, fieldtype, from,
 * fromString, to, toString; /work/shared/atlassian-openapi/jira-platform.openapi.json).
 */
function issueUpdated(issue: { id: string; key: string }, changelogId: string, items: object[]) {
  return { eventType: 'avi:jira:updated:issue', atlassianId: SEED_ACCOUNTS.devKofi, issue, changelog: { id: changelogId, items } };
}

describe('reading Jira issue-updated events', () => {
  it('reads a sprint move from the changelog, with the actor and a stable change id', () => {
    const change = sprintChangeOf(
      issueUpdated({ id: '10033', key: 'ONB-33' }, '20001', [
        { field: 'Sprint', fieldId: 'customfield_10020', fieldtype: 'custom', from: '', fromString: '', to: '7', toString: 'ONB Sprint 7' },
      ]),
      AT,
    );
    expect(change).toEqual({
      changeId: '10033:20001',
      issueKey: 'ONB-33',
      actorAccountId: SEED_ACCOUNTS.devKofi,
      at: AT,
      sprintsBefore: [],
      sprintsAfter: [7],
      fieldChanges: [],
    });
  });

  it('carries every other changed field by its id, whatever Jira calls it, for the board to pick its estimate', () => {
    const change = sprintChangeOf(
      issueUpdated({ id: '1', key: 'ONB-11' }, '2', [
        {
          field: 'Story point estimate',
          fieldId: 'customfield_10016',
          fieldtype: 'custom',
          from: null,
          fromString: '3',
          to: null,
          toString: '5',
        },
        { field: 'Sizing', fieldId: 'customfield_10555', fieldtype: 'custom', from: null, fromString: '', to: null, toString: '8' },
      ]),
      AT,
    );
    expect(change?.fieldChanges).toEqual([
      { fieldId: 'customfield_10016', before: 3, after: 5 },
      { fieldId: 'customfield_10555', before: null, after: 8 },
    ]);
  });

  it('reads a sprint list with a closed sprint and a new one', () => {
    const change = sprintChangeOf(
      issueUpdated({ id: '1', key: 'ONB-11' }, '2', [{ field: 'Sprint', fieldId: 'customfield_10020', from: '6, 7', to: '6, 8' }]),
      AT,
    );
    expect(change).toMatchObject({ sprintsBefore: [6, 7], sprintsAfter: [6, 8] });
  });

  it('ignores events that touch neither sprint nor any field with an id, and malformed ones', () => {
    expect(sprintChangeOf(issueUpdated({ id: '1', key: 'ONB-11' }, '2', [{ field: 'summary', from: 'a', to: 'b' }]), AT)).toBeNull();
    expect(sprintChangeOf({ changelog: { id: '2', items: [{ field: 'Sprint', to: '7' }] } }, AT)).toBeNull();
  });
});

describe('reading Jira Software sprint events', () => {
  it('reads the documented string sprint id, and a numeric one as the REST API gives it', () => {
    expect(sprintIdOf(documentedSprintEvent('avi:jira-software:started:sprint', { id: '6', originBoardId: '12', state: 'active' }))).toBe(
      6,
    );
    expect(sprintIdOf({ sprint: { id: 6 } })).toBe(6);
  });

  it("reads the sprint's board from the documented originBoardId, string or number", () => {
    expect(
      sprintBoardIdOf(documentedSprintEvent('avi:jira-software:updated:sprint', { id: '6', originBoardId: '12', state: 'future' })),
    ).toBe(12);
    expect(sprintBoardIdOf({ sprint: { id: 6, originBoardId: 12 } })).toBe(12);
    expect(sprintBoardIdOf({ sprint: { id: 6, originBoardId: '12 OR 1=1' } })).toBeNull();
  });

  it('names no sprint for an id that is not a positive whole number', () => {
    for (const id of ['', 'six', '6; DROP', '-6', '0', '1e3', ' ']) expect(sprintIdOf({ sprint: { id } })).toBeNull();
    expect(sprintIdOf({})).toBeNull();
  });
});

describe('documented events driving Goalkeeper', () => {
  const app = useForgeApp();
  const site = () => app().site();
  const records = () => createSprintRecordStore();

  it('asks for the goal outcome when Jira says, with a string id, that a sprint closed', async () => {
    const sprint = site().sprints.get(SEED_FACTS.activeSprintId)!;
    const started = documentedSprintEvent('avi:jira-software:started:sprint', {
      id: String(sprint.id),
      originBoardId: String(sprint.boardId),
      state: 'active',
    });
    await app().asApp(() => onJiraEvent(started));
    expect(await app().asApp(() => records().baseline(sprint.id))).toMatchObject({ sprintId: sprint.id, source: 'sprint-start' });

    sprint.state = 'closed';
    const closed = documentedSprintEvent('avi:jira-software:closed:sprint', {
      id: String(sprint.id),
      originBoardId: String(sprint.boardId),
      state: 'closed',
      completeDate: '2025-03-19T17:00:00.000+0100',
    });
    await app().asApp(() => onJiraEvent(closed));
    expect(await app().asApp(() => records().outcome(sprint.id))).toMatchObject({
      sprintId: sprint.id,
      boardId: sprint.boardId,
      outcome: null,
      goal: SEED_FACTS.activeSprintGoal,
    });
  });

  it('shows a sprint goal edited in Jira on the next panel open once Jira reports the sprint updated, not before', async () => {
    const sprint = site().sprints.get(SEED_FACTS.activeSprintId)!;
    const issueKey = site()
      .sprintIssues(sprint.id)
      .find((issue) => !site().typeOf(issue).subtask)!.key;
    const goalShown = async () => (await app().invokeOk('getIssuePanelState', { issueKey }, SEED_ACCOUNTS.devDana)).sprint?.goal;
    expect(await goalShown()).toBe(SEED_FACTS.activeSprintGoal);
    // The goal as Atlassian's example event has it (documentedSprintEvent), set in Jira: a later
    // open takes the issue from the stored snapshot and the board's open sprints as kept a while.
    sprint.goal = 'The new goal';
    expect(await goalShown()).toBe(SEED_FACTS.activeSprintGoal);
    const updated = documentedSprintEvent('avi:jira-software:updated:sprint', {
      id: String(sprint.id),
      originBoardId: String(sprint.boardId),
      state: 'active',
    });
    await app().asApp(() => onJiraEvent(updated));
    expect(await goalShown()).toBe('The new goal');
  });

  it('records a re-estimate only when the changed field is the board’s estimation field, matched by id', async () => {
    const issue = site().issueByKeyOrId('ONB-39')!;
    const ref = { id: issue.id, key: issue.key };
    // The ONB board estimates in "Story point estimate" (customfield_10016); the BIL board's
    // company-managed "Story Points" field has another id, so its name alone proves nothing.
    await app().asApp(() =>
      onJiraEvent(
        issueUpdated(ref, '93001', [
          {
            field: 'Story Points',
            fieldId: FIELD_IDS.storyPoints,
            fieldtype: 'custom',
            from: null,
            fromString: '3',
            to: null,
            toString: '13',
          },
        ]),
      ),
    );
    const before = await app().asApp(() => records().bypassedChanges(SEED_FACTS.activeSprintId));
    expect(before.filter((change) => change.issueKey === 'ONB-39')).toEqual([]);

    await app().asApp(() =>
      onJiraEvent(
        issueUpdated(ref, '93002', [
          {
            field: 'Sizing (renamed)',
            fieldId: FIELD_IDS.storyPointEstimate,
            fieldtype: 'custom',
            from: null,
            fromString: '3',
            to: null,
            toString: '13',
          },
        ]),
      ),
    );
    const after = await app().asApp(() => records().bypassedChanges(SEED_FACTS.activeSprintId));
    expect(after.filter((change) => change.issueKey === 'ONB-39')).toEqual([
      expect.objectContaining({ kind: 're-estimated', pointsBefore: 3, pointsAfter: 13 }),
    ]);
  });
});

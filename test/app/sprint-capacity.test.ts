/**
 * The team's capacity for the rest of the sprint (issue 13) through the real handler: declared in
 * the gadget, kept per sprint, and fed into every assessment of that sprint. And Goalkeeper's own
 * calibration in the sprint view: the P(goal) each decision showed against the goal's outcome.
 */
import { onJiraEvent } from '../../src/index';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { pinClockToTestNow, useForgeApp } from '../support/forge-app';
import { present } from '../support/present';
import { readySprintView } from '../support/sprint-view';

jest.setTimeout(60_000);

const { devDana: DANA, productOwner: PRIYA, stakeholder: SAM } = SEED_ACCOUNTS;
const BOARD = SEED_FACTS.onb.boardId;
const ACTIVE = SEED_FACTS.activeSprintId;

pinClockToTestNow();
const app = useForgeApp();

const view = () => readySprintView(app(), BOARD, DANA);

describe('the capacity for the rest of the sprint', () => {
  it('is the usual capacity until the team says otherwise', async () => {
    expect((await view()).capacity).toBeNull();
  });

  it('is kept for the sprint and lowers every assessment of it: sprint view, panel and preview alike', async () => {
    const usual = await view();
    const declared = await app().invokeOk('setSprintCapacity', { boardId: BOARD, sprintId: ACTIVE, availability: 0.6, daysOff: 1 }, DANA);
    expect(declared).toMatchObject({ sprintId: ACTIVE, boardId: BOARD, availability: 0.6, daysOff: 1 });

    const reduced = await view();
    expect(reduced.capacity).toMatchObject({ availability: 0.6, daysOff: 1 });
    expect(reduced.risk.before.pGoal).toBeLessThan(usual.risk.before.pGoal - 0.1);
    expect(reduced.risk.workingDaysLeft).toBeLessThan(usual.risk.workingDaysLeft);
    const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-55' }, DANA);
    expect(present(panel.risk, 'the risk').before.pGoal).toBe(reduced.risk.before.pGoal);
    const preview = await app().invokeOk('previewProposal', { issueKey: 'ONB-55', change: { kind: 'estimate', points: 3 } }, DANA);
    expect(present(preview, 'a preview').before.pGoal).toBe(reduced.risk.before.pGoal);
  });

  it('is the team’s to set: someone who may not plan the sprint in Jira is refused, and nothing is kept', async () => {
    const answer = await app().invoke('setSprintCapacity', { boardId: BOARD, sprintId: ACTIVE, availability: 0.5, daysOff: 0 }, SAM);
    expect(answer.error?.code).toBe('forbidden');
    expect((await view()).capacity).toBeNull();
  });

  it('refuses a sprint that is not the board’s active one, and figures out of range', async () => {
    expect(
      (
        await app().invoke(
          'setSprintCapacity',
          { boardId: BOARD, sprintId: SEED_FACTS.futureSprintId, availability: 0.5, daysOff: 0 },
          DANA,
        )
      ).error?.code,
    ).toBe('stale');
    const outOfRange = await app().invoke('setSprintCapacity', { boardId: BOARD, sprintId: ACTIVE, availability: 1.5, daysOff: 2.5 }, DANA);
    expect(outOfRange.error?.code).toBe('invalid-input');
    expect(Object.keys(outOfRange.error?.fields ?? {}).sort()).toEqual(['availability', 'daysOff']);
  });
});

describe('calibration in the sprint view', () => {
  it('waits for enough sprints before it says anything', async () => {
    expect((await view()).calibration).toMatchObject({ records: 0, sprints: 0, brier: null, enough: false });
  });

  it('pairs the P(goal) a decision showed with the goal’s recorded outcome', async () => {
    const proposal = await app().invokeOk(
      'createProposal',
      {
        issueKey: 'ONB-70',
        change: { kind: 'add' },
        reason: { category: 'defect', text: 'SSO loop for Okta users.' },
        acknowledgeThreat: true,
      },
      DANA,
    );
    const decided = await app().invokeOk(
      'decideProposal',
      {
        proposalId: proposal.id,
        verdict: 'approve',
        rationale: 'Okta users cannot sign up at all; this comes first.',
        expectedVersion: proposal.version,
      },
      PRIYA,
    );
    await app().sandbox.idle();
    const shown = present(present(decided.decision, 'a decision').assessment, 'its assessment').after.pGoal;

    const sprint = app().site().sprints.get(ACTIVE)!;
    sprint.state = 'closed';
    await app().asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: sprint.id } }));
    await app().invokeOk(
      'recordSprintOutcome',
      { boardId: BOARD, sprintId: ACTIVE, outcome: 'met', note: 'SSO shipped.', expectedVersion: 1 },
      PRIYA,
    );

    const closed = await app().invokeOk('getSprintViewState', { boardId: BOARD }, DANA);
    if (closed.kind !== 'no-active-sprint') throw new Error(`The sprint view is '${closed.kind}', not 'no-active-sprint'`);
    expect(closed.calibration).toMatchObject({ records: 1, sprints: 1, enough: false });
    expect(closed.calibration.brier).toBeCloseTo((1 - shown) ** 2, 10);
    const bin = present(
      closed.calibration.bins.find((b) => b.count === 1),
      'a bin of one record',
    );
    expect(bin).toMatchObject({ observedRate: 1, meanForecast: shown });
    expect(shown).toBeGreaterThanOrEqual(bin.from);
  });
});

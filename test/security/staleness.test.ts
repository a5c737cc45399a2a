/**
 * The sprint moves on while a proposal waits: its issue leaves the sprint, the sprint is
 * completed, or the issue a re-rank is relative to moves out. Whether that happens before the
 * decision or between the decision and the apply, the answer is a clear `stale`, the proposal is
 * marked stale with the reason, and Jira is left alone.
 */
import { reportFigure, testTally } from '../support/figures';
import { useForgeApp, type ForgeApp } from '../support/forge-app';
import {
  appChanges,
  approval,
  auditActions,
  closeSprint,
  DANA,
  KOFI,
  ONB_SPRINT,
  PRIYA,
  proposalPayload,
  storedProposal,
} from './security-fixture';

const app = useForgeApp();
const tally = { scenarios: 0, markedStale: 0, changesApplied: 0 };
const tests = testTally();

afterAll(() => {
  reportFigure(
    'staleness',
    `${tally.scenarios} scenarios (issue left, added by hand, sprint completed, rank target moved, swap partner left; before the decision and before the apply): ${tally.markedStale} marked stale, ${tally.changesApplied} Jira changes applied, ${tests.failed} failed`,
  );
});

interface Scenario {
  readonly issueKey: string;
  readonly change: object;
  /** What happens in Jira meanwhile, done by a person on the board. */
  readonly moveOn: (app: ForgeApp) => void;
  readonly reason: RegExp;
}

const leftTheSprint = (issueKey: string) => (app: ForgeApp) =>
  app.site().moveToBacklog([app.site().issueByKeyOrId(issueKey)!], { kind: 'user', accountId: KOFI });
const sprintCompleted = (app: ForgeApp) => closeSprint(app.site(), ONB_SPRINT);

const SCENARIOS: Record<string, Scenario> = {
  'its issue left the sprint': {
    issueKey: 'ONB-55',
    change: { kind: 'remove' },
    moveOn: leftTheSprint('ONB-55'),
    reason: /ONB-55 is not in ONB Sprint 7 \(any more\)/,
  },
  'the issue it adds was added by hand': {
    issueKey: 'ONB-68',
    change: { kind: 'add' },
    moveOn: (a) =>
      a.site().moveToSprint([a.site().issueByKeyOrId('ONB-68')!], a.site().sprints.get(ONB_SPRINT)!, { kind: 'user', accountId: KOFI }),
    reason: /ONB-68 is already in ONB Sprint 7/,
  },
  'the sprint was completed': {
    issueKey: 'ONB-69',
    change: { kind: 'add' },
    moveOn: sprintCompleted,
    reason: /sprint .*(no longer active|completed|closed)/i,
  },
  'the sprint of a removal was completed': {
    issueKey: 'ONB-55',
    change: { kind: 'remove' },
    moveOn: sprintCompleted,
    reason: /sprint .*(no longer active|completed|closed)/i,
  },
  'its rank target moved out': {
    issueKey: 'ONB-39',
    change: { kind: 'rerank', target: { position: 'after', issueKey: 'ONB-42' } },
    moveOn: leftTheSprint('ONB-42'),
    reason: /rank target ONB-42 is not in ONB Sprint 7/,
  },
  'the issue a swap takes out left': {
    issueKey: 'ONB-70',
    change: { kind: 'swap', outIssueKey: 'ONB-62' },
    moveOn: leftTheSprint('ONB-62'),
    reason: /ONB-62 is not in ONB Sprint 7/,
  },
};

/** Jira changes the app made; a stale proposal must add none. */
const appChangeCount = () => appChanges(app()).length;

async function expectMarkedStale(proposalId: string, reason: RegExp, appChangesBefore: number): Promise<void> {
  const stored = storedProposal(app(), proposalId);
  tally.changesApplied += appChangeCount() - appChangesBefore;
  if (stored.status === 'stale') tally.markedStale++;
  expect(stored.status).toBe('stale');
  expect(stored.staleReason).toMatch(reason);
  expect((await auditActions(app(), proposalId)).at(-1)).toBe('stale');
  expect(appChangeCount()).toBe(appChangesBefore);
}

describe.each(Object.entries(SCENARIOS))('when %s', (_, scenario) => {
  it(
    'refuses the decision as stale, marks the proposal stale and changes nothing in Jira',
    tests.track(async () => {
      tally.scenarios++;
      const proposal = await app().ok('createProposal', proposalPayload(scenario.issueKey, scenario.change), DANA);
      scenario.moveOn(app());
      const before = appChangeCount();

      const answer = await app().call('decideProposal', approval(proposal.id), PRIYA);
      await app().sandbox.idle();

      expect(answer.error?.code).toBe('stale');
      expect(answer.error?.message).toMatch(scenario.reason);
      await expectMarkedStale(proposal.id, scenario.reason, before);
    }),
  );

  it(
    'marks an approved proposal stale at apply time and changes nothing in Jira',
    tests.track(async () => {
      tally.scenarios++;
      const proposal = await app().ok('createProposal', proposalPayload(scenario.issueKey, scenario.change), DANA);
      const approved = await app().ok('decideProposal', approval(proposal.id), PRIYA);
      // The apply job is delivered on a later turn of the event loop: Jira moves on first.
      expect(approved.status).toBe('approved');
      expect(storedProposal(app(), proposal.id).apply).toBeNull();
      scenario.moveOn(app());
      const before = appChangeCount();

      await app().sandbox.idle();

      await expectMarkedStale(proposal.id, scenario.reason, before);
    }),
  );
});

/**
 * Security round 2 (issue 14): the attacks an ordinary Jira account tried through the real
 * handler, each reproduced here and now refused. The attacker is a developer of the Onboarding
 * project (Dana, or Kofi as a second insider); the Product Owner is Priya. Each test counts as
 * one attack tried and, when it ends without failing, one refused.
 */
import { SEEDED_SETTINGS_VERSION } from '../../sandbox/app-seed';
import { applyWorker, onJiraEvent } from '../../src/index';
import { FORGE_RESPONSE_MAX_BYTES, QUEUE_PAGE_SIZE } from '../../src/app/support/sprint-view-limits';
import { openProposal } from '../../src/domain/proposal';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { createProposalStore } from '../../src/store/proposal-store';
import { reportFigure, testTally } from '../support/figures';
import { useForgeApp } from '../support/forge-app';
import {
  ADA,
  auditActions,
  DANA,
  KOFI,
  setRoleMember,
  ONB_BOARD,
  PRIYA,
  proposalPayload,
  RATIONALE,
  REASON,
  storedProposal,
  storeOf,
} from './security-fixture';

const app = useForgeApp();

/** The recorded outcomes the sprint view shows (a Scrum board's, with or without an active sprint). */
async function outcomesOn(boardId: number, accountId: string) {
  const view = await app().invokeOk('getSprintViewState', { boardId }, accountId);
  if (view.kind === 'not-scrum') throw new Error(`Board ${boardId} reads as no Scrum board`);
  return view.outcomes;
}
const attacks = testTally();
const figures = { sprintViewBytesWith210Waiting: 0, sprintViewBytesEmpty: 0 };

afterAll(() => {
  reportFigure(
    'attacks round 2 (issue 14)',
    `${attacks.ran} attacks tried, ${attacks.ran - attacks.failed} refused, ${attacks.failed} failed; sprint view with 210 waiting proposals: ${Math.round(figures.sprintViewBytesWith210Waiting / 1024)} KiB (${figures.sprintViewBytesEmpty ? `${Math.round(figures.sprintViewBytesEmpty / 1024)} KiB without them` : 'baseline not measured'}) of Forge's ${FORGE_RESPONSE_MAX_BYTES / 1024 / 1024} MB`,
  );
});

const ZERO_WIDTH_SPACE = '\u200B';
const COMBINING_ACUTE = '\u0301';

const EDITABLE_DEFAULTS = (() => {
  const { version, updatedBy, updatedAt, ...editable } = DEFAULT_SETTINGS;
  return editable;
})();

/** A project admin names the Product Owners directly (Jira lets only admins read role members). */
async function nameProductOwners(...accountIds: string[]): Promise<void> {
  await app().invokeOk(
    'saveProjectSettings',
    {
      projectKey: 'ONB',
      settings: { ...EDITABLE_DEFAULTS, productOwners: { roleName: null, accountIds } },
      expectedVersion: SEEDED_SETTINGS_VERSION,
    },
    ADA,
  );
}

/** Everything Forge storage holds, as a comparable value: a refused call must not change it. */
const storage = () => JSON.stringify(storeOf(app()));

describe('finding 5: mandatory text that is invisible or empty of meaning', () => {
  it.each([
    ['ten zero-width spaces', ZERO_WIDTH_SPACE.repeat(10)],
    ['a full stop', '.'],
    ['punctuation only', '?!... --- !!!'],
  ])(
    'refuses %s as a proposal’s reason and stores nothing',
    attacks.track(async (_: string, text: string) => {
      const before = storage();
      const answer = await app().call(
        'createProposal',
        { ...(proposalPayload('ONB-68', { kind: 'add' }) as object), reason: { category: 'other', text } },
        DANA,
      );
      expect(answer.error?.code).toBe('invalid-input');
      expect(answer.error?.fields?.['reason.text']).toMatch(/reason needs at least|letters or digits|visible characters/);
      expect(storage()).toEqual(before);
    }),
  );

  it.each([
    ['ten zero-width spaces', ZERO_WIDTH_SPACE.repeat(10), /visible characters/],
    ['"x" and nine combining marks', `x${COMBINING_ACUTE.repeat(9)}`, /at least 10 visible characters/],
    ['"ok ok ok ok"', 'ok ok ok ok', /repeats one word or character/],
    ['one letter repeated', 'aaaaaaaaaaaaaaaa', /repeats one word or character/],
  ])(
    'refuses %s as a rationale and leaves the proposal undecided',
    attacks.track(async (_: string, rationale: string, message: RegExp) => {
      await nameProductOwners(PRIYA);
      const proposal = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
      const answer = await app().invoke(
        'decideProposal',
        { proposalId: proposal.id, verdict: 'reject', rationale, expectedVersion: 1 },
        PRIYA,
      );
      expect(answer.error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(message) });
      expect(storedProposal(app(), proposal.id)).toMatchObject({ status: 'proposed', version: 1 });
    }),
  );

  it(
    'stores a real rationale cleaned of the invisible characters around it',
    attacks.track(async () => {
      await nameProductOwners(PRIYA);
      const proposal = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
      const decided = await app().invokeOk(
        'decideProposal',
        { proposalId: proposal.id, verdict: 'reject', rationale: `${ZERO_WIDTH_SPACE}${RATIONALE}\u202E`, expectedVersion: 1 },
        PRIYA,
      );
      expect(decided.decision?.rationale).toBe(RATIONALE);
    }),
  );
});

describe('finding 6: one insider floods the queue', () => {
  const ADDABLE = ['ONB-16', 'ONB-68', 'ONB-69', 'ONB-70', 'ONB-71', 'ONB-72', 'ONB-73', 'ONB-74', 'ONB-75', 'ONB-76'];

  it(
    'accepts ten waiting proposals from one developer in a sprint and refuses the eleventh',
    attacks.track(async () => {
      for (const issueKey of ADDABLE)
        expect((await app().ok('createProposal', proposalPayload(issueKey, { kind: 'add' }), DANA)).status).toBe('proposed');
      const before = storage();
      const eleventh = await app().call('createProposal', proposalPayload('ONB-55', { kind: 'remove' }), DANA);
      expect(eleventh.error).toMatchObject({ code: 'forbidden', fields: { proposal: 'limit-reached' } });
      expect(eleventh.error?.message).toMatch(/10 proposals waiting/);
      expect(storage()).toEqual(before);
      // The limit is per person: a teammate still proposes.
      expect((await app().ok('createProposal', proposalPayload('ONB-55', { kind: 'remove' }), KOFI)).status).toBe('proposed');
    }),
  );

  it(
    'refuses the same change while it is open, whoever proposes it again',
    attacks.track(async () => {
      await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
      for (const [by, change] of [
        [DANA, { kind: 'add' }],
        [KOFI, { kind: 'add' }],
      ] as const) {
        const again = await app().call('createProposal', proposalPayload('ONB-68', change), by);
        expect(again.error).toMatchObject({ code: 'conflict', fields: { change: 'duplicate' } });
      }
      // A different change to the same issue is not a duplicate.
      expect((await app().call('createProposal', proposalPayload('ONB-39', { kind: 'estimate', points: 5 }), DANA)).error).toBeUndefined();
    }),
  );

  it(
    'keeps the sprint view far below Forge’s response limit with 210 proposals waiting',
    attacks.track(async () => {
      figures.sprintViewBytesEmpty = JSON.stringify(await app().invokeOk('getSprintViewState', { boardId: ONB_BOARD }, PRIYA)).length;
      // Arranged in storage directly, as 21 people at the limit would leave it: through the handler it would take minutes.
      const template = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
      await app().asApp(async () => {
        const store = createProposalStore();
        for (let n = 0; n < 210; n++) {
          const proposal = openProposal({
            ...template,
            id: `flood-${n}`,
            createdAt: new Date(Date.parse(template.createdAt) + n * 1000).toISOString(),
            change: { kind: 'estimate', points: n % 13 },
          });
          await store.create(proposal, {
            proposalId: proposal.id,
            sequence: 1,
            action: 'proposed',
            actorAccountId: DANA,
            at: proposal.createdAt,
            status: 'proposed',
            detail: REASON.text,
          });
        }
      });
      const answer = await app().invoke('getSprintViewState', { boardId: ONB_BOARD }, PRIYA);
      figures.sprintViewBytesWith210Waiting = JSON.stringify(answer).length;
      expect(answer.data).toMatchObject({ kind: 'ready', queueTotal: 211 });
      if (answer.data?.kind !== 'ready') throw new Error('The sprint view is not ready');
      expect(answer.data.queue).toHaveLength(QUEUE_PAGE_SIZE);
      expect(figures.sprintViewBytesWith210Waiting).toBeLessThan(FORGE_RESPONSE_MAX_BYTES / 10);
    }),
    120_000,
  );
});

describe('finding 7: CSV formulas where semicolons separate lists', () => {
  it(
    'exports a reason of "Fine;=1+1;" with the formula defused',
    attacks.track(async () => {
      await app().ok(
        'createProposal',
        { ...(proposalPayload('ONB-68', { kind: 'add' }) as object), reason: { category: 'other', text: 'Fine;=1+1;' } },
        DANA,
      );
      const { csv } = await app().invokeOk('exportSprintCsv', { boardId: ONB_BOARD }, PRIYA);
      expect(csv).toContain("Fine;'=1+1;");
      expect(csv).not.toMatch(/(^|[,;\t\r\n])[ "]*[=+@]/);
    }),
  );
});

describe('findings 8 and 9: goal-rule JQL', () => {
  /** What saving `jql` as the ONB goal rule answers `by`, and whether the settings changed. */
  async function saveRule(jql: string, by: string) {
    const before = storage();
    const answer = await app().invoke(
      'saveProjectSettings',
      {
        projectKey: 'ONB',
        settings: { ...EDITABLE_DEFAULTS, goalCritical: { ...EDITABLE_DEFAULTS.goalCritical, jql } },
        expectedVersion: SEEDED_SETTINGS_VERSION,
      },
      by,
    );
    return { answer, unchanged: storage() === before };
  }

  it(
    'refuses a rule with ORDER BY, which parses alone but breaks every sprint query it is embedded in',
    attacks.track(async () => {
      const { answer, unchanged } = await saveRule('labels = sso ORDER BY rank', ADA);
      expect(answer.error).toMatchObject({ code: 'invalid-input', fields: { 'goalCritical.jql': 'invalid-jql' } });
      expect(answer.error?.message).toMatch(/remove ORDER BY/);
      expect(unchanged).toBe(true);
      // The views stay up: nothing was saved that could break them.
      expect((await app().invoke('getSprintViewState', { boardId: ONB_BOARD }, DANA)).error).toBeUndefined();
    }),
  );

  it(
    'tells an admin of one project nothing about whether another project exists',
    attacks.track(async () => {
      setRoleMember(app().site(), 'ONB', 'Administrators', PRIYA, true);
      const hidden = await saveRule('project = BIL', PRIYA);
      const missing = await saveRule('project = NOPE', PRIYA);
      expect(hidden.answer.error?.code).toBe('invalid-input');
      expect(hidden.answer.error?.code).toBe(missing.answer.error?.code);
      expect(hidden.answer.error?.message.replace('BIL', '<key>')).toBe(missing.answer.error?.message.replace('NOPE', '<key>'));
    }),
  );
});

describe('finding 10: replaying an old apply job', () => {
  it(
    'does nothing for an apply-failed proposal, and the next attempt still applies once on Retry',
    attacks.track(async () => {
      app().sandbox.jira.faults.inject(
        { kind: 'server-error', status: 400 },
        { times: 1, method: 'PUT', path: '/rest/api/3/issue/ONB-39' },
      );
      const proposal = await app().ok('createProposal', proposalPayload('ONB-39', { kind: 'estimate', points: 8 }), DANA);
      await app().sandbox.idle();
      expect(storedProposal(app(), proposal.id)).toMatchObject({ status: 'apply-failed', apply: { attempts: 1 } });
      const trail = await auditActions(app(), proposal.id);
      const writes = () =>
        app().sandbox.jira.requests.filter((request) => request.method === 'PUT' && request.path === '/rest/api/3/issue/ONB-39').length;
      const writesBefore = writes();

      await app().asApp(() =>
        applyWorker({ body: { proposalId: proposal.id, attempt: 1 }, queueName: 'goalkeeper-apply', jobId: 'replayed-old-job' }),
      );

      expect(writes()).toBe(writesBefore);
      expect(app().site().issueByKeyOrId('ONB-39')!.points).not.toBe(8);
      expect(storedProposal(app(), proposal.id)).toMatchObject({ status: 'apply-failed', apply: { attempts: 1 } });
      expect(await auditActions(app(), proposal.id)).toEqual(trail);

      await app().invokeOk('retryApply', { proposalId: proposal.id }, DANA);
      await app().sandbox.idle();
      expect(storedProposal(app(), proposal.id)).toMatchObject({ status: 'applied', apply: { attempts: 2 } });
      expect(app().site().issueByKeyOrId('ONB-39')!.points).toBe(8);
    }),
  );
});

describe('finding 11: a second Product Owner overwrites a recorded goal outcome', () => {
  it(
    'refuses a recording made on an outdated view, and keeps every recording in the history',
    attacks.track(async () => {
      await nameProductOwners(PRIYA, KOFI);
      await app().asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: 6 } }));
      const [shown] = (await outcomesOn(ONB_BOARD, KOFI)).filter((o) => o.sprintId === 6);
      expect(shown).toMatchObject({ outcome: null });

      await app().invokeOk(
        'recordSprintOutcome',
        { boardId: ONB_BOARD, sprintId: 6, outcome: 'met', note: 'SAML shipped.', expectedVersion: 1 },
        PRIYA,
      );
      const late = await app().invoke(
        'recordSprintOutcome',
        { boardId: ONB_BOARD, sprintId: 6, outcome: 'not-met', note: 'Entra slipped.', expectedVersion: 1 },
        KOFI,
      );
      expect(late.error?.code).toBe('conflict');

      const [reloaded] = (await outcomesOn(ONB_BOARD, KOFI)).filter((o) => o.sprintId === 6);
      expect(reloaded).toMatchObject({ outcome: 'met', recordedBy: PRIYA, version: 2 });
      const revised = await app().invokeOk(
        'recordSprintOutcome',
        { boardId: ONB_BOARD, sprintId: 6, outcome: 'partly', note: 'SAML shipped; Entra slipped.', expectedVersion: 2 },
        KOFI,
      );
      expect(revised).toMatchObject({
        outcome: 'partly',
        recordedBy: KOFI,
        version: 3,
        history: [{ outcome: 'met', note: 'SAML shipped.', recordedBy: PRIYA }],
      });
    }),
  );
});

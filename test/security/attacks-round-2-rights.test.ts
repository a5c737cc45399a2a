/**
 * Security round 2 (issue 14), findings 1–4 and 9: what comes back to the caller and what the app
 * does on someone's behalf. Each test reproduces an attack through the real handler against the
 * strict Jira stand-in and proves it refused. Dana (Developer of ONB) cannot browse the Billing
 * project (BIL); Fin (BIL's developer) cannot browse ONB; Ada (site admin) sees both. Each test
 * counts as one attack tried and, when it ends without failing, one refused.
 */
import { SEEDED_ONB_SETTINGS, SEEDED_SETTINGS_VERSION } from '../../sandbox/app-seed';
import type { JiraIssue, ProjectRole } from '../../sandbox/jira/jira-model';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { createSettingsRepository } from '../../src/store/settings-repository';
import { reportFigure, testTally } from '../support/figures';
import { useForgeApp } from '../support/forge-app';
import { present } from '../support/present';
import { readySprintView } from '../support/sprint-view';
import {
  ADA,
  applyStep,
  approval,
  appChanges,
  auditActions,
  BIL_SPRINT,
  DANA,
  FIN,
  ONB_BOARD,
  ONB_SPRINT,
  PRIYA,
  proposalPayload,
  RATIONALE,
  storedProposal,
  storeOf,
} from './security-fixture';

const app = useForgeApp();
const attacks = testTally();
const figures = { panelCalls: 0, viewCalls: 0 };

afterAll(() => {
  reportFigure(
    'attacks round 2, what the caller may see and do (issue 14)',
    `${attacks.ran} attacks tried, ${attacks.ran - attacks.failed} refused, ${attacks.failed} failed; Jira calls with the caller's filter: ${figures.panelCalls} per panel open, ${figures.viewCalls} per sprint view (the filter's own: one permission check each)`,
  );
});

/** What Dana may never read: anything of the Billing project — keys, summaries, the board, its sprint and goal, Fin's name. */
const BILLING_TRACES = [/BIL-\d/, /BIL board/, /BIL Sprint/, /VAT/, /Invoices show correct VAT/, /Fin Gallagher/];

function expectNoBillingTrace(answer: unknown): void {
  const text = JSON.stringify(answer);
  for (const trace of BILLING_TRACES) expect(text).not.toMatch(trace);
}

const site = () => app().site();
const issue = (key: string): JiraIssue => site().issueByKeyOrId(key)!;
/** What Fin (or anyone with the rights) does on the BIL board: moves an issue into a sprint. */
function moveIntoSprint(key: string, sprintId: number, by: string): void {
  site().moveToSprint([issue(key)], site().sprints.get(sprintId)!, { kind: 'user', accountId: by });
}

describe('finding 1: sprint contents ignore Browse', () => {
  it(
    'shows Dana her own issue moved into a BIL sprint without the BIL board, goal, sprint or issues',
    attacks.track(async () => {
      moveIntoSprint('ONB-68', BIL_SPRINT, ADA);
      const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA);
      expectNoBillingTrace(panel);
      expect(panel).toMatchObject({
        issue: { key: 'ONB-68' },
        board: null,
        sprint: null,
        nextSprint: null,
        risk: null,
        sprintIssues: [],
        availableKinds: [],
        hidden: { board: true },
      });
      expect(panel.viewer).toMatchObject({ canPropose: false, cannotProposeReason: expect.stringMatching(/board you cannot see/) });
      // Ada, who may browse BIL, sees the same issue's sprint: the filter is the caller's, not the data's.
      const adas = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, ADA);
      expect(adas).toMatchObject({ board: { name: 'BIL board' }, sprint: { name: 'BIL Sprint 12' }, hidden: { issues: 0, board: false } });
    }),
  );

  it(
    'refuses Dana a preview or a proposal on that issue with words that name nothing of the BIL sprint, and stores nothing',
    attacks.track(async () => {
      moveIntoSprint('ONB-68', BIL_SPRINT, ADA);
      const proposals = () => JSON.stringify(storeOf(app()).entities.proposal ?? {});
      const before = proposals();
      for (const [resolver, change] of [
        ['previewProposal', { kind: 'estimate', points: 3 }],
        ['createProposal', { kind: 'estimate', points: 3 }],
        ['createProposal', { kind: 'remove' }],
      ] as const) {
        const answer = await app().call(resolver, proposalPayload('ONB-68', change), DANA);
        expect(answer.error?.code).toBe('forbidden');
        expectNoBillingTrace(answer);
      }
      expect(proposals()).toBe(before);
    }),
  );

  it(
    'counts a BIL issue in the ONB sprint for Dana and the Product Owner, in the panel, the gadget and the export, never naming it',
    attacks.track(async () => {
      await app().invokeOk('getSprintViewState', { boardId: ONB_BOARD }, PRIYA); // the last look reconciliation compares with
      moveIntoSprint('BIL-2', ONB_SPRINT, FIN);
      const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-39' }, DANA);
      expectNoBillingTrace(panel);
      expect(panel.hidden).toEqual({ issues: 1, board: false });
      expect(present(panel.sprint, 'the sprint').goal).toMatch(/SSO/);
      for (const person of [DANA, PRIYA]) {
        const view = await readySprintView(app(), ONB_BOARD, person);
        expectNoBillingTrace(view);
        expect(view.hidden).toEqual({ issues: 1, board: false });
        // Aggregates stay whole: the bypassed addition of Fin's issue counts in the churn, unnamed.
        const { bypassed } = view.churn;
        if (bypassed === 'not-tracked') throw new Error('The churn does not track bypassed changes here');
        expect(bypassed.count).toBeGreaterThanOrEqual(1);
        expectNoBillingTrace((await app().invokeOk('exportSprintCsv', { boardId: ONB_BOARD }, person)).csv);
      }
      // Ada may browse BIL: the same view names the issue and the bypassed move.
      const adas = await readySprintView(app(), ONB_BOARD, ADA);
      expect(adas.ranked.map((item) => item.key)).toContain('BIL-2');
      expect(adas.bypassed.map((change) => change.issueKey)).toContain('BIL-2');
      expect(adas.hidden).toEqual({ issues: 0, board: false });
    }),
  );

  it(
    're-filters an assessment Ada stored for Dana, and hides a swap whose out-issue Dana cannot browse',
    attacks.track(async () => {
      moveIntoSprint('BIL-2', ONB_SPRINT, FIN);
      const swap = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'swap', outIssueKey: 'BIL-2' }), ADA);
      const estimate = await app().ok('createProposal', proposalPayload('ONB-39', { kind: 'estimate', points: 8 }), ADA);
      // Stored as Ada saw it: the BIL issue is on her capacity line.
      const stored = storedProposal(app(), estimate.id);
      expect(JSON.stringify(stored.assessment)).toMatch(/BIL-2/);

      const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-39' }, DANA);
      expectNoBillingTrace(panel);
      expect(panel.proposals.map((p: { id: string }) => p.id)).toEqual([estimate.id]);
      // Re-filtered, not emptied: everything Dana may browse of what Ada saw is still there.
      type WithCapacityLine = {
        readonly before: { readonly capacityLine: { readonly aboveKeys: readonly string[]; readonly belowKeys: readonly string[] } };
      };
      const line = (assessment: WithCapacityLine | null | undefined) => {
        if (!assessment) throw new Error('The proposal carries no assessment');
        return [...assessment.before.capacityLine.aboveKeys, ...assessment.before.capacityLine.belowKeys];
      };
      expect(line(panel.proposals[0]?.assessment)).toEqual(line(stored.assessment).filter((key: string) => !key.startsWith('BIL-')));
      expect(line(panel.proposals[0]?.assessment).length).toBeGreaterThan(0);
      expect(panel.hidden.issues).toBe(1);
      const swapPanel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA);
      expectNoBillingTrace(swapPanel);
      expect(swapPanel.proposals).toEqual([]);
      expect(swapPanel.hidden.issues).toBe(1);
      const listed = await app().invokeOk('listSprintProposals', { boardId: ONB_BOARD }, DANA);
      expectNoBillingTrace(listed);
      expect(listed.map((p: { id: string }) => p.id)).not.toContain(swap.id);
      expect((await readySprintView(app(), ONB_BOARD, DANA)).queue.map((q) => q.proposal.id)).not.toContain(swap.id);
    }),
  );

  it(
    'answers Fin, who may browse only BIL, about an ONB board and issue exactly as about ones that do not exist',
    attacks.track(async () => {
      const board = await app().invoke('getSprintViewState', { boardId: ONB_BOARD }, FIN);
      const missingBoard = await app().invoke('getSprintViewState', { boardId: 999 }, FIN);
      expect(board.error).toEqual(missingBoard.error);
      const panel = await app().invoke('getIssuePanelState', { issueKey: 'ONB-39' }, FIN);
      const missingIssue = await app().invoke('getIssuePanelState', { issueKey: 'ONB-9999' }, FIN);
      expect(panel.error?.message.replace('ONB-39', '<key>')).toBe(missingIssue.error?.message.replace('ONB-9999', '<key>'));
    }),
  );
});

/**
 * Lee is on the Onboarding team through a role the project's admin set up for schedulers: Jira
 * lets them browse, edit and schedule issues, but not add comments or create issues.
 */
const LEE = '557058:scheduler-lee';

function addScheduler(): void {
  site().addUser({ accountId: LEE, displayName: 'Lee Park', timeZone: 'Asia/Seoul', emailAddress: 'lee@example.com' });
  // What a Jira admin does on the permission scheme: the stand-in's project keeps its roles read-only to routes, not to an admin.
  (site().projectByKeyOrId('ONB')!.roles as ProjectRole[]).push({
    id: 10200,
    name: 'Schedulers',
    description: 'Plan sprints, nothing more',
    grants: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES'],
    memberAccountIds: [LEE],
  });
}

/** A project admin names the Product Owners directly. */
async function nameProductOwners(...accountIds: string[]): Promise<void> {
  const { version, updatedBy, updatedAt, ...editable } = DEFAULT_SETTINGS;
  await app().invokeOk(
    'saveProjectSettings',
    {
      projectKey: 'ONB',
      settings: { ...editable, productOwners: { roleName: null, accountIds } },
      expectedVersion: SEEDED_SETTINGS_VERSION,
    },
    ADA,
  );
}

const commentsPostedOn = (key: string) =>
  appChanges(app()).filter((change) => change.kind === 'comment-added' && change.issueKey === key).length;
const commentTexts = (key: string) => JSON.stringify(issue(key).comments.map((comment) => comment.body));

describe("the caller's filter costs one permission check per view, beside the check of the subject itself", () => {
  /** The permission calls (as the caller) of one invocation. */
  async function permissionCalls(
    work: () => Promise<unknown>,
    figure: 'panelCalls' | 'viewCalls',
  ): Promise<{ checks: number; lookups: number; issueReadsAsCaller: number }> {
    await work(); // once to warm what is read once and kept (team history), as on a site in use
    const before = app().sandbox.jira.requests.length;
    await work();
    const calls = app().sandbox.jira.requests.slice(before);
    figures[figure] = calls.length;
    const isCheck = (path: string) => path === '/rest/api/3/permissions/check' || path.startsWith('/rest/api/3/mypermissions?');
    return {
      checks: calls.filter((call) => isCheck(call.path)).length,
      lookups: calls.filter((call) => call.path === '/rest/api/3/issue/bulkfetch').length,
      issueReadsAsCaller: calls.filter((call) => call.path.startsWith('/rest/agile/1.0/issue/') && call.actor === `user:${DANA}`).length,
    };
  }

  it('asks once for the issue and once for everything the panel shows; once for everything the gadget shows', async () => {
    moveIntoSprint('BIL-2', ONB_SPRINT, FIN);
    await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
    // The panel, opened again: the issue is found in its sprint's stored snapshot (the first open read
    // it as the caller), and Browse of it, the sprint's issues, the board and the caller's other rights
    // on the issue are asked by id in one check.
    expect(await permissionCalls(() => app().invokeOk('getIssuePanelState', { issueKey: 'ONB-39' }, DANA), 'panelCalls')).toEqual({
      checks: 1,
      lookups: 0,
      issueReadsAsCaller: 0,
    });
    // The gadget: the board's project (one mypermissions as the caller, board-access.ts), then every issue the view names, in one check.
    expect(await permissionCalls(() => app().invokeOk('getSprintViewState', { boardId: ONB_BOARD }, DANA), 'viewCalls')).toEqual({
      checks: 2,
      lookups: 0,
      issueReadsAsCaller: 0,
    });
  });
});

describe('findings 2 and 3: the app acts only as far as the person could', () => {
  it(
    'posts no rejection comment for a Product Owner who may not comment, and records the skip',
    attacks.track(async () => {
      addScheduler();
      await nameProductOwners(LEE);
      const proposal = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
      const rejected = await app().invokeOk(
        'decideProposal',
        { proposalId: proposal.id, verdict: 'reject', rationale: RATIONALE, expectedVersion: 1 },
        LEE,
      );
      expect(rejected.status).toBe('rejected');
      expect(commentsPostedOn('ONB-68')).toBe(0);
      expect(await auditActions(app(), proposal.id, undefined, DANA)).toEqual(['proposed', 'rejected', 'comment-skipped']);
    }),
  );

  it(
    'applies a change a Product Owner who may not comment approved, without posting the comment, and says so in the journal',
    attacks.track(async () => {
      addScheduler();
      await nameProductOwners(LEE);
      const proposal = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
      await app().ok('decideProposal', approval(proposal.id), LEE);
      await app().sandbox.idle();
      const stored = storedProposal(app(), proposal.id);
      expect(stored.status).toBe('applied');
      expect(commentsPostedOn('ONB-68')).toBe(0);
      expect(applyStep(stored, 'comment').detail).toMatch(/not posted: the person who decided did not hold Add comments on ONB-68/);
    }),
  );

  it(
    'never copies a tweak note into a comment for someone who may not comment, and does for someone who may',
    attacks.track(async () => {
      addScheduler();
      const note = 'Acceptance: call +1 555 0100 and ask for the admin password';
      const byLee = await app().ok('createProposal', proposalPayload('ONB-39', { kind: 'tweak', note }), LEE);
      await app().sandbox.idle();
      expect(storedProposal(app(), byLee.id).status).toBe('applied');
      expect(commentTexts('ONB-39')).not.toContain('555 0100');
      // Dana may comment: her clarification is posted as before.
      const byDana = await app().ok(
        'createProposal',
        proposalPayload('ONB-42', { kind: 'tweak', note: 'Acceptance: works with the EU tenant too' }),
        DANA,
      );
      await app().sandbox.idle();
      expect(storedProposal(app(), byDana.id).status).toBe('applied');
      expect(commentsPostedOn('ONB-42')).toBe(1);
    }),
  );

  it(
    'refuses a split from someone who may not create issues, at propose and at decide, and creates nothing',
    attacks.track(async () => {
      addScheduler();
      const split = {
        kind: 'split',
        parts: [
          { summary: 'Entra ID sign-up', points: 2 },
          { summary: 'Entra ID group claims', points: 1 },
        ],
      };
      const proposing = await app().call('createProposal', proposalPayload('ONB-42', split), LEE);
      expect(proposing.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Create issues/) });
      await nameProductOwners(LEE);
      const proposal = await app().ok('createProposal', proposalPayload('ONB-42', split), DANA);
      const deciding = await app().call('decideProposal', approval(proposal.id), LEE);
      expect(deciding.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Create issues/) });
      await app().sandbox.idle();
      expect(appChanges(app()).filter((change) => change.kind === 'issue-created')).toEqual([]);
      expect(storedProposal(app(), proposal.id).status).toBe('proposed');
    }),
  );
});

describe('finding 4: the apply journal trusts only what the app itself created', () => {
  it(
    'does not adopt a developer’s look-alike sibling as a split part after a failed first attempt',
    attacks.track(async () => {
      await nameProductOwners(PRIYA);
      const part = { summary: 'Entra ID: register the staging tenant', points: 1 };
      const proposal = await app().ok(
        'createProposal',
        proposalPayload('ONB-42', { kind: 'split', parts: [part, { summary: 'Entra ID: sign-up callback', points: 1 }] }),
        DANA,
      );
      app().sandbox.jira.faults.inject({ kind: 'drop-connection' }, { times: 1, method: 'POST', path: /^\/rest\/api\/3\/issue$/ });
      await app().ok('decideProposal', approval(proposal.id), PRIYA);
      await app().sandbox.idle();
      expect(storedProposal(app(), proposal.id)).toMatchObject({ status: 'apply-failed' });
      // Dana creates a sibling with the same summary, type and epic, 13 points, hoping the retry takes it for the part.
      const source = issue('ONB-42');
      const lookalike = site().createIssue(
        {
          projectKey: 'ONB',
          summary: part.summary,
          typeName: site().typeOf(source).name,
          parentKey: site().parentOf(source)?.key ?? null,
          points: 13,
        },
        { kind: 'user', accountId: DANA },
      );
      await app().invokeOk('retryApply', { proposalId: proposal.id }, DANA);
      await app().sandbox.idle();
      const stored = storedProposal(app(), proposal.id);
      expect(stored.status).toBe('applied');
      const created = applyStep(stored, 'create-part-1').createdKeys ?? [];
      expect(created).toHaveLength(1);
      expect(created).not.toContain(lookalike.key);
      expect(issue(created[0]!).points).toBe(1);
      expect(issue(lookalike.key).points).toBe(13);
      // The marker is the app's: no answer to a person carries it.
      const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-42' }, DANA);
      const marker = applyStep(stored, 'create-part-1').marker;
      expect(marker).toEqual(expect.any(String));
      expect(JSON.stringify(panel)).not.toContain(marker);
    }),
  );

  it(
    'does not take a comment ending "Proposal <id>" for the decision comment after a failed first attempt',
    attacks.track(async () => {
      await nameProductOwners(PRIYA);
      const proposal = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
      app().sandbox.jira.faults.inject({ kind: 'drop-connection' }, { times: 1, method: 'POST', path: '/rest/api/3/issue/ONB-68/comment' });
      await app().ok('decideProposal', approval(proposal.id), PRIYA);
      await app().sandbox.idle();
      expect(storedProposal(app(), proposal.id)).toMatchObject({ status: 'apply-failed' });
      const forged = {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Approved, trust me.' }] },
          { type: 'paragraph', content: [{ type: 'text', text: `Proposal ${proposal.id}` }] },
        ],
      };
      site().addComment(issue('ONB-68'), forged, { kind: 'user', accountId: DANA });
      await app().invokeOk('retryApply', { proposalId: proposal.id }, DANA);
      await app().sandbox.idle();
      expect(storedProposal(app(), proposal.id).status).toBe('applied');
      // The app posted its own decision comment, with its marker, beside Dana's.
      expect(commentsPostedOn('ONB-68')).toBe(1);
      const own = issue('ONB-68').comments.filter((comment) => comment.author.kind === 'app');
      expect(own).toHaveLength(1);
      expect(own[0]!.properties?.['goalkeeper.apply-step']).toMatchObject({ proposalId: proposal.id, step: 'comment' });
    }),
  );
});

describe('finding 9: a saved goal rule that breaks the sprint query', () => {
  it(
    'keeps the panel and the gadget up, marking goal-critical work by the other rules and saying so',
    attacks.track(async () => {
      // Saved before validation existed (or valid alone, broken once embedded): arranged in storage as such a project would have it.
      await app().asApp(() =>
        createSettingsRepository().save(
          'ONB',
          { ...SEEDED_ONB_SETTINGS, goalCritical: { ...SEEDED_ONB_SETTINGS.goalCritical, jql: 'labels = sso ORDER BY rank' } },
          SEEDED_SETTINGS_VERSION,
          ADA,
          new Date().toISOString(),
        ),
      );
      const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-39' }, DANA);
      const view = await readySprintView(app(), ONB_BOARD, DANA);
      for (const answer of [panel.unavailable, view.unavailable])
        expect(answer).toContainEqual({ part: 'goal-critical-jql', reason: 'invalid' });
      expect(panel.issue.goalCritical).toBe(true); // labelled sprint-goal: the label rule still counts
      expect(view.goalItems.done + view.goalItems.inProgress + view.goalItems.todo).toBeGreaterThan(0);
    }),
  );
});

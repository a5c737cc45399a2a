/**
 * A full run of Goalkeeper through the very handler and triggers Forge calls, against the strict
 * Jira stand-in, with every Jira request it makes recorded and labelled with the part of the app
 * that made it. The contract test (jira-contract.test.ts) judges the record against Atlassian's
 * contracts.
 */
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import type { RecordedRequest } from '../../sandbox/jira/jira-stand-in';
import { onJiraEvent, purgeExpired, reconcile, reportAccounts } from '../../src/index';
import type { ForgeApp, PayloadOf, ResolverKey, ResultOf } from '../support/forge-app';

/** Where a request came from. The first five are what a team member opens; admin scopes are refused there. */
export const TEAM_MEMBER_PHASES = ['panel', 'preview', 'propose', 'decide', 'sprint view'] as const;
export const OTHER_PHASES = ['apply worker', 'export', 'settings', 'events', 'reconciliation', 'retention', 'personal data'] as const;
export type JourneyPhase = (typeof TEAM_MEMBER_PHASES)[number] | (typeof OTHER_PHASES)[number];

/** The apply queue's consumer in manifest.yml: whatever it calls belongs to the apply worker, whenever it runs. */
const APPLY_CONSUMER_MODULE = 'apply-consumer';

export interface JourneyCall extends RecordedRequest {
  readonly phase: JourneyPhase;
}

export interface JourneyStep {
  readonly phase: JourneyPhase;
  readonly step: string;
  /** The resolver's or trigger's failure, when it did not answer. */
  readonly failure?: string;
}

export interface Journey {
  readonly calls: readonly JourneyCall[];
  readonly steps: readonly JourneyStep[];
}

const { productOwner: PRIYA, devDana: DANA, devKofi: KOFI, devMei: MEI, siteAdmin: ADA } = SEED_ACCOUNTS;
const BOARD = SEED_FACTS.onb.boardId;
const RATIONALE = 'Acme signs on Friday only with SSO; we drop the analytics spike instead.';
const REASON = { category: 'stakeholder-request', text: 'Acme needs SSO sign-up for their pilot.' } as const;

/** Every change kind once, each on its own issue of the seed so that no two applies meet. */
export const JOURNEY_CHANGES: readonly {
  readonly issueKey: string;
  readonly change: PayloadOf<'createProposal'>['change'];
  readonly by: string;
  readonly verdict: 'approve' | 'reject';
}[] = [
  { issueKey: 'ONB-68', change: { kind: 'add' }, by: DANA, verdict: 'approve' },
  { issueKey: 'ONB-55', change: { kind: 'remove' }, by: KOFI, verdict: 'reject' },
  { issueKey: 'ONB-50', change: { kind: 'defer' }, by: MEI, verdict: 'approve' },
  { issueKey: 'ONB-44', change: { kind: 'rerank', target: { position: 'bottom' } }, by: DANA, verdict: 'approve' },
  { issueKey: 'ONB-45', change: { kind: 'priority', priorityName: 'High' }, by: KOFI, verdict: 'approve' },
  { issueKey: 'ONB-39', change: { kind: 'estimate', points: 5 }, by: MEI, verdict: 'approve' },
  {
    issueKey: 'ONB-42',
    change: {
      kind: 'split',
      parts: [
        { summary: 'Entra ID sign-up', points: 2 },
        { summary: 'Entra ID group claims', points: 1 },
      ],
    },
    by: DANA,
    verdict: 'approve',
  },
  { issueKey: 'ONB-69', change: { kind: 'swap', outIssueKey: 'ONB-62' }, by: KOFI, verdict: 'approve' },
  {
    issueKey: 'ONB-37',
    change: { kind: 'tweak', note: 'Acceptance criteria: SSO enforcement applies to invited members too.' },
    by: MEI,
    verdict: 'approve',
  },
];

/** An event as Atlassian documents it, handed over as Forge hands it: whatever type the code declares for it. */
const documented = (event: object): Parameters<typeof onJiraEvent>[0] => event as Parameters<typeof onJiraEvent>[0];

export async function runJourney(app: ForgeApp): Promise<Journey> {
  const requests = app.sandbox.jira.requests;
  const calls: JourneyCall[] = [];
  const steps: JourneyStep[] = [];
  let phase: JourneyPhase = 'panel';
  let seen = 0;

  /** Labels what reached Jira since the last look: the apply consumer's calls wherever they fall, the rest by phase. */
  const label = (): void => {
    for (; seen < requests.length; seen++) {
      const request = requests[seen]!;
      calls.push({ ...request, phase: request.moduleKey === APPLY_CONSUMER_MODULE ? 'apply worker' : phase });
    }
  };
  /** Calls a resolver as the UI does; a failed step is recorded (the journey goes on) and answers undefined. */
  const resolver = async <K extends ResolverKey>(
    step: string,
    functionKey: K,
    payload: PayloadOf<K>,
    accountId: string,
  ): Promise<ResultOf<K> | undefined> => {
    const answer = await app.invoke(functionKey, payload, accountId);
    label();
    steps.push({ phase, step, ...(answer.error ? { failure: `${answer.error.code}: ${answer.error.message}` } : {}) });
    return answer.data;
  };
  const trigger = async (step: string, work: () => Promise<unknown>): Promise<void> => {
    let failure: string | undefined;
    try {
      await app.asApp(work);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    label();
    steps.push({ phase, step, ...(failure ? { failure } : {}) });
  };

  // Jira lets only project administrators read a role's members, and the app user is none
  // (app-user.ts), so the project admin names the Product Owner, as the settings page asks.
  phase = 'settings';
  const initial = await resolver('settings as a project admin', 'getProjectSettings', { projectKey: 'ONB' }, ADA);
  await resolver('find the Product Owner by name', 'searchPeople', { projectKey: 'ONB', query: 'Priya' }, ADA);
  if (initial) {
    const { version, updatedBy, updatedAt, ...editable } = initial.settings;
    await resolver(
      'name the Product Owner',
      'saveProjectSettings',
      { projectKey: 'ONB', settings: { ...editable, productOwners: { roleName: null, accountIds: [PRIYA] } }, expectedVersion: version },
      ADA,
    );
  }

  phase = 'panel';
  for (const [issueKey, by] of [
    ['ONB-68', DANA],
    ['ONB-42', PRIYA],
    ['ONB-55', KOFI],
  ] as const) {
    await resolver(`issue panel of ${issueKey}`, 'getIssuePanelState', { issueKey }, by);
  }

  phase = 'preview';
  for (const { issueKey, change, by } of JOURNEY_CHANGES)
    await resolver(`preview ${JSON.stringify(change)} on ${issueKey}`, 'previewProposal', { issueKey, change }, by);

  phase = 'propose';
  const proposals: { id: string; version: number; status: string; verdict: 'approve' | 'reject' }[] = [];
  for (const { issueKey, change, by, verdict } of JOURNEY_CHANGES) {
    const proposal = await resolver(
      `propose ${JSON.stringify(change)} on ${issueKey}`,
      'createProposal',
      { issueKey, change, reason: REASON, acknowledgeThreat: true },
      by,
    );
    if (proposal) proposals.push({ ...proposal, verdict });
  }
  const withdrawn = await resolver(
    'propose ONB-70 to withdraw it',
    'createProposal',
    { issueKey: 'ONB-70', change: { kind: 'add' }, reason: REASON, acknowledgeThreat: true },
    DANA,
  );
  if (withdrawn)
    await resolver(
      'withdraw the ONB-70 proposal',
      'withdrawProposal',
      { proposalId: withdrawn.id, expectedVersion: withdrawn.version },
      DANA,
    );

  phase = 'decide';
  for (const proposal of proposals.filter((candidate) => candidate.status === 'proposed')) {
    await resolver(
      `${proposal.verdict} proposal ${proposal.id}`,
      'decideProposal',
      { proposalId: proposal.id, verdict: proposal.verdict, rationale: RATIONALE, expectedVersion: proposal.version },
      PRIYA,
    );
  }
  if (proposals[0]) await resolver('read the audit trail', 'getAuditTrail', { proposalId: proposals[0].id }, DANA);

  phase = 'apply worker';
  await app.sandbox.idle();
  label();
  steps.push({ phase, step: 'the apply queue drained' });

  phase = 'sprint view';
  await resolver('list boards for the gadget', 'listBoards', {}, PRIYA);
  const view = await resolver('sprint view as the PO', 'getSprintViewState', { boardId: BOARD }, PRIYA);
  await resolver('sprint view as a developer', 'getSprintViewState', { boardId: BOARD }, DANA);
  await resolver("the sprint's proposals", 'listSprintProposals', { boardId: BOARD }, PRIYA);
  const bypassed = view?.kind === 'ready' ? view.bypassed[0] : undefined;
  if (bypassed)
    await resolver('review a bypassed change', 'reviewBypassedChange', { changeId: bypassed.id, verdict: 'noted', note: RATIONALE }, PRIYA);

  phase = 'export';
  await resolver('CSV export', 'exportSprintCsv', { boardId: BOARD }, PRIYA);

  phase = 'settings';
  const settings = await resolver('settings again as a project admin', 'getProjectSettings', { projectKey: 'ONB' }, ADA);
  await resolver('settings as a developer', 'getProjectSettings', { projectKey: 'ONB' }, DANA);
  if (settings) {
    const { version, updatedBy, updatedAt, ...editable } = settings.settings;
    const goalCritical = { ...editable.goalCritical, jql: 'labels = sprint-goal' };
    await resolver(
      'save settings with goal-critical JQL',
      'saveProjectSettings',
      { projectKey: 'ONB', settings: { ...editable, goalCritical }, expectedVersion: version },
      ADA,
    );
  }

  phase = 'events';
  // Payloads as the Forge events reference documents them: issue events
  // (https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-events, changelog
  // items with field, fieldId, from/to) and Jira Software sprint events, whose sprint id is a string
  // (https://developer.atlassian.com/platform/forge/events-reference/jira-software/#sprint-events).
  const site = app.site();
  const moved = site.issueByKeyOrId('ONB-71')!;
  site.moveToSprint([moved], site.sprints.get(SEED_FACTS.activeSprintId)!, { kind: 'user', accountId: KOFI });
  await trigger('issue updated (moved into the sprint in Jira)', () =>
    onJiraEvent(
      documented({
        eventType: 'avi:jira:updated:issue',
        atlassianId: KOFI,
        issue: { id: moved.id, key: moved.key },
        changelog: {
          id: '93001',
          items: [
            {
              field: 'Sprint',
              fieldId: 'customfield_10020',
              from: '',
              fromString: '',
              to: String(SEED_FACTS.activeSprintId),
              toString: 'ONB Sprint 7',
            },
          ],
        },
      }),
    ),
  );
  await trigger('sprint started', () =>
    onJiraEvent(
      documented({
        eventType: 'avi:jira-software:started:sprint',
        sprint: { id: String(SEED_FACTS.activeSprintId), originBoardId: BOARD, state: 'active' },
      }),
    ),
  );
  const lastClosed = SEED_FACTS.closedSprintIds[SEED_FACTS.closedSprintIds.length - 1]!;
  await trigger('sprint closed', () =>
    onJiraEvent(
      documented({
        eventType: 'avi:jira-software:closed:sprint',
        sprint: { id: String(lastClosed), originBoardId: BOARD, state: 'closed' },
      }),
    ),
  );

  phase = 'reconciliation';
  await trigger('hourly reconciliation', () => reconcile());

  phase = 'retention';
  await trigger('daily retention', () => purgeExpired());

  phase = 'personal data';
  await trigger('weekly personal data report', () => reportAccounts());

  await app.sandbox.idle();
  label();
  return { calls, steps };
}

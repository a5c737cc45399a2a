import { auditEventFor } from '../../src/app/support/audit-log';
import { CLOSED_ACCOUNT_TOMBSTONE } from '../../src/app/use-cases/report-personal-data';
import { unwrap } from '../../src/app/support/unwrap';
import type { AuditAction } from '../../src/domain/audit';
import { decide, finishApplyAttempt, openProposal, type NewProposal, type Proposal } from '../../src/domain/proposal';
import { DEFAULT_SETTINGS, type ProjectSettings } from '../../src/domain/settings';
import type { BypassedChange, SprintOutcome } from '../../src/domain/sprint-record';
import type { StoreSnapshot } from '../../sandbox/forge-host/kvs-emulator';
import { createPersonalDataStore } from '../../src/store/personal-data-store';
import { createProposalStore } from '../../src/store/proposal-store';
import { createSettingsRepository } from '../../src/store/settings-repository';
import { createSprintRecordStore } from '../../src/store/sprint-record-store';
import { ONBOARDING_SITE, onSite, recordedRetry, startForgeStorage } from './forge-storage-harness';

const ADMIN_ALEX = '557058:admin-alex';
const DEVELOPER_DANA = '557058:dev-dana';
const PRODUCT_OWNER_OMAR = '557058:po-omar';
/** The Onboarding team's Product Owner, whose Atlassian account is closed. */
const PRIYA = '557058:po-priya';

const DANAS_SUBMISSION = `create:${DEVELOPER_DANA}:4c1f0e9a-2b7d-4e55-9f31-6a0c2d8b7e10`;
const PRIYAS_SUBMISSION = `create:${PRIYA}:9b7e3c21-5d4f-4a8e-b1c6-0f2e9d7a4b53`;

/** Where the Onboarding site's records came from, step by step; the stores' clock reads `at`. */
let at = '2026-11-20T09:00:00.000Z';
const clock = () => new Date(at);

const onboarding = <T>(work: () => Promise<T>) => onSite(ONBOARDING_SITE, work);

function proposalFor(fields: Pick<NewProposal, 'id' | 'issueKey' | 'issueId' | 'proposerAccountId' | 'change' | 'createdAt'>): Proposal {
  return openProposal({
    projectKey: 'ONB',
    boardId: 1,
    sprintId: 7,
    reason: { category: 'stakeholder-request', text: 'Acme needs the SSO login fix before their Monday roll-out.' },
    pointsAtProposal: { [fields.issueKey]: 3 },
    needsProductOwner: true,
    assessment: null,
    threatAcknowledged: false,
    ...fields,
  });
}

/** Priya, the Product Owner, proposes deferring ONB-16: her own proposal, in two of the scenarios below. */
const deferOnb16 = proposalFor({
  id: 'p-onb-16-defer',
  issueKey: 'ONB-16',
  issueId: '10016',
  proposerAccountId: PRIYA,
  change: { kind: 'defer' },
  createdAt: '2026-11-25T08:30:00.000Z',
});
const priyaAsProductOwner: ProjectSettings = { ...DEFAULT_SETTINGS, productOwners: { roleName: null, accountIds: [PRIYA] } };
const priyaAndOmar: ProjectSettings = {
  ...priyaAsProductOwner,
  productOwners: { roleName: null, accountIds: [PRIYA, PRODUCT_OWNER_OMAR] },
};

/** Dana re-estimated ONB-39 on the Jira board, 8 → 13 points, with no proposal. */
const reestimateOnb39: BypassedChange = {
  id: 'event:10039:20007:7:ONB-39:re-estimated',
  sprintId: 7,
  issueKey: 'ONB-39',
  kind: 're-estimated',
  at: '2026-11-25T11:58:00.000Z',
  pointsBefore: 8,
  pointsAfter: 13,
  source: 'bypassed',
  reasonCategory: null,
  proposalId: null,
  rationale: null,
  actorAccountId: DEVELOPER_DANA,
  detectedBy: 'event',
  review: null,
};

const sprint6Closed: SprintOutcome = {
  sprintId: 6,
  boardId: 1,
  sprintName: 'ONB Sprint 6',
  goal: 'Self-serve trial sign-up',
  outcome: null,
  note: '',
  recordedBy: null,
  closedAt: '2026-11-13T16:00:00.000Z',
  committedPoints: 21,
  grossChurn: 5,
};

/**
 * Two weeks of the Onboarding team: Alex names Priya Product Owner; Priya decides Dana's proposals,
 * proposes a deferral herself, reviews a change Dana made around Goalkeeper, adds Omar as second
 * Product Owner and records sprint 6's outcome; Omar decides one of Dana's proposals on his own.
 */
async function twoWeeksOfOnboarding() {
  const proposals = createProposalStore({ now: clock });
  const settings = createSettingsRepository({ now: clock });
  const sprints = createSprintRecordStore({ now: clock });
  const step = async (time: string, work: () => Promise<unknown>) => {
    at = time;
    await onboarding(work);
  };
  const propose = (proposal: Proposal) =>
    proposals.create(proposal, auditEventFor(proposal, 'proposed', proposal.proposerAccountId, proposal.createdAt, proposal.reason.text));
  const advance = (previous: Proposal, next: Proposal, action: AuditAction, actor: string | null) =>
    proposals.update(next, previous.version, auditEventFor(next, action, actor, at, `${action} at ${at}`));

  const addOnb12 = proposalFor({
    id: 'p-onb-12-add',
    issueKey: 'ONB-12',
    issueId: '10012',
    proposerAccountId: DEVELOPER_DANA,
    change: { kind: 'add' },
    createdAt: '2026-11-24T09:15:00.000Z',
  });
  const approvedOnb12 = unwrap(
    decide(addOnb12, 'approved', PRIYA, 'Acme is our largest customer and the fix is small.', '2026-11-24T11:40:00.000Z', null),
  );
  const appliedOnb12 = unwrap(
    finishApplyAttempt(approvedOnb12, { attempts: 1, steps: [], lastError: null, finishedAt: '2026-11-24T11:41:00.000Z' }, true),
  );
  const raiseOnb39 = proposalFor({
    id: 'p-onb-39-priority',
    issueKey: 'ONB-39',
    issueId: '10039',
    proposerAccountId: DEVELOPER_DANA,
    change: { kind: 'priority', priorityName: 'Highest' },
    createdAt: '2026-11-24T13:00:00.000Z',
  });
  const rejectedOnb39 = unwrap(
    decide(raiseOnb39, 'rejected', PRIYA, 'The SSO goal comes first; ONB-39 waits for the next sprint.', '2026-11-24T15:00:00.000Z', null),
  );
  const rerankOnb20 = proposalFor({
    id: 'p-onb-20-rerank',
    issueKey: 'ONB-20',
    issueId: '10020',
    proposerAccountId: DEVELOPER_DANA,
    change: { kind: 'rerank', target: { position: 'before', issueKey: 'ONB-10' } },
    createdAt: '2026-11-25T10:00:00.000Z',
  });
  const approvedOnb20 = unwrap(
    decide(rerankOnb20, 'approved', PRODUCT_OWNER_OMAR, 'Unblocks the SSO test environment.', '2026-11-25T10:30:00.000Z', null),
  );

  await step('2026-11-20T09:00:00.000Z', () => settings.save('ONB', priyaAsProductOwner, 0, ADMIN_ALEX, at));
  await step('2026-11-20T09:01:00.000Z', () => sprints.saveOutcome(sprint6Closed));
  await step('2026-11-24T09:15:00.000Z', async () => {
    await propose(addOnb12);
    await proposals.remember(DANAS_SUBMISSION, { proposalId: addOnb12.id });
  });
  await step('2026-11-24T11:40:00.000Z', () => advance(addOnb12, approvedOnb12, 'approved', PRIYA));
  await step('2026-11-24T11:41:00.000Z', () => advance(approvedOnb12, appliedOnb12, 'applied', null));
  await step('2026-11-24T13:00:00.000Z', () => propose(raiseOnb39));
  await step('2026-11-24T15:00:00.000Z', () => advance(raiseOnb39, rejectedOnb39, 'rejected', PRIYA));
  await step('2026-11-25T08:30:00.000Z', async () => {
    await propose(deferOnb16);
    await proposals.remember(PRIYAS_SUBMISSION, { proposalId: deferOnb16.id });
  });
  await step('2026-11-25T10:00:00.000Z', () => propose(rerankOnb20));
  await step('2026-11-25T10:30:00.000Z', () => advance(rerankOnb20, approvedOnb20, 'approved', PRODUCT_OWNER_OMAR));
  await step('2026-11-25T12:00:00.000Z', () => sprints.recordBypassed(reestimateOnb39));
  await step('2026-11-25T14:00:00.000Z', () =>
    sprints.reviewBypassed(reestimateOnb39.id, {
      reviewerAccountId: PRIYA,
      verdict: 'accepted',
      note: 'Dana found the SAML edge cases; 13 is honest.',
      at,
    }),
  );
  await step('2026-11-26T09:00:00.000Z', () => settings.save('ONB', priyaAndOmar, 1, PRIYA, at));
  await step('2026-11-27T16:05:00.000Z', () =>
    sprints.saveOutcome({
      ...sprint6Closed,
      outcome: 'partly',
      note: 'Trial sign-up shipped; email verification slipped.',
      recordedBy: PRIYA,
    }),
  );
}

/** A replayed submission, within the day its answer is kept. */
const replayOf = (submission: string, submittedAt: string) =>
  onboarding(() => createProposalStore({ now: () => new Date(Date.parse(submittedAt) + 60_000) }).recall(submission));

/** What a snapshot's records look like with `accountId` replaced by the tombstone, and nothing else changed. */
function tombstoned(records: unknown, accountId: string): unknown {
  return JSON.parse(JSON.stringify(records).replaceAll(JSON.stringify(accountId), JSON.stringify(CLOSED_ACCOUNT_TOMBSTONE)));
}

const RECORD_ENTITIES = ['proposal', 'audit-event', 'settings', 'settings-version', 'bypassed-change', 'sprint-outcome'];

function referencesFrom(snapshot: StoreSnapshot, accountId: string): string[] {
  const references = snapshot.entities['account-reference'] ?? {};
  return Object.keys(references).filter((key) => (references[key] as { accountId: string }).accountId === accountId);
}

describe('personal data store on Forge custom entities', () => {
  it('lists every account Goalkeeper holds once, with the last time it stored something about it', async () => {
    startForgeStorage();
    await twoWeeksOfOnboarding();
    const store = createPersonalDataStore();

    expect(await onboarding(() => store.knownAccounts())).toEqual([
      { accountId: ADMIN_ALEX, updatedAt: '2026-11-20T09:00:00.000Z' },
      // Reviewing Dana's re-estimate stored the change, which names her, again.
      { accountId: DEVELOPER_DANA, updatedAt: '2026-11-25T14:00:00.000Z' },
      { accountId: PRODUCT_OWNER_OMAR, updatedAt: '2026-11-26T09:00:00.000Z' },
      { accountId: PRIYA, updatedAt: '2026-11-27T16:05:00.000Z' },
    ]);
  });

  it('replaces a closed account with the tombstone in every record that names it, and keeps every record', async () => {
    const emulator = startForgeStorage();
    await twoWeeksOfOnboarding();
    const store = createPersonalDataStore();
    const before = emulator.snapshot(ONBOARDING_SITE.installationId);
    expect(await replayOf(PRIYAS_SUBMISSION, '2026-11-25T08:30:00.000Z')).toEqual({ proposalId: 'p-onb-16-defer' });

    const touched = await onboarding(() => store.eraseAccount(PRIYA, CLOSED_ACCOUNT_TOMBSTONE));

    const after = emulator.snapshot(ONBOARDING_SITE.installationId);
    expect(JSON.stringify(before)).toContain(PRIYA);
    expect(JSON.stringify(after)).not.toContain(PRIYA);
    for (const entity of RECORD_ENTITIES)
      expect([entity, after.entities[entity]]).toEqual([entity, tombstoned(before.entities[entity], PRIYA)]);
    // 3 proposals, 3 audit events, the settings in force and 2 versions, 1 bypassed change, 1 outcome, 1 idempotency answer.
    expect(touched).toBe(12);
    expect(Object.keys(after.entities['account-reference']!)).toEqual(
      Object.keys(before.entities['account-reference']!).filter((key) => !referencesFrom(before, PRIYA).includes(key)),
    );
    expect(await replayOf(PRIYAS_SUBMISSION, '2026-11-25T08:30:00.000Z')).toBeUndefined();
    expect(await replayOf(DANAS_SUBMISSION, '2026-11-24T09:15:00.000Z')).toEqual({ proposalId: 'p-onb-12-add' });
    expect((await onboarding(() => store.knownAccounts())).map((account) => account.accountId)).toEqual([
      ADMIN_ALEX,
      DEVELOPER_DANA,
      PRODUCT_OWNER_OMAR,
    ]);
  });

  it('finds nothing more to erase the second time', async () => {
    const emulator = startForgeStorage();
    await twoWeeksOfOnboarding();
    const store = createPersonalDataStore();
    await onboarding(() => store.eraseAccount(PRIYA, CLOSED_ACCOUNT_TOMBSTONE));
    const erased = emulator.snapshot(ONBOARDING_SITE.installationId);

    expect(await onboarding(() => store.eraseAccount(PRIYA, CLOSED_ACCOUNT_TOMBSTONE))).toBe(0);
    expect(emulator.snapshot(ONBOARDING_SITE.installationId)).toEqual(erased);
  });

  it('erases a settings version saved a moment ago, before the indexes list it', async () => {
    const emulator = startForgeStorage({ queries: 'lagging' });
    await twoWeeksOfOnboarding();
    emulator.catchUpQueries();
    at = '2026-11-30T08:59:00.000Z';
    await onboarding(() => createSettingsRepository({ now: clock }).save('ONB', { ...priyaAndOmar, historySprints: 8 }, 2, ADMIN_ALEX, at));
    const store = createPersonalDataStore();

    expect(await onboarding(() => store.eraseAccount(PRIYA, CLOSED_ACCOUNT_TOMBSTONE))).toBe(13);
    expect(JSON.stringify(emulator.snapshot(ONBOARDING_SITE.installationId))).not.toContain(PRIYA);
  });

  it('never undoes a decision made while the erasure was rewriting the proposal', async () => {
    const emulator = startForgeStorage();
    const proposals = createProposalStore({ now: clock });
    const proposed = auditEventFor(deferOnb16, 'proposed', PRIYA, deferOnb16.createdAt, deferOnb16.reason.text);
    at = deferOnb16.createdAt;
    await onboarding(() => proposals.create(deferOnb16, proposed));
    const approvedByOmar = unwrap(
      decide(deferOnb16, 'approved', PRODUCT_OWNER_OMAR, 'ONB-16 can wait; the SSO goal cannot.', '2026-11-30T09:00:00.000Z', null),
    );
    const approval = auditEventFor(approvedByOmar, 'approved', PRODUCT_OWNER_OMAR, '2026-11-30T09:00:00.000Z', 'ONB-16 can wait.');
    // The erasure's first transaction fails with a 503; while it backs off, Omar approves.
    emulator.faults.inject({ kind: 'server-error', status: 503 }, { path: '/api/v1/transaction' });
    const { policy } = recordedRetry();
    const store = createPersonalDataStore({
      retry: {
        ...policy,
        sleep: async () => {
          at = '2026-11-30T09:00:00.000Z';
          await onboarding(() => proposals.update(approvedByOmar, deferOnb16.version, approval));
        },
      },
    });

    expect(await onboarding(() => store.eraseAccount(PRIYA, CLOSED_ACCOUNT_TOMBSTONE))).toBe(2);
    await onboarding(async () => {
      expect(await proposals.get(deferOnb16.id)).toEqual({ ...approvedByOmar, proposerAccountId: CLOSED_ACCOUNT_TOMBSTONE });
      expect((await proposals.audit(deferOnb16.id)).events).toEqual([{ ...proposed, actorAccountId: CLOSED_ACCOUNT_TOMBSTONE }, approval]);
    });
    expect(JSON.stringify(emulator.snapshot(ONBOARDING_SITE.installationId))).not.toContain(PRIYA);
  });

  it('indexes and erases every Product Owner of settings naming more people than one transaction holds', async () => {
    const emulator = startForgeStorage();
    const guild = Array.from({ length: 30 }, (_, index) => `557058:po-guild-${String(index + 1).padStart(2, '0')}`);
    at = '2026-11-20T09:00:00.000Z';
    await onboarding(() =>
      createSettingsRepository({ now: clock }).save(
        'ONB',
        { ...DEFAULT_SETTINGS, productOwners: { roleName: null, accountIds: guild } },
        0,
        ADMIN_ALEX,
        at,
      ),
    );
    const store = createPersonalDataStore();

    expect((await onboarding(() => store.knownAccounts())).map((account) => account.accountId)).toEqual([ADMIN_ALEX, ...guild]);
    expect(await onboarding(() => store.eraseAccount(guild[29]!, CLOSED_ACCOUNT_TOMBSTONE))).toBe(2);
    expect(JSON.stringify(emulator.snapshot(ONBOARDING_SITE.installationId))).not.toContain(guild[29]);
  });

  it('refuses a tombstone equal to the account it replaces', async () => {
    startForgeStorage();
    const store = createPersonalDataStore();
    await expect(onboarding(() => store.eraseAccount(PRIYA, PRIYA))).rejects.toMatchObject({ code: 'internal' });
  });
});

import { auditEventFor } from '../../src/app/support/audit-log';
import { unwrap } from '../../src/app/support/unwrap';
import type { AuditAction } from '../../src/domain/audit';
import { decide, openProposal, recordApplyProgress, type NewProposal, type Proposal } from '../../src/domain/proposal';
import { AUDIT_PAGE_SIZE, createProposalStore } from '../../src/store/proposal-store';
import { ACME_SITE, ONBOARDING_SITE, onSite, recordedRetry, startForgeStorage } from './forge-storage-harness';

const DEVELOPER = '557058:dev-dana';
const PRODUCT_OWNER = '557058:po-priya';
const PROPOSED_AT = '2026-11-25T09:15:00.000Z';
const DECIDED_AT = '2026-11-25T11:40:00.000Z';

/** ONB-12 brought into ONB Sprint 7 (board 1) at a stakeholder's request. */
function proposalFor(fields: Partial<NewProposal> = {}): Proposal {
  return openProposal({
    id: '7d0e4c1a-5b7f-4c2e-9a51-0b6f3f0c1a12',
    issueKey: 'ONB-12',
    issueId: '10012',
    projectKey: 'ONB',
    boardId: 1,
    sprintId: 7,
    proposerAccountId: DEVELOPER,
    change: { kind: 'add' },
    reason: { category: 'stakeholder-request', text: 'Acme needs the SSO login fix before their Monday roll-out.' },
    createdAt: PROPOSED_AT,
    pointsAtProposal: { 'ONB-12': 3 },
    needsProductOwner: true,
    assessment: null,
    threatAcknowledged: false,
    ...fields,
  });
}

const approved = (proposal: Proposal, rationale = 'Acme is our largest customer and the fix is small.') =>
  unwrap(decide(proposal, 'approved', PRODUCT_OWNER, rationale, DECIDED_AT, null));
const rejected = (proposal: Proposal, rationale: string) =>
  unwrap(decide(proposal, 'rejected', PRODUCT_OWNER, rationale, DECIDED_AT, null));
const APPLY_IN_PROGRESS = { attempts: 1, steps: [], lastError: null, finishedAt: null };

const eventOf = (proposal: Proposal, action: AuditAction, actor: string | null, detail: string) =>
  auditEventFor(proposal, action, actor, DECIDED_AT, detail);
const proposedEvent = (proposal: Proposal) =>
  auditEventFor(proposal, 'proposed', proposal.proposerAccountId, proposal.createdAt, proposal.reason.text);
const onboarding = <T>(work: () => Promise<T>) => onSite(ONBOARDING_SITE, work);

describe('proposal store on Forge custom entities', () => {
  it('creates a proposal with its first audit event and reads both back', async () => {
    startForgeStorage();
    const store = createProposalStore();
    const proposal = proposalFor();
    await onboarding(async () => {
      expect(await store.create(proposal, proposedEvent(proposal))).toBe('written');
      expect(await store.get(proposal.id)).toEqual(proposal);
      expect(await store.audit(proposal.id)).toEqual({ events: [proposedEvent(proposal)] });
      expect(await store.get('no-such-proposal')).toBeUndefined();
    });
  });

  it('refuses a second proposal with the same id as a conflict and keeps the first', async () => {
    startForgeStorage();
    const store = createProposalStore();
    const first = proposalFor();
    const clash = proposalFor({ issueKey: 'ONB-39', issueId: '10039' });
    await onboarding(async () => {
      await store.create(first, proposedEvent(first));
      expect(await store.create(clash, proposedEvent(clash))).toBe('conflict');
      expect(await store.get(first.id)).toEqual(first);
      expect((await store.audit(first.id)).events).toEqual([proposedEvent(first)]);
    });
  });

  it('detects a duplicate id at once, even while queries have not yet caught up with the first write', async () => {
    const emulator = startForgeStorage({ queries: 'lagging' });
    const store = createProposalStore();
    const proposal = proposalFor();
    await onboarding(async () => {
      await store.create(proposal, proposedEvent(proposal));
      expect(await store.listByIssue('ONB-12')).toEqual([]);
      expect(await store.create(proposal, proposedEvent(proposal))).toBe('conflict');
      emulator.catchUpQueries();
      expect(await store.listByIssue('ONB-12')).toEqual([proposal]);
    });
  });

  it('lists proposals by issue, by sprint, and by sprint and status, oldest first', async () => {
    startForgeStorage();
    const store = createProposalStore();
    const addOnb12 = proposalFor({ id: 'p-onb-12-add' });
    const raiseOnb39 = proposalFor({
      id: 'p-onb-39-priority',
      issueKey: 'ONB-39',
      issueId: '10039',
      change: { kind: 'priority', priorityName: 'Highest' },
      createdAt: '2026-11-25T08:00:00.000Z',
    });
    const reestimateOnb12 = proposalFor({
      id: 'p-onb-12-estimate',
      change: { kind: 'estimate', points: 5 },
      createdAt: '2026-11-25T13:05:00.000Z',
    });
    const lastSprint = proposalFor({
      id: 'p-onb-16-defer',
      issueKey: 'ONB-16',
      issueId: '10016',
      sprintId: 6,
      change: { kind: 'defer' },
      createdAt: '2026-11-10T10:00:00.000Z',
    });
    await onboarding(async () => {
      for (const proposal of [addOnb12, raiseOnb39, reestimateOnb12, lastSprint]) await store.create(proposal, proposedEvent(proposal));
      const raised = approved(raiseOnb39);
      await store.update(raised, raiseOnb39.version, eventOf(raised, 'approved', PRODUCT_OWNER, 'Blocks the SSO goal.'));

      expect((await store.listByIssue('ONB-12')).map((proposal) => proposal.id)).toEqual(['p-onb-12-add', 'p-onb-12-estimate']);
      expect((await store.listBySprint(7)).map((proposal) => proposal.id)).toEqual([
        'p-onb-39-priority',
        'p-onb-12-add',
        'p-onb-12-estimate',
      ]);
      expect(await store.listBySprint(7, 'approved')).toEqual([raised]);
      expect((await store.listBySprint(7, 'proposed')).map((proposal) => proposal.id)).toEqual(['p-onb-12-add', 'p-onb-12-estimate']);
      expect(await store.listBySprint(8)).toEqual([]);
    });
  });

  it('lets exactly one of 50 concurrent decisions on the same version win, and records only the winner', async () => {
    startForgeStorage();
    const store = createProposalStore();
    const proposal = proposalFor();
    await onboarding(() => store.create(proposal, proposedEvent(proposal)));
    const read = (await onboarding(() => store.get(proposal.id)))!;

    const decisions = Array.from({ length: 50 }, (_, decider) => {
      const next =
        decider % 2 === 0
          ? approved(read, `Approved by decider ${decider}: the goal survives.`)
          : rejected(read, `Rejected by decider ${decider}: the goal comes first.`);
      return { next, event: eventOf(next, next.status === 'approved' ? 'approved' : 'rejected', PRODUCT_OWNER, next.decision!.rationale) };
    });
    const outcomes = await Promise.all(decisions.map(({ next, event }) => onboarding(() => store.update(next, read.version, event))));

    expect(outcomes.filter((outcome) => outcome === 'written')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'conflict')).toHaveLength(49);
    const winner = decisions[outcomes.indexOf('written')]!;
    await onboarding(async () => {
      expect(await store.get(proposal.id)).toEqual(winner.next);
      expect((await store.audit(proposal.id)).events).toEqual([proposedEvent(proposal), winner.event]);
    });
  });

  it('refuses an update that does not advance the version by exactly one', async () => {
    startForgeStorage();
    const store = createProposalStore();
    const proposal = proposalFor();
    await onboarding(async () => {
      await store.create(proposal, proposedEvent(proposal));
      const sameVersion = { ...approved(proposal), version: proposal.version };
      await expect(
        store.update(sameVersion, proposal.version, eventOf(sameVersion, 'approved', PRODUCT_OWNER, 'no bump')),
      ).rejects.toMatchObject({ code: 'internal' });
      expect(await store.get(proposal.id)).toEqual(proposal);
    });
  });

  it('pages the audit trail oldest first, resuming after the last event shown', async () => {
    startForgeStorage();
    const store = createProposalStore();
    let proposal = proposalFor();
    const events = [proposedEvent(proposal)];
    await onboarding(async () => {
      await store.create(proposal, events[0]!);
      for (let step = 1; proposal.version < 60; step += 1) {
        const previous = proposal;
        proposal = step === 1 ? approved(previous) : unwrap(recordApplyProgress(previous, APPLY_IN_PROGRESS));
        const event =
          step === 1
            ? eventOf(proposal, 'approved', PRODUCT_OWNER, 'Acme first.')
            : eventOf(proposal, 'apply-step', null, `Jira step ${step} recorded`);
        events.push(event);
        expect(await store.update(proposal, previous.version, event)).toBe('written');
      }

      const first = await store.audit(proposal.id);
      expect(first.events).toEqual(events.slice(0, AUDIT_PAGE_SIZE));
      expect(first.nextCursor).toBe(String(AUDIT_PAGE_SIZE));
      const second = await store.audit(proposal.id, first.nextCursor);
      expect(second).toEqual({ events: events.slice(AUDIT_PAGE_SIZE) });
      expect(events).toHaveLength(60);
    });
  });

  it('refuses an audit cursor it did not hand out with a typed invalid-input error', async () => {
    startForgeStorage();
    const store = createProposalStore();
    await onboarding(async () => {
      for (const forged of ['eyJrZXkiOiJ4In0', '-1', '0', '1e3', '99999999999']) {
        await expect(store.audit('7d0e4c1a', forged)).rejects.toMatchObject({ code: 'invalid-input', fields: { cursor: 'invalid' } });
      }
    });
  });

  it('retries storage throttling with growing waits, then writes the decision', async () => {
    const emulator = startForgeStorage();
    const { policy, waits } = recordedRetry();
    const store = createProposalStore({ retry: policy });
    const proposal = proposalFor();
    await onboarding(() => store.create(proposal, proposedEvent(proposal)));
    emulator.faults.inject({ kind: 'rate-limit', retryAfterSeconds: 1 }, { times: 2, path: '/api/v1/transaction' });
    const decision = approved(proposal);
    await onboarding(async () => {
      expect(await store.update(decision, proposal.version, eventOf(decision, 'approved', PRODUCT_OWNER, 'ok'))).toBe('written');
      expect(await store.get(proposal.id)).toEqual(decision);
    });
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after four attempts with a typed error and leaves the store as it was', async () => {
    const emulator = startForgeStorage();
    const { policy, waits } = recordedRetry();
    const store = createProposalStore({ retry: policy });
    const proposal = proposalFor();
    await onboarding(() => store.create(proposal, proposedEvent(proposal)));
    const before = emulator.snapshot(ONBOARDING_SITE.installationId);
    emulator.faults.inject({ kind: 'server-error', status: 500 }, { times: 4 });
    const decision = approved(proposal);
    await expect(
      onboarding(() => store.update(decision, proposal.version, eventOf(decision, 'approved', PRODUCT_OWNER, 'ok'))),
    ).rejects.toMatchObject({ code: 'internal' });
    expect(waits).toEqual([100, 200, 400]);
    expect(emulator.snapshot(ONBOARDING_SITE.installationId)).toEqual(before);
  });

  it('counts a decision whose answer was lost after it committed as written, not as a conflict', async () => {
    const emulator = startForgeStorage();
    const { policy } = recordedRetry();
    const store = createProposalStore({ retry: policy });
    const proposal = proposalFor();
    await onboarding(() => store.create(proposal, proposedEvent(proposal)));
    emulator.lostAnswers.inject({ kind: 'server-error', status: 503 }, { path: '/api/v1/transaction' });
    const decision = approved(proposal);
    const event = eventOf(decision, 'approved', PRODUCT_OWNER, 'ok');
    await onboarding(async () => {
      expect(await store.update(decision, proposal.version, event)).toBe('written');
      expect((await store.audit(proposal.id)).events).toEqual([proposedEvent(proposal), event]);
    });
  });

  it('still reports a conflict when, during the retry after a 503, another decider won', async () => {
    const emulator = startForgeStorage();
    const store = createProposalStore();
    const proposal = proposalFor();
    await onboarding(() => store.create(proposal, proposedEvent(proposal)));
    const rival = rejected(proposal, 'The goal comes first this sprint.');
    const rivalStore = createProposalStore();
    const { policy } = recordedRetry();
    const slowStore = createProposalStore({
      retry: {
        ...policy,
        sleep: () =>
          onboarding(
            async () => void (await rivalStore.update(rival, proposal.version, eventOf(rival, 'rejected', PRODUCT_OWNER, 'rival'))),
          ),
      },
    });
    emulator.faults.inject({ kind: 'server-error', status: 503 }, { path: '/api/v1/transaction' });
    const mine = approved(proposal);
    await onboarding(async () => {
      expect(await slowStore.update(mine, proposal.version, eventOf(mine, 'approved', PRODUCT_OWNER, 'mine'))).toBe('conflict');
      expect(await store.get(proposal.id)).toEqual(rival);
    });
  });

  it('refuses a proposal too large for Forge storage with a typed error, storing nothing', async () => {
    const emulator = startForgeStorage();
    const store = createProposalStore();
    const oversized = proposalFor({ reason: { category: 'other', text: 'x'.repeat(250 * 1024) } });
    await onboarding(async () => {
      await expect(store.create(oversized, proposedEvent(oversized))).rejects.toMatchObject({ code: 'invalid-input' });
    });
    expect(emulator.snapshot(ONBOARDING_SITE.installationId).entities).toEqual({});
  });

  it('remembers an idempotent answer for a day, whatever characters the client chose for the key', async () => {
    let now = new Date('2026-11-25T09:15:00.000Z');
    startForgeStorage({ now: () => now.getTime() });
    const store = createProposalStore({ now: () => now });
    const key = `create:${DEVELOPER}:submit/ONB-12 ✓ #1`;
    await onboarding(async () => {
      expect(await store.recall(key)).toBeUndefined();
      await store.remember(key, { proposalId: 'p-onb-12-add' });
      now = new Date('2026-11-26T09:00:00.000Z');
      expect(await store.recall(key)).toEqual({ proposalId: 'p-onb-12-add' });
      now = new Date('2026-11-26T09:16:00.000Z');
      expect(await store.recall(key)).toBeUndefined();
    });
  });

  it('never shows one site’s proposals to another', async () => {
    startForgeStorage();
    const store = createProposalStore();
    const proposal = proposalFor();
    await onboarding(() => store.create(proposal, proposedEvent(proposal)));
    await onSite(ACME_SITE, async () => {
      expect(await store.get(proposal.id)).toBeUndefined();
      expect(await store.listByIssue('ONB-12')).toEqual([]);
      expect(await store.listBySprint(7)).toEqual([]);
      expect(await store.audit(proposal.id)).toEqual({ events: [] });
    });
  });
});

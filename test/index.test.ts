/**
 * The proposal lifecycle end to end through the very handler manifest.yml names, called as Forge
 * calls it, against the Jira stand-in over HTTP, Forge storage emulation and the apply queue.
 */
import { SEED_ACCOUNTS, SEED_FACTS } from '../sandbox/jira/seed';
import { applyWorker } from '../src/index';
import { useForgeApp } from './support/forge-app';
import { present } from './support/present';

const { productOwner: PRIYA, devDana: DANA, devKofi: KOFI, stakeholder: SAM, billingDeveloper: FIN, siteAdmin: ADA } = SEED_ACCOUNTS;
const SPRINT = SEED_FACTS.activeSprintId;
const RATIONALE = 'Acme signs on Friday only with SSO; we drop the analytics spike instead.';

const app = useForgeApp();

const site = () => app().site();
const sprintOf = (key: string) =>
  site()
    .issueByKeyOrId(key)!
    .sprintIds.filter((id) => id === SPRINT || id === SEED_FACTS.futureSprintId);
const jiraCalls = (method: string, path: RegExp) =>
  app().sandbox.jira.requests.filter((r) => r.method === method && path.test(r.path)).length;

async function propose(issueKey: string, change: object, by: string = DANA) {
  return app().ok(
    'createProposal',
    {
      issueKey,
      change,
      reason: { category: 'stakeholder-request', text: 'Acme needs SSO sign-up for their pilot.' },
      acknowledgeThreat: true,
    },
    by,
  );
}

async function auditActions(proposalId: string, by: string = PRIYA): Promise<string[]> {
  const trail = await app().invokeOk('getAuditTrail', { proposalId }, by);
  return trail.events.map((e: { action: string }) => e.action);
}

describe('propose → approve → apply → audit', () => {
  it('applies an approved addition to Jira once and records every step', async () => {
    const proposal = await propose('ONB-68', { kind: 'add' });
    expect(proposal).toMatchObject({ status: 'proposed', needsProductOwner: true, proposerAccountId: DANA, sprintId: SPRINT, version: 1 });
    expect(present(proposal.assessment, 'an assessment').level).toMatch(/safe|caution|threat/);

    const approved = await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );
    expect(approved).toMatchObject({
      status: 'approved',
      decision: { verdict: 'approved', deciderAccountId: PRIYA, rationale: RATIONALE },
    });
    await app().sandbox.idle();

    expect(sprintOf('ONB-68')).toEqual([SPRINT]);
    const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA);
    expect(panel.proposals[0]).toMatchObject({ id: proposal.id, status: 'applied' });
    expect(panel.issue.inActiveSprint).toBe(true);
    // Started and done for each step: the move, placing the goal-critical issue with the goal's items, the comment.
    expect(await auditActions(proposal.id)).toEqual([
      'proposed',
      'approved',
      'apply-step',
      'apply-step',
      'apply-step',
      'apply-step',
      'apply-step',
      'apply-step',
      'applied',
    ]);
    expect(site().issueByKeyOrId('ONB-68')!.comments).toHaveLength(1);
  });

  it('takes the caller from the Forge principal, never from the payload', async () => {
    const proposal = await app().ok(
      'createProposal',
      {
        issueKey: 'ONB-68',
        change: { kind: 'add' },
        reason: { category: 'defect', text: 'Login breaks for SSO users.' },
        acknowledgeThreat: true,
        proposerAccountId: PRIYA,
        accountId: PRIYA,
        status: 'approved',
      },
      DANA,
    );
    expect(proposal).toMatchObject({ proposerAccountId: DANA, status: 'proposed' });
  });

  it('is idempotent: a replayed apply job changes nothing more', async () => {
    const proposal = await propose('ONB-69', { kind: 'add' });
    await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );
    await app().sandbox.idle();
    const movesBefore = jiraCalls('POST', /\/rest\/agile\/1\.0\/sprint\/7\/issue/);
    const trailBefore = await auditActions(proposal.id);

    await app().asApp(() =>
      applyWorker({ body: { proposalId: proposal.id, attempt: 1 }, queueName: 'goalkeeper-apply', jobId: 'replayed-job' }),
    );

    expect(movesBefore).toBe(1);
    expect(jiraCalls('POST', /\/rest\/agile\/1\.0\/sprint\/7\/issue/)).toBe(1);
    expect(await auditActions(proposal.id)).toEqual(trailBefore);
  });

  it('auto-approves and applies a re-estimate, which the policy leaves to the Developers', async () => {
    const proposal = await propose('ONB-39', { kind: 'estimate', points: 8 });
    expect(proposal.status).toBe('auto-approved');
    await app().sandbox.idle();
    expect(site().issueByKeyOrId('ONB-39')!.points).toBe(8);
    expect(await auditActions(proposal.id, DANA)).toEqual([
      'proposed',
      'auto-approved',
      'apply-step',
      'apply-step',
      'apply-step',
      'apply-step',
      'applied',
    ]);
  });
});

describe('the reverse paths', () => {
  it('rejects with a rationale and leaves Jira untouched', async () => {
    const proposal = await propose('ONB-70', { kind: 'add' });
    const rejected = await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'reject', rationale: 'Not this sprint: the SSO goal comes first.', expectedVersion: 1 },
      PRIYA,
    );
    await app().sandbox.idle();
    expect(rejected).toMatchObject({ status: 'rejected', decision: { verdict: 'rejected', deciderAccountId: PRIYA } });
    expect(sprintOf('ONB-70')).toEqual([]);
    expect(await auditActions(proposal.id)).toEqual(['proposed', 'rejected']);
  });

  it('lets the proposer withdraw, and no one else', async () => {
    const proposal = await propose('ONB-71', { kind: 'add' });
    expect((await app().invoke('withdrawProposal', { proposalId: proposal.id, expectedVersion: 1 }, KOFI)).error?.code).toBe('forbidden');
    expect(await app().invokeOk('withdrawProposal', { proposalId: proposal.id, expectedVersion: 1 }, DANA)).toMatchObject({
      status: 'withdrawn',
    });
    const late = await app().invoke(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 2 },
      PRIYA,
    );
    expect(late.error?.code).toBe('illegal-transition');
  });

  it('refuses self-approval when another Product Owner can decide', async () => {
    const { settings } = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    const { version, updatedBy, updatedAt, ...editable } = settings;
    await app().invokeOk(
      'saveProjectSettings',
      {
        projectKey: 'ONB',
        settings: { ...editable, productOwners: { roleName: null, accountIds: [PRIYA, KOFI] } },
        expectedVersion: version,
      },
      ADA,
    );
    const proposal = await propose('ONB-72', { kind: 'add' }, PRIYA);
    const answer = await app().invoke(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );
    expect(answer.error).toMatchObject({ code: 'forbidden' });
    expect(answer.error?.message).toMatch(/self-approval/);
  });

  it('refuses a missing or short rationale, keeping the proposal open', async () => {
    const proposal = await propose('ONB-72', { kind: 'add' });
    for (const rationale of ['', '   ', 'too short']) {
      const answer = await app().invoke(
        'decideProposal',
        { proposalId: proposal.id, verdict: 'approve', rationale, expectedVersion: 1 },
        PRIYA,
      );
      expect(answer.error).toMatchObject({ code: 'invalid-input', fields: { rationale: 'too-short' } });
    }
    expect((await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-72' }, DANA)).proposals[0]?.status).toBe('proposed');
  });

  it('refuses a decider who is not the Product Owner', async () => {
    const proposal = await propose('ONB-73', { kind: 'add' });
    const answer = await app().invoke(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      KOFI,
    );
    expect(answer.error).toMatchObject({ code: 'forbidden', message: 'Only the Product Owner can approve or reject proposals.' });
  });

  it('refuses a decision on an outdated view of the proposal', async () => {
    const proposal = await propose('ONB-73', { kind: 'add' });
    const answer = await app().invoke(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 7 },
      PRIYA,
    );
    expect(answer.error?.code).toBe('conflict');
  });
});

describe('who may see and change what', () => {
  it('tells a stakeholder without edit rights why they cannot propose', async () => {
    const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, SAM);
    expect(panel.viewer).toMatchObject({ canPropose: false });
    expect(panel.viewer.cannotProposeReason).toMatch(/not edit or schedule/);
    const answer = await app().invoke(
      'createProposal',
      { issueKey: 'ONB-68', change: { kind: 'add' }, reason: { category: 'other', text: 'Please add it.' } },
      SAM,
    );
    expect(answer.error).toMatchObject({ code: 'forbidden' });
    expect(answer.error?.message).toMatch(/Edit issues, Schedule issues/);
  });

  it('answers "not found" to someone who cannot browse the issue, learning nothing', async () => {
    const missing = await app().invoke('getIssuePanelState', { issueKey: 'ONB-9999' }, FIN);
    const hidden = await app().invoke('getIssuePanelState', { issueKey: 'ONB-68' }, FIN);
    expect(hidden.error).toEqual({ code: 'not-found', message: 'Issue ONB-68 does not exist or you do not have permission to see it.' });
    expect(missing.error?.code).toBe('not-found');
    const proposal = await propose('ONB-68', { kind: 'add' });
    expect((await app().invoke('getAuditTrail', { proposalId: proposal.id }, FIN)).error?.code).toBe('not-found');
  });

  it('refuses mutations without an active licence but still reads', async () => {
    const answer = await app().invoke(
      'createProposal',
      { issueKey: 'ONB-68', change: { kind: 'add' }, reason: { category: 'other', text: 'x y z' } },
      DANA,
      { licenseActive: false },
    );
    expect(answer.error?.code).toBe('unlicensed');
    expect((await app().invoke('getIssuePanelState', { issueKey: 'ONB-68' }, DANA, { licenseActive: false })).data).toBeDefined();
  });
});

describe('applying under Jira faults', () => {
  it('rides out a 429 with Retry-After and applies once', async () => {
    const proposal = await propose('ONB-74', { kind: 'add' });
    app().sandbox.jira.faults.inject(
      { kind: 'rate-limit', retryAfterSeconds: 1 },
      { times: 1, method: 'POST', path: '/rest/agile/1.0/sprint/7/issue' },
    );
    await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );
    await app().sandbox.idle();
    expect(jiraCalls('POST', /\/rest\/agile\/1\.0\/sprint\/7\/issue/)).toBe(2);
    expect((await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-74' }, DANA)).proposals[0]?.status).toBe('applied');
    expect(sprintOf('ONB-74')).toEqual([SPRINT]);
  });

  it('records a failed apply and completes it on Retry, never repeating the half of a swap that was done', async () => {
    const proposal = await propose('ONB-75', { kind: 'swap', outIssueKey: 'ONB-62' });
    app().sandbox.jira.faults.inject(
      { kind: 'server-error', status: 503 },
      { times: 4, method: 'POST', path: '/rest/agile/1.0/backlog/issue' },
    );
    await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );
    await app().sandbox.idle();

    const failed = present(
      (await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-75' }, DANA)).proposals[0],
      'a proposal on the panel',
    );
    expect(failed.status).toBe('apply-failed');
    expect(present(failed.apply, 'its apply').lastError).toMatch(/Already done: Move ONB-75 into sprint 7\. Retry completes the rest\./);
    expect(sprintOf('ONB-75')).toEqual([SPRINT]);
    expect(sprintOf('ONB-62')).toEqual([SPRINT]);

    await app().invokeOk('retryApply', { proposalId: proposal.id }, PRIYA);
    await app().sandbox.idle();
    expect((await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-75' }, DANA)).proposals[0]?.status).toBe('applied');
    expect(sprintOf('ONB-62')).toEqual([]);
    expect(jiraCalls('POST', /\/rest\/agile\/1\.0\/sprint\/7\/issue/)).toBe(1);
    expect(await auditActions(proposal.id)).toContain('retry-requested');
  });
});

describe('staleness and races', () => {
  it('marks a proposal stale when its issue left the sprint before the decision', async () => {
    const proposal = await propose('ONB-55', { kind: 'remove' });
    site().moveToBacklog([site().issueByKeyOrId('ONB-55')!], { kind: 'user', accountId: KOFI });
    const answer = await app().invoke(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );
    expect(answer.error).toMatchObject({ code: 'stale', message: 'ONB-55 is not in ONB Sprint 7 (any more).' });
    expect((await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-55' }, DANA)).proposals[0]).toMatchObject({
      status: 'stale',
      staleReason: 'ONB-55 is not in ONB Sprint 7 (any more).',
    });
  });

  it('lets exactly one of 50 concurrent decisions win, and applies at most once', async () => {
    const proposal = await propose('ONB-76', { kind: 'add' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        app().invoke(
          'decideProposal',
          { proposalId: proposal.id, verdict: i % 2 ? 'approve' : 'reject', rationale: `${RATIONALE} (#${i})`, expectedVersion: 1 },
          PRIYA,
        ),
      ),
    );
    await app().sandbox.idle();
    const winners = answers.filter((a) => a.data);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a.error).every((a) => ['conflict', 'illegal-transition'].includes(a.error!.code))).toBe(true);
    expect(jiraCalls('POST', /\/rest\/agile\/1\.0\/sprint\/7\/issue/)).toBeLessThanOrEqual(1);
    const decisions = (await auditActions(proposal.id)).filter((a) => a === 'approved' || a === 'rejected');
    expect(decisions).toHaveLength(1);
  });
});

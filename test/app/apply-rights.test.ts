/**
 * The apply worker has no user to ask Jira about: it acts only within the rights recorded with
 * the decision (auto-approved: the proposer's, asked of Jira as them when proposing) and within
 * the app's own rights now, asked as the app.
 */
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import type { ProjectPermission } from '../../sandbox/jira/jira-model';
import { auditEventFor } from '../../src/app/support/audit-log';
import { autoApprove } from '../../src/domain/proposal';
import { applyWorker } from '../../src/index';
import { createProposalStore } from '../../src/store/proposal-store';
import { proposalFor } from '../support/proposals';
import { useForgeApp } from '../support/forge-app';
import { present } from '../support/present';

const { devDana: DANA } = SEED_ACCOUNTS;
const app = useForgeApp();
const site = () => app().site();

const reEstimate = (issueKey: string, points: number) =>
  app().invokeOk(
    'createProposal',
    {
      issueKey,
      change: { kind: 'estimate', points },
      reason: { category: 'estimate-learned', text: 'The SSO callback needs a second tenant.' },
      acknowledgeThreat: true,
    },
    DANA,
  );

const stored = (proposalId: string) => app().asApp(() => createProposalStore().get(proposalId));

describe('the apply worker and the rights it acts within', () => {
  it('records the proposer’s rights, asked as them, with an auto-approved change and applies within them', async () => {
    const proposal = await reEstimate('ONB-39', 8);
    expect(proposal.status).toBe('auto-approved');
    // Add comments too (issue 14): the apply posts the decision comment only for someone who may comment.
    expect(present(proposal.decision, 'a decision').heldPermissions).toEqual({
      'ONB-39': ['ADD_COMMENTS', 'BROWSE_PROJECTS', 'EDIT_ISSUES'],
    });
    const asDana = app().sandbox.jira.requests.filter(
      (request) => request.actor === `user:${DANA}` && request.path.startsWith('/rest/api/3/permissions/check'),
    );
    expect(asDana.length).toBeGreaterThan(0);
    await app().sandbox.idle();
    expect((await stored(proposal.id))?.status).toBe('applied');
    expect(site().issueByKeyOrId('ONB-39')!.points).toBe(8);
  });

  it('refuses, and changes nothing, where the app’s own user no longer holds the right', async () => {
    const before = site().issueByKeyOrId('ONB-44')!.points;
    const jiraSite = site();
    const granted = jiraSite.permissionsIn.bind(jiraSite);
    // A Jira admin took Edit issues away from the apps' project role.
    jiraSite.permissionsIn = (actor, project) =>
      actor.kind === 'app'
        ? new Set([...granted(actor, project)].filter((p: ProjectPermission) => p !== 'EDIT_ISSUES'))
        : granted(actor, project);
    try {
      const proposal = await reEstimate('ONB-44', 13);
      await app().sandbox.idle();
      const after = await stored(proposal.id);
      expect(after?.status).toBe('apply-failed');
      expect(after?.apply?.lastError).toBe(
        'Apply refused: Goalkeeper itself does not hold Edit issues on ONB-44 in Jira; a Jira admin can grant it to the app.',
      );
      expect(site().issueByKeyOrId('ONB-44')!.points).toBe(before);
    } finally {
      jiraSite.permissionsIn = granted;
    }
  });

  it('does not apply a decision that carries no record of the decider’s rights', async () => {
    const at = new Date().toISOString();
    const proposal = proposalFor({
      id: 'decided-without-record',
      issueKey: 'ONB-45',
      issueId: site().issueByKeyOrId('ONB-45')!.id,
      change: { kind: 'estimate', points: 5 },
      needsProductOwner: false,
    });
    const approved = autoApprove(proposal, at);
    if (!approved.ok) throw new Error(approved.error.message);
    await app().asApp(() =>
      createProposalStore().create(
        approved.value,
        auditEventFor(approved.value, 'auto-approved', null, at, 'recorded before rights were kept'),
      ),
    );
    const before = site().issueByKeyOrId('ONB-45')!.points;
    await app().asApp(() =>
      applyWorker({ body: { proposalId: proposal.id, attempt: 1 }, queueName: 'goalkeeper-apply', jobId: 'old-record' }),
    );
    const after = await stored(proposal.id);
    expect(after?.status).toBe('apply-failed');
    expect(after?.apply?.lastError).toMatch(/decided before Goalkeeper recorded the decider's Jira rights/);
    expect(site().issueByKeyOrId('ONB-45')!.points).toBe(before);
  });
});

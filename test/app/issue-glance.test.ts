/**
 * The issue context panel's answer ("1 change waiting for the Product Owner") through the handler
 * manifest.yml names: counted for people who may browse the issue, and for anyone else the issue
 * does not exist.
 */
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { useForgeApp } from '../support/forge-app';

const { productOwner: PRIYA, devDana: DANA, stakeholder: SAM, billingDeveloper: FIN } = SEED_ACCOUNTS;
const app = useForgeApp();
const REASON = { category: 'defect', text: 'Checkout breaks for SSO users since Monday.' };

const glance = (issueKey: string, accountId: string) =>
  app().invoke('getIssueGlance', { issueKey }, accountId, { extension: { type: 'jira:issueContext' } });

describe('the issue glance', () => {
  it('counts the changes to the issue that wait for the Product Owner, and drops them once decided', async () => {
    expect((await glance('ONB-68', DANA)).data).toEqual({ issueKey: 'ONB-68', waitingForProductOwner: 0 });
    const proposal = await app().ok(
      'createProposal',
      { issueKey: 'ONB-68', change: { kind: 'add' }, reason: REASON, acknowledgeThreat: true },
      DANA,
    );

    expect((await glance('ONB-68', SAM)).data).toEqual({ issueKey: 'ONB-68', waitingForProductOwner: 1 });
    expect((await glance('ONB-69', SAM)).data).toEqual({ issueKey: 'ONB-69', waitingForProductOwner: 0 });

    await app().invokeOk(
      'decideProposal',
      {
        proposalId: proposal.id,
        verdict: 'reject',
        rationale: 'Not this sprint: the goal is SSO sign-up.',
        expectedVersion: proposal.version,
      },
      PRIYA,
    );
    expect((await glance('ONB-68', DANA)).data).toEqual({ issueKey: 'ONB-68', waitingForProductOwner: 0 });
  });

  it('tells a caller who cannot browse the issue nothing, exactly as for an issue that does not exist', async () => {
    await app().ok('createProposal', { issueKey: 'ONB-68', change: { kind: 'add' }, reason: REASON, acknowledgeThreat: true }, DANA);
    const hidden = await glance('ONB-68', FIN);
    const missing = await glance('ONB-9999', FIN);
    expect(hidden.data).toBeUndefined();
    expect(hidden.error).toEqual({ code: 'not-found', message: 'Issue ONB-68 does not exist or you do not have permission to see it.' });
    expect(missing.error?.message).toBe('Issue ONB-9999 does not exist or you do not have permission to see it.');
    // Asked of Jira as Fin himself (Jira shows him no such issue), never as the app.
    const mark = app().sandbox.jira.requests.length;
    await glance('ONB-68', FIN);
    expect(
      app()
        .sandbox.jira.requests.slice(mark)
        .map((request) => request.actor),
    ).toEqual([`user:${FIN}`]);
  });
});

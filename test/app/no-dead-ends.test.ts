/**
 * No dead ends in who decides (issue 15), through the handler manifest.yml names against the
 * Jira stand-in: the project's only Product Owner proposing, a project with no Product Owner,
 * Product Owners picked from Jira's people (an unknown id refused), who may change the policy,
 * and the panel with the licence inactive.
 */
import { SEEDED_SETTINGS_VERSION } from '../../sandbox/app-seed';
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import type { EditableSettings } from '../../src/contract/settings';
import { useForgeApp } from '../support/forge-app';
import { present } from '../support/present';
import { editableSettings } from '../support/project-settings';

const { productOwner: PRIYA, devDana: DANA, siteAdmin: ADA } = SEED_ACCOUNTS;
const RATIONALE = 'Acme signs on Friday only with SSO; we drop the analytics spike instead.';
const NOTE = 'Oliver, our other Product Owner, is on leave until the review.';
const REASON = { category: 'stakeholder-request', text: 'Acme needs SSO sign-up for their pilot.' } as const;

const app = useForgeApp();

function propose(by: string, issueKey = 'ONB-68') {
  return app().invokeOk('createProposal', { issueKey, change: { kind: 'add' }, reason: REASON, acknowledgeThreat: true }, by);
}

/** The settings as the page would send them, with `change` applied, saved by `by` over the version stored. */
async function saveSettings(by: string, change: (editable: EditableSettings) => object) {
  const page = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
  return app().call(
    'saveProjectSettings',
    { projectKey: 'ONB', settings: change(editableSettings(page)), expectedVersion: page.settings.version },
    by,
  );
}

describe('the only Product Owner proposes a change', () => {
  it('decides it with a note, and the decision and the audit trail say it was self-approved', async () => {
    const proposal = await propose(PRIYA);
    const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, PRIYA);
    expect(panel.viewer.ownProposals).toBe('sole-product-owner');

    const withoutNote = await app().invoke(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );
    expect(withoutNote.error).toMatchObject({ code: 'invalid-input', fields: { selfDecisionNote: expect.any(String) } });

    const decided = await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1, selfDecisionNote: NOTE },
      PRIYA,
    );
    expect(decided.decision).toMatchObject({
      verdict: 'approved',
      deciderAccountId: PRIYA,
      selfDecided: { rule: 'sole-product-owner', note: NOTE },
    });
    const trail = await app().invokeOk('getAuditTrail', { proposalId: proposal.id }, DANA);
    expect(trail.events.find((event: { action: string }) => event.action === 'approved')).toMatchObject({
      actorAccountId: PRIYA,
      selfDecided: true,
    });
  });

  it('waits for a second Product Owner where the policy says so, and the panel says where to name one', async () => {
    expect(
      (await saveSettings(ADA, (editable) => ({ ...editable, policy: { ...editable.policy, soleProductOwner: 'another-po' } }))).error,
    ).toBeUndefined();
    const proposal = await propose(PRIYA);

    const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, PRIYA);
    expect(panel.viewer.ownProposals).toBe('no-other-po');
    const refused = await app().invoke(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1, selfDecisionNote: NOTE },
      PRIYA,
    );
    expect(refused.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('Name a second Product Owner') });
  });

  it('goes to the other Product Owner once a second one is named, however the sole-owner rule reads', async () => {
    await saveSettings(ADA, (editable) => ({ ...editable, productOwners: { roleName: null, accountIds: [PRIYA, DANA] } }));
    const proposal = await propose(PRIYA);
    expect((await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, PRIYA)).viewer.ownProposals).toBe('another-po');
    const refused = await app().invoke(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1, selfDecisionNote: NOTE },
      PRIYA,
    );
    expect(refused.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('another Product Owner must decide it') });
    expect(
      present(
        (
          await app().invokeOk(
            'decideProposal',
            { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
            DANA,
          )
        ).decision,
        'a decision',
      ).selfDecided,
    ).toBeUndefined();
  });
});

describe('a project with no Product Owner', () => {
  it('tells the team and the admin what to set up instead of waiting for nobody', async () => {
    await saveSettings(ADA, (editable) => ({ ...editable, productOwners: { roleName: null, accountIds: [] } }));
    await propose(DANA);

    const forDana = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA);
    expect(forDana.productOwnerIds).toEqual([]);
    expect(forDana.productOwnerSetup).toEqual({ projectKey: 'ONB', roleName: null, viewerMayConfigure: false });
    const forAda = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, ADA);
    expect(forAda.productOwnerSetup).toEqual({ projectKey: 'ONB', roleName: null, viewerMayConfigure: true });
  });

  it('says nothing of the kind where a Product Owner is named', async () => {
    expect((await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA)).productOwnerSetup).toBeNull();
  });
});

describe('Product Owners picked from Jira’s people', () => {
  it('finds people by a few letters of their name, through Jira’s user picker asked as the admin', async () => {
    const found = await app().invokeOk('searchPeople', { projectKey: 'ONB', query: 'pri' }, ADA);
    expect(found).toEqual([{ accountId: PRIYA, displayName: 'Priya Raman' }]);
    expect(app().sandbox.jira.requests.filter((request) => request.path.startsWith('/rest/api/3/user/picker'))).toEqual([
      expect.objectContaining({ method: 'GET', actor: `user:${ADA}`, status: 200 }),
    ]);
  });

  it('refuses an account id Jira does not know, naming it, and keeps the settings as they were', async () => {
    const answer = await saveSettings(ADA, (editable) => ({ ...editable, productOwners: { roleName: null, accountIds: [PRIYA, 'mei'] } }));
    expect(answer.error).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('mei'),
      fields: { 'productOwners.accountIds': 'unknown-person' },
    });
    const page = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    expect(page.settings).toMatchObject({ version: SEEDED_SETTINGS_VERSION, productOwners: { accountIds: [PRIYA] } });
  });
});

describe('who may change the approval policy', () => {
  const stricter = (editable: EditableSettings) => ({ ...editable, policy: { ...editable.policy, minRationaleChars: 40 } });

  it('is the administrators only by default: a Product Owner reads the settings and cannot save them', async () => {
    expect((await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, PRIYA)).editScope).toBe('none');
    expect((await saveSettings(PRIYA, stricter)).error).toMatchObject({ code: 'forbidden' });
  });

  it('lets the project’s Product Owners change the policy, and only the policy, once the administrators allow it', async () => {
    expect((await saveSettings(ADA, (editable) => ({ ...editable, policyEditors: 'admins-and-product-owners' }))).error).toBeUndefined();
    expect((await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, PRIYA)).editScope).toBe('policy');
    expect((await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, DANA)).editScope).toBe('none');

    const saved = await saveSettings(PRIYA, stricter);
    expect(saved.error).toBeUndefined();
    expect(saved.data).toMatchObject({ settings: { policy: { minRationaleChars: 40 }, updatedBy: PRIYA } });

    const widened = await saveSettings(PRIYA, (editable) => ({
      ...editable,
      productOwners: { roleName: null, accountIds: [PRIYA, DANA] },
    }));
    expect(widened.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('approval policy only') });
    expect((await saveSettings(DANA, stricter)).error).toMatchObject({ code: 'forbidden' });
  });
});

describe('the issue panel without a licence', () => {
  it('says the licence is inactive and that nothing can be proposed, while proposals stay readable', async () => {
    const proposal = await propose(DANA);
    const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA, { licenseActive: false });
    expect(panel).toMatchObject({
      licenseActive: false,
      viewer: { canPropose: false, cannotProposeReason: expect.stringContaining('not licensed') },
    });
    expect(panel.proposals.map((shown: { id: string }) => shown.id)).toEqual([proposal.id]);
    expect(
      (await app().invoke('withdrawProposal', { proposalId: proposal.id, expectedVersion: 1 }, DANA, { licenseActive: false })).error,
    ).toMatchObject({ code: 'unlicensed' });
    expect((await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, DANA)).licenseActive).toBe(true);
  });
});

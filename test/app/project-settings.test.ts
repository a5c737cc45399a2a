/** The settings page's use cases through the handler: who may save, validation, versions, effect. */
import { SEEDED_SETTINGS_VERSION } from '../../sandbox/app-seed';
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { useForgeApp } from '../support/forge-app';
import { editableSettings } from '../support/project-settings';

const { productOwner: PRIYA, devDana: DANA, devKofi: KOFI, siteAdmin: ADA, billingDeveloper: FIN } = SEED_ACCOUNTS;

const app = useForgeApp();

describe('project settings', () => {
  it('shows the saved settings to the team, read-only for non-admins, and hides the project from outsiders', async () => {
    const state = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, DANA);
    expect(state).toMatchObject({
      canEdit: false,
      settings: { version: SEEDED_SETTINGS_VERSION, productOwners: { roleName: 'Product Owner', accountIds: [PRIYA] } },
    });
    // Jira lists a project's roles only to its administrators, and the roles are read as the person asking.
    expect(state.projectRoles).toEqual([]);
    const asAdmin = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    expect(asAdmin.projectRoles).toContain('Product Owner');
    expect(asAdmin.projectRoles).not.toContain('atlassian-addons-project-access');
    expect((await app().invoke('getProjectSettings', { projectKey: 'ONB' }, FIN)).error?.code).toBe('not-found');
  });

  it('says when Jira will not show the app who is in the Product Owner role, instead of failing', async () => {
    const [team, admin] = [
      await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, DANA),
      await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA),
    ];
    expect([team.unreadableProductOwnerRole, admin.unreadableProductOwnerRole]).toEqual(['Product Owner', 'Product Owner']);
    const roleRequests = app().sandbox.jira.requests.filter(
      (request) => request.actor === 'app' && /\/project\/ONB\/role/.test(request.path),
    );
    expect(roleRequests.length).toBeGreaterThan(0);
  });

  it('lets only a project admin save, checked with Jira rather than the page', async () => {
    const state = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    const answer = await app().invoke(
      'saveProjectSettings',
      { projectKey: 'ONB', settings: editableSettings(state), expectedVersion: SEEDED_SETTINGS_VERSION },
      DANA,
    );
    expect(answer.error).toMatchObject({
      code: 'forbidden',
      message: 'Only project administrators and Jira administrators can change Goalkeeper settings.',
    });
    const saved = await app().invokeOk(
      'saveProjectSettings',
      { projectKey: 'ONB', settings: { ...editableSettings(state), commentOnDecision: false }, expectedVersion: SEEDED_SETTINGS_VERSION },
      ADA,
    );
    expect(saved.settings).toMatchObject({ version: SEEDED_SETTINGS_VERSION + 1, commentOnDecision: false, updatedBy: ADA });
    expect(saved.history[0]).toMatchObject({ version: SEEDED_SETTINGS_VERSION + 1, changedBy: ADA });
  });

  it("validates JQL with Jira's parser and keeps the old settings when it fails", async () => {
    const state = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    const settings = { ...editableSettings(state), goalCritical: { ...state.settings.goalCritical, jql: 'labels = = sprint-goal' } };
    const answer = await app().invoke(
      'saveProjectSettings',
      { projectKey: 'ONB', settings, expectedVersion: SEEDED_SETTINGS_VERSION },
      ADA,
    );
    expect(answer.error).toMatchObject({ code: 'invalid-input', fields: { 'goalCritical.jql': 'invalid-jql' } });
    expect((await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA)).settings.version).toBe(SEEDED_SETTINGS_VERSION);

    const valid = { ...editableSettings(state), goalCritical: { ...state.settings.goalCritical, jql: 'labels = sso' } };
    expect(
      (await app().invokeOk('saveProjectSettings', { projectKey: 'ONB', settings: valid, expectedVersion: SEEDED_SETTINGS_VERSION }, ADA))
        .settings.goalCritical.jql,
    ).toBe('labels = sso');
  });

  it('refuses an unknown role, inconsistent thresholds and a stale version', async () => {
    const state = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    const unknownRole = { ...editableSettings(state), productOwners: { roleName: 'Chief Decider', accountIds: [] } };
    expect(
      (
        await app().invoke(
          'saveProjectSettings',
          { projectKey: 'ONB', settings: unknownRole, expectedVersion: SEEDED_SETTINGS_VERSION },
          ADA,
        )
      ).error?.fields,
    ).toEqual({ 'productOwners.roleName': 'unknown-role' });
    const inverted = {
      ...editableSettings(state),
      thresholds: { threatBelow: 0.8, threatDrop: 0.2, cautionBelow: 0.5, cautionDrop: 0.05 },
    };
    expect(
      (await app().invoke('saveProjectSettings', { projectKey: 'ONB', settings: inverted, expectedVersion: SEEDED_SETTINGS_VERSION }, ADA))
        .error?.code,
    ).toBe('invalid-input');
    await app().invokeOk(
      'saveProjectSettings',
      { projectKey: 'ONB', settings: editableSettings(state), expectedVersion: SEEDED_SETTINGS_VERSION },
      ADA,
    );
    expect(
      (
        await app().invoke(
          'saveProjectSettings',
          { projectKey: 'ONB', settings: editableSettings(state), expectedVersion: SEEDED_SETTINGS_VERSION },
          ADA,
        )
      ).error?.code,
    ).toBe('conflict');
  });

  it('makes named users the Product Owners when the role is switched off', async () => {
    const state = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    await app().invokeOk(
      'saveProjectSettings',
      {
        projectKey: 'ONB',
        settings: { ...editableSettings(state), productOwners: { roleName: null, accountIds: [KOFI] } },
        expectedVersion: SEEDED_SETTINGS_VERSION,
      },
      ADA,
    );
    const proposal = await app().invokeOk(
      'createProposal',
      { issueKey: 'ONB-68', change: { kind: 'add' }, reason: { category: 'defect', text: 'SSO loop.' }, acknowledgeThreat: true },
      DANA,
    );
    const rationale = 'Kofi decides now; the customer demo needs it.';
    expect(
      (await app().invoke('decideProposal', { proposalId: proposal.id, verdict: 'approve', rationale, expectedVersion: 1 }, PRIYA)).error
        ?.code,
    ).toBe('forbidden');
    expect(
      await app().invokeOk('decideProposal', { proposalId: proposal.id, verdict: 'approve', rationale, expectedVersion: 1 }, KOFI),
    ).toMatchObject({ status: 'approved' });
  });

  it('applies a changed approval policy: estimates need the PO once an admin says so', async () => {
    const state = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    const policy = { ...state.settings.policy, byKind: { ...state.settings.policy.byKind, estimate: 'product-owner' } };
    await app().ok(
      'saveProjectSettings',
      { projectKey: 'ONB', settings: { ...editableSettings(state), policy }, expectedVersion: SEEDED_SETTINGS_VERSION },
      ADA,
    );
    const proposal = await app().invokeOk(
      'createProposal',
      {
        issueKey: 'ONB-39',
        change: { kind: 'estimate', points: 8 },
        reason: { category: 'estimate-learned', text: 'SAML is harder.' },
        acknowledgeThreat: true,
      },
      DANA,
    );
    expect(proposal).toMatchObject({ status: 'proposed', needsProductOwner: true });
  });
});

import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { createJiraAdapter } from '../../src/jira/jira-adapter';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness();
});
afterAll(() => harness.close());

describe('project configuration read from Jira', () => {
  it("lists the priorities an issue allows from its edit metadata, in Jira's order, without the admin-only priority search", async () => {
    const mark = harness.standIn.requests.length;
    expect(await harness.invoke(() => harness.jira.allowedPriorities('ONB-55'))).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(harness.requestsSince(mark).map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /rest/api/3/issue/ONB-55/editmeta',
    ]);
  });

  it('allows no priorities for an issue that does not exist or a key that is not one', async () => {
    expect(await harness.invoke(() => harness.jira.allowedPriorities('ONB-9999'))).toEqual([]);
    expect(await harness.invoke(() => harness.jira.allowedPriorities('ONB-1/../x'))).toEqual([]);
  });

  it("lists the project's roles a Product Owner role can be chosen from, as the admin asking, without the apps' role", async () => {
    expect(await harness.invoke(() => harness.jira.projectRoleNames('ONB'), { accountId: SEED_ACCOUNTS.siteAdmin })).toEqual([
      'Administrators',
      'Developers',
      'Product Owner',
      'Viewers',
    ]);
  });

  it('lists no roles to someone Jira does not let read them, instead of failing', async () => {
    expect(await harness.invoke(() => harness.jira.projectRoleNames('ONB'), { accountId: SEED_ACCOUNTS.devDana })).toEqual([]);
  });

  it("says the app may not read a role's members when the app user does not administer the project", async () => {
    expect(await harness.invoke(() => harness.jira.projectRoleMembers('ONB', 'Product Owner'))).toEqual({
      readable: false,
      roleName: 'Product Owner',
    });
  });

  it('lists the members of a role by accountId where a Jira admin made the app a project administrator', async () => {
    // Not leniency: a Jira admin may add the app's user to a project's Administrators role; this
    // models that on a fresh site, so the refusal above stays the default.
    const site = harness.site('app-administers-onb');
    const strict = site.permissionsIn.bind(site);
    site.permissionsIn = (actor, project) =>
      actor.kind === 'app' ? new Set([...strict(actor, project), 'ADMINISTER_PROJECTS' as const]) : strict(actor, project);
    // A fresh adapter, as each Forge invocation builds one: the shared one remembers this invocation's reads.
    const jira = createJiraAdapter({ sleep: async () => undefined });
    const [owners, developers, noRole] = await harness.invoke(
      () =>
        Promise.all([
          jira.projectRoleMembers('ONB', 'Product Owner'),
          jira.projectRoleMembers('ONB', 'Developers'),
          jira.projectRoleMembers('ONB', 'Scrum Master'),
        ]),
      { cloudId: 'app-administers-onb' },
    );
    expect(owners).toEqual({ readable: true, accountIds: [SEED_ACCOUNTS.productOwner] });
    expect(developers).toEqual({ readable: true, accountIds: [SEED_ACCOUNTS.devDana, SEED_ACCOUNTS.devKofi, SEED_ACCOUNTS.devMei] });
    expect(noRole).toEqual({ readable: true, accountIds: [] });
  });

  it('finds no roles in a project that does not exist', async () => {
    expect(await harness.invoke(() => harness.jira.projectRoleNames('NOPE'), { accountId: SEED_ACCOUNTS.siteAdmin })).toEqual([]);
  });

  it("asks Jira's parser, as the admin saving the rule, whether a JQL query is valid", async () => {
    const [valid, unknownField, broken] = await harness.invoke(
      () =>
        Promise.all([
          harness.jira.validateJql('labels = sprint-goal OR "Epic Link" in (ONB-1, ONB-2)'),
          harness.jira.validateJql('team = Phoenix'),
          harness.jira.validateJql('labels in (sso'),
        ]),
      { accountId: SEED_ACCOUNTS.siteAdmin },
    );
    expect(valid).toEqual({ valid: true });
    expect(unknownField).toEqual({ valid: false, errors: ["Field 'team' does not exist or you do not have permission to view it."] });
    expect(broken).toEqual({
      valid: false,
      errors: ["Error in the JQL Query: Expecting ')' but reached the end of the query. (line 1, character 15)"],
    });
  });

  it('looks up display names for accountIds, leaving out accounts Jira does not know', async () => {
    const names = await harness.invoke(() =>
      harness.jira.displayNames([
        SEED_ACCOUNTS.productOwner,
        SEED_ACCOUNTS.stakeholder,
        '557058:closed-account',
        SEED_ACCOUNTS.productOwner,
      ]),
    );
    expect(Object.fromEntries(names)).toEqual({ [SEED_ACCOUNTS.productOwner]: 'Priya Raman', [SEED_ACCOUNTS.stakeholder]: 'Sam Okafor' });
  });
});

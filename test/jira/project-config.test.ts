import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness();
});
afterAll(() => harness.close());

describe('project configuration read from Jira', () => {
  it('lists the site\'s priorities in Jira\'s order', async () => {
    expect(await harness.invoke(() => harness.jira.priorityNames())).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
  });

  it('lists the project\'s roles a Product Owner role can be chosen from, without the apps\' role', async () => {
    expect(await harness.invoke(() => harness.jira.projectRoleNames('ONB'))).toEqual(['Administrators', 'Developers', 'Product Owner', 'Viewers']);
  });

  it('lists the members of a role by accountId', async () => {
    const [owners, developers] = await harness.invoke(() => Promise.all([harness.jira.projectRoleMembers('ONB', 'Product Owner'), harness.jira.projectRoleMembers('ONB', 'Developers')]));
    expect(owners).toEqual([SEED_ACCOUNTS.productOwner]);
    expect(developers).toEqual([SEED_ACCOUNTS.devDana, SEED_ACCOUNTS.devKofi, SEED_ACCOUNTS.devMei]);
  });

  it('finds nobody in a role the project does not have, nor in a project that does not exist', async () => {
    const [noRole, noProject] = await harness.invoke(() => Promise.all([harness.jira.projectRoleMembers('ONB', 'Scrum Master'), harness.jira.projectRoleNames('NOPE')]));
    expect({ noRole, noProject }).toEqual({ noRole: [], noProject: [] });
  });

  it('asks Jira\'s parser whether a JQL query is valid', async () => {
    const [valid, unknownField, broken] = await harness.invoke(() =>
      Promise.all([harness.jira.validateJql('labels = sprint-goal OR "Epic Link" in (ONB-1, ONB-2)'), harness.jira.validateJql('team = Phoenix'), harness.jira.validateJql('labels in (sso')]),
    );
    expect(valid).toEqual({ valid: true });
    expect(unknownField).toEqual({ valid: false, errors: ["Field 'team' does not exist or you do not have permission to view it."] });
    expect(broken).toEqual({ valid: false, errors: ["Error in the JQL Query: Expecting ')' but reached the end of the query. (line 1, character 15)"] });
  });

  it('looks up display names for accountIds, leaving out accounts Jira does not know', async () => {
    const names = await harness.invoke(() => harness.jira.displayNames([SEED_ACCOUNTS.productOwner, SEED_ACCOUNTS.stakeholder, '557058:closed-account', SEED_ACCOUNTS.productOwner]));
    expect(Object.fromEntries(names)).toEqual({ [SEED_ACCOUNTS.productOwner]: 'Priya Raman', [SEED_ACCOUNTS.stakeholder]: 'Sam Okafor' });
  });
});

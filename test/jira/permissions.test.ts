import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness();
});
afterAll(() => harness.close());

const ALL = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES'] as const;

describe('permissions asked of Jira for the person', () => {
  it('gives a developer browse, edit and schedule on an Onboarding issue', async () => {
    const granted = await harness.invoke(() => harness.jira.permissionsOf(SEED_ACCOUNTS.devDana, ['ONB-39'], ALL));
    expect([...(granted.get('ONB-39') ?? [])].sort()).toEqual(['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES']);
  });

  it('lets the stakeholder browse but neither edit nor schedule', async () => {
    const granted = await harness.invoke(() => harness.jira.permissionsOf(SEED_ACCOUNTS.stakeholder, ['ONB-39', 'ONB-55'], ALL));
    expect(granted.get('ONB-39')).toEqual(new Set(['BROWSE_PROJECTS']));
    expect(granted.get('ONB-55')).toEqual(new Set(['BROWSE_PROJECTS']));
  });

  it('gives Onboarding developers nothing at all on Billing issues, while Billing sees them', async () => {
    const [dana, fin] = await harness.invoke(() =>
      Promise.all([harness.jira.permissionsOf(SEED_ACCOUNTS.devDana, ['BIL-2'], ALL), harness.jira.permissionsOf(SEED_ACCOUNTS.billingDeveloper, ['BIL-2'], ALL)]),
    );
    expect(dana.has('BIL-2')).toBe(false);
    expect(fin.get('BIL-2')).toEqual(new Set(ALL));
  });

  it('answers an unknown issue with no permissions rather than an error', async () => {
    const granted = await harness.invoke(() => harness.jira.permissionsOf(SEED_ACCOUNTS.productOwner, ['ONB-9999', 'ONB-39'], ['BROWSE_PROJECTS']));
    expect([...granted.keys()]).toEqual(['ONB-39']);
  });

  it('lets only the site admin administer the Onboarding project', async () => {
    const [ada, priya] = await harness.invoke(() =>
      Promise.all([
        harness.jira.hasProjectPermission(SEED_ACCOUNTS.siteAdmin, 'ONB', 'ADMINISTER_PROJECTS'),
        harness.jira.hasProjectPermission(SEED_ACCOUNTS.productOwner, 'ONB', 'ADMINISTER_PROJECTS'),
      ]),
    );
    expect({ ada, priya }).toEqual({ ada: true, priya: false });
  });

  it('treats a project key that would change the path as a project nobody can use', async () => {
    const mark = harness.standIn.requests.length;
    const allowed = await harness.invoke(() => harness.jira.hasProjectPermission(SEED_ACCOUNTS.siteAdmin, 'ONB/../BIL', 'BROWSE_PROJECTS'));
    expect(allowed).toBe(false);
    expect(harness.requestsSince(mark)).toEqual([]);
  });

  it('shows each person only the boards of projects they can browse', async () => {
    const [dana, ada, fin] = await harness.invoke(() =>
      Promise.all([SEED_ACCOUNTS.devDana, SEED_ACCOUNTS.siteAdmin, SEED_ACCOUNTS.billingDeveloper].map((accountId) => harness.jira.boardsVisibleTo(accountId))),
    );
    expect(dana?.map((board) => board.name)).toEqual(['ONB board', 'ONB support']);
    expect(ada?.map((board) => board.id)).toEqual([1, 2, 3]);
    expect(fin).toEqual([{ id: 2, name: 'BIL board', type: 'scrum', projectKey: 'BIL' }]);
  });

  it('checks permissions as the app with the person named, never as the caller', async () => {
    const mark = harness.standIn.requests.length;
    await harness.invoke(() => harness.jira.permissionsOf(SEED_ACCOUNTS.stakeholder, ['ONB-39'], ['EDIT_ISSUES']), { accountId: SEED_ACCOUNTS.stakeholder });
    expect(harness.requestsSince(mark).map((request) => `${request.actor} ${request.method} ${request.path}`)).toEqual([
      'app POST /rest/api/3/issue/bulkfetch',
      'app POST /rest/api/3/permissions/check',
    ]);
  });
});

import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness();
});
afterAll(() => harness.close());

const ALL = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES'] as const;

/** Runs `work` in an invocation made by `accountId`, as a resolver call is. */
function as<T>(accountId: string, work: () => Promise<T>): Promise<T> {
  return harness.invoke(work, { accountId });
}

describe('the caller’s permissions, asked of Jira as the caller', () => {
  it('gives a developer browse, edit and schedule on an Onboarding issue', async () => {
    const granted = await as(SEED_ACCOUNTS.devDana, () => harness.jira.permissionsOfCaller(['ONB-39'], ALL));
    expect([...(granted.get('ONB-39') ?? [])].sort()).toEqual(['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES']);
  });

  it('lets the stakeholder browse but neither edit nor schedule', async () => {
    const granted = await as(SEED_ACCOUNTS.stakeholder, () => harness.jira.permissionsOfCaller(['ONB-39', 'ONB-55'], ALL));
    expect(granted.get('ONB-39')).toEqual(new Set(['BROWSE_PROJECTS']));
    expect(granted.get('ONB-55')).toEqual(new Set(['BROWSE_PROJECTS']));
  });

  it('gives Onboarding developers nothing at all on Billing issues, while Billing sees them', async () => {
    const dana = await as(SEED_ACCOUNTS.devDana, () => harness.jira.permissionsOfCaller(['BIL-2'], ALL));
    const fin = await as(SEED_ACCOUNTS.billingDeveloper, () => harness.jira.permissionsOfCaller(['BIL-2'], ALL));
    expect(dana.has('BIL-2')).toBe(false);
    expect(fin.get('BIL-2')).toEqual(new Set(ALL));
  });

  it('answers an unknown issue with no permissions rather than an error', async () => {
    const granted = await as(SEED_ACCOUNTS.productOwner, () =>
      harness.jira.permissionsOfCaller(['ONB-9999', 'ONB-39'], ['BROWSE_PROJECTS']),
    );
    expect([...granted.keys()]).toEqual(['ONB-39']);
  });

  it('reports the comment and create permissions a change kind may need', async () => {
    const [dana, sam] = [
      await as(SEED_ACCOUNTS.devDana, () => harness.jira.permissionsOfCaller(['ONB-39'], ['CREATE_ISSUES', 'ADD_COMMENTS'])),
      await as(SEED_ACCOUNTS.stakeholder, () => harness.jira.permissionsOfCaller(['ONB-39'], ['CREATE_ISSUES', 'ADD_COMMENTS'])),
    ];
    expect(dana.get('ONB-39')).toEqual(new Set(['CREATE_ISSUES', 'ADD_COMMENTS']));
    expect(sam.get('ONB-39')?.has('CREATE_ISSUES') ?? false).toBe(false);
  });

  it('lets only the site admin administer the Onboarding project', async () => {
    const ada = await as(SEED_ACCOUNTS.siteAdmin, () => harness.jira.callerHasProjectPermission('ONB', 'ADMINISTER_PROJECTS'));
    const priya = await as(SEED_ACCOUNTS.productOwner, () => harness.jira.callerHasProjectPermission('ONB', 'ADMINISTER_PROJECTS'));
    expect({ ada, priya }).toEqual({ ada: true, priya: false });
  });

  it('treats a project key that would change the path as a project nobody can use', async () => {
    const mark = harness.standIn.requests.length;
    const allowed = await as(SEED_ACCOUNTS.siteAdmin, () => harness.jira.callerHasProjectPermission('ONB/../BIL', 'BROWSE_PROJECTS'));
    expect(allowed).toBe(false);
    // The key travels encoded in the query string, where it steers nothing.
    expect(harness.requestsSince(mark).map((request) => new URL(request.path, 'http://jira.invalid').pathname)).toEqual([
      '/rest/api/3/mypermissions',
    ]);
  });

  it('shows each person only the boards of projects they can browse', async () => {
    const dana = await as(SEED_ACCOUNTS.devDana, () => harness.jira.boardsVisibleToCaller());
    const ada = await as(SEED_ACCOUNTS.siteAdmin, () => harness.jira.boardsVisibleToCaller());
    const fin = await as(SEED_ACCOUNTS.billingDeveloper, () => harness.jira.boardsVisibleToCaller());
    expect(dana.map((board) => board.name)).toEqual(['ONB board', 'ONB support']);
    expect(ada.map((board) => board.id)).toEqual([1, 2, 3]);
    expect(fin).toEqual([{ id: 2, name: 'BIL board', type: 'scrum', projectKey: 'BIL', projectId: '10001' }]);
  });

  it('asks as the caller and never names another account', async () => {
    const mark = harness.standIn.requests.length;
    await as(SEED_ACCOUNTS.stakeholder, () => harness.jira.permissionsOfCaller(['ONB-39'], ['EDIT_ISSUES']));
    const sent = harness.requestsSince(mark);
    expect(sent.map((request) => `${request.actor} ${request.method} ${request.path}`)).toEqual([
      // One issue: one call in its context (issue 12), as the caller.
      `user:${SEED_ACCOUNTS.stakeholder} GET /rest/api/3/mypermissions?issueKey=ONB-39&permissions=EDIT_ISSUES`,
    ]);
  });

  it('cannot be asked without a person: Forge refuses asUser in an app-only invocation, and it is not retried', async () => {
    const mark = harness.standIn.requests.length;
    const sleeps = harness.sleeps.length;
    await expect(harness.invoke(() => harness.jira.permissionsOfCaller(['ONB-39'], ['BROWSE_PROJECTS']))).rejects.toMatchObject({
      name: 'NEEDS_AUTHENTICATION_ERR',
    });
    expect(harness.requestsSince(mark)).toEqual([]);
    expect(harness.sleeps.length).toBe(sleeps);
  });
});

describe('the app’s own permissions', () => {
  it('holds what a Forge app user holds on an issue, asked as the app', async () => {
    const mark = harness.standIn.requests.length;
    const granted = await harness.invoke(() =>
      harness.jira.permissionsOfApp(
        ['ONB-39'],
        ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES', 'ADD_COMMENTS', 'ADMINISTER_PROJECTS'],
      ),
    );
    expect(granted.get('ONB-39')).toEqual(new Set(['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES', 'ADD_COMMENTS']));
    expect(harness.requestsSince(mark).every((request) => request.actor === 'app')).toBe(true);
  });
});

describe('Product Owner role members, read as the app', () => {
  it('says the app may not read them rather than failing, and reads them once per invocation', async () => {
    const mark = harness.standIn.requests.length;
    const [first, second] = await harness.invoke(() =>
      Promise.all([harness.jira.projectRoleMembers('ONB', 'Product Owner'), harness.jira.projectRoleMembers('ONB', 'Product Owner')]),
    );
    expect(first).toEqual({ readable: false, roleName: 'Product Owner' });
    expect(second).toBe(first);
    expect(harness.requestsSince(mark)).toHaveLength(1);
  });
});

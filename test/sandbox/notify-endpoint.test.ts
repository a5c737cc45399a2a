/**
 * The stand-in's POST /rest/api/3/issue/{key}/notify at the HTTP level, against Atlassian's
 * platform OpenAPI (operation `notify`: request example, schemas Notification,
 * NotificationRecipients, NotificationRecipientsRestrictions; 204, and 400 "the recipient is the
 * same as the calling user" / "the recipient is invalid", 404): at least as strict as Jira, and
 * delivering each email by the recipient's own settings.
 */
import { ACTOR_HEADER, startJiraStandIn, type JiraStandIn } from '../../sandbox/jira/jira-stand-in';
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { TEST_NOW } from '../jira/jira-harness';

const { productOwner: PRIYA, devDana: DANA, devKofi: KOFI, billingDeveloper: FIN } = SEED_ACCOUNTS;
let standIn: JiraStandIn;
beforeEach(async () => {
  standIn = await startJiraStandIn({ now: TEST_NOW });
});
afterEach(() => standIn.close());

const site = () => standIn.model.site();
const noOneByRole = { reporter: false, assignee: false, watchers: false, voters: false };

async function notify(actor: string, issueKey: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${standIn.url}/rest/api/3/issue/${issueKey}/notify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ACTOR_HEADER]: actor },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('POST /rest/api/3/issue/{key}/notify', () => {
  it('queues one email per named person, 204, in the body their settings ask for', async () => {
    site().addUser({ ...site().users.get(KOFI)!, notifications: { email: true, format: 'text' } });
    const answer = await notify(`user:${DANA}`, 'ONB-68', {
      subject: 'Latest results',
      textBody: 'The latest results are in.',
      htmlBody: '<p>The <strong>latest</strong> results are in.</p>',
      to: { ...noOneByRole, users: [{ accountId: PRIYA }, { accountId: KOFI }] },
    });
    expect(answer.status).toBe(204);
    expect(
      site().notifications.map(({ recipientAccountId, format, body, subject }) => ({ recipientAccountId, format, body, subject })),
    ).toEqual([
      { recipientAccountId: PRIYA, format: 'html', body: '<p>The <strong>latest</strong> results are in.</p>', subject: 'Latest results' },
      { recipientAccountId: KOFI, format: 'text', body: 'The latest results are in.', subject: 'Latest results' },
    ]);
  });

  it('reads a recipient flag left out as true, so only an explicit false keeps a notice to the people named', async () => {
    const issue = site().issueByKeyOrId('ONB-68')!;
    expect(issue.reporterAccountId).not.toBe(KOFI);
    await notify(`user:${DANA}`, 'ONB-68', { textBody: 'Hello', to: { assignee: false, users: [{ accountId: KOFI }] } });
    expect(
      site()
        .notifications.map((n) => n.recipientAccountId)
        .sort(),
    ).toEqual([KOFI, issue.reporterAccountId].sort());
    // Without a subject Jira uses the issue's key and summary.
    expect(site().notifications[0]!.subject).toBe(`[ONB-68] ${issue.summary}`);
  });

  it('refuses the calling user as a recipient, an unknown account, and the assignee of an unassigned issue, with 400', async () => {
    expect(await notify(`user:${DANA}`, 'ONB-68', { textBody: 'x', to: { ...noOneByRole, users: [{ accountId: DANA }] } })).toEqual({
      status: 400,
      body: { errorMessages: ['The recipient is the same as the calling user.'], errors: {} },
    });
    expect((await notify(`user:${DANA}`, 'ONB-68', { textBody: 'x', to: { ...noOneByRole, users: [{ accountId: 'mei' }] } })).status).toBe(
      400,
    );
    expect((await notify(`user:${DANA}`, 'ONB-68', { textBody: 'x', to: { ...noOneByRole, assignee: true } })).status).toBe(400);
    expect(
      (await notify(`user:${DANA}`, 'ONB-68', { textBody: 'x', restrict: { permissions: [{ key: 'BROWSE_PROJECTS' }], everyone: true } }))
        .status,
    ).toBe(400);
    expect(site().notifications).toEqual([]);
  });

  it('sends nothing to a recipient without the permission `restrict` requires, nor to one who turned email off', async () => {
    site().addUser({ ...site().users.get(KOFI)!, notifications: { email: false, format: 'html' } });
    const answer = await notify(`user:${DANA}`, 'ONB-68', {
      textBody: 'x',
      to: { ...noOneByRole, users: [{ accountId: FIN }, { accountId: KOFI }, { accountId: PRIYA }] },
      restrict: { permissions: [{ key: 'BROWSE' }] },
    });
    expect(answer.status).toBe(204);
    expect(site().notifications.map((n) => n.recipientAccountId)).toEqual([PRIYA]);
  });

  it('answers 404 for an issue the sender cannot see', async () => {
    expect(await notify(`user:${FIN}`, 'ONB-68', { textBody: 'x', to: { ...noOneByRole, users: [{ accountId: PRIYA }] } })).toEqual({
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
  });
});

/**
 * Who hears about a proposal, through Jira's own issue notifications (POST /issue/{key}/notify),
 * and the decision comment's words — through the handler manifest.yml names, against the Jira
 * stand-in, which delivers each notification by the recipient's own settings as Jira does.
 */
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import type { JiraUser } from '../../sandbox/jira/jira-model';
import { adfText } from '../../sandbox/chrome/issue-page';
import { useForgeApp } from '../support/forge-app';

const { productOwner: PRIYA, devDana: DANA } = SEED_ACCOUNTS;
const RATIONALE = 'Acme signs on Friday only with SSO; we drop the analytics spike instead.';
const REASON = 'Acme needs SSO sign-up for their pilot.';

const app = useForgeApp();
const site = () => app().site();
const notificationsOf = (accountId: string) => site().notifications.filter((notification) => notification.recipientAccountId === accountId);
const notifyCalls = () => app().sandbox.jira.requests.filter((request) => request.method === 'POST' && /\/notify$/.test(request.path));

function setUser(accountId: string, settings: Partial<JiraUser>): void {
  site().addUser({ ...site().users.get(accountId)!, ...settings });
}

function propose(issueKey = 'ONB-68', reason = REASON) {
  return app().invokeOk(
    'createProposal',
    { issueKey, change: { kind: 'add' }, reason: { category: 'stakeholder-request', text: reason }, acknowledgeThreat: true },
    DANA,
  );
}

async function auditActions(proposalId: string): Promise<string[]> {
  const trail = await app().invokeOk('getAuditTrail', { proposalId }, PRIYA);
  return trail.events.map((event: { action: string }) => event.action);
}

describe('the Product Owner hears of a waiting proposal', () => {
  it('is notified through Jira, by the proposer, with a short text and a link to the issue', async () => {
    const proposal = await propose();

    expect(proposal).toMatchObject({ status: 'proposed', version: 1 });
    expect(notifyCalls()).toEqual([
      expect.objectContaining({ path: '/rest/api/3/issue/ONB-68/notify', actor: `user:${DANA}`, status: 204 }),
    ]);
    const [notice] = notificationsOf(PRIYA);
    expect(notice).toMatchObject({
      issueKey: 'ONB-68',
      sender: { kind: 'user', accountId: DANA },
      subject: 'Goalkeeper: a change to ONB-68 waits for your decision',
      format: 'html',
    });
    expect(notice!.body).toContain('<p>Dana Kowalski proposes: Add ONB-68 to the active sprint.</p>');
    expect(notice!.body).toMatch(/<a href="http:\/\/[^"]+\/browse\/ONB-68">Open ONB-68<\/a>/);
    // Nobody else: not the proposer, not the reporter or assignee Jira would add by default.
    expect(site().notifications).toHaveLength(1);
  });

  it('gets nothing when they turned Jira email off, as Jira withholds its own mail', async () => {
    setUser(PRIYA, { notifications: { email: false, format: 'html' } });
    const proposal = await propose();
    expect(notifyCalls()).toHaveLength(1);
    expect(notificationsOf(PRIYA)).toEqual([]);
    expect(await auditActions(proposal.id)).toEqual(['proposed']);
  });

  it('gets the text body in their chosen format, and what the proposer typed stays text in the HTML one', async () => {
    setUser(PRIYA, { notifications: { email: true, format: 'text' } });
    await propose('ONB-68', 'Acme <script>alert(1)</script> needs SSO now.');
    expect(notificationsOf(PRIYA)[0]).toMatchObject({ format: 'text' });
    expect(notificationsOf(PRIYA)[0]!.body).toContain('Reason: Acme <script>alert(1)</script> needs SSO now.');

    setUser(PRIYA, { notifications: { email: true, format: 'html' } });
    await propose('ONB-69', 'Acme <script>alert(1)</script> needs SSO now.');
    const html = notificationsOf(PRIYA)[1]!.body;
    expect(html).toContain('Acme &#60;script&#62;alert(1)&#60;/script&#62; needs SSO now.');
    expect(html).not.toContain('<script>');
  });

  it('keeps the proposal when Jira cannot send the notification, and says so in the audit trail', async () => {
    app().sandbox.jira.faults.inject({ kind: 'server-error', status: 503 }, { method: 'POST', path: /\/notify$/ });
    const proposal = await propose();
    expect(proposal).toMatchObject({ status: 'proposed', version: 2 });
    expect(notificationsOf(PRIYA)).toEqual([]);
    expect(await auditActions(proposal.id)).toEqual(['proposed', 'notify-failed']);
    const trail = await app().invokeOk('getAuditTrail', { proposalId: proposal.id }, PRIYA);
    expect(trail.events[1]?.detail).toMatch(
      /^Jira did not notify the Product Owners that the proposal waits for them: .*Service Unavailable/,
    );
    // The decision still works on the version the notice left.
    await app().invokeOk('decideProposal', { proposalId: proposal.id, verdict: 'reject', rationale: RATIONALE, expectedVersion: 2 }, PRIYA);
  });

  it('is not sent for a change the team may make alone', async () => {
    await app().invokeOk(
      'createProposal',
      {
        issueKey: 'ONB-39',
        change: { kind: 'estimate', points: 8 },
        reason: { category: 'estimate-learned', text: 'The claims mapping is bigger than we thought.' },
      },
      DANA,
    );
    expect(notifyCalls()).toEqual([]);
  });
});

describe('the proposer hears of the decision', () => {
  it('is notified of an approval by the Product Owner, in their own Jira language', async () => {
    setUser(DANA, { locale: 'de_DE' });
    const proposal = await propose();
    await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );

    const [notice] = notificationsOf(DANA);
    expect(notice).toMatchObject({
      sender: { kind: 'user', accountId: PRIYA },
      subject: 'Goalkeeper: Ihr Vorschlag zu ONB-68 wurde genehmigt',
    });
    expect(notice!.body).toContain('Priya Raman hat Ihren Vorschlag genehmigt: ONB-68 in den aktiven Sprint aufnehmen.');
    expect(notice!.body).toContain(`Begründung: ${RATIONALE}`);
    // Priya's own notice (the waiting proposal) was in English: her profile has no German.
    expect(notificationsOf(PRIYA)[0]!.subject).toBe('Goalkeeper: a change to ONB-68 waits for your decision');
  });

  it('is notified of a rejection, with the rationale', async () => {
    const proposal = await propose();
    const rejected = await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'reject', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
    );
    expect(rejected).toMatchObject({ status: 'rejected', version: 2 });
    expect(notificationsOf(DANA)).toEqual([expect.objectContaining({ subject: 'Goalkeeper: your proposal for ONB-68 was rejected' })]);
    expect(notificationsOf(DANA)[0]!.body).toContain(`Rationale: ${RATIONALE}`);
  });
});

describe('the decision comment', () => {
  it('mentions the proposer, names the decider and is written in the language the Product Owner decided in', async () => {
    const proposal = await propose();
    const approved = await app().invokeOk(
      'decideProposal',
      { proposalId: proposal.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: 1 },
      PRIYA,
      { locale: 'de-DE' },
    );
    expect(approved.decision).toMatchObject({ language: 'de' });
    await app().sandbox.idle();

    const [comment] = site().issueByKeyOrId('ONB-68')!.comments;
    const mentions = JSON.stringify(comment!.body).match(/"type":"mention","attrs":\{"id":"[^"]+"\}/g);
    expect(mentions).toEqual([`"type":"mention","attrs":{"id":"${DANA}"}`]);
    const text = adfText(comment!.body, (accountId) => site().users.get(accountId)?.displayName);
    expect(text).toContain(
      'Goalkeeper: @Dana Kowalski – Ihr Vorschlag wurde von Priya Raman genehmigt: ONB-68 in den aktiven Sprint aufnehmen',
    );
    expect(text).toContain(`Begründung von Priya Raman:\n${RATIONALE}`);
  });

  it('is in English when the decision came without a locale', async () => {
    const proposal = await propose();
    await app().invokeOk('decideProposal', { proposalId: proposal.id, verdict: 'reject', rationale: RATIONALE, expectedVersion: 1 }, PRIYA);
    const text = adfText(site().issueByKeyOrId('ONB-68')!.comments[0]!.body, (accountId) => site().users.get(accountId)?.displayName);
    expect(text).toContain('Goalkeeper: @Dana Kowalski – your proposal was rejected by Priya Raman: Add ONB-68 to the active sprint');
  });
});

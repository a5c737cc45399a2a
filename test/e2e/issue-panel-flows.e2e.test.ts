/**
 * The issue panel, driven as people use it: a developer proposes, the Product Owner decides with
 * a rationale, Goalkeeper applies the change in Jira, and the panel tells the story — for every
 * kind of change, for rejections, withdrawals and a failed apply, and for someone who may not
 * propose. Text people type is shown as text, never run. The other eight kinds' journey is
 * issue-panel-every-kind.e2e.test.ts: a file of its own, so a second Jest worker runs it meanwhile.
 */
import type { Frame } from 'playwright-core';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import {
  auditTrailOf,
  decide,
  expectDisabled,
  expectEnabled,
  fillProposal,
  openIssuePanel,
  propose,
  proposalCard,
  statusOf,
  submitProposal,
  waitForStatus,
} from './issue-panel-driver';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

const BACKLOG = '/jira/software/projects/ONB/boards/1/backlog';
const ACTIVE_SPRINT = `[data-sprint-id="${SEED_FACTS.activeSprintId}"]`;
const { devDana, productOwner, stakeholder } = SEED_ACCOUNTS;

describeInBrowser('the issue panel, end to end', () => {
  const { ui } = useSandboxInBrowser();

  /** Reloads the issue as the same person once Goalkeeper has finished applying in the background. */
  async function afterApplying(accountId: string, issueKey: string): Promise<Frame> {
    await ui().sandbox.idle();
    return openIssuePanel(ui(), accountId, issueKey);
  }

  it('takes a backlog issue into the sprint: proposed with a reason, approved with a rationale, applied and audited', async () => {
    let panel = await openIssuePanel(ui(), devDana, 'ONB-68');
    await panel.getByText('Backlog: not in ONB Sprint 7').waitFor();

    const filled = await fillProposal(
      panel,
      { kind: 'add' },
      'Stakeholder request',
      'Our developer pilot signs up with GitHub; the stakeholders count it as SSO.',
    );
    // ONB-68 is goal-critical (labelled sprint-goal) but unplanned: 3 more points for a sprint already
    // below the Product Owner's 50% threshold (three items in progress share the team's effort with the
    // goal), so it is a threat the proposer acknowledges (issue 13: a noticeable drop below the threshold).
    // Its way out is walked in goal-way-out.e2e.test.ts.
    expect(filled.level).toBe('Threat');
    expect(filled.figure).toMatch(/^P\(goal\) \d+% → \d+%$/);
    await ui().screenshot('issue-panel-propose-light');
    await submitProposal(filled);

    const title = 'Add ONB-68 to the sprint';
    let card = proposalCard(panel, title);
    await waitForStatus(card, 'Proposed');
    await card.getByText('Waiting for the Product Owner: Priya Raman').waitFor();
    await card.getByRole('button', { name: 'Withdraw' }).waitFor();

    panel = await openIssuePanel(ui(), productOwner, 'ONB-68');
    card = proposalCard(panel, title);
    const decision = card.getByRole('region', { name: 'Your decision' });
    const rationale = decision.getByLabel('Rationale (the team will read it)');
    const approve = decision.getByRole('button', { name: 'Approve', exact: true });
    await decision.getByText('The sprint as it is now:').waitFor();
    await expectDisabled(approve);
    await rationale.pressSequentially('Sign');
    await decision.getByText('4 of at least 10 visible characters').waitFor();
    await expectDisabled(approve);
    // The counter follows each key (above); the rest of the rationale needs no key-by-key typing.
    await rationale.fill('Signed pilot next week; we drop the passkey spike instead.');
    await decision.getByText('58 characters').waitFor();
    await expectEnabled(approve);
    await ui().screenshot('issue-panel-decide-light');
    await approve.click();
    await decision.waitFor({ state: 'detached' });
    expect(['Approved', 'Applied']).toContain(await statusOf(card));

    panel = await afterApplying(productOwner, 'ONB-68');
    card = proposalCard(panel, title);
    await waitForStatus(card, 'Applied');
    await card.getByText(/^Applied in Jira /).waitFor();
    await card.getByText('Approved by Priya Raman', { exact: false }).waitFor();
    const trail = await auditTrailOf(card);
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Proposed — Dana Kowalski/),
        expect.stringMatching(/Approved — Priya Raman: Signed pilot next week/),
        expect.stringMatching(/Applied — /),
      ]),
    );
    expect(trail.findIndex((step) => step.includes('Proposed —'))).toBeLessThan(trail.findIndex((step) => step.includes('Approved —')));
    await panel.getByText('In ONB Sprint 7').waitFor();
    await ui().screenshot('issue-panel-applied-light');

    await ui().open(BACKLOG);
    await ui().page.waitForSelector(`${ACTIVE_SPRINT} [data-issue-key="ONB-68"]`);
    expect(await ui().page.locator('[data-sprint-id="backlog"] [data-issue-key="ONB-68"]').count()).toBe(0);
    expect(ui().dialogs).toEqual([]);
  });

  it('records a rejection with its rationale, changes nothing in Jira, and shows it to the proposer (dark theme)', async () => {
    let panel = await openIssuePanel(ui(), devDana, 'ONB-68');
    await ui().setColorMode('dark');
    const filled = await fillProposal(panel, { kind: 'add' }, 'Stakeholder request', 'Sales promised GitHub sign-up to a design agency.');
    await ui().screenshot('issue-panel-propose-dark');
    await submitProposal(filled);

    panel = await openIssuePanel(ui(), productOwner, 'ONB-68');
    const title = 'Add ONB-68 to the sprint';
    const decision = proposalCard(panel, title).getByRole('region', { name: 'Your decision' });
    await decision.getByLabel('Rationale (the team will read it)').fill('GitHub sign-up is not part of the SSO goal; next sprint.');
    await expectEnabled(decision.getByRole('button', { name: 'Reject' }));
    await ui().screenshot('issue-panel-decide-dark');
    await decision.getByRole('button', { name: 'Reject' }).click();
    await waitForStatus(proposalCard(panel, title), 'Rejected');

    panel = await afterApplying(devDana, 'ONB-68');
    const card = proposalCard(panel, title);
    await waitForStatus(card, 'Rejected');
    await card.getByText(/^Rejected by Priya Raman, /).waitFor();
    await card.getByText('GitHub sign-up is not part of the SSO goal; next sprint.').waitFor();
    expect(await card.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    expect(await card.getByRole('region', { name: 'Your decision' }).count()).toBe(0);
    expect(await auditTrailOf(card)).toEqual([
      expect.stringMatching(/Proposed — Dana Kowalski/),
      expect.stringMatching(/Rejected — Priya Raman: GitHub sign-up/),
    ]);
    await ui().screenshot('issue-panel-rejected-dark');
    expect(ui().sandbox.jira.changes.filter((record) => record.change.kind === 'sprint-membership')).toEqual([]);
  });

  it('lets the proposer withdraw after confirming, after which the Product Owner has nothing to decide', async () => {
    let panel = await openIssuePanel(ui(), devDana, 'ONB-61');
    await panel.getByText('In ONB Sprint 7').waitFor();
    await propose(panel, { kind: 'remove' }, 'Other', 'HEIC uploads are rare; we would rather finish the SSO work.');
    const title = 'Remove ONB-61 from the sprint';
    let card = proposalCard(panel, title);

    await card.getByRole('button', { name: 'Withdraw' }).click();
    await card.getByRole('group', { name: 'Withdraw this proposal?' }).waitFor();
    await card.getByRole('button', { name: 'Keep it' }).click();
    await waitForStatus(card, 'Proposed');
    await card.getByRole('button', { name: 'Withdraw' }).click();
    await card.getByRole('button', { name: 'Yes, withdraw' }).click();
    await waitForStatus(card, 'Withdrawn');
    expect(await card.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);

    panel = await openIssuePanel(ui(), productOwner, 'ONB-61');
    card = proposalCard(panel, title);
    await waitForStatus(card, 'Withdrawn');
    expect(await card.getByRole('region', { name: 'Your decision' }).count()).toBe(0);
    expect(await auditTrailOf(card)).toEqual([
      expect.stringMatching(/Proposed — Dana Kowalski/),
      expect.stringMatching(/Withdrawn — Dana Kowalski/),
    ]);
  });

  it('shows a failed apply in words and applies the change when the Product Owner retries', async () => {
    let panel = await openIssuePanel(ui(), devDana, 'ONB-73');
    await propose(panel, { kind: 'add' }, 'Dependency', 'The partner portal launch depends on bulk invites.');
    const title = 'Add ONB-73 to the sprint';

    panel = await openIssuePanel(ui(), productOwner, 'ONB-73');
    // Jira answers the move 503 four times: every attempt the client makes within one apply.
    ui().sandbox.jira.faults.inject(
      { kind: 'server-error', status: 503 },
      { times: 4, method: 'POST', path: `/rest/agile/1.0/sprint/${SEED_FACTS.activeSprintId}/issue` },
    );
    await decide(proposalCard(panel, title), 'Approve', 'Bulk invites unblock the partner launch; worth the risk.');

    panel = await afterApplying(productOwner, 'ONB-73');
    let card = proposalCard(panel, title);
    await waitForStatus(card, 'Apply failed');
    await card
      .getByText(/^Applying failed \(1 attempt\): .*Service Unavailable.*Nothing was changed in Jira; Retry tries again\./)
      .waitFor();
    expect(ui().sandbox.jira.faults.armed()).toEqual([]);
    await ui().screenshot('issue-panel-apply-failed-light');

    await card.getByRole('button', { name: 'Retry applying' }).click();
    // The queued attempt may already have finished by the time the panel has refreshed.
    await card
      .getByText(/^Retry requested: Goalkeeper is applying the change again\./)
      .or(card.locator('.gk-lozenge').filter({ hasText: /^Applied$/ }))
      .waitFor();

    panel = await afterApplying(productOwner, 'ONB-73');
    card = proposalCard(panel, title);
    await waitForStatus(card, 'Applied');
    const trail = await auditTrailOf(card);
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Apply failed — Goalkeeper/),
        expect.stringMatching(/Retry requested — Priya Raman/),
        expect.stringMatching(/Applied — Goalkeeper: all steps done in Jira, attempt 2$/),
      ]),
    );
    await ui().open(BACKLOG);
    await ui().page.waitForSelector(`${ACTIVE_SPRINT} [data-issue-key="ONB-73"]`);
  });

  it('tells a stakeholder without edit rights why they cannot propose, and offers no way to', async () => {
    const panel = await openIssuePanel(ui(), stakeholder, 'ONB-70');

    const note = panel.getByRole('note');
    await note.getByText('You cannot propose changes to this issue').waitFor();
    await note
      .getByText(
        'You can see this issue but not edit or schedule it in Jira, so you cannot propose changes to it. Ask a team member or the Product Owner.',
      )
      .waitFor();
    await panel.getByText('When someone proposes a change to this issue, it shows up here.').waitFor();
    expect(await panel.getByRole('button', { name: 'Propose change' }).count()).toBe(0);
    await ui().screenshot('issue-panel-stakeholder-light');
  });

  it('shows markup typed into every text field as text, and no script runs', async () => {
    const image = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(2)</script>';
    const both = `${image} ${script}`;

    let panel = await openIssuePanel(ui(), devDana, 'ONB-52');
    await propose(
      panel,
      {
        kind: 'split',
        parts: [
          { summary: image, points: '1' },
          { summary: script, points: '1' },
        ],
      },
      'Defect',
      both,
    );
    panel = await openIssuePanel(ui(), devDana, 'ONB-53');
    await propose(panel, { kind: 'tweak', note: both }, 'Other', both);
    await proposalCard(panel, 'Clarify ONB-53').getByText(both).first().waitFor();
    // A points field is text too: markup in it is refused as a number, and kept as typed.
    const estimate = await fillProposal(panel, { kind: 'estimate', points: image }, 'Other', both);
    await estimate.form.getByRole('button', { name: 'Submit proposal' }).click();
    await estimate.form.getByText('Enter points as a number, 0 or more.').waitFor();
    expect(await estimate.form.getByLabel('New estimate (points)').inputValue()).toBe(image);
    await estimate.form.getByRole('button', { name: 'Cancel' }).click();

    panel = await openIssuePanel(ui(), productOwner, 'ONB-52');
    await decide(proposalCard(panel, 'Split ONB-52 into 2 parts'), 'Approve', both);
    panel = await afterApplying(productOwner, 'ONB-52');
    const split = proposalCard(panel, 'Split ONB-52 into 2 parts');
    await waitForStatus(split, 'Applied');
    await auditTrailOf(split);

    for (const text of [image, script]) {
      await split.locator('.gk-split-summary').getByText(text, { exact: true }).waitFor();
    }
    // The reason, the rationale, and the audit trail's copies of both.
    expect(await split.getByText(both, { exact: true }).count()).toBeGreaterThanOrEqual(2);
    expect(await panel.locator('img[src="x"], #root script').count()).toBe(0);
    expect(await ui().page.locator('img[src="x"]').count()).toBe(0);
    expect(ui().sandbox.jira.changes.filter((record) => record.change.kind === 'issue-created')).toHaveLength(2);
    await ui().screenshot('issue-panel-markup-as-text-light');
    expect(ui().dialogs).toEqual([]);
    // The watch itself works: an alert the panel's frame does open is caught.
    await panel.evaluate(() => window.alert('probe'));
    expect(ui().dialogs).toEqual(['alert: probe']);
  });
});

/**
 * No dead ends in who decides (issue 15), in Chromium as each person meets them: the project's
 * only Product Owner decides their own proposal with a note; a project with no Product Owner says
 * what to set up and takes the person to the settings page; Product Owners are picked from Jira's
 * people and an id Jira does not know is refused; and without a licence the panel says so before
 * anyone types.
 */
import type { Frame } from 'playwright-core';
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { auditTrailOf, expectDisabled, expectEnabled, openIssuePanel, propose, proposalCard, waitForStatus } from './issue-panel-driver';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

const SETTINGS = '/jira/software/projects/ONB/settings/apps/goalkeeper-settings';
const UI_MS = 15_000;
const { devDana, devKofi, productOwner, siteAdmin } = SEED_ACCOUNTS;
const RATIONALE = 'Acme signs on Friday only with SSO; the analytics spike waits.';
const NOTE = 'Oliver, our other Product Owner, left the team this month.';

describeInBrowser('no dead ends in who decides, end to end', () => {
  const { ui } = useSandboxInBrowser();

  async function openSettings(accountId: string): Promise<Frame> {
    await ui().actAs(accountId);
    await ui().open(SETTINGS);
    const settings = await ui().extensionFrame('goalkeeper-settings');
    await settings.getByRole('heading', { name: 'History' }).waitFor({ timeout: UI_MS });
    return settings;
  }

  it('lets the project’s only Product Owner decide their own proposal with a note, flagged as self-approved', async () => {
    const panel = await openIssuePanel(ui(), productOwner, 'ONB-68');
    await propose(panel, { kind: 'add' }, 'Stakeholder request', 'Acme’s pilot needs SSO sign-up by Friday.');
    const own = proposalCard(panel, 'Add ONB-68 to the sprint');
    await own.getByText(/^You are the only Product Owner of this project, so you decide your own proposal/).waitFor({ timeout: UI_MS });

    const decision = own.getByRole('region', { name: 'Your decision' });
    const approve = decision.getByRole('button', { name: 'Approve', exact: true });
    await decision.getByLabel('Rationale (the team will read it)').fill(RATIONALE);
    await expectDisabled(approve);
    await decision.getByLabel('Note on deciding your own proposal').fill(NOTE);
    await expectEnabled(approve);
    await approve.click();
    await decision.waitFor({ state: 'detached', timeout: UI_MS });

    await ui().sandbox.idle();
    const reloaded = await openIssuePanel(ui(), productOwner, 'ONB-68');
    const card = proposalCard(reloaded, 'Add ONB-68 to the sprint');
    await waitForStatus(card, 'Applied');
    await card.getByText('Self-approved', { exact: true }).waitFor();
    await card.getByText(NOTE).waitFor();
    const trail = await auditTrailOf(card);
    expect(trail.find((line) => line.includes('Approved —'))).toMatch(
      /Approved — Priya Raman \(self-approved: the Product Owner decided their own proposal\)/,
    );
    expect(ui().dialogs).toEqual([]);
  });

  it('tells the team of a project without a Product Owner what to set up, and takes them to the settings page', async () => {
    const settings = await openSettings(siteAdmin);
    await settings
      .getByLabel('Project role whose members are Product Owners')
      .selectOption({ label: 'No role: only the people named below' });
    await settings.getByRole('button', { name: 'Remove Priya Raman' }).click();
    await settings.getByText('With no role and nobody named, proposals that wait for a Product Owner cannot be decided.').waitFor();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.locator('.gk-settings__actions').getByText('Settings saved as version 2.').waitFor({ timeout: UI_MS });

    const panel = await openIssuePanel(ui(), devDana, 'ONB-68');
    const note = panel.getByRole('note', { name: 'No Product Owner is set up for ONB' });
    await note
      .getByText(/Ask a project administrator to name the Product Owners in Project settings → Goalkeeper/)
      .waitFor({ timeout: UI_MS });
    await propose(panel, { kind: 'add' }, 'Stakeholder request', 'Acme’s pilot needs SSO sign-up by Friday.');
    const card = proposalCard(panel, 'Add ONB-68 to the sprint');
    await card.getByText(/^Nobody can decide this yet: the project has no Product Owner set up/).waitFor({ timeout: UI_MS });
    expect(await card.getByText(/Waiting for the Product Owner/).count()).toBe(0);
    await ui().screenshot('issue-panel-no-product-owner-light');

    await note.getByRole('button', { name: 'Open Goalkeeper settings' }).click();
    await ui().page.waitForURL(new RegExp(`${SETTINGS}$`), { timeout: UI_MS });
    const opened = await ui().extensionFrame('goalkeeper-settings');
    await opened.getByRole('heading', { name: 'Goalkeeper in ONB' }).waitFor({ timeout: UI_MS });
  });

  it('picks Product Owners from Jira’s people by name, and refuses an account id Jira does not know', async () => {
    const settings = await openSettings(siteAdmin);
    const search = settings.getByRole('combobox', { name: 'Add a Product Owner: search by name' });
    await search.pressSequentially('zz');
    await settings.getByText('Nobody in Jira matches “zz”.', { exact: true }).waitFor({ timeout: UI_MS });
    await search.press('Enter');
    expect(await settings.locator('.gk-people__person').count()).toBe(1);

    await search.fill('');
    await search.pressSequentially('kofi');
    await settings.getByRole('option', { name: 'Kofi Mensah' }).click();
    await settings.locator('.gk-people__person').filter({ hasText: devKofi }).getByText('Kofi Mensah').waitFor();

    // A page that sends a bogus id anyway (`mei`, typed by hand into an old form) is refused by the backend, checked against Jira.
    const page = (await ui().callBridge(settings, 'invoke', { functionKey: 'getProjectSettings', payload: { projectKey: 'ONB' } })) as {
      data: { settings: Record<string, unknown> };
    };
    const { version, updatedBy, updatedAt, ...editable } = page.data.settings;
    const refused = (await ui().callBridge(settings, 'invoke', {
      functionKey: 'saveProjectSettings',
      payload: {
        projectKey: 'ONB',
        settings: { ...editable, productOwners: { roleName: null, accountIds: [productOwner, 'mei'] } },
        expectedVersion: version,
      },
    })) as { error?: { code: string; fields?: Record<string, string> } };
    expect(refused.error).toMatchObject({ code: 'invalid-input', fields: { 'productOwners.accountIds': 'unknown-person' } });

    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.locator('.gk-settings__actions').getByText('Settings saved as version 2.').waitFor({ timeout: UI_MS });
    const reread = (await ui().callBridge(settings, 'invoke', { functionKey: 'getProjectSettings', payload: { projectKey: 'ONB' } })) as {
      data: { settings: { productOwners: { accountIds: string[] } } };
    };
    expect(reread.data.settings.productOwners.accountIds).toEqual([productOwner, devKofi]);
  });

  it('says the licence is inactive before anyone types, and keeps proposals readable', async () => {
    const panel = await openIssuePanel(ui(), devDana, 'ONB-68');
    await propose(panel, { kind: 'add' }, 'Stakeholder request', 'Acme’s pilot needs SSO sign-up by Friday.');
    ui().sandbox.settings.setLicenseActive(false);

    const unlicensed = await openIssuePanel(ui(), devDana, 'ONB-68');
    await unlicensed.getByRole('note', { name: 'Goalkeeper is not licensed on this site' }).waitFor({ timeout: UI_MS });
    expect(await unlicensed.getByRole('button', { name: 'Propose change' }).count()).toBe(0);
    const card = proposalCard(unlicensed, 'Add ONB-68 to the sprint');
    await card.waitFor();
    expect(await card.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    expect((await auditTrailOf(card))[0]).toMatch(/^.*Proposed — Dana Kowalski/);
    await ui().screenshot('issue-panel-unlicensed-light');
  });
});

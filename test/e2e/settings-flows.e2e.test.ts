/**
 * The project settings page, driven as an admin and as a developer use it: who the Product Owners
 * are (by role and by name) takes effect once saved, everyone else reads the rules without being
 * able to change them, and a query Jira cannot parse is explained beside the field.
 */
import type { Frame } from 'playwright-core';
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { expectFocused, openIssuePanel, propose, proposalCard } from './issue-panel-driver';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

const SETTINGS = '/jira/software/projects/ONB/settings/apps/goalkeeper-settings';
const UI_MS = 15_000;
const { devDana, devKofi, siteAdmin } = SEED_ACCOUNTS;

describeInBrowser('the project settings page, end to end', () => {
  const { ui } = useSandboxInBrowser();

  /** The settings page as `accountId`, once the project's settings have loaded. */
  async function openSettings(accountId: string): Promise<Frame> {
    await ui().actAs(accountId);
    await ui().open(SETTINGS);
    const settings = await ui().extensionFrame('goalkeeper-settings');
    await settings.getByRole('heading', { name: 'History' }).waitFor({ timeout: UI_MS });
    return settings;
  }

  /** Saves and waits for the line beside the button to confirm it, with nothing left unsaved. */
  async function save(settings: Frame, version: number): Promise<void> {
    const actions = settings.locator('.gk-settings__actions');
    await actions.getByRole('button', { name: 'Save settings' }).click();
    await actions.getByText(`Settings saved as version ${version}.`, { exact: true }).waitFor({ timeout: UI_MS });
    expect(await actions.getByText('You have unsaved changes.').count()).toBe(0);
    expect(await actions.getByRole('button', { name: 'Undo my changes' }).count()).toBe(0);
  }

  it('lets an admin make Product Owners of a role and a named person, which takes effect at once', async () => {
    let settings = await openSettings(siteAdmin);
    // The seed's admin named Priya (sandbox/app-seed.ts): version 1.
    await settings.getByText(/^Version 1, last changed by Ada Lindqvist on /).waitFor();
    const role = settings.getByLabel('Project role whose members are Product Owners');
    expect(await role.inputValue()).toBe('Product Owner');

    await role.selectOption({ label: 'No role: only the people named below' });
    // Kofi is picked by name from Jira's people, and shows by name at once.
    const search = settings.getByRole('combobox', { name: 'Add a Product Owner: search by name' });
    await search.pressSequentially('Kof');
    await settings.getByRole('option', { name: 'Kofi Mensah' }).waitFor({ timeout: UI_MS });
    await search.press('Enter');
    const named = settings.locator('.gk-people__person').filter({ hasText: devKofi });
    await named.getByText('Kofi Mensah').waitFor();
    await save(settings, 2);

    await role.selectOption({ label: 'Product Owner' });
    await settings.getByText('You have unsaved changes.').waitFor();
    await save(settings, 3);
    await settings.getByText(/^Version 3, last changed by Ada Lindqvist on /).waitFor();
    expect(await settings.locator('.gk-settings__history > li').count()).toBe(3);
    await ui().screenshot('settings-light');
    await ui().setColorMode('dark');
    await ui().screenshot('settings-dark');
    await ui().setColorMode('light');

    settings = await openSettings(devDana);
    await settings.getByRole('heading', { name: 'Product Owners' }).waitFor();
    const productOwners = settings.getByRole('region', { name: 'Product Owners' });
    await productOwners.getByText('Product Owner', { exact: true }).waitFor();
    await productOwners.getByText('Kofi Mensah').waitFor();

    // Kofi, named, now decides what Dana proposes.
    const panel = await openIssuePanel(ui(), devDana, 'ONB-70');
    await propose(panel, { kind: 'add' }, 'Stakeholder request', 'The pilot customer in Munich needs the German wizard.');
    await proposalCard(panel, 'Add ONB-70 to the sprint')
      .getByText(/^Waiting for the Product Owner: (?=.*Priya Raman)(?=.*Kofi Mensah)/)
      .waitFor();
    const kofisPanel = await openIssuePanel(ui(), devKofi, 'ONB-70');
    await proposalCard(kofisPanel, 'Add ONB-70 to the sprint').getByRole('region', { name: 'Your decision' }).waitFor();
    expect(ui().dialogs).toEqual([]);
  });

  it('shows a developer the rules read-only, with who may change them', async () => {
    const settings = await openSettings(devDana);

    const notice = settings.getByRole('note');
    await notice.getByText('Only project administrators can change these settings').waitFor();
    await notice
      .getByText('You can read how Goalkeeper works in this project. If something should change, ask a project administrator.')
      .waitFor();
    await settings.getByRole('heading', { name: 'Approval' }).waitFor();
    expect(await settings.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(await settings.locator('input, select, textarea').count()).toBe(0);
    await ui().screenshot('settings-read-only-light');
    await ui().setColorMode('dark');
    await ui().screenshot('settings-read-only-dark');
  });

  it('explains a JQL query Jira cannot parse beside the field, keeps what was typed, and shows markup as text', async () => {
    const settings = await openSettings(siteAdmin);
    const jql = settings.getByLabel('JQL', { exact: true });

    await jql.fill('project = ONB AND');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    const jqlField = settings.locator('.gk-field').filter({ has: jql });
    const error = jqlField.locator('.gk-field__error');
    await error.getByText(/^Jira cannot parse the JQL/).waitFor({ timeout: UI_MS });
    expect(await jql.getAttribute('aria-invalid')).toBe('true');
    expect(await jql.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
    await expectFocused(jql);
    expect(await jql.inputValue()).toBe('project = ONB AND');
    await settings.getByText(/^Version 1, last changed by Ada Lindqvist on /).waitFor();
    await ui().screenshot('settings-jql-error-light');

    await jql.fill('<img src=x onerror=alert(1)>');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await error.getByText(/^Jira cannot parse the JQL.*\(line 1, character \d+\)/).waitFor({ timeout: UI_MS });
    await settings.getByLabel('Epics').fill('<img src=x onerror=alert(1)>');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    // Keys are read in upper case, as Jira writes them.
    await settings.getByText('Not issue keys: <IMG, SRC=X, ONERROR=ALERT(1)>. Use keys such as ONB-12.', { exact: true }).waitFor();
    // Markup typed into the people search is searched for as text, finds nobody, and adds nothing.
    const search = settings.getByRole('combobox', { name: 'Add a Product Owner: search by name' });
    await search.fill('<script>alert(2)</script>');
    await settings.getByText('Nobody in Jira matches “<script>alert(2)</script>”.', { exact: true }).waitFor({ timeout: UI_MS });
    await search.press('Enter');
    expect(await settings.locator('.gk-people__person').count()).toBe(1);
    expect(await settings.locator('img[src="x"], #root script').count()).toBe(0);

    // A label is any text without spaces, so this one is saved, and read back as text.
    await jql.fill('');
    await settings.getByLabel('Epics').fill('');
    await settings.getByLabel('Labels').fill('sprint-goal <script>alert(2)</script>');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.locator('.gk-settings__actions').getByText('Settings saved as version 2.').waitFor({ timeout: UI_MS });
    const readOnly = await openSettings(devDana);
    // In the summary and in the history's entry for version 2.
    expect(await readOnly.getByText('sprint-goal, <script>alert(2)</script>', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    expect(await readOnly.locator('img[src="x"], #root script').count()).toBe(0);
    expect(ui().dialogs).toEqual([]);
  });
});

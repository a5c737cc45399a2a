/**
 * "A bug just came in; can we take it?", played in Chromium as the team plays it: a developer
 * files the bug in the sandbox's backlog, proposes pulling it into the sprint, the Product Owner
 * hears of it in their Jira notifications (the sandbox's drawer shows what Jira's notify API
 * delivered), sees "1 change waiting" beside the issue's fields, decides, and the developer hears
 * of the decision the same way.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { decide, openIssuePanel, propose, proposalCard, waitForStatus } from './issue-panel-driver';
import { SCREENSHOTS_DIR, useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

const BACKLOG = '/jira/software/projects/ONB/boards/1/backlog';
const ACTIVE_SPRINT = `[data-sprint-id="${SEED_FACTS.activeSprintId}"]`;
const { devDana, productOwner, stakeholder } = SEED_ACCOUNTS;
/** A backend round trip on a busy two-core machine. */
const UI_MS = 15_000;

describeInBrowser('a bug comes in and is pulled into the sprint', () => {
  const { ui } = useSandboxInBrowser();

  /** Files an issue through the backlog's Create dialog; answers its key. */
  async function createIssue(page: Page, fields: { summary: string; type: string; priority: string; estimate: string }): Promise<string> {
    await page.getByRole('button', { name: 'Create issue' }).click();
    const dialog = page.getByRole('dialog', { name: /^Create issue in / });
    await dialog.getByLabel('Summary').fill(fields.summary);
    await dialog.getByLabel('Issue type').selectOption(fields.type);
    await dialog.getByLabel('Priority').selectOption(fields.priority);
    await dialog.getByLabel('Story point estimate').fill(fields.estimate);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const link = page.locator('#created-issue-link');
    await link.waitFor({ timeout: UI_MS });
    return ((await link.textContent()) ?? '').replace(/^Open /, '');
  }

  /** Opens the person's notifications drawer and answers the subjects it lists, newest first. */
  async function notificationSubjects(page: Page): Promise<string[]> {
    await page.locator('#notifications-toggle').click();
    const drawer = page.getByRole('dialog', { name: /^Notifications for / });
    await drawer.locator('#notifications-list').filter({ hasNotText: 'Loading…' }).waitFor({ timeout: UI_MS });
    return drawer.locator('.notification > strong').allInnerTexts();
  }

  it('files a bug, proposes it, notifies the Product Owner, who decides, and tells the developer', async () => {
    const { page } = ui();
    await ui().actAs(devDana);
    await ui().open(BACKLOG);
    await page.locator('#board[data-loaded="true"]').waitFor();
    const key = await createIssue(page, {
      summary: 'Checkout fails for Safari users after SSO sign-in',
      type: 'Bug',
      priority: 'Highest',
      estimate: '2',
    });
    expect(key).toMatch(/^ONB-\d+$/);
    const row = page.locator(`[data-sprint-id="backlog"] [data-issue-key="${key}"]`);
    await row.waitFor({ timeout: UI_MS });
    expect(await row.locator('.points').innerText()).toBe('2');
    const created = ui().sandbox.jira.model.site().issueByKeyOrId(key)!;
    expect(created).toMatchObject({
      summary: 'Checkout fails for Safari users after SSO sign-in',
      priorityName: 'Highest',
      points: 2,
      reporterAccountId: devDana,
    });

    let panel = await openIssuePanel(ui(), devDana, key);
    await propose(panel, { kind: 'add' }, 'Defect', 'Safari users cannot finish sign-up: the sprint goal is broken for them.');
    const title = `Add ${key} to the sprint`;
    await waitForStatus(proposalCard(panel, title), 'Proposed');
    // Beside the fields, for anyone who opens the issue now.
    panel = await openIssuePanel(ui(), stakeholder, key);
    const context = await ui().extensionFrame('goalkeeper-issue-context');
    await context.getByText('1 change waiting for the Product Owner').waitFor({ timeout: UI_MS });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'issue-context-waiting-light.png') });

    await ui().actAs(productOwner);
    await ui().open(BACKLOG);
    expect(await page.locator('#notifications-toggle').getAttribute('aria-label')).toBe('Notifications: 1 notification');
    expect(await notificationSubjects(page)).toEqual([`Goalkeeper: a change to ${key} waits for your decision`]);
    const drawer = page.getByRole('dialog', { name: 'Notifications for Priya Raman' });
    await drawer.getByText(`Dana Kowalski proposes: Add ${key} to the active sprint.`).waitFor();
    await drawer.getByText('From Dana Kowalski', { exact: false }).waitFor();
    // The drawer covers the viewport: a shot of the viewport shows it as a person sees it.
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'sandbox-notifications-drawer-light.png') });
    await drawer.getByRole('link', { name: `Open ${key}` }).click();
    await page.waitForURL(`**/browse/${key}`);

    panel = await openIssuePanel(ui(), productOwner, key);
    await decide(proposalCard(panel, title), 'Approve', 'Broken sign-up beats the passkey spike; take it now.');
    await ui().sandbox.idle();

    panel = await openIssuePanel(ui(), devDana, key);
    await waitForStatus(proposalCard(panel, title), 'Applied');
    await (
      await ui().extensionFrame('goalkeeper-issue-context')
    )
      .getByText('No change waiting for the Product Owner')
      .waitFor({ timeout: UI_MS });
    expect(await notificationSubjects(page)).toEqual([`Goalkeeper: your proposal for ${key} was approved`]);
    await page
      .getByRole('dialog', { name: 'Notifications for Dana Kowalski' })
      .getByText('Rationale: Broken sign-up beats the passkey spike; take it now.')
      .waitFor();

    await page.keyboard.press('Escape');
    await ui().open(BACKLOG);
    await page.waitForSelector(`${ACTIVE_SPRINT} [data-issue-key="${key}"]`, { timeout: UI_MS });
    expect(ui().dialogs).toEqual([]);
  });

  it('answers the Create dialog as Jira does: a summary is required, and a viewer may not create issues', async () => {
    const { page } = ui();
    await ui().actAs(devDana);
    await ui().open(BACKLOG);
    await page.getByRole('button', { name: 'Create issue' }).click();
    let dialog = page.getByRole('dialog', { name: /^Create issue in / });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('You must specify a summary of the issue.').waitFor({ timeout: UI_MS });
    expect(await dialog.getByLabel('Summary').getAttribute('aria-invalid')).toBe('true');

    await ui().actAs(stakeholder);
    await ui().open(BACKLOG);
    await page.getByRole('button', { name: 'Create issue' }).click();
    dialog = page.getByRole('dialog', { name: /^Create issue in / });
    await dialog.getByLabel('Summary').fill('Sam would like a dark mode');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('You do not have permission to create issues in this project.').waitFor({ timeout: UI_MS });
    expect(ui().sandbox.jira.changes.filter((record) => record.change.kind === 'issue-created')).toEqual([]);
  });
});

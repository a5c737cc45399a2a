/**
 * The sprint gadget, driven as the Product Owner uses it on the dashboard: choose the board in
 * the edit view, decide from the queue, watch churn and the burn-up move, export the sprint as
 * CSV, and review a change someone made directly in Jira.
 */
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { CSV_COLUMNS } from '../../src/domain/csv-export';
import { describeInBrowser } from './browser';
import { expectDisabled, expectEnabled, openIssuePanel, propose } from './issue-panel-driver';
import { useSandboxInBrowser } from './sandbox-fixture';
import { DASHBOARD, GADGET_ID, openDecision, openGadget as openGadgetAs, openSection } from './sprint-gadget-driver';

jest.setTimeout(180_000);

const BACKLOG = '/jira/software/projects/ONB/boards/1/backlog';
const UI_MS = 15_000;
const { devDana, devMei, productOwner } = SEED_ACCOUNTS;

describeInBrowser('the sprint gadget, end to end', () => {
  const { ui } = useSandboxInBrowser();

  function openGadget(accountId: string): Promise<Frame> {
    return openGadgetAs(ui(), accountId);
  }

  /** A proposal made the way a developer makes it, in the issue panel; the PO has it in the queue. */
  async function developerProposes(issueKey: string, why: string): Promise<void> {
    const panel = await openIssuePanel(ui(), devDana, issueKey);
    await propose(panel, { kind: 'add' }, 'Stakeholder request', why);
  }

  async function churnRow(gadget: Frame, label: string): Promise<string[]> {
    const row = gadget.getByRole('region', { name: 'Churn' }).getByRole('row', { name: new RegExp(`^${label}`) });
    return (await row.getByRole('cell').allTextContents()).map((cell) => cell.trim());
  }

  it('is configured in its edit view, then lets the Product Owner decide from the queue and shows churn, the burn-up and the export move with it', async () => {
    await developerProposes('ONB-70', 'The pilot customer in Munich needs the German wizard before their rollout.');

    await ui().actAs(productOwner);
    await ui().open(DASHBOARD);
    const edit = await ui().extensionFrame('goalkeeper-sprint-gadget');
    const search = edit.getByLabel('Find a board');
    await search.pressSequentially('billing');
    await edit.getByText('No Scrum board you can see matches “billing”.').waitFor({ timeout: UI_MS });
    // Typed over the selection in one go: the list shows only once the search for "onb" answers.
    await search.selectText();
    await search.pressSequentially('onb');
    const board = edit.getByRole('radio', { name: 'ONB board · ONB' });
    await board.waitFor({ timeout: UI_MS });
    await ui().screenshot('sprint-gadget-edit-light');
    await board.check();
    await Promise.all([ui().page.waitForURL((url) => !url.search.includes('edit')), edit.getByRole('button', { name: 'Save' }).click()]);
    // The click returns before the host has stored the configuration: the sprint showing is the sign it has.
    const gadget = await ui().extensionFrame('goalkeeper-sprint-gadget');
    await gadget.getByRole('heading', { name: 'ONB Sprint 7' }).waitFor({ timeout: UI_MS });
    expect(ui().sandbox.settings.current().gadgetConfigurations[GADGET_ID]).toMatchObject({ boardId: SEED_FACTS.onb.boardId });
    for (const section of ['Burn-up', 'Churn', /^Decisions/]) await openSection(gadget, section);
    const burnUp = gadget.getByRole('region', { name: 'Burn-up' });
    await burnUp.getByText(/^Committed 30 points; scope now 30 points after 0 changes; \d+ points done\.$/).waitFor();
    expect(await churnRow(gadget, 'Added')).toEqual(['0', '0']);

    const queue = gadget.getByRole('region', { name: 'Waiting for a decision (1)' });
    await queue.getByText('The pilot customer in Munich needs the German wizard before their rollout.').waitFor();
    const decision = await openDecision(gadget, 'Add ONB-70 to the sprint');
    const approve = decision.getByRole('button', { name: 'Approve', exact: true });
    await expectDisabled(approve);
    await decision.getByLabel('Rationale (the team will read it)').fill('Pilot signs next week');
    await expectEnabled(approve);
    await ui().screenshot('sprint-gadget-queue-light');
    await approve.click();
    await gadget
      .getByRole('region', { name: 'Waiting for a decision (0)' })
      .getByText('Nothing is waiting for a decision.')
      .waitFor({ timeout: UI_MS });

    await ui().sandbox.idle();
    await gadget.getByRole('button', { name: 'Refresh' }).click();
    await burnUp.getByText(/^Committed 30 points; scope now 35 points after 1 change; \d+ points done\.$/).waitFor({ timeout: UI_MS });
    expect(await churnRow(gadget, 'Added')).toEqual(['5', '1']);
    expect(await churnRow(gadget, 'Approved through Goalkeeper')).toEqual(['5', '1']);
    await gadget
      .getByRole('region', { name: 'Decisions this sprint (1)' })
      .getByText(/^Approved by Priya Raman, /)
      .waitFor();

    await burnUp.getByText('Show the burn-up as a table').click();
    const table = burnUp.getByRole('table');
    await table.getByRole('row').filter({ hasText: 'ONB-70 added to the sprint' }).filter({ hasText: 'Pilot signs next week' }).waitFor();
    const step = burnUp.getByRole('img', { name: /^Change 1 of 1: ONB-70 added to the sprint/ });
    await step.focus();
    await burnUp.getByRole('tooltip').getByText('Pilot signs next week').waitFor();
    await ui().screenshot('sprint-gadget-details-light');

    const [download] = await Promise.all([ui().page.waitForEvent('download'), gadget.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('goalkeeper-ONB-Sprint-7.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line !== '');
    expect(header?.split(',')).toEqual([...CSV_COLUMNS]);
    expect(rows.find((row) => row.includes('ONB-70'))).toMatch(/Priya Raman.*Pilot signs next week/);
    await gadget.getByText('goalkeeper-ONB-Sprint-7.csv exported.').waitFor();

    await ui().setColorMode('dark');
    await ui().screenshot('sprint-gadget-details-dark');
    expect(ui().dialogs).toEqual([]);
  });

  it('shows a move made directly in Jira as bypassed after one refresh, for the Product Owner to review', async () => {
    ui().sandbox.settings.setGadgetConfiguration(GADGET_ID, { boardId: SEED_FACTS.onb.boardId });
    const gadget = await openGadget(productOwner);
    for (const section of ['Churn', /^Made in Jira/]) await openSection(gadget, section);
    const bypassed = gadget.getByRole('region', { name: /^Changes made directly in Jira/ });
    await bypassed.getByText('None. A change made on the board around Goalkeeper shows up here at the next refresh.').waitFor();

    const board = await ui().pageAs(devMei);
    await board.goto(`${ui().sandbox.url}${BACKLOG}`);
    const row = board.locator('[data-sprint-id="backlog"] [data-issue-key="ONB-71"]');
    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Move to ONB Sprint 7' }).click();
    await board.waitForSelector(`[data-sprint-id="${SEED_FACTS.activeSprintId}"] [data-issue-key="ONB-71"]`);
    await ui().sandbox.idle();

    await gadget.getByRole('button', { name: 'Refresh' }).click();
    const entry = gadget.getByRole('article', { name: 'ONB-71 added to the sprint, directly in Jira' });
    await entry.waitFor({ timeout: UI_MS });
    await entry.getByText(/^By Mei Tanaka, .* · reported by Jira$/).waitFor();
    expect(await churnRow(gadget, 'Made directly in Jira \\(bypassed\\)')).toEqual(['2', '1']);

    const review = entry.getByRole('region', { name: 'Review: ONB-71 added to the sprint' });
    const accept = review.getByRole('button', { name: 'Accept the change' });
    await expectDisabled(accept);
    await review.getByLabel('Note (the team will read it)').fill('Mei pulled it in for the design review; fine for this sprint.');
    await ui().screenshot('sprint-gadget-bypassed-light');
    await accept.click();
    await entry.getByText(/^Accepted by Priya Raman, /).waitFor({ timeout: UI_MS });
    await entry.getByText('Mei pulled it in for the design review; fine for this sprint.').waitFor();
    expect(await entry.getByRole('region', { name: /^Review: / }).count()).toBe(0);

    await ui().setColorMode('dark');
    await ui().screenshot('sprint-gadget-bypassed-dark');
  });

  it('shows markup typed into the edit view, the queue, decisions and reviews as text, and no script runs', async () => {
    const image = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(2)</script>';
    const markup = `${image} ${script}`;
    await developerProposes('ONB-72', markup);

    await ui().actAs(productOwner);
    await ui().open(DASHBOARD);
    const edit = await ui().extensionFrame('goalkeeper-sprint-gadget');
    await edit.getByLabel('Find a board').pressSequentially(image);
    await edit.getByText(`No Scrum board you can see matches “${image}”.`, { exact: true }).waitFor({ timeout: UI_MS });
    await edit.getByLabel('Goal label (optional)').fill(markup);
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('A Jira label has no spaces.').waitFor();
    expect(await edit.locator('img[src="x"], #root script').count()).toBe(0);
    expect(ui().dialogs).toEqual([]);
    ui().sandbox.settings.setGadgetConfiguration(GADGET_ID, { boardId: SEED_FACTS.onb.boardId });

    const board = await ui().pageAs(devMei);
    await board.goto(`${ui().sandbox.url}${BACKLOG}`);
    const row = board.locator('[data-sprint-id="backlog"] [data-issue-key="ONB-74"]');
    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Move to ONB Sprint 7' }).click();
    await board.waitForSelector(`[data-sprint-id="${SEED_FACTS.activeSprintId}"] [data-issue-key="ONB-74"]`);
    await ui().sandbox.idle();

    let gadget = await openGadget(productOwner);
    await openSection(gadget, /^Made in Jira/);
    await openSection(gadget, /^Decisions/);
    const decision = await openDecision(gadget, 'Add ONB-72 to the sprint');
    await decision.getByLabel('Rationale (the team will read it)').fill(markup);
    await decision.getByRole('button', { name: 'Approve', exact: true }).click();
    await gadget.getByRole('region', { name: 'Waiting for a decision (0)' }).waitFor({ timeout: UI_MS });
    const review = gadget.getByRole('region', { name: 'Review: ONB-74 added to the sprint' });
    await review.getByLabel('Note (the team will read it)').fill(markup);
    await review.getByRole('button', { name: 'Note it only' }).click();
    await gadget.getByText(/^Noted by Priya Raman, /).waitFor({ timeout: UI_MS });
    await ui().sandbox.idle();

    gadget = await openGadget(productOwner);
    await openSection(gadget, 'Burn-up');
    await gadget.getByRole('region', { name: 'Burn-up' }).getByText('Show the burn-up as a table').click();
    // The decision log, the burn-up table and the review each show the text as typed.
    expect(await gadget.getByText(markup, { exact: true }).count()).toBeGreaterThanOrEqual(3);
    expect(await gadget.locator('img[src="x"], #root script').count()).toBe(0);
    expect(ui().dialogs).toEqual([]);
  });
});

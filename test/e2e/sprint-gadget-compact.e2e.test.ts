/**
 * The sprint gadget as a dashboard gadget (issue 15), in Chromium: its first screen fits about
 * 600 px at the gadget's width and answers "will we make the goal, and what needs me?"; the
 * detail sections stay as the person left them after a reload; an issue key opens the issue
 * through the Forge router; and the Product Owner decides from the queue without leaving it —
 * their own proposal too, with the note the only Product Owner writes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { expectDisabled, expectEnabled, openIssuePanel, propose } from './issue-panel-driver';
import { SCREENSHOTS_DIR, useSandboxInBrowser } from './sandbox-fixture';
import {
  detailButton,
  FIRST_SCREEN_MAX_HEIGHT_PX,
  fitGadgetToDefaultWidth,
  GADGET_DEFAULT_WIDTH_PX,
  GADGET_ID,
  gadgetShowingSprint,
  openDecision,
  openGadget,
  openSection,
} from './sprint-gadget-driver';

jest.setTimeout(180_000);

const UI_MS = 15_000;
const { devDana, devKofi, productOwner } = SEED_ACCOUNTS;
const NOTE = 'Oliver, our other Product Owner, left the team this month.';

describeInBrowser('the sprint gadget on a dashboard, end to end', () => {
  const { ui } = useSandboxInBrowser();

  async function screenshotOf(gadget: Locator, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await gadget.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`) });
  }

  beforeEach(() => ui().sandbox.settings.setGadgetConfiguration(GADGET_ID, { boardId: SEED_FACTS.onb.boardId }));

  it('fits the goal, P(goal) and its trend, the waiting changes and a line of churn in 600 px at its width, light and dark', async () => {
    const panel = await openIssuePanel(ui(), devDana, 'ONB-70');
    await propose(
      panel,
      { kind: 'add' },
      'Stakeholder request',
      'The pilot customer in Munich needs the German wizard before their rollout.',
    );
    const second = await openIssuePanel(ui(), devKofi, 'ONB-71');
    await propose(
      second,
      { kind: 'add' },
      'Defect',
      'Sign-up fails for accounts with a plus sign in the address; support has three tickets.',
    );

    const gadget = await openGadget(ui(), productOwner);
    const box = await fitGadgetToDefaultWidth(ui());
    const waiting = gadget.getByRole('region', { name: 'Waiting for a decision (2)' });
    await waiting.getByRole('article', { name: 'Add ONB-70 to the sprint' }).waitFor({ timeout: UI_MS });
    await waiting.getByRole('article', { name: 'Add ONB-71 to the sprint' }).waitFor();
    await gadget
      .getByRole('region', { name: 'Chance of meeting the goal' })
      .getByText(/^P\(goal\) \d+%$/)
      .waitFor();
    await gadget.getByText(/^Churn: committed \d+ points, now \d+ points/).waitFor();
    await gadget
      .getByText('Capacity is forecast at 50% confidence (P50): what the team finishes in half of its sprints.', { exact: false })
      .waitFor();
    expect(await gadget.getByText(/P85/).count()).toBe(0);
    for (const name of ['Items and capacity', 'Burn-up', 'Churn', /^Decisions/, /^Made in Jira/, /^Past sprints/]) {
      expect(await detailButton(gadget, name).getAttribute('aria-expanded')).toBe('false');
    }

    await screenshotOf(box, 'sprint-gadget-light');
    const { width, height } = (await gadget.locator('.gk-sprint').boundingBox())!;
    console.info(
      `Sprint gadget first screen: ${Math.round(width)} × ${Math.round(height)} px (budget ${FIRST_SCREEN_MAX_HEIGHT_PX} px tall at ${GADGET_DEFAULT_WIDTH_PX} px).`,
    );
    expect(width).toBeLessThanOrEqual(GADGET_DEFAULT_WIDTH_PX);
    expect(height).toBeLessThanOrEqual(FIRST_SCREEN_MAX_HEIGHT_PX);

    await ui().setColorMode('dark');
    await screenshotOf(box, 'sprint-gadget-dark');
    expect(ui().dialogs).toEqual([]);
  });

  it('opens an issue from its key through the Forge router, as a real link', async () => {
    const panel = await openIssuePanel(ui(), devDana, 'ONB-70');
    await propose(
      panel,
      { kind: 'add' },
      'Stakeholder request',
      'The pilot customer in Munich needs the German wizard before their rollout.',
    );
    const gadget = await openGadget(ui(), productOwner);

    const link = gadget.getByRole('article', { name: 'Add ONB-70 to the sprint' }).getByRole('link', { name: 'ONB-70' });
    expect(await link.getAttribute('href')).toBe(`${ui().sandbox.url}/browse/ONB-70`);
    await link.focus();
    // The frame's sandbox has no allow-top-navigation (sandbox/chrome/extension-frame.ts, as Forge's),
    // so the dashboard page itself reaching the issue means the host followed router.navigate.
    await Promise.all([ui().page.waitForURL(/\/browse\/ONB-70$/, { timeout: UI_MS }), ui().page.keyboard.press('Enter')]);
    expect(ui().page.url()).toBe(`${ui().sandbox.url}/browse/ONB-70`);
  });

  it('lets the Product Owner decide inline, their own proposal with a note, and keeps the sections they opened after a reload', async () => {
    const dana = await openIssuePanel(ui(), devDana, 'ONB-70');
    await propose(
      dana,
      { kind: 'add' },
      'Stakeholder request',
      'The pilot customer in Munich needs the German wizard before their rollout.',
    );
    const priya = await openIssuePanel(ui(), productOwner, 'ONB-68');
    await propose(priya, { kind: 'add' }, 'Stakeholder request', 'Acme’s pilot needs SSO sign-up by Friday.');

    let gadget = await openGadget(ui(), productOwner);
    await gadget.getByRole('region', { name: 'Waiting for a decision (2)' }).waitFor({ timeout: UI_MS });
    const decisions = await openSection(gadget, /^Decisions/);
    expect(await decisions.getAttribute('aria-expanded')).toBe('true');

    const own = await openDecision(gadget, 'Add ONB-68 to the sprint');
    await own.getByText(/^You are the only Product Owner of this project, so you decide your own proposal/).waitFor();
    const approveOwn = own.getByRole('button', { name: 'Approve', exact: true });
    await own.getByLabel('Rationale (the team will read it)').fill('Acme signs on Friday only with SSO.');
    await expectDisabled(approveOwn);
    await own.getByLabel('Note on deciding your own proposal').fill(NOTE);
    await expectEnabled(approveOwn);
    await approveOwn.click();
    await gadget.getByRole('region', { name: 'Waiting for a decision (1)' }).waitFor({ timeout: UI_MS });

    const danas = await openDecision(gadget, 'Add ONB-70 to the sprint');
    await danas.getByLabel('Rationale (the team will read it)').fill('Pilot signs next week');
    await danas.getByRole('button', { name: 'Reject', exact: true }).click();
    await gadget
      .getByRole('region', { name: 'Waiting for a decision (0)' })
      .getByText('Nothing is waiting for a decision.')
      .waitFor({ timeout: UI_MS });

    await ui().sandbox.idle();
    await ui().page.reload();
    gadget = await gadgetShowingSprint(ui());
    expect(await detailButton(gadget, /^Decisions/).getAttribute('aria-expanded')).toBe('true');
    expect(await detailButton(gadget, 'Burn-up').getAttribute('aria-expanded')).toBe('false');
    const log = gadget.getByRole('region', { name: /^Decisions this sprint/ });
    await log.getByText('Self-approved', { exact: true }).waitFor({ timeout: UI_MS });
    await log.getByText(NOTE).waitFor();
    await log.getByText(/^Rejected by Priya Raman, /).waitFor();
    expect(ui().dialogs).toEqual([]);
  });
});

/**
 * The sandbox's backlog shows Jira as it is, live: a change Goalkeeper applies in the background
 * appears without a reload, and a change made directly "in Jira" shows at once, bypassing it.
 */
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import { COOKIES } from '../../sandbox/chrome/viewer';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser, launchChromium } from './browser';
import { openSandbox, type SandboxUnderTest } from './sandbox-fixture';

jest.setTimeout(180_000);

const BACKLOG = '/jira/software/projects/ONB/boards/1/backlog';
const ACTIVE_SPRINT = `[data-sprint-id="${SEED_FACTS.activeSprintId}"]`;

interface ProposalAnswer {
  readonly data?: { readonly id: string; readonly version: number; readonly status: string };
  readonly error?: { readonly code: string; readonly message: string };
}

describeInBrowser('the sandbox backlog', () => {
  let browser: Browser;
  let ui: SandboxUnderTest;
  let other: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    ui = await openSandbox(browser);
  });
  afterEach(async () => {
    await other?.close();
    other = undefined;
    await ui?.close();
  });

  /** The issue panel on `issueKey`, in a second browser acting as `accountId`. */
  async function panelAs(accountId: string, issueKey: string): Promise<Frame> {
    other ??= await browser.newContext();
    await other.addCookies([{ name: COOKIES.user, value: accountId, url: ui.sandbox.url }]);
    const page = other.pages()[0] ?? (await other.newPage());
    await page.goto(`${ui.sandbox.url}/browse/${issueKey}`);
    await page.waitForFunction(() =>
      (window as unknown as { __sandboxBridgeLog: { name: string; ok?: boolean }[] }).__sandboxBridgeLog.some(
        (entry) => entry.name === 'getContext' && entry.ok,
      ),
    );
    const frame = await (await page.waitForSelector('iframe[data-module-key="goalkeeper-issue-panel"]')).contentFrame();
    if (!frame) throw new Error('No issue panel frame');
    return frame;
  }

  it('shows an issue in the sprint once its proposal is approved and applied, without a reload', async () => {
    await ui.open(BACKLOG);
    await ui.page.waitForSelector('[data-sprint-id="backlog"] [data-issue-key="ONB-70"]');

    const proposed = (await ui.callBridge(await panelAs(SEED_ACCOUNTS.devDana, 'ONB-70'), 'invoke', {
      functionKey: 'createProposal',
      payload: {
        issueKey: 'ONB-70',
        change: { kind: 'add' },
        reason: { category: 'stakeholder-request', text: 'The pilot customer in Munich needs the German wizard' },
        acknowledgeThreat: true,
      },
    })) as ProposalAnswer;
    expect(proposed.error).toBeUndefined();
    const decided = (await ui.callBridge(await panelAs(SEED_ACCOUNTS.productOwner, 'ONB-70'), 'invoke', {
      functionKey: 'decideProposal',
      payload: {
        proposalId: proposed.data?.id,
        verdict: 'approve',
        rationale: 'The pilot customer signs next week; we drop the passkey spike instead.',
        expectedVersion: proposed.data?.version,
      },
    })) as ProposalAnswer;
    expect(decided.data?.status).toBe('approved');
    await ui.sandbox.idle();

    await ui.page.waitForSelector(`${ACTIVE_SPRINT} [data-issue-key="ONB-70"]`);
    expect(await ui.page.locator('[data-sprint-id="backlog"] [data-issue-key="ONB-70"]').count()).toBe(0);
    await ui.screenshot('sandbox-backlog');
  });

  it('moves an issue directly in Jira from the menu, without any proposal', async () => {
    await ui.actAs(SEED_ACCOUNTS.devMei);
    await ui.open(BACKLOG);
    const row = ui.page.locator('[data-sprint-id="backlog"] [data-issue-key="ONB-71"]');

    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Move to ONB Sprint 7' }).click();

    await ui.page.waitForSelector(`${ACTIVE_SPRINT} [data-issue-key="ONB-71"]`);
    const change = ui.sandbox.jira.changes.at(-1);
    expect(change).toMatchObject({
      actor: { kind: 'user', accountId: SEED_ACCOUNTS.devMei },
      change: { kind: 'sprint-membership', issueKey: 'ONB-71', toSprintId: SEED_FACTS.activeSprintId },
    });
  });

  it('refuses a direct move to a stakeholder, in Jira’s words', async () => {
    await ui.actAs(SEED_ACCOUNTS.stakeholder);
    await ui.open(BACKLOG);
    const row = ui.page.locator('[data-sprint-id="backlog"] [data-issue-key="ONB-71"]');

    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Move to ONB Sprint 7' }).click();

    await ui.page.getByRole('alert').filter({ hasText: 'You do not have permission to schedule issues' }).waitFor();
    expect(await ui.page.locator('[data-sprint-id="backlog"] [data-issue-key="ONB-71"]').count()).toBe(1);
  });
});

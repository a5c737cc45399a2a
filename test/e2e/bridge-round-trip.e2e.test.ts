/**
 * The sandbox's host side of @forge/bridge: calls made in the iframe reach the real resolver,
 * which reaches the Jira stand-in as the person acting, and the answers come back to the iframe.
 */
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

describeInBrowser('the Forge bridge in the sandbox', () => {
  const { ui } = useSandboxInBrowser();

  it('answers view.getContext() with the issue, the site and the person acting', async () => {
    await ui().open('/browse/ONB-42');
    const frame = await ui().extensionFrame('goalkeeper-issue-panel');

    const context = await ui().callBridge(frame, 'getContext');

    expect(context).toMatchObject({
      accountId: SEED_ACCOUNTS.productOwner,
      cloudId: 'goalkeeper-sandbox-site',
      moduleKey: 'goalkeeper-issue-panel',
      license: { active: true },
      extension: { type: 'jira:issuePanel', issue: { key: 'ONB-42', type: 'Story' }, project: { key: 'ONB' } },
    });
  });

  it('runs invoke through the real resolver to the Jira stand-in and back, for the person acting', async () => {
    await ui().open('/browse/ONB-39');
    const frame = await ui().extensionFrame('goalkeeper-issue-panel');
    // The panel's own first open has answered (it shows the goal): the call below is a later open.
    await frame.getByText(SEED_FACTS.activeSprintGoal).first().waitFor();
    const requestsBefore = ui().sandbox.jira.requests.length;

    const answer = (await ui().callBridge(frame, 'invoke', { functionKey: 'getIssuePanelState', payload: { issueKey: 'ONB-39' } })) as {
      data: { sprint: { goal: string }; viewer: { accountId: string } };
    };

    expect(answer.data.sprint.goal).toBe(SEED_FACTS.activeSprintGoal);
    expect(answer.data.viewer.accountId).toBe(SEED_ACCOUNTS.productOwner);
    const jiraCalls = ui().sandbox.jira.requests.slice(requestsBefore);
    // The panel opened with the page already, so this open finds the issue in its sprint's stored snapshot
    // and asks the caller's rights on it, Browse included, of Jira as the person acting (asUser); the
    // snapshot is checked as the app, with one search.
    const asPerson = (method: string, path: string) =>
      jiraCalls.some(
        (request) => request.actor === `user:${SEED_ACCOUNTS.productOwner}` && request.method === method && request.path.startsWith(path),
      );
    expect(jiraCalls.some((request) => request.path.startsWith('/rest/agile/1.0/issue/ONB-39'))).toBe(false);
    expect(asPerson('POST', '/rest/api/3/permissions/check')).toBe(true);
    expect(
      jiraCalls.some(
        (request) => request.actor === 'app' && request.method === 'POST' && request.path.startsWith('/rest/api/3/search/jql'),
      ),
    ).toBe(true);
  });

  it('switches a themed app to dark mode live when the top bar switches', async () => {
    await ui().open('/browse/ONB-39');
    const frame = await ui().extensionFrame('goalkeeper-issue-panel');
    await ui().callBridge(frame, 'enableTheming');

    await ui().page.click('#theme-toggle');

    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    expect(await ui().page.getAttribute('html', 'data-color-mode')).toBe('dark');
    await ui().screenshot('sandbox-issue-view-dark');
  });

  it('follows router.navigate to another issue in the same tab', async () => {
    await ui().open('/browse/ONB-39');
    const frame = await ui().extensionFrame('goalkeeper-issue-panel');

    await Promise.all([
      ui().page.waitForURL(/\/browse\/ONB-42$/),
      // The navigation may unload the frame before the bridge's answer gets back: that is the call succeeding.
      ui()
        .callBridge(frame, 'navigate', { target: 'issue', issueKey: 'ONB-42', type: 'same-tab' })
        .catch((error: unknown) => {
          if (!/Execution context was destroyed|Frame was detached/.test(String(error))) throw error;
        }),
    ]);

    expect(await ui().page.textContent('h1.issue-summary')).toContain('Entra');
  });

  it('refuses changes with the licence switched off, and says why', async () => {
    await ui().open('/browse/ONB-70');
    await ui().page.click('#licence-toggle');
    await ui().page.waitForSelector('#licence-toggle[data-active="false"]');
    const frame = await ui().extensionFrame('goalkeeper-issue-panel');

    const answer = (await ui().callBridge(frame, 'invoke', {
      functionKey: 'createProposal',
      payload: {
        issueKey: 'ONB-70',
        change: { kind: 'add' },
        reason: { category: 'stakeholder-request', text: 'Sales promised it' },
        acknowledgeThreat: true,
      },
    })) as { error: { code: string; message: string } };

    expect(answer.error.code).toBe('unlicensed');
    expect(answer.error.message).toMatch(/not licensed/);
  });
});

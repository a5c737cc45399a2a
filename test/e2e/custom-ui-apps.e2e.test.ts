/**
 * Each production Custom UI build boots in the sandbox's Jira, in the iframe where Jira puts it,
 * and receives the context for that place.
 */
import { SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

interface ForgeContext {
  readonly moduleKey: string;
  readonly extension: Record<string, unknown> & { gadgetConfiguration?: unknown; entryPoint?: string };
}

describeInBrowser('the Custom UI apps in the sandbox', () => {
  const { ui } = useSandboxInBrowser();

  async function contextOf(moduleKey: string): Promise<ForgeContext> {
    const entry = (await ui().bridgeLog()).find(
      (candidate) => candidate.moduleKey === moduleKey && candidate.name === 'getContext' && candidate.ok,
    );
    return entry?.value as ForgeContext;
  }

  it('boots the issue panel in the issue view, with that issue as its context', async () => {
    await ui().open('/browse/ONB-39');
    const frame = await ui().extensionFrame('goalkeeper-issue-panel');

    expect(await frame.locator('#root > *').count()).toBeGreaterThan(0);
    expect((await contextOf('goalkeeper-issue-panel')).extension).toMatchObject({
      type: 'jira:issuePanel',
      issue: { key: 'ONB-39' },
      project: { key: 'ONB' },
    });
    await ui().screenshot('sandbox-issue-view');
  });

  it('opens a new sprint gadget in its edit view and shows the view once the configuration is submitted', async () => {
    await ui().open('/jira/dashboards/10000');
    const editFrame = await ui().extensionFrame('goalkeeper-sprint-gadget');
    expect((await contextOf('goalkeeper-sprint-gadget')).extension.entryPoint).toBe('edit');
    await ui().screenshot('sandbox-dashboard-gadget-edit');

    await Promise.all([
      ui().page.waitForURL((url) => !url.search.includes('edit')),
      ui().callBridge(editFrame, 'submit', { boardId: SEED_FACTS.onb.boardId }),
    ]);
    await ui().page.waitForLoadState('load');
    const viewFrame = await ui().extensionFrame('goalkeeper-sprint-gadget');

    const context = await contextOf('goalkeeper-sprint-gadget');
    expect(context.extension.entryPoint).toBeUndefined();
    expect(context.extension.gadgetConfiguration).toEqual({ boardId: SEED_FACTS.onb.boardId });
    expect(await viewFrame.locator('#root > *').count()).toBeGreaterThan(0);
    expect(ui().sandbox.settings.current().gadgetConfigurations).toEqual({ '10100': { boardId: SEED_FACTS.onb.boardId } });
    await ui().screenshot('sandbox-dashboard');
  });

  it('boots the settings app on the project settings page, with the project as its context', async () => {
    await ui().open('/jira/software/projects/ONB/settings/apps/goalkeeper-settings');
    const frame = await ui().extensionFrame('goalkeeper-settings');

    expect(await frame.locator('#root > *').count()).toBeGreaterThan(0);
    expect((await contextOf('goalkeeper-settings')).extension).toMatchObject({ type: 'jira:projectSettingsPage', project: { key: 'ONB' } });
    await ui().screenshot('sandbox-project-settings');
  });
});

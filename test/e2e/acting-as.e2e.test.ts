/**
 * The top bar's user switcher is who Jira thinks is logged in: the handler sees that person's
 * accountId, and a stakeholder without edit rights is told, in words, why they cannot propose.
 */
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

interface PanelState {
  readonly data: {
    readonly viewer: { readonly accountId: string; readonly canPropose: boolean; readonly cannotProposeReason: string | null };
  };
}

describeInBrowser('acting as a person in the sandbox', () => {
  const { ui } = useSandboxInBrowser();

  async function panelStateAsLoaded(): Promise<PanelState> {
    const entry = (await ui().bridgeLog()).find(
      (candidate) =>
        candidate.name === 'invoke' && (candidate.payload as { functionKey: string }).functionKey === 'getIssuePanelState' && candidate.ok,
    );
    if (!entry) throw new Error('The issue panel did not load its state through invoke');
    return entry.value as PanelState;
  }

  it('changes the accountId the handler sees when another person is picked in the top bar', async () => {
    await ui().open('/browse/ONB-39');
    await ui().extensionFrame('goalkeeper-issue-panel');

    await Promise.all([ui().page.waitForEvent('load'), ui().page.selectOption('#user-switcher', SEED_ACCOUNTS.devDana)]);
    const frame = await ui().extensionFrame('goalkeeper-issue-panel');

    const context = (await ui().callBridge(frame, 'getContext')) as { accountId: string };
    const answer = (await ui().callBridge(frame, 'invoke', {
      functionKey: 'getIssuePanelState',
      payload: { issueKey: 'ONB-39' },
    })) as PanelState;
    expect(context.accountId).toBe(SEED_ACCOUNTS.devDana);
    expect(answer.data.viewer.accountId).toBe(SEED_ACCOUNTS.devDana);
    expect(answer.data.viewer.canPropose).toBe(true);
  });

  it('tells a stakeholder without edit rights, in the panel, why they cannot propose', async () => {
    await ui().actAs(SEED_ACCOUNTS.stakeholder);
    await ui().open('/browse/ONB-70');
    const frame = await ui().extensionFrame('goalkeeper-issue-panel');
    // The panel's own state call, not just any invoke: the issue's other Goalkeeper app (issue context) invokes too.
    await ui().page.waitForFunction(() =>
      (
        window as unknown as { __sandboxBridgeLog: { name: string; ok?: boolean; payload?: { functionKey?: string } }[] }
      ).__sandboxBridgeLog.some((entry) => entry.name === 'invoke' && entry.ok && entry.payload?.functionKey === 'getIssuePanelState'),
    );

    const { viewer } = (await panelStateAsLoaded()).data;
    expect(viewer).toMatchObject({ accountId: SEED_ACCOUNTS.stakeholder, canPropose: false });
    await frame
      .getByText(viewer.cannotProposeReason ?? '(no reason given)')
      .first()
      .waitFor();
    await ui().screenshot('sandbox-stakeholder-refused');

    const refused = (await ui().callBridge(frame, 'invoke', {
      functionKey: 'createProposal',
      payload: {
        issueKey: 'ONB-70',
        change: { kind: 'add' },
        reason: { category: 'stakeholder-request', text: 'Our biggest customer needs it' },
        acknowledgeThreat: true,
      },
    })) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe('forbidden');
    expect(refused.error.message).toMatch(/Edit issues|Schedule issues/);
  });
});

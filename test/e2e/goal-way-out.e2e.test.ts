/**
 * Issue 13 in the browser: a threatening addition offers work to defer; picked, the pair is
 * proposed as one, brings the sprint's chance back, and once the Product Owner approves both are
 * applied in Jira. A threatening re-rank waits for the Product Owner, and the proposer sees why.
 */
import type { Frame } from 'playwright-core';
import { SANDBOX_CLOUD_ID } from '../../sandbox/jira/jira-model';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import type { SettingsPageState } from '../../src/contract/settings';
import { editableSettings } from '../support/project-settings';
import { describeInBrowser } from './browser';
import { decide, fillProposal, openIssuePanel, proposalCard, submitProposal, waitForStatus } from './issue-panel-driver';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

const { devDana, productOwner, siteAdmin } = SEED_ACCOUNTS;
const UI_MS = 20_000;

/** "P(goal) 57%" → 0.57; "> 95%" and "< 5%" read as their bounds. */
function chanceIn(text: string): number {
  const match = /(\d+)\s?%/.exec(text);
  if (!match) throw new Error(`No chance in "${text}"`);
  return Number(match[1]) / 100;
}

describeInBrowser('a way out, and escalation, end to end', () => {
  const { ui } = useSandboxInBrowser();
  const site = () => ui().sandbox.jira.model.site(SANDBOX_CLOUD_ID);
  const sprintIdsOf = (key: string): readonly number[] => site().issueByKeyOrId(key)!.sprintIds;

  async function headerChance(panel: Frame): Promise<number> {
    const figure = panel.locator('.gk-risk-meter__figure').first();
    await figure.waitFor({ timeout: UI_MS });
    return chanceIn(await figure.innerText());
  }

  it('defers the suggested work with a threatening addition: P(goal) comes back, the PO approves, Jira gets both', async () => {
    // The team ranked stretch work above the goal's items, as teams ranking by priority do.
    const issue = (key: string) => site().issueByKeyOrId(key)!;
    site().rank(['ONB-55', 'ONB-56', 'ONB-57', 'ONB-61'].map(issue), 'before', issue('ONB-39'), { kind: 'user', accountId: devDana });

    let panel = await openIssuePanel(ui(), devDana, 'ONB-68');
    const before = await headerChance(panel);
    const filled = await fillProposal(
      panel,
      { kind: 'add' },
      'Stakeholder request',
      'Our developer pilot signs up with GitHub; the stakeholders count it as SSO.',
    );
    expect(filled.level).toBe('Threat');
    const assessment = filled.form.getByRole('region', { name: 'Goal assessment' });
    await assessment.getByText(/^This change lowers it by \d+(\.\d)? points/).waitFor({ timeout: UI_MS });

    await assessment.getByRole('button', { name: 'Make room this way' }).first().click();
    const room = filled.form.getByRole('group', { name: 'Making room' });
    await room.getByText('Defer ONB-55 and ONB-56 to the next sprint').waitFor({ timeout: UI_MS });
    await assessment.locator('.gk-risk-level').filter({ hasNotText: 'Threat' }).waitFor({ timeout: UI_MS });
    const combined = chanceIn(
      await assessment
        .locator('.gk-risk-meter__figure')
        .innerText()
        .then((text) => text.split('→')[1] ?? text),
    );
    expect(combined).toBeGreaterThanOrEqual(before - 0.05);
    await ui().screenshot('issue-panel-way-out-light');
    await submitProposal({ ...filled, level: null });

    const title = 'Add ONB-68 to the sprint';
    panel = await openIssuePanel(ui(), productOwner, 'ONB-68');
    let card = proposalCard(panel, title);
    await card.getByText('Defer ONB-55 and ONB-56 to the next sprint').waitFor({ timeout: UI_MS });
    await decide(card, 'Approve', 'The pilot matters more than the admin polish this sprint.');

    await ui().sandbox.idle();
    panel = await openIssuePanel(ui(), devDana, 'ONB-68');
    card = proposalCard(panel, title);
    await waitForStatus(card, 'Applied');
    expect(sprintIdsOf('ONB-68')).toContain(SEED_FACTS.activeSprintId);
    expect(sprintIdsOf('ONB-55')).toContain(SEED_FACTS.futureSprintId);
    expect(sprintIdsOf('ONB-56')).toContain(SEED_FACTS.futureSprintId);
    expect(sprintIdsOf('ONB-55')).not.toContain(SEED_FACTS.activeSprintId);
    // The sprint as Jira now holds it: the chance the combined change promised.
    expect(await headerChance(panel)).toBeGreaterThanOrEqual(before - 0.05);
  });

  it('sends a threatening re-rank to the Product Owner and tells the proposer why', async () => {
    // The project made re-ranks of goal items the Developers' call: only the threat rule is left.
    const settingsPanel = await openIssuePanel(ui(), siteAdmin, 'ONB-42');
    const loaded = (await ui().callBridge(settingsPanel, 'invoke', {
      functionKey: 'getProjectSettings',
      payload: { projectKey: 'ONB' },
    })) as { data: SettingsPageState };
    const settings = editableSettings(loaded.data);
    const saved = (await ui().callBridge(settingsPanel, 'invoke', {
      functionKey: 'saveProjectSettings',
      payload: {
        projectKey: 'ONB',
        settings: { ...settings, policy: { ...settings.policy, goalCriticalRerankNeedsProductOwner: false } },
        expectedVersion: loaded.data.settings.version,
      },
    })) as { error?: unknown };
    expect(saved.error).toBeUndefined();
    const rankBefore = site().rankIndexOf(site().issueByKeyOrId('ONB-42')!);

    let panel = await openIssuePanel(ui(), devDana, 'ONB-42');
    const filled = await fillProposal(
      panel,
      { kind: 'rerank', position: 'Bottom of the sprint' },
      'Dependency',
      'The Entra tenant is not registered yet; Google first.',
    );
    expect(filled.level).toBe('Threat');
    const why = 'Waits for the Product Owner: it threatens the sprint goal, so they decide it whatever the policy for its kind.';
    await filled.form.getByText(why).waitFor({ timeout: UI_MS });
    await submitProposal(filled);

    await ui().sandbox.idle();
    panel = await openIssuePanel(ui(), devDana, 'ONB-42');
    const card = proposalCard(panel, 'Rank ONB-42 at the bottom of the sprint');
    await waitForStatus(card, 'Proposed');
    await card.getByText(why).waitFor({ timeout: UI_MS });
    expect(site().rankIndexOf(site().issueByKeyOrId('ONB-42')!)).toBe(rankBefore);
  });
});

/**
 * The issue panel, end to end, for every kind of change but `add` (issue-panel-flows walks that
 * one with the rationale's counter): a developer proposes each, the Product Owner approves those
 * that need her, Goalkeeper applies all eight in Jira, and the backlog shows the result. Kept out
 * of issue-panel-flows.e2e.test.ts, the longest browser file, so two Jest workers share the two.
 */
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { decide, openIssuePanel, propose, proposalCard, waitForStatus } from './issue-panel-driver';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

const BACKLOG = '/jira/software/projects/ONB/boards/1/backlog';
const ACTIVE_SPRINT = `[data-sprint-id="${SEED_FACTS.activeSprintId}"]`;
const { devDana, productOwner } = SEED_ACCOUNTS;

describeInBrowser('the issue panel, end to end, for every kind of change', () => {
  const { ui } = useSandboxInBrowser();

  it('carries every kind of change from a developer’s proposal through the Product Owner’s decision into Jira', async () => {
    // `add` is issue-panel-flows' first journey; these are the other eight, one issue each.
    const journeys = [
      { key: 'ONB-61', change: { kind: 'remove' }, title: 'Remove ONB-61 from the sprint', byPo: true },
      { key: 'ONB-57', change: { kind: 'defer' }, title: 'Defer ONB-57 to the next sprint', byPo: true },
      {
        key: 'ONB-56',
        change: { kind: 'rerank', position: 'Top of the sprint' },
        title: 'Rank ONB-56 at the top of the sprint',
        // The team's call by policy, but it threatens the goal (the seed's sprint is below the PO's
        // threshold and stretch work above goal work lowers P), so it waits for the PO (issue 13: escalation).
        byPo: true,
      },
      { key: 'ONB-59', change: { kind: 'priority', priority: 'High' }, title: 'Set the priority of ONB-59 to High', byPo: false },
      { key: 'ONB-55', change: { kind: 'estimate', points: '3' }, title: 'Re-estimate ONB-55 to 3 points', byPo: false },
      {
        key: 'ONB-52',
        change: {
          kind: 'split',
          parts: [
            { summary: 'Outlook.com: align SPF and DKIM', points: '1' },
            { summary: 'Outlook.com: warm up the sending IP', points: '1' },
          ],
        },
        title: 'Split ONB-52 into 2 parts',
        byPo: true,
      },
      { key: 'ONB-75', change: { kind: 'swap', outKey: 'ONB-62' }, title: 'Swap ONB-75 into the sprint for ONB-62', byPo: true },
      {
        key: 'ONB-39',
        change: { kind: 'tweak', note: 'Acceptance: works for Workspace accounts with 2-step verification enforced.' },
        title: 'Clarify ONB-39',
        byPo: false,
      },
    ] as const;

    for (const journey of journeys) {
      const panel = await openIssuePanel(ui(), devDana, journey.key);
      await propose(panel, journey.change, 'Other', `Mid-sprint ${journey.change.kind} of ${journey.key}, agreed at the daily.`);
      await proposalCard(panel, journey.title)
        .getByText(journey.byPo ? 'needs the Product Owner' : 'approved by policy', { exact: false })
        .waitFor();
    }
    for (const journey of journeys.filter((candidate) => candidate.byPo)) {
      const panel = await openIssuePanel(ui(), productOwner, journey.key);
      await decide(proposalCard(panel, journey.title), 'Approve', `Approved: ${journey.change.kind} keeps the goal reachable.`);
    }
    await ui().sandbox.idle();
    for (const journey of journeys) {
      const panel = await openIssuePanel(ui(), devDana, journey.key);
      await waitForStatus(proposalCard(panel, journey.title), 'Applied');
    }

    const changed = ui()
      .sandbox.jira.changes.filter((record) => record.actor.kind === 'app')
      .map((record) => record.change);
    // A split makes siblings of ONB-52, as Jira's own split does: under its epic, not under ONB-52.
    const jiraSite = ui().sandbox.jira.model.site();
    const splitEpic = jiraSite.parentOf(jiraSite.issueByKeyOrId('ONB-52')!)?.key ?? null;
    expect(changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'sprint-membership', issueKey: 'ONB-61', toSprintId: null }),
        expect.objectContaining({ kind: 'sprint-membership', issueKey: 'ONB-57', toSprintId: SEED_FACTS.futureSprintId }),
        expect.objectContaining({ kind: 'rank', issueKeys: ['ONB-56'], position: 'before' }),
        expect.objectContaining({ kind: 'priority', issueKey: 'ONB-59', to: 'High' }),
        expect.objectContaining({ kind: 'estimate', issueKey: 'ONB-55', to: 3 }),
        expect.objectContaining({ kind: 'issue-created', parentKey: splitEpic }),
        expect.objectContaining({ kind: 'sprint-membership', issueKey: 'ONB-75', toSprintId: SEED_FACTS.activeSprintId }),
        expect.objectContaining({ kind: 'sprint-membership', issueKey: 'ONB-62', toSprintId: null }),
      ]),
    );
    await ui().open(BACKLOG);
    await ui().page.waitForSelector(`${ACTIVE_SPRINT} [data-issue-key="ONB-75"]`);
    expect(await ui().page.locator(`${ACTIVE_SPRINT} [data-issue-key]`).first().getAttribute('data-issue-key')).toBe('ONB-56');
    for (const key of ['ONB-61', 'ONB-62']) await ui().page.waitForSelector(`[data-sprint-id="backlog"] [data-issue-key="${key}"]`);
    await ui().page.waitForSelector(`[data-sprint-id="${SEED_FACTS.futureSprintId}"] [data-issue-key="ONB-57"]`);
    await ui().screenshot('sandbox-backlog-after-every-change');
  });
});

/**
 * Jira's words and shapes (issue 15), in Chromium: the audit trail and the decision comment in
 * the decider's language, with every apply step in plain words; a split that makes sibling
 * issues as Jira's own split does; and a change made directly in Jira reverted by the Product
 * Owner with one action that becomes a proposal.
 */
import type { Frame } from 'playwright-core';
import { COOKIES } from '../../sandbox/chrome/viewer';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { decide, openIssuePanel, propose, proposalCard, waitForStatus } from './issue-panel-driver';
import { DASHBOARD, GADGET_ID, openSection } from './sprint-gadget-driver';
import { useSandboxInBrowser } from './sandbox-fixture';

jest.setTimeout(180_000);

const UI_MS = 15_000;
const { devDana, devKofi, productOwner } = SEED_ACCOUNTS;
const RATIONALE_DE = 'Acme unterschreibt nur mit SSO; die Analyse-Spike wartet.';

describeInBrowser('Jira’s words and shapes, end to end', () => {
  const { ui } = useSandboxInBrowser();
  const site = () => ui().sandbox.jira.model.site();

  it('tells the audit trail and the decision comment in German when the Product Owner decides in German', async () => {
    const panel = await openIssuePanel(ui(), devDana, 'ONB-68');
    await propose(panel, { kind: 'add' }, 'Stakeholder request', 'Acme’s pilot needs SSO sign-up by Friday.');

    await ui().actAs(productOwner);
    await ui().context.addCookies([{ name: COOKIES.locale, value: 'de-DE', url: ui().sandbox.url }]);
    await ui().open('/browse/ONB-68');
    const german = await ui().extensionFrame('goalkeeper-issue-panel');
    await german.getByRole('heading', { name: 'Vorschläge zu ONB-68' }).waitFor({ timeout: UI_MS });
    const waiting = german.getByRole('article', { name: 'ONB-68 in den Sprint aufnehmen' });
    const decision = waiting.getByRole('region', { name: 'Ihre Entscheidung' });
    await decision.getByLabel('Begründung (das Team liest sie)').fill(RATIONALE_DE);
    await decision.getByRole('button', { name: 'Genehmigen', exact: true }).click();
    await decision.waitFor({ state: 'detached', timeout: UI_MS });
    await ui().sandbox.idle();
    await ui().open('/browse/ONB-68');
    const reloaded = await ui().extensionFrame('goalkeeper-issue-panel');
    const card = reloaded.getByRole('article', { name: 'ONB-68 in den Sprint aufnehmen' });
    await card
      .locator('.gk-lozenge')
      .filter({ hasText: /^Umgesetzt$/ })
      .waitFor({ timeout: UI_MS });

    await card.getByText(/^ONB-68 in ONB Sprint 7 verschoben — in Jira geprüft$/).waitFor();
    await card.getByRole('button', { name: 'Protokoll' }).click();
    const steps = card.locator('.gk-audit__events > li');
    await steps.filter({ hasText: 'Umgesetzt' }).first().waitFor({ timeout: UI_MS });
    const trail = (await steps.allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim());
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Umsetzungsschritt — Goalkeeper: ONB-68 in ONB Sprint 7 verschoben — in Jira geprüft$/),
        expect.stringMatching(/Umgesetzt — Goalkeeper: alle Schritte in Jira erledigt, Versuch 1$/),
      ]),
    );
    expect(trail.join('\n')).not.toMatch(/move-into-sprint|Verified|Started:|Done:/);
    await ui().screenshot('issue-panel-audit-trail-de-light');

    const comment = ui().page.locator('.comment').filter({ hasText: 'Goalkeeper:' }).first();
    await comment.waitFor({ timeout: UI_MS });
    expect(await comment.innerText()).toMatch(/Ihr Vorschlag wurde .*genehmigt/);
    await comment.getByText(RATIONALE_DE).waitFor();
  });

  it('splits an issue into sibling issues of the same type under the same epic, in the sprint, with the points given', async () => {
    const source = site().issueByKeyOrId('ONB-42')!;
    const [type, epic] = [site().typeOf(source).name, site().parentOf(source)!.key];
    const panel = await openIssuePanel(ui(), devDana, 'ONB-42');
    const parts = [
      { summary: 'Entra ID: register the staging tenant', points: '1' },
      { summary: 'Entra ID: sign-up callback', points: '2' },
    ];
    await propose(panel, { kind: 'split', parts }, 'Learned more about the estimate', 'Entra needs two separate pieces of work.');
    const decider = await openIssuePanel(ui(), productOwner, 'ONB-42');
    await decide(proposalCard(decider, 'Split ONB-42 into 2 parts'), 'Approve', 'Splitting keeps the staging tenant in this sprint.');
    await ui().sandbox.idle();
    const applied = await openIssuePanel(ui(), devDana, 'ONB-42');
    const card = proposalCard(applied, 'Split ONB-42 into 2 parts');
    await waitForStatus(card, 'Applied');

    for (const part of parts) {
      const line = card.getByText(
        new RegExp(`^Created “${part.summary}” \\(${part.points} points?\\) beside ONB-42, in ONB Sprint 7: ONB-\\d+$`),
      );
      await line.waitFor({ timeout: UI_MS });
      const key = /: (ONB-\d+)$/.exec((await line.innerText()).trim())![1]!;
      const created = site().issueByKeyOrId(key)!;
      expect({
        type: site().typeOf(created).name,
        epic: site().parentOf(created)?.key,
        points: created.points,
        sprintIds: created.sprintIds,
      }).toEqual({
        type,
        epic,
        points: Number(part.points),
        sprintIds: [SEED_FACTS.activeSprintId],
      });
    }
    expect(
      site()
        .childrenOf(site().issueByKeyOrId('ONB-42')!)
        .filter((child) => parts.some((part) => part.summary === child.summary)),
    ).toEqual([]);
    await ui().screenshot('issue-panel-split-siblings-light');
  });

  it('lets the Product Owner revert a change made directly in Jira with one action, which becomes an applied proposal', async () => {
    ui().sandbox.settings.setGadgetConfiguration(GADGET_ID, { boardId: SEED_FACTS.onb.boardId });
    await ui().actAs(productOwner);
    await ui().open(DASHBOARD);
    let gadget: Frame = await ui().extensionFrame('goalkeeper-sprint-gadget');
    await gadget.getByRole('heading', { name: 'ONB Sprint 7' }).waitFor({ timeout: UI_MS });

    site().moveToSprint([site().issueByKeyOrId('ONB-69')!], site().sprints.get(SEED_FACTS.activeSprintId)!, {
      kind: 'user',
      accountId: devKofi,
    });
    await ui().sandbox.idle();
    await ui().open(DASHBOARD);
    gadget = await ui().extensionFrame('goalkeeper-sprint-gadget');
    await openSection(gadget, /^Made in Jira/);
    const entry = gadget.getByRole('article', { name: 'ONB-69 added to the sprint, directly in Jira' });
    await entry.waitFor({ timeout: UI_MS });
    const review = entry.getByRole('region', { name: 'Review: ONB-69 added to the sprint' });
    await review.getByLabel('Note (the team will read it)').fill('Not agreed in the daily: ONB-69 waits for the next sprint.');
    await review.getByRole('button', { name: 'Revert it' }).click();

    await entry.getByText(/^Reverted by Priya Raman, .*, through a proposal:/).waitFor({ timeout: UI_MS });
    await ui().sandbox.idle();
    expect(site().issueByKeyOrId('ONB-69')!.sprintIds).not.toContain(SEED_FACTS.activeSprintId);
    const panel = await openIssuePanel(ui(), devDana, 'ONB-69');
    const card = proposalCard(panel, 'Remove ONB-69 from the sprint');
    await waitForStatus(card, 'Applied');
    await card.getByText(/^Moved ONB-69 to the backlog — checked in Jira$/).waitFor();
    await ui().screenshot('sprint-gadget-bypass-reverted-light');
  });
});

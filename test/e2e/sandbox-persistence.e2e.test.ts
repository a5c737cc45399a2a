/**
 * The sandbox keeps its data across restarts — Forge storage on file and the Jira changes made
 * through it — and a reset brings back the seed. Driven over the sandbox's own HTTP surface, as
 * the bridge host in the browser drives it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mount } from '../../sandbox/forge-host/product-context';
import { SANDBOX_CLOUD_ID } from '../../sandbox/jira/jira-model';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { invokeAs, type ResolverAnswer } from './sandbox-http';

jest.setTimeout(180_000);

const PANEL: Mount = { moduleKey: 'goalkeeper-issue-panel', placement: { kind: 'issue', issueKey: 'ONB-70' } };

function invoke(sandbox: Sandbox, accountId: string, functionKey: string, payload: unknown): Promise<ResolverAnswer> {
  return invokeAs(sandbox, accountId, PANEL, functionKey, payload);
}

/** The emails the notify API queued, as each person's notifications drawer lists them. */
function notificationsOf(sandbox: Sandbox): { recipient: string; issueKey: string; id: string }[] {
  return sandbox.jira.model
    .site(SANDBOX_CLOUD_ID)
    .notifications.map((sent) => ({ recipient: sent.recipientAccountId, issueKey: sent.issueKey, id: sent.id }));
}

function sprintOf(sandbox: Sandbox, issueKey: string): number | null {
  const site = sandbox.jira.model.site(SANDBOX_CLOUD_ID);
  const issue = site.issueByKeyOrId(issueKey);
  return issue ? (site.openSprintOf(issue)?.id ?? null) : null;
}

describe('the sandbox across restarts', () => {
  let dataDir: string;
  let sandbox: Sandbox | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'goalkeeper-persistence-'));
  });
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function restart(): Promise<Sandbox> {
    await sandbox?.close();
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', dataDir, queueSecondsToMs: 0 });
    return sandbox;
  }

  it('keeps an applied proposal, the Jira change it made and the notifications sent after a restart, and forgets them on reset', async () => {
    let running = await restart();
    const proposed = await invoke(running, SEED_ACCOUNTS.devDana, 'createProposal', {
      issueKey: 'ONB-70',
      change: { kind: 'add' },
      reason: { category: 'stakeholder-request', text: 'The pilot customer in Munich needs the German wizard' },
      acknowledgeThreat: true,
    });
    await invoke(running, SEED_ACCOUNTS.productOwner, 'decideProposal', {
      proposalId: proposed.data?.id,
      verdict: 'approve',
      rationale: 'The pilot customer signs next week; we drop the passkey spike instead.',
      expectedVersion: proposed.data?.version,
    });
    await running.idle();
    expect(sprintOf(running, 'ONB-70')).toBe(SEED_FACTS.activeSprintId);
    running.settings.setGadgetConfiguration('10100', { boardId: 1 });
    const notified = notificationsOf(running);
    // The Product Owner heard of the waiting proposal, the proposer of the decision.
    expect(notified.map(({ recipient }) => recipient)).toEqual(expect.arrayContaining([SEED_ACCOUNTS.productOwner, SEED_ACCOUNTS.devDana]));

    running = await restart();

    expect(notificationsOf(running)).toEqual(notified);

    expect(sprintOf(running, 'ONB-70')).toBe(SEED_FACTS.activeSprintId);
    const state = await invoke(running, SEED_ACCOUNTS.productOwner, 'getIssuePanelState', { issueKey: 'ONB-70' });
    expect((state.data?.proposals as { id: string; status: string }[]).map(({ id, status }) => ({ id, status }))).toEqual([
      { id: proposed.data?.id, status: 'applied' },
    ]);
    expect(running.settings.current().gadgetConfigurations).toEqual({ '10100': { boardId: 1 } });

    await running.reset();

    expect(sprintOf(running, 'ONB-70')).toBeNull();
    const afterReset = await invoke(running, SEED_ACCOUNTS.productOwner, 'getIssuePanelState', { issueKey: 'ONB-70' });
    expect(afterReset.data?.proposals).toEqual([]);
    expect(notificationsOf(running)).toEqual([]);
    expect(running.settings.current()).toEqual({ licenseActive: true, gadgetConfigurations: {} });
  });
});

/**
 * Changes made on the sandbox's Jira reach the app's product-event trigger as Jira's events, so a
 * change made directly in Jira — bypassing Goalkeeper — is detected the moment it happens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mount } from '../../sandbox/forge-host/product-context';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { invokeAs, moveInJiraAs } from './sandbox-http';

jest.setTimeout(180_000);

const GADGET: Mount = {
  moduleKey: 'goalkeeper-sprint-gadget',
  placement: { kind: 'gadget', dashboardId: '10000', gadgetId: '10100', entryPoint: 'view' },
};

interface Bypassed {
  readonly issueKey: string;
  readonly detectedBy: string;
  readonly actorAccountId: string | null;
}

describe('Jira events in the sandbox', () => {
  let dataDir: string;
  let sandbox: Sandbox;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'goalkeeper-events-'));
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', dataDir, queueSecondsToMs: 0 });
  });
  afterEach(async () => {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function bypassedOnBoard(): Promise<Bypassed[]> {
    const answer = await invokeAs(sandbox, SEED_ACCOUNTS.productOwner, GADGET, 'getSprintViewState', { boardId: SEED_FACTS.onb.boardId });
    return (answer.data?.bypassed ?? []) as Bypassed[];
  }

  it('delivers a direct move in Jira to the trigger, which records it as bypassing Goalkeeper', async () => {
    expect(await bypassedOnBoard()).toEqual([]);

    expect(await moveInJiraAs(sandbox, SEED_ACCOUNTS.devMei, 'ONB-71', SEED_FACTS.activeSprintId)).toBe(204);
    await sandbox.idle();

    expect(await bypassedOnBoard()).toEqual([
      expect.objectContaining({ issueKey: 'ONB-71', detectedBy: 'event', actorAccountId: SEED_ACCOUNTS.devMei }),
    ]);
  });
});

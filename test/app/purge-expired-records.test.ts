/** Retention through the real trigger: closed sprints past the configured days are forgotten, others kept. */
import { purgeExpired, onJiraEvent } from '../../src/index';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { SANDBOX_INSTALLATION_ID } from '../../sandbox/server';
import { useForgeApp } from '../support/forge-app';

const { productOwner: PRIYA, devDana: DANA, siteAdmin: ADA } = SEED_ACCOUNTS;
const BOARD = SEED_FACTS.onb.boardId;
const app = useForgeApp();

/** The recorded outcomes the sprint view shows (a Scrum board's, with or without an active sprint). */
async function outcomesOn(boardId: number, accountId: string) {
  const view = await app().invokeOk('getSprintViewState', { boardId }, accountId);
  if (view.kind === 'not-scrum') throw new Error(`Board ${boardId} reads as no Scrum board`);
  return view.outcomes;
}

/** Sprint 7 gets a proposal, a baseline and an outcome, then closes `daysAgo` days before now. */
async function closedSprintWithRecords(daysAgo: number) {
  const proposal = await app().invokeOk(
    'createProposal',
    {
      issueKey: 'ONB-70',
      change: { kind: 'add' },
      reason: { category: 'defect', text: 'SSO loop for Okta users.' },
      acknowledgeThreat: true,
    },
    DANA,
  );
  await app().invokeOk('getSprintViewState', { boardId: BOARD }, PRIYA); // first look: baseline, watched board
  const sprint = app().site().sprints.get(SEED_FACTS.activeSprintId)!;
  sprint.state = 'closed';
  sprint.endDate = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  await app().asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: sprint.id } }));
  return proposal;
}

async function setRetention(retentionDays: number | null) {
  const state = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
  const { version, updatedBy, updatedAt, ...settings } = state.settings;
  await app().invokeOk(
    'saveProjectSettings',
    { projectKey: 'ONB', settings: { ...settings, retentionDays }, expectedVersion: version },
    ADA,
  );
}

const stored = () => JSON.stringify(app().sandbox.kvs.snapshot(SANDBOX_INSTALLATION_ID));

describe('retention', () => {
  it('keeps everything by default', async () => {
    const proposal = await closedSprintWithRecords(400);
    await app().asApp(() => purgeExpired());
    expect(stored()).toContain(proposal.id);
  });

  it('deletes a closed sprint past the retention days: proposals, audit trail and sprint records', async () => {
    const proposal = await closedSprintWithRecords(120);
    await setRetention(90);
    await app().asApp(() => purgeExpired());
    expect(stored()).not.toContain(proposal.id);
    expect(await app().invoke('getAuditTrail', { proposalId: proposal.id }, PRIYA)).toMatchObject({ error: { code: 'not-found' } });
    expect(await outcomesOn(BOARD, PRIYA)).toEqual([]);
  });

  it('keeps a closed sprint still inside the retention days', async () => {
    const proposal = await closedSprintWithRecords(30);
    await setRetention(90);
    await app().asApp(() => purgeExpired());
    expect(stored()).toContain(proposal.id);
    expect(await outcomesOn(BOARD, PRIYA)).toHaveLength(1);
  });

  it('refuses a retention shorter than a month', async () => {
    const state = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    const { version, updatedBy, updatedAt, ...settings } = state.settings;
    const answer = await app().invoke(
      'saveProjectSettings',
      { projectKey: 'ONB', settings: { ...settings, retentionDays: 7 }, expectedVersion: version },
      ADA,
    );
    expect(answer.error?.code).toBe('invalid-input');
  });
});

/**
 * The Product Owner undoes a change made directly in Jira with one action (issue 15), through the
 * handler manifest.yml names: it becomes a proposal, decided at once where the Product Owner may
 * decide it, applied to Jira, and the bypassed change is marked reverted with that proposal.
 */
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import type { BypassedChange } from '../../src/contract/sprint-view';
import { useForgeApp } from '../support/forge-app';
import { readySprintView } from '../support/sprint-view';

const { productOwner: PRIYA, devDana: DANA, devKofi: KOFI, siteAdmin: ADA } = SEED_ACCOUNTS;
const BOARD = SEED_FACTS.onb.boardId;
const NOTE = 'Not agreed in the daily: ONB-69 waits for the next sprint.';

const app = useForgeApp();
const site = () => app().site();
const view = (by = PRIYA) => readySprintView(app(), BOARD, by);

/** Kofi drags ONB-69 into the running sprint on the board, around Goalkeeper. */
async function kofiAddsOnb69(): Promise<BypassedChange> {
  await view();
  site().moveToSprint([site().issueByKeyOrId('ONB-69')!], site().sprints.get(SEED_FACTS.activeSprintId)!, {
    kind: 'user',
    accountId: KOFI,
  });
  await app().sandbox.idle();
  const [change] = (await view()).bypassed;
  if (!change) throw new Error('The sprint view shows no bypassed change after Kofi moved ONB-69 in');
  return change;
}

const inActiveSprint = (key: string) => site().issueByKeyOrId(key)!.sprintIds.includes(SEED_FACTS.activeSprintId);

describe('reverting a change made directly in Jira', () => {
  it('is one action of the only Product Owner: a removal proposal, approved at once with the note, applied, and on both records', async () => {
    const change = await kofiAddsOnb69();
    expect(inActiveSprint('ONB-69')).toBe(true);

    const { change: reviewed, proposal } = await app().invokeOk('revertBypassedChange', { changeId: change.id, note: NOTE }, PRIYA);
    await app().sandbox.idle();

    expect(proposal).toMatchObject({
      issueKey: 'ONB-69',
      change: { kind: 'remove' },
      proposerAccountId: PRIYA,
      reason: { category: 'other', text: NOTE },
    });
    expect(reviewed.review).toEqual({
      reviewerAccountId: PRIYA,
      verdict: 'reverted',
      note: NOTE,
      at: expect.any(String),
      proposalId: proposal.id,
    });
    expect(inActiveSprint('ONB-69')).toBe(false);
    const trail = await app().invokeOk('getAuditTrail', { proposalId: proposal.id }, DANA);
    expect(trail.events.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['proposed', 'approved', 'applied']),
    );
    expect(trail.events.find((event: { action: string }) => event.action === 'approved')).toMatchObject({ selfDecided: true });
    const shown = (await view()).bypassed.find((bypassed: { id: string }) => bypassed.id === change.id);
    expect(shown?.review).toMatchObject({ verdict: 'reverted', proposalId: proposal.id });
  });

  it('waits for another Product Owner where the policy wants one, and the change stays in Jira until then', async () => {
    const page = await app().invokeOk('getProjectSettings', { projectKey: 'ONB' }, ADA);
    const { version, updatedBy, updatedAt, ...editable } = page.settings;
    await app().invokeOk(
      'saveProjectSettings',
      {
        projectKey: 'ONB',
        settings: { ...editable, productOwners: { roleName: null, accountIds: [PRIYA, DANA] } },
        expectedVersion: version,
      },
      ADA,
    );
    const change = await kofiAddsOnb69();

    const { proposal } = await app().invokeOk('revertBypassedChange', { changeId: change.id, note: NOTE }, PRIYA);
    await app().sandbox.idle();

    expect(proposal).toMatchObject({ status: 'proposed', change: { kind: 'remove' } });
    expect(inActiveSprint('ONB-69')).toBe(true);
  });

  it('is the Product Owner’s only, once, and needs a note the team can read', async () => {
    const change = await kofiAddsOnb69();
    expect((await app().invoke('revertBypassedChange', { changeId: change.id, note: NOTE }, DANA)).error?.code).toBe('forbidden');
    expect((await app().invoke('revertBypassedChange', { changeId: change.id, note: 'no' }, PRIYA)).error?.code).toBe('invalid-input');
    await app().invokeOk(
      'reviewBypassedChange',
      { changeId: change.id, verdict: 'noted', note: 'Seen; we discuss it in the review.' },
      PRIYA,
    );
    expect((await app().invoke('revertBypassedChange', { changeId: change.id, note: NOTE }, PRIYA)).error?.code).toBe('conflict');
    expect(inActiveSprint('ONB-69')).toBe(true);
  });
});

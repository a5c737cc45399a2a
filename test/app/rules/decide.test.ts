/** The rules of deciding a proposal (src/app/use-cases/decide-proposal.ts), on in-memory storage. */
import { GoalkeeperError } from '../../../src/domain/errors';
import { DANA, KOFI, PRIYA } from '../../support/people';
import { RATIONALE, REASON, useRuleWorld } from './rule-fixture';

const world = useRuleWorld();

/** Dana proposes pulling the backlog bug ONB-68 into the active sprint: the default policy gives additions to the Product Owner. */
const proposeAddition = () =>
  world().propose(DANA, { issueKey: 'ONB-68', change: { kind: 'add' }, reason: REASON, acknowledgeThreat: true });

describe('deciding a proposal', () => {
  it('approves with the rationale, records who decided, and queues exactly one apply', async () => {
    const proposed = await proposeAddition();
    expect(proposed.status).toBe('proposed');

    const approved = await world().decide(PRIYA, {
      proposalId: proposed.id,
      verdict: 'approve',
      rationale: RATIONALE,
      expectedVersion: proposed.version,
    });

    expect(approved.status).toBe('approved');
    expect(approved.decision).toMatchObject({ verdict: 'approved', deciderAccountId: PRIYA.accountId, rationale: RATIONALE });
    expect(world().ports.applyQueue.jobs).toEqual([{ proposalId: proposed.id, attempt: 1 }]);
    expect(world().ports.proposals.events.map((event) => event.action)).toEqual(expect.arrayContaining(['proposed', 'approved']));
  });

  it('refuses a developer who is not the Product Owner, and leaves the proposal as it was', async () => {
    const proposed = await proposeAddition();

    const decided = world().decide(KOFI, {
      proposalId: proposed.id,
      verdict: 'approve',
      rationale: RATIONALE,
      expectedVersion: proposed.version,
    });

    await expect(decided).rejects.toMatchObject({ code: 'forbidden' });
    expect(await world().ports.proposals.get(proposed.id)).toEqual(proposed);
    expect(world().ports.applyQueue.jobs).toEqual([]);
  });

  it('refuses a decision made on an outdated view of the proposal', async () => {
    const proposed = await proposeAddition();

    const decided = world().decide(PRIYA, {
      proposalId: proposed.id,
      verdict: 'reject',
      rationale: RATIONALE,
      expectedVersion: proposed.version + 1,
    });

    await expect(decided).rejects.toBeInstanceOf(GoalkeeperError);
    await expect(decided).rejects.toMatchObject({ code: 'conflict' });
    expect((await world().ports.proposals.get(proposed.id))?.status).toBe('proposed');
  });

  it('rejects an approval whose rationale is shorter than the policy asks', async () => {
    const proposed = await proposeAddition();

    const decided = world().decide(PRIYA, {
      proposalId: proposed.id,
      verdict: 'approve',
      rationale: 'ok',
      expectedVersion: proposed.version,
    });

    await expect(decided).rejects.toMatchObject({ code: 'invalid-input' });
    expect(world().ports.applyQueue.jobs).toEqual([]);
  });

  it('rejects without queueing anything for Jira', async () => {
    const proposed = await proposeAddition();

    const rejected = await world().decide(PRIYA, {
      proposalId: proposed.id,
      verdict: 'reject',
      rationale: RATIONALE,
      expectedVersion: proposed.version,
    });

    expect(rejected.status).toBe('rejected');
    expect(world().ports.applyQueue.jobs).toEqual([]);
  });
});

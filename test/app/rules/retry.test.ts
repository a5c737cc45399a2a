/** The rules of retrying a failed apply (src/app/use-cases/retry-apply.ts), on in-memory storage. */
import { SEED_FACTS } from '../../../sandbox/jira/seed';
import { DANA, PRIYA, SAM } from '../../support/people';
import { RATIONALE, REASON, useRuleWorld, type RuleWorld } from './rule-fixture';

const world = useRuleWorld();
const SPRINT_MOVES = `/rest/agile/1.0/sprint/${SEED_FACTS.activeSprintId}/issue`;

/** An approved addition whose apply failed: Jira answered every move into the sprint with 503. */
async function failedAddition(w: RuleWorld) {
  const proposed = await w.propose(DANA, { issueKey: 'ONB-68', change: { kind: 'add' }, reason: REASON, acknowledgeThreat: true });
  await w.decide(PRIYA, { proposalId: proposed.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: proposed.version });
  w.harness.standIn.faults.inject(
    { kind: 'server-error', status: 503 },
    { times: Number.MAX_SAFE_INTEGER, method: 'POST', path: SPRINT_MOVES },
  );
  const failed = await w.runNextApply();
  w.harness.standIn.faults.clear();
  return failed!;
}

describe('retrying a failed apply', () => {
  it('lets the proposer queue the next attempt, which applies the change', async () => {
    const failed = await failedAddition(world());
    expect(failed.status).toBe('apply-failed');

    const retried = await world().retry(DANA, failed.id);
    const applied = await world().runNextApply();

    // The proposal stays apply-failed until the new attempt has run (src/domain/proposal.ts requestRetry).
    expect(retried).toMatchObject({ status: 'apply-failed', version: failed.version + 1 });
    expect(applied?.status).toBe('applied');
    expect(world().harness.site(world().cloudId).issueByKeyOrId('ONB-68')?.sprintIds).toContain(SEED_FACTS.activeSprintId);
  });

  it('queues the attempt after the failed one, so a late job of the failed attempt does nothing', async () => {
    const failed = await failedAddition(world());

    const retried = await world().retry(PRIYA, failed.id);

    expect(world().ports.applyQueue.jobs).toEqual([{ proposalId: failed.id, attempt: 2 }]);
    expect(await world().runApply({ proposalId: failed.id, attempt: 1 })).toMatchObject({
      status: 'apply-failed',
      version: retried.version,
    });
  });

  it('refuses someone who neither proposed the change nor is a Product Owner', async () => {
    const failed = await failedAddition(world());

    await expect(world().retry(SAM, failed.id)).rejects.toMatchObject({ code: expect.stringMatching(/^(forbidden|not-found)$/) });
    expect(world().ports.applyQueue.jobs).toEqual([]);
  });

  it('refuses to retry a change that was applied', async () => {
    await world()
      .propose(DANA, { issueKey: 'ONB-68', change: { kind: 'add' }, reason: REASON, acknowledgeThreat: true })
      .then((proposed) =>
        world().decide(PRIYA, { proposalId: proposed.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: proposed.version }),
      );
    const applied = await world().runNextApply();

    await expect(world().retry(DANA, applied!.id)).rejects.toMatchObject({ code: 'illegal-transition' });
  });
});

/** The rules of applying an approved proposal (src/app/use-cases/apply-approved.ts), on in-memory storage. */
import { STATUSES } from '../../../sandbox/jira/jira-model';
import { SEED_FACTS } from '../../../sandbox/jira/seed';
import { DANA, PRIYA } from '../../support/people';
import { RATIONALE, REASON, useRuleWorld, type RuleWorld } from './rule-fixture';

const world = useRuleWorld();

async function approvedAddition(w: RuleWorld) {
  const proposed = await w.propose(DANA, { issueKey: 'ONB-68', change: { kind: 'add' }, reason: REASON, acknowledgeThreat: true });
  return w.decide(PRIYA, { proposalId: proposed.id, verdict: 'approve', rationale: RATIONALE, expectedVersion: proposed.version });
}

const sprintOf = (w: RuleWorld, issueKey: string) => w.harness.site(w.cloudId).issueByKeyOrId(issueKey)?.sprintIds ?? [];
const moves = (w: RuleWorld, since: number) =>
  w.harness
    .requestsSince(since)
    .filter((request) => request.method === 'POST' && request.path === `/rest/agile/1.0/sprint/${SEED_FACTS.activeSprintId}/issue`);

describe('applying an approved proposal', () => {
  it('moves the issue into the active sprint once, and a second delivery of the same job changes nothing', async () => {
    const approved = await approvedAddition(world());
    const job = world().ports.applyQueue.jobs[0]!;
    const mark = world().harness.standIn.requests.length;

    const applied = await world().runNextApply();
    const replayed = await world().runApply(job);

    expect(applied?.status).toBe('applied');
    expect(replayed).toEqual(applied);
    expect(sprintOf(world(), 'ONB-68')).toContain(SEED_FACTS.activeSprintId);
    expect(moves(world(), mark)).toHaveLength(1);
    expect(approved.id).toBe(applied?.id);
  });

  it('ranks a goal-critical addition before all open work once the goal’s other items are done, as it was assessed', async () => {
    const site = world().harness.site(world().cloudId);
    const sprintIssues = () => site.sprintIssues(SEED_FACTS.activeSprintId);
    for (const issue of sprintIssues().filter((candidate) => candidate.labels.includes('sprint-goal'))) {
      site.transition(issue, STATUSES.done, { kind: 'user', accountId: DANA.accountId });
    }
    const approved = await approvedAddition(world());
    expect(approved.assessment?.level).toBe('safe');

    const applied = await world().runNextApply();

    expect(applied?.status).toBe('applied');
    // The sprint's open work as the board ranks it (sub-tasks go with their parents).
    const open = sprintIssues().filter((issue) => issue.status.category !== 'done' && site.typeOf(issue).name !== 'Subtask');
    // Jira put it at the bottom, behind the stretch work; the apply ranked it first of the open work.
    expect(open[0]?.key).toBe('ONB-68');
    expect(applied?.apply?.steps.find((step) => step.name === 'place-with-goal')?.detail).toMatch(
      new RegExp(`: Ranked before ${open[1]?.key}\\.$`),
    );
  });

  it('changes nothing while another approved change to the same issue holds it, and says so', async () => {
    const approved = await approvedAddition(world());
    await world().ports.issueClaims.claim(['ONB-68'], 'another-proposal');
    const mark = world().harness.standIn.requests.length;

    const outcome = await world().runNextApply();

    expect(outcome?.status).toBe('apply-failed');
    expect(outcome?.apply?.lastError).toMatch(/being applied at the same moment/);
    expect(moves(world(), mark)).toHaveLength(0);
    expect(sprintOf(world(), approved.issueKey)).not.toContain(SEED_FACTS.activeSprintId);
  });

  it('ignores a job of an attempt that is over', async () => {
    await approvedAddition(world());
    const applied = await world().runNextApply();

    const late = await world().runApply({ proposalId: applied!.id, attempt: 7 });

    expect(late).toEqual(applied);
  });
});

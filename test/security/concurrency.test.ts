/**
 * Races, through the real handler and the real apply consumer: decisions racing each other and
 * the proposer's withdrawal, retries racing each other, and two proposals that move the same
 * issue. Whatever the interleaving, exactly one write wins, the audit trail says which, and Jira
 * is changed once — or not at all.
 */
import { SANDBOX_INSTALLATION_ID } from '../../sandbox/server';
import { runInvocation } from '../../sandbox/forge-host/forge-runtime';
import { SANDBOX_CLOUD_ID } from '../../sandbox/jira/jira-model';
import { applyWorker } from '../../src/index';
import { reportFigure, testTally } from '../support/figures';
import { useForgeApp, type Answer } from '../support/forge-app';
import { present } from '../support/present';
import {
  approval,
  appChanges,
  auditActions,
  DANA,
  KOFI,
  MEI,
  movesOf,
  ONB_NEXT_SPRINT,
  ONB_SPRINT,
  openSprintsOf,
  PRIYA,
  proposalPayload,
  storedProposal,
} from './security-fixture';

const app = useForgeApp();
const figures = { races: 0, calls: 0 };
const tests = testTally();

afterAll(() => {
  reportFigure(
    'concurrency',
    `${figures.races} races run (${figures.calls} concurrent calls) in ${tests.ran} tests: exactly one winner and at most one Jira change per decision, ${tests.failed} failed`,
  );
});

const LOSING_CODES = ['conflict', 'illegal-transition'];

async function race<T>(calls: readonly (() => Promise<Answer<T>>)[]): Promise<Answer<T>[]> {
  figures.races++;
  figures.calls += calls.length;
  return Promise.all(calls.map((call) => call()));
}

function delayed<T>(ms: number, call: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms)).then(call);
}

/** The decision actions of a trail: what was decided, in order. */
const decisions = (actions: readonly string[]) => actions.filter((action) => ['approved', 'rejected', 'withdrawn'].includes(action));

/** Runs the apply consumer as Forge would when it delivers two events at the same time. */
function deliverApply(proposalId: string, attempt: number) {
  return runInvocation({ cloudId: SANDBOX_CLOUD_ID, installationId: SANDBOX_INSTALLATION_ID, moduleKey: 'apply-consumer' }, () =>
    applyWorker({ body: { proposalId, attempt }, queueName: 'goalkeeper-apply', jobId: `parallel-${proposalId}-${attempt}` }),
  );
}

describe('decisions racing withdrawal', () => {
  it(
    'lets exactly one of decide and withdraw win, every time, and records only the winner',
    tests.track(async () => {
      const site = app().site();
      const removable = site
        .sprintIssues(ONB_SPRINT)
        .filter((issue) => !site.typeOf(issue).subtask)
        .slice(0, 10)
        .map((issue) => issue.key);
      const addable = ['ONB-16', 'ONB-68', 'ONB-69', 'ONB-70', 'ONB-71', 'ONB-72', 'ONB-73', 'ONB-74', 'ONB-75', 'ONB-76'];
      const cases = [
        ...addable.map((key) => [key, { kind: 'add' }] as const),
        ...removable.map((key) => [key, { kind: 'remove' }] as const),
      ];
      const outcomes: string[] = [];
      for (const [index, [issueKey, change]] of cases.entries()) {
        const proposal = await app().ok('createProposal', proposalPayload(issueKey, change), DANA);
        const decide = () =>
          app().call('decideProposal', { ...(approval(proposal.id) as object), verdict: index % 3 === 2 ? 'reject' : 'approve' }, PRIYA);
        // A withdrawal is far quicker than a decision (which re-assesses the sprint): started later and
        // later, it reaches storage before, alongside and after the decision.
        const withdraw = () =>
          delayed((index * 7) % 41, () => app().invoke('withdrawProposal', { proposalId: proposal.id, expectedVersion: 1 }, DANA));
        const answers = await race(index % 2 ? [decide, withdraw] : [withdraw, decide]);
        await app().sandbox.idle();

        const winners = answers.filter((answer) => answer.data);
        expect(winners).toHaveLength(1);
        const losers = answers.filter((answer) => answer.error);
        expect(losers).toHaveLength(1);
        expect(LOSING_CODES).toContain(losers[0]!.error!.code);
        const winner = present(winners[0]?.data, 'the winning answer');
        const trail = await auditActions(app(), proposal.id);
        expect(decisions(trail)).toEqual([winner.status === 'withdrawn' ? 'withdrawn' : present(winner.decision, 'a decision').verdict]);
        const final = storedProposal(app(), proposal.id);
        const target = change.kind === 'add' ? ONB_SPRINT : null;
        if (winner.status === 'approved') {
          expect(final.status).toBe('applied');
          expect(movesOf(app(), issueKey, target)).toBe(1);
        } else {
          expect(final.status).toBe(winner.status);
          expect(movesOf(app(), issueKey, target)).toBe(0);
        }
        outcomes.push(final.status);
      }
      // Both sides must have won some races, or the race was not a race.
      expect(outcomes).toContain('withdrawn');
      expect(outcomes.some((status) => status === 'applied' || status === 'rejected')).toBe(true);
    }),
  );
});

describe('decisions racing each other', () => {
  it(
    'lets exactly one of 50 concurrent approvals and rejections win, and applies at most once',
    tests.track(async () => {
      const proposal = await app().ok('createProposal', proposalPayload('ONB-76', { kind: 'add' }), KOFI);
      const answers = await race(
        Array.from(
          { length: 50 },
          (_, i) => () =>
            app().call('decideProposal', { ...(approval(proposal.id) as object), verdict: i % 2 ? 'approve' : 'reject' }, PRIYA),
        ),
      );
      await app().sandbox.idle();
      expect(answers.filter((answer) => answer.data)).toHaveLength(1);
      expect(answers.filter((answer) => answer.error).every((answer) => LOSING_CODES.includes(answer.error!.code))).toBe(true);
      expect(decisions(await auditActions(app(), proposal.id))).toHaveLength(1);
      expect(movesOf(app(), 'ONB-76', ONB_SPRINT)).toBeLessThanOrEqual(1);
    }),
  );

  it(
    'queues one retry of 10 concurrent ones and applies once',
    tests.track(async () => {
      app().sandbox.jira.faults.inject(
        { kind: 'server-error', status: 400 },
        { times: 1, method: 'POST', path: `/rest/agile/1.0/sprint/${ONB_SPRINT}/issue` },
      );
      const proposal = await app().ok('createProposal', proposalPayload('ONB-75', { kind: 'add' }), DANA);
      await app().ok('decideProposal', approval(proposal.id), PRIYA);
      await app().sandbox.idle();
      expect(storedProposal(app(), proposal.id).status).toBe('apply-failed');

      const answers = await race(
        Array.from({ length: 10 }, (_, i) => () => app().invoke('retryApply', { proposalId: proposal.id }, i % 2 ? PRIYA : DANA)),
      );
      await app().sandbox.idle();
      expect(answers.filter((answer) => answer.data)).toHaveLength(1);
      expect(answers.filter((answer) => answer.error).every((answer) => LOSING_CODES.includes(answer.error!.code))).toBe(true);
      const trail = await auditActions(app(), proposal.id);
      expect(trail.filter((action) => action === 'retry-requested')).toHaveLength(1);
      expect(storedProposal(app(), proposal.id).status).toBe('applied');
      expect(movesOf(app(), 'ONB-75', ONB_SPRINT)).toBe(1);
    }),
  );
});

describe('two proposals moving the same issue', () => {
  /** Both approved at the same moment: the second to reach Jira must find the sprint moved on. */
  async function approveBoth(
    first: { issueKey: string; change: object; by: string },
    second: { issueKey: string; change: object; by: string },
  ) {
    const a = await app().ok('createProposal', proposalPayload(first.issueKey, first.change), first.by);
    const b = await app().ok('createProposal', proposalPayload(second.issueKey, second.change), second.by);
    const answers = await race([
      () => app().call('decideProposal', approval(a.id), PRIYA),
      () => app().call('decideProposal', approval(b.id), PRIYA),
    ]);
    await app().sandbox.idle();
    for (const answer of answers) if (answer.error) expect(answer.error.code).toBe('stale');
    return [storedProposal(app(), a.id), storedProposal(app(), b.id)] as const;
  }

  it(
    'applies one of a removal and a deferral of the same issue and marks the other stale',
    tests.track(async () => {
      const [remove, defer] = await approveBoth(
        { issueKey: 'ONB-55', change: { kind: 'remove' }, by: DANA },
        { issueKey: 'ONB-55', change: { kind: 'defer' }, by: KOFI },
      );
      expect([remove.status, defer.status].sort()).toEqual(['applied', 'stale']);
      expect(openSprintsOf(app().site(), 'ONB-55')).toEqual(remove.status === 'applied' ? [] : [ONB_NEXT_SPRINT]);
      expect(appChanges(app()).filter((c) => c.kind === 'sprint-membership' && c.issueKey === 'ONB-55')).toHaveLength(1);
      expect((remove.status === 'stale' ? remove : defer).staleReason).toMatch(/ONB-55 is not in ONB Sprint 7/);
    }),
  );

  it(
    "applies one of an addition and a swap bringing in the same issue, never taking the swap's other issue out",
    tests.track(async () => {
      const [add, swap] = await approveBoth(
        { issueKey: 'ONB-70', change: { kind: 'add' }, by: DANA },
        { issueKey: 'ONB-70', change: { kind: 'swap', outIssueKey: 'ONB-62' }, by: MEI },
      );
      expect([add.status, swap.status].sort()).toEqual(['applied', 'stale']);
      expect(openSprintsOf(app().site(), 'ONB-70')).toEqual([ONB_SPRINT]);
      expect(openSprintsOf(app().site(), 'ONB-62')).toEqual(swap.status === 'applied' ? [] : [ONB_SPRINT]);
      expect(movesOf(app(), 'ONB-70', ONB_SPRINT)).toBe(1);
    }),
  );

  it(
    "applies one of a swap and a removal taking out the same issue, never bringing the swap's issue in for nothing",
    tests.track(async () => {
      const [swap, remove] = await approveBoth(
        { issueKey: 'ONB-71', change: { kind: 'swap', outIssueKey: 'ONB-62' }, by: DANA },
        { issueKey: 'ONB-62', change: { kind: 'remove' }, by: KOFI },
      );
      expect([swap.status, remove.status].sort()).toEqual(['applied', 'stale']);
      expect(openSprintsOf(app().site(), 'ONB-62')).toEqual([]);
      expect(openSprintsOf(app().site(), 'ONB-71')).toEqual(swap.status === 'applied' ? [ONB_SPRINT] : []);
      expect(movesOf(app(), 'ONB-62', null)).toBe(1);
    }),
  );

  it(
    'never ranks against an issue a concurrent removal took out of the sprint',
    tests.track(async () => {
      const [rerank, remove] = await approveBoth(
        { issueKey: 'ONB-39', change: { kind: 'rerank', target: { position: 'after', issueKey: 'ONB-42' } }, by: DANA },
        { issueKey: 'ONB-42', change: { kind: 'remove' }, by: KOFI },
      );
      expect(remove.status).toBe('applied');
      const ranked = appChanges(app()).filter((c) => c.kind === 'rank');
      if (rerank.status === 'applied') {
        // The rank landed while ONB-42 was still in the sprint, before the removal.
        const changes = appChanges(app());
        expect(changes.findIndex((c) => c.kind === 'rank')).toBeLessThan(
          changes.findIndex((c) => c.kind === 'sprint-membership' && c.issueKey === 'ONB-42'),
        );
      } else {
        expect(rerank.status).toBe('stale');
        expect(ranked).toHaveLength(0);
      }
    }),
  );

  it(
    'applies one of two approved moves of the same issue even when Forge delivers both apply jobs at once',
    tests.track(async () => {
      // Both approved, both waiting for a retry: the queue would deliver them one after the other, Forge may not.
      app().sandbox.jira.faults.inject(
        { kind: 'server-error', status: 400 },
        { times: 1, method: 'POST', path: '/rest/agile/1.0/backlog/issue' },
      );
      app().sandbox.jira.faults.inject(
        { kind: 'server-error', status: 400 },
        { times: 1, method: 'POST', path: `/rest/agile/1.0/sprint/${ONB_NEXT_SPRINT}/issue` },
      );
      const remove = await app().ok('createProposal', proposalPayload('ONB-55', { kind: 'remove' }), DANA);
      const defer = await app().ok('createProposal', proposalPayload('ONB-55', { kind: 'defer' }), KOFI);
      await app().ok('decideProposal', approval(remove.id), PRIYA);
      await app().ok('decideProposal', approval(defer.id), PRIYA);
      await app().sandbox.idle();
      expect([storedProposal(app(), remove.id).status, storedProposal(app(), defer.id).status]).toEqual(['apply-failed', 'apply-failed']);

      // Jira takes its time with the removal: the deferral's own check runs meanwhile.
      app().sandbox.jira.faults.inject({ kind: 'delay', ms: 300 }, { times: 1, method: 'POST', path: '/rest/agile/1.0/backlog/issue' });
      figures.races++;
      figures.calls += 2;
      await Promise.all([deliverApply(remove.id, 2), deliverApply(defer.id, 2)]);
      const [removal, deferral] = [storedProposal(app(), remove.id), storedProposal(app(), defer.id)];
      expect([removal.status, deferral.status].sort()).toEqual(['applied', 'apply-failed']);
      const loser = removal.status === 'applied' ? deferral : removal;
      expect(loser.apply?.lastError).toMatch(
        /Another approved change to ONB-55 was being applied at the same moment, so nothing was changed/,
      );
      expect(appChanges(app()).filter((c) => c.kind === 'sprint-membership' && c.issueKey === 'ONB-55')).toHaveLength(1);
      expect(openSprintsOf(app().site(), 'ONB-55')).toEqual(removal.status === 'applied' ? [] : [ONB_NEXT_SPRINT]);

      // Retried once the other is done, it is judged against the sprint as it now is.
      await app().invokeOk('retryApply', { proposalId: loser.id }, PRIYA);
      await app().sandbox.idle();
      expect(storedProposal(app(), loser.id)).toMatchObject({
        status: 'stale',
        staleReason: expect.stringMatching(/ONB-55 is not in ONB Sprint 7/),
      });
      expect(appChanges(app()).filter((c) => c.kind === 'sprint-membership' && c.issueKey === 'ONB-55')).toHaveLength(1);
    }),
  );
});

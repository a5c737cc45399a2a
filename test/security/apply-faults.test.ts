/**
 * Jira failing during an apply, at every call the apply makes: 429 with Retry-After, 500 and 503,
 * dropped connections, and answers slower than the adapter's timeout — once (the adapter rides it
 * out) or for good (the attempt fails). Every proposal ends `applied` or `apply-failed`, one Retry
 * completes a failed one, the audit trail shows every attempt, and the stand-in's record of
 * changes proves nothing was applied twice. A half-applied swap says what is done.
 *
 * Each scenario runs on a Jira site (and app installation) of its own, so they run side by side:
 * the stand-in seeds each cloudId afresh, and storage and the apply queue are per installation.
 */
import type { Fault } from '../../sandbox/jira/faults';
import type { RecordedRequest } from '../../sandbox/jira/jira-stand-in';
import { REQUEST_TIMEOUT_MS } from '../../src/jira/jira-client';
import type { Proposal } from '../../src/domain/proposal';
import { reportFigure, testTally } from '../support/figures';
import { startForgeApp, type ForgeApp, type SiteRef } from '../support/forge-app';
import {
  appChanges,
  approval,
  auditActions,
  commentsBy,
  DANA,
  movesOf,
  ONB_SPRINT,
  openSprintsOf,
  otherSite,
  PRIYA,
  proposalPayload,
  storedProposal,
} from './security-fixture';

/**
 * Matches the calls one site makes (optionally only those to `path`, optionally only the n-th of
 * them), and counts how often it fired. The stand-in records each request before it asks the fault
 * switch, so the last recorded request is the one being matched.
 */
class SiteCalls extends RegExp {
  fired = 0;
  /** Cleared once the attempt under test has settled: a fault "for good" lasts the whole attempt, no longer. */
  active = true;
  private seen = 0;

  constructor(
    private readonly requests: readonly RecordedRequest[],
    private readonly site: SiteRef,
    private readonly only: { readonly nth?: number; readonly path?: RegExp; readonly onHit?: () => void } = {},
  ) {
    super('');
  }

  override test(pathAndQuery: string): boolean {
    if (!this.active || this.requests.at(-1)?.siteId !== this.site.cloudId) return false;
    if (this.only.path && !this.only.path.test(pathAndQuery)) return false;
    const index = this.seen++;
    const hit = this.only.nth === undefined || index === this.only.nth;
    if (hit) {
      this.fired++;
      this.only.onHit?.();
    }
    return hit;
  }
}

const SWAP = { issueKey: 'ONB-75', change: { kind: 'swap', outIssueKey: 'ONB-62' } } as const;
const SPLIT = {
  issueKey: 'ONB-42',
  change: {
    kind: 'split',
    parts: [
      { summary: 'Entra ID: register the staging tenant', points: 1 },
      { summary: 'Entra ID: sign-up callback', points: 1 },
    ],
  },
} as const;

const TRANSIENT: Record<string, Fault> = {
  '429 Retry-After 1 s': { kind: 'rate-limit', retryAfterSeconds: 1 },
  '500': { kind: 'server-error', status: 500 },
  '503': { kind: 'server-error', status: 503 },
  'dropped connection': { kind: 'drop-connection' },
};

/** Faults the adapter cannot ride out: it gives up and the attempt fails. */
const PERSISTENT: Record<string, Fault> = {
  '429 Retry-After 60 s': { kind: 'rate-limit', retryAfterSeconds: 60 },
  '503 on every try': { kind: 'server-error', status: 503 },
  'dropped connection on every try': { kind: 'drop-connection' },
};

/** The calls of a swap's apply that write to Jira or read a write back. */
const SWAP_WRITES: Record<string, RegExp> = {
  'swap in (move into the sprint)': /^\/rest\/agile\/1\.0\/sprint\/7\/issue$/,
  'read back of the swap in': /^\/rest\/agile\/1\.0\/issue\/ONB-75$/,
  'swap out (move to the backlog), between the two halves': /^\/rest\/agile\/1\.0\/backlog\/issue$/,
  'read back of the swap out': /^\/rest\/agile\/1\.0\/issue\/ONB-62$/,
  'decision comment': /^\/rest\/api\/3\/issue\/ONB-75\/comment$/,
};

let app: ForgeApp;
let sites = 0;
let callsPerSwapApply = 0;
const tally = { scenarios: 0, faultsInjected: 0, appliedFirstTime: 0, completedByRetry: 0, appliedTwice: 0 };
const tests = testTally();

// One app per test: a few hundred sites' records in one store would outlive the test that made them.
beforeEach(async () => {
  app = await startForgeApp();
});

afterEach(async () => {
  await app.close();
});

afterAll(() => {
  reportFigure(
    'faults',
    `${tally.faultsInjected} faults injected in ${tally.scenarios} applies (429/500/503/dropped connection at each of the ${callsPerSwapApply} Jira calls of a swap's apply; lasting 429/503/drops and answers beyond the ${REQUEST_TIMEOUT_MS / 1000} s timeout at each write): ${tally.appliedFirstTime} applied in the first attempt, ${tally.completedByRetry} apply-failed and completed by one Retry, ${tally.appliedTwice} applied twice; ${tests.failed} of ${tests.ran} tests failed`,
  );
});

function newSite(): SiteRef {
  return otherSite(`faults-${++sites}`);
}

/** Runs `work` over `items`, `width` at a time: side by side, without starving the event loop. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += width) await Promise.all(items.slice(start, start + width).map(work));
}

/** The proposal once its apply attempt is over (the queue may still be busy with other sites' applies). */
async function settle(site: SiteRef, proposalId: string): Promise<Proposal> {
  for (let round = 0; round < 100; round++) {
    await app.sandbox.idle();
    const stored = storedProposal(app, proposalId, site);
    if (!['approved', 'auto-approved'].includes(stored.status) || stored.apply?.finishedAt) return stored;
  }
  return storedProposal(app, proposalId, site);
}

interface Run {
  readonly site: SiteRef;
  readonly proposalId: string;
  readonly first: Proposal;
  readonly final: Proposal;
  readonly actions: string[];
  /** The Jira calls of the first attempt, in order. */
  readonly firstAttemptCalls: readonly RecordedRequest[];
}

/**
 * Proposes and approves on a fresh site, arms the fault once the decision is saved (its apply
 * job is delivered on a later turn of the event loop, so every Jira call the fault sees is the
 * apply's), and retries once if the attempt failed.
 */
async function applyUnder(
  subject: { issueKey: string; change: object },
  arm: (site: SiteRef) => SiteCalls,
  beforeRetry?: () => Promise<void>,
): Promise<Run> {
  const site = newSite();
  const proposal = await app.ok('createProposal', proposalPayload(subject.issueKey, subject.change), DANA, { site });
  await app.ok('decideProposal', approval(proposal.id), PRIYA, { site });
  const armedAt = app.sandbox.jira.requests.length;
  const calls = arm(site);
  const first = await settle(site, proposal.id);
  calls.active = false;
  const firstAttemptCalls = app.sandbox.jira.requests.slice(armedAt).filter((request) => request.siteId === site.cloudId);
  tally.scenarios++;
  tally.faultsInjected += calls.fired;
  if (first.status === 'apply-failed') {
    await beforeRetry?.();
    await app.invokeOk('retryApply', { proposalId: proposal.id }, PRIYA, { site });
  }
  const final = await settle(site, proposal.id);
  if (first.status === 'applied') tally.appliedFirstTime++;
  else if (final.status === 'applied') tally.completedByRetry++;
  return { site, proposalId: proposal.id, first, final, actions: await auditActions(app, proposal.id, site), firstAttemptCalls };
}

function expectSwapAppliedOnce({ site, first, final, actions }: Run): void {
  expect(['applied', 'apply-failed']).toContain(first.status);
  expect(final.status).toBe('applied');
  const attempts = final.apply?.attempts ?? 0;
  expect(attempts).toBeGreaterThanOrEqual(1);
  // One outcome per attempt in the audit trail, and one retry request per extra attempt.
  expect(actions.filter((a) => a === 'applied' || a === 'apply-failed')).toHaveLength(attempts);
  expect(actions.filter((a) => a === 'retry-requested')).toHaveLength(attempts - 1);
  const twice =
    movesOf(app, 'ONB-75', ONB_SPRINT, site) !== 1 || movesOf(app, 'ONB-62', null, site) !== 1 || commentsBy(app, 'ONB-75', site) !== 1;
  if (twice) tally.appliedTwice++;
  expect([movesOf(app, 'ONB-75', ONB_SPRINT, site), movesOf(app, 'ONB-62', null, site), commentsBy(app, 'ONB-75', site)]).toEqual([
    1, 1, 1,
  ]);
  expect([openSprintsOf(app.site(site), 'ONB-75'), openSprintsOf(app.site(site), 'ONB-62')]).toEqual([[ONB_SPRINT], []]);
}

/** How long after the adapter's timeout Jira carries out and answers the slow write. */
const LATE_BY_MS = 500;

/**
 * Writes Jira answers only after the adapter gave up on them (each on its own site), and what came
 * of it. The adapter's timeout is expired the moment the write reaches Jira instead of waited out:
 * the same order of events (timeout, read back, late write, Retry) without the 10 s wait.
 */
function writesAnsweredTooLate(): Promise<{ failures: string[]; outcomes: { name: string; run: Run; expired: number[] }[] }> {
  const late: Fault = { kind: 'delay', ms: LATE_BY_MS };
  const failures: string[] = [];
  const slowWrite = (subject: { issueKey: string; change: object }, name: string, path: RegExp) => {
    const expired: number[] = [];
    return applyUnder(
      subject,
      (site) => {
        const calls = new SiteCalls(app.sandbox.jira.requests, site, {
          path,
          nth: 0,
          onHit: () => expired.push(...app.expireJiraRequests(site)),
        });
        app.sandbox.jira.faults.inject(late, { times: 1, path: calls });
        return calls;
      },
      // A person retries later than Jira's late answer: by then the write has landed.
      () => new Promise((resolve) => setTimeout(resolve, 2 * LATE_BY_MS)),
    ).then(
      (run) => [{ name, run, expired }],
      (error: unknown) => {
        failures.push(`${name}: ${String(error)}`);
        return [];
      },
    );
  };
  return Promise.all([
    ...Object.entries(SWAP_WRITES).map(([name, path]) => slowWrite(SWAP, name, path)),
    slowWrite(SPLIT, 'creating a part of a split', /^\/rest\/api\/3\/issue$/),
  ]).then((runs) => ({ failures, outcomes: runs.flat() }));
}

describe('an apply under Jira faults', () => {
  let swapCalls: readonly RecordedRequest[] = [];

  beforeAll(async () => {
    // A clean apply on its own site: the calls every scenario below fails one of.
    app = await startForgeApp();
    try {
      const run = await applyUnder(SWAP, (site) => new SiteCalls(app.sandbox.jira.requests, site, { nth: -1 }));
      swapCalls = run.firstAttemptCalls;
      callsPerSwapApply = swapCalls.length;
      tally.scenarios--;
      tally.appliedFirstTime--;
      expectSwapAppliedOnce(run);
    } finally {
      await app.close();
    }
  }, 30_000);

  it.each(Object.entries(TRANSIENT))(
    'rides out a %s at each Jira call of a swap, or fails the attempt and completes on Retry',
    tests.track(async (_, fault) => {
      // A swap's apply reads, moves, ranks, comments and reads back: well over a dozen calls to fault.
      expect(swapCalls.length).toBeGreaterThan(12);
      const failures: string[] = [];
      await inBatches(
        swapCalls.map((call, nth) => ({ call, nth })),
        swapCalls.length,
        async ({ call, nth }) => {
          const run = await applyUnder(SWAP, (site) => {
            const calls = new SiteCalls(app.sandbox.jira.requests, site, { nth });
            app.sandbox.jira.faults.inject(fault, { times: 1, path: calls });
            return calls;
          });
          try {
            expectSwapAppliedOnce(run);
          } catch (error) {
            failures.push(`call ${nth} (${call.method} ${call.path}): ${String(error).slice(0, 300)}`);
          }
        },
      );
      expect(failures).toEqual([]);
    }),
    60_000,
  );

  it.each(Object.entries(PERSISTENT))(
    'fails the attempt on a %s at each write of a swap, says what is done, and completes on Retry',
    tests.track(async (_, fault) => {
      const failures: string[] = [];
      await Promise.all(
        Object.entries(SWAP_WRITES).map(async ([name, path]) => {
          const run = await applyUnder(SWAP, (site) => {
            const calls = new SiteCalls(app.sandbox.jira.requests, site, { path });
            app.sandbox.jira.faults.inject(fault, { times: Number.MAX_SAFE_INTEGER, path: calls });
            return calls;
          });
          try {
            expect(run.first.status).toBe('apply-failed');
            if (name.startsWith('swap out'))
              expect(run.first.apply?.lastError).toMatch(/Already done: Move ONB-75 into sprint 7\. Retry completes the rest\./);
            if (name.startsWith('swap in')) expect(run.first.apply?.lastError).toMatch(/Nothing was changed in Jira; Retry tries again\./);
            expectSwapAppliedOnce(run);
          } catch (error) {
            failures.push(`${name}: ${String(error).slice(0, 400)}`);
          }
        }),
      );
      expect(failures).toEqual([]);
    }),
    60_000,
  );

  it(
    `never applies twice when Jira answers a write later than the adapter's ${REQUEST_TIMEOUT_MS / 1000} s timeout`,
    tests.track(async () => {
      const { failures, outcomes } = await writesAnsweredTooLate();
      expect(outcomes).toHaveLength(Object.keys(SWAP_WRITES).length + 1);
      for (const { name, run, expired } of outcomes) {
        try {
          // The slow write timed out on the production timeout, and nothing else did.
          expect(expired).toEqual([REQUEST_TIMEOUT_MS]);
          if (name.includes('split')) {
            expect(run.final.status).toBe('applied');
            const created = appChanges(app, run.site).filter((c) => c.kind === 'issue-created');
            expect(created).toHaveLength(SPLIT.change.parts.length);
            expect(commentsBy(app, SPLIT.issueKey, run.site)).toBe(1);
          } else {
            expectSwapAppliedOnce(run);
          }
        } catch (error) {
          failures.push(`${name}: ${String(error).slice(0, 400)}`);
        }
      }
      expect(failures).toEqual([]);
    }),
    60_000,
  );
});

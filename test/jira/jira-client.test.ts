import fc from 'fast-check';
import { GoalkeeperError } from '../../src/domain/errors';
import { BASE_BACKOFF_MS, DEFAULT_MAX_ATTEMPTS, describeJiraProblem, retryAfterMs } from '../../src/jira/jira-client';
import { createJiraAdapter } from '../../src/jira/jira-adapter';
import { SEED_FACTS } from '../../sandbox/jira/seed';
import { FIXED_RANDOM, startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeEach(async () => {
  harness = await startJiraHarness();
});
afterEach(() => harness.close());

const BOARD_PATH = `/rest/agile/1.0/board/${SEED_FACTS.onb.boardId}`;

function callsTo(mark: number, path: string): number {
  return harness.requestsSince(mark).filter((request) => request.path === path).length;
}

describe('rate limiting and failures', () => {
  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    harness.standIn.faults.inject({ kind: 'rate-limit', retryAfterSeconds: 2 }, { times: 2, path: BOARD_PATH });
    const mark = harness.standIn.requests.length;
    const board = await harness.invoke(() => harness.jira.getBoard(SEED_FACTS.onb.boardId));
    expect(board?.name).toBe('ONB board');
    expect(callsTo(mark, BOARD_PATH)).toBe(3);
    // Retry-After plus a little jitter, so many clients do not return at the same instant.
    expect(harness.sleeps).toEqual([2_000 + FIXED_RANDOM * BASE_BACKOFF_MS, 2_000 + FIXED_RANDOM * BASE_BACKOFF_MS]);
  });

  it('gives up at once when Retry-After is longer than an invocation can wait', async () => {
    harness.standIn.faults.inject({ kind: 'rate-limit', retryAfterSeconds: 60 }, { path: BOARD_PATH });
    const mark = harness.standIn.requests.length;
    await expect(harness.invoke(() => harness.jira.getBoard(SEED_FACTS.onb.boardId))).rejects.toMatchObject({
      code: 'jira-unavailable',
      message: 'Rate limit exceeded.',
    });
    expect(callsTo(mark, BOARD_PATH)).toBe(1);
    expect(harness.sleeps).toEqual([]);
  });

  it('retries a server error and succeeds when Jira recovers', async () => {
    harness.standIn.faults.inject({ kind: 'server-error', status: 503 }, { path: BOARD_PATH });
    const board = await harness.invoke(() => harness.jira.getBoard(SEED_FACTS.onb.boardId));
    expect(board?.id).toBe(SEED_FACTS.onb.boardId);
    expect(harness.sleeps).toHaveLength(1);
  });

  it('stops retrying server errors after a bounded number of tries, with growing waits', async () => {
    harness.standIn.faults.inject({ kind: 'server-error', status: 500 }, { times: 10, path: BOARD_PATH });
    const mark = harness.standIn.requests.length;
    const failure = await harness.invoke(() => harness.jira.getBoard(SEED_FACTS.onb.boardId)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GoalkeeperError);
    expect(failure).toMatchObject({ code: 'jira-unavailable', message: 'Internal server error' });
    expect(callsTo(mark, BOARD_PATH)).toBe(DEFAULT_MAX_ATTEMPTS);
    expect(harness.sleeps).toEqual([375, 750, 1_500]);
  });

  it('keeps every back-off wait between half and all of its exponential step, whatever the jitter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (jitter) => {
        const sleeps: number[] = [];
        const jira = createJiraAdapter({ random: () => jitter, sleep: async (ms) => void sleeps.push(ms) });
        harness.standIn.faults.inject({ kind: 'server-error', status: 503 }, { times: 3, path: BOARD_PATH });
        await harness.invoke(() => jira.getBoard(SEED_FACTS.onb.boardId));
        sleeps.forEach((ms, index) => {
          const step = BASE_BACKOFF_MS * 2 ** index;
          expect(ms).toBeGreaterThanOrEqual(step / 2);
          expect(ms).toBeLessThanOrEqual(step);
        });
        expect(sleeps).toHaveLength(3);
      }),
      { numRuns: 15 },
    );
  });

  it('retries a read after a dropped connection', async () => {
    harness.standIn.faults.inject({ kind: 'drop-connection' }, { path: BOARD_PATH });
    const mark = harness.standIn.requests.length;
    expect((await harness.invoke(() => harness.jira.getBoard(SEED_FACTS.onb.boardId)))?.name).toBe('ONB board');
    expect(callsTo(mark, BOARD_PATH)).toBe(2);
  });

  it('reports a move as failed with status 0 when the connection keeps dropping', async () => {
    harness.standIn.faults.inject({ kind: 'drop-connection' }, { times: DEFAULT_MAX_ATTEMPTS, method: 'POST' });
    const result = await harness.invoke(() => harness.jira.moveToSprint(SEED_FACTS.activeSprintId, ['ONB-68']));
    expect(result.ok).toBe(false);
    expect(result.status).toBe(0);
    expect(result.message).toMatch(/^Jira did not move ONB-68 to sprint 7: Jira could not be reached: /);
  });

  it('gives up on a Jira that does not answer in time', async () => {
    const impatient = createJiraAdapter({ requestTimeoutMs: 100, maxAttempts: 1 });
    harness.standIn.faults.inject({ kind: 'delay', ms: 1_000 }, { path: BOARD_PATH });
    await expect(harness.invoke(() => impatient.getBoard(SEED_FACTS.onb.boardId))).rejects.toMatchObject({
      code: 'jira-unavailable',
      message: 'Jira could not be reached: no answer within 100 ms.',
    });
  });

  it('retries the rate-limited page of a long sprint and still returns every issue', async () => {
    harness.standIn.faults.inject({ kind: 'rate-limit', retryAfterSeconds: 1 }, { path: /\/sprint\/7\/issue\?startAt=0/ });
    const sprint = await harness.invoke(() => harness.jira.getSprint(SEED_FACTS.activeSprintId));
    const snapshot = await harness.invoke(() =>
      harness.jira.sprintSnapshot(sprint!, { labels: [], epicKeys: [], flaggedIssueKeys: [], jql: null }),
    );
    expect(snapshot.issues).toHaveLength(20);
    expect(harness.sleeps).toEqual([1_000 + FIXED_RANDOM * BASE_BACKOFF_MS]);
  });
});

describe("reading Jira's answers", () => {
  it('reads Retry-After given as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs('Wed, 12 Mar 2025 10:00:05 GMT', Date.parse('2025-03-12T10:00:00Z'))).toBe(5_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it("puts Jira's error messages, field errors and per-issue errors into one sentence", () => {
    expect(describeJiraProblem(400, { errorMessages: ['Bad request.'], errors: { priority: 'The priority selected is invalid.' } })).toBe(
      'Bad request. priority: The priority selected is invalid.',
    );
    expect(
      describeJiraProblem(207, {
        entries: [
          { issueKey: 'ONB-1', status: 200, errors: [] },
          { issueKey: 'ONB-2', status: 403, errors: ['No permission.'] },
        ],
      }),
    ).toBe('ONB-2: No permission.');
    expect(describeJiraProblem(502, '')).toBe('Jira answered HTTP 502.');
  });
});

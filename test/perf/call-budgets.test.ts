/**
 * What the views cost in calls (issue 12), counted through the real handler against the stand-in
 * on the big board (sandbox/jira/big-board-seed.ts) at 10 and 1,000 items: call counts are
 * deterministic, so they are asserted; times are not (they stay in `npm run bench`,
 * bench/jira-calls.ts, which also prints the budgets still open).
 */
import { measureCall, openMeteredBoard, storeOpenProposals, type MeteredBoard } from '../../bench/jira-calls';
import type { Cost } from '../../bench/call-meter';
import { BIG_BOARD } from '../../sandbox/jira/big-board-seed';
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';

const DANA = SEED_ACCOUNTS.devDana;
/** Sizes the test builds (5,000 only in the benchmark: seeding it takes long on a loaded box). */
const SIZES = [10, 1_000] as const;

/** Storage operations that write (@forge/kvs's REST paths, sandbox/forge-host/kvs-emulator.ts). */
const STORAGE_WRITES = /\/(set|delete|transaction|batch\/set|batch\/delete)$/;

function jiraGets(cost: Cost): string[] {
  return cost.calls.filter((call) => call.kind === 'jira' && call.what.startsWith('GET ')).map((call) => call.what);
}

/** The operation a call is, without its query. */
function operationOf(what: string): string {
  return what.split('?')[0]!;
}

function repeated(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

describe.each(SIZES)('a sprint of %i items', (items) => {
  let board: MeteredBoard;
  const costs = new Map<string, Cost>();
  const open = async (name: string, functionKey: string, payload: unknown): Promise<Cost> => {
    // The first open computes and keeps what never changes (closed sprints' history); the second is every later open.
    await measureCall(board, functionKey, payload, DANA);
    const { cost } = await measureCall(board, functionKey, payload, DANA);
    costs.set(name, cost);
    return cost;
  };

  beforeAll(async () => {
    board = await openMeteredBoard(items);
    await open('panel', 'getIssuePanelState', { issueKey: board.sprintKey });
    await open('preview', 'previewProposal', { issueKey: board.backlogKeys[0], change: { kind: 'add' } });
    await open('sprint view', 'getSprintViewState', { boardId: BIG_BOARD.boardId });
    await storeOpenProposals(board, 100);
    await open('sprint view, 100 open', 'getSprintViewState', { boardId: BIG_BOARD.boardId });
    await open('panel, 100 open', 'getIssuePanelState', { issueKey: board.sprintKey });
  }, 120_000);

  afterAll(async () => {
    await board?.close();
  });

  it.each(['panel', 'preview', 'sprint view', 'sprint view, 100 open'])('%s never makes the same GET twice', (name) => {
    expect(repeated(jiraGets(costs.get(name)!))).toEqual([]);
  });

  it('re-assesses 100 open proposals with one more Jira call than an empty queue, not one per proposal', () => {
    expect(costs.get('sprint view, 100 open')!.jira).toBe(costs.get('sprint view')!.jira + 1);
  });

  it('opens the panel at the same cost whatever the queue', () => {
    expect(costs.get('panel, 100 open')!.jira).toBe(costs.get('panel')!.jira);
  });

  it('checks the board with one call for that board, never by listing the boards of the site', () => {
    const calls = costs.get('sprint view')!.calls.map((call) => operationOf(call.what));
    expect(calls).toContain(`GET /rest/agile/1.0/board/${BIG_BOARD.boardId}`);
    expect(calls).not.toContain('GET /rest/agile/1.0/board');
    expect(calls.filter((what) => what === 'GET /rest/api/3/mypermissions')).toHaveLength(1);
  });

  it('reads the active and future sprints in one call', () => {
    const sprintLists = jiraGets(costs.get('panel')!).filter((what) => operationOf(what) === `GET /rest/agile/1.0/board/${BIG_BOARD.boardId}/sprint`);
    // One for the open sprints, one for the newest closed ones.
    expect(sprintLists.map((what) => new URL(what.slice('GET '.length), 'https://jira.invalid').searchParams.get('state')).sort()).toEqual(['active,future', 'closed']);
  });

  it('answers the sprint view without waiting for reconciliation, and writes nothing on its request path', () => {
    const writes = costs.get('sprint view')!.calls.filter((call) => call.kind === 'storage' && STORAGE_WRITES.test(call.what));
    expect(writes).toEqual([]);
  });
});

describe('the growth that is left', () => {
  it('is the sprint issue pages only: 1,000 items cost the 19 pages past the first more than 10', async () => {
    const counts: number[] = [];
    for (const items of SIZES) {
      const board = await openMeteredBoard(items);
      try {
        await measureCall(board, 'getSprintViewState', { boardId: BIG_BOARD.boardId }, DANA);
        counts.push((await measureCall(board, 'getSprintViewState', { boardId: BIG_BOARD.boardId }, DANA)).cost.jira);
      } finally {
        await board.close();
      }
    }
    // 1,000 items are 20 pages of 50 (Jira's agile page size); 10 items are one.
    expect(counts[1]! - counts[0]!).toBe(19);
  }, 120_000);
});

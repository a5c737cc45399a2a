/**
 * Jira calls, storage calls and modelled time per invocation (issue 12, item 2), through the real
 * handler against the stand-in: the panel state, the live preview, propose, decide, the apply
 * worker and the sprint view, on the big board (sandbox/jira/big-board-seed.ts) at sprints of
 * 10, 100, 1,000 and 5,000 items, with 100 and 10,000 stored proposals and 0 and 100 open ones.
 *
 * Each view is opened twice and both are shown: the first open pays for what is computed once
 * and kept (closed sprints' history, the sprint snapshot, Jira configuration kept a while:
 * src/jira/kept-config.ts); the second is what every later open costs. Budgets: panel state ≤ 4
 * Jira calls, preview ≤ 4, sprint view ≤ 8 on every later open, at every size and queue length;
 * a first open pages the sprint once and is held to time only; nothing over 5 s modelled at
 * 5,000 items; 10,000 stored proposals cost ≤ 1.3× what 100 cost (budgetVerdicts prints each). Figures, not tests: test/perf/call-budgets.test.ts
 * asserts the call counts (deterministic); times stay here.
 *
 * `npm run bench -- --calls-only` runs only this benchmark; `--sizes=10,100` picks sizes.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../src/domain/audit';
import { openProposal, type Proposal } from '../src/domain/proposal';
import { createProposalStore } from '../src/store/proposal-store';
import { installForgeRuntime } from '../sandbox/forge-host/forge-runtime';
import { BIG_BOARD, bigBoardBacklogKeys, bigBoardSprintKeys } from '../sandbox/jira/big-board-seed';
import type { JiraSite } from '../sandbox/jira/jira-model';
import { jiraBackend } from '../sandbox/jira/jira-stand-in';
import { SEED_ACCOUNTS } from '../sandbox/jira/seed';
import { startForgeApp, type ForgeApp } from '../test/support/forge-app';
import { CallMeter, type Cost } from './call-meter';

export const SPRINT_SIZES = [10, 100, 1_000, 5_000] as const;
export const BUDGETS = {
  panelJira: 4,
  previewJira: 4,
  sprintViewJira: 8,
  maxModelledMsAtLargest: 5_000,
  storedProposalsRatio: 1.3,
} as const;

/** The resolver's module (the handler serves every Custom UI module alike) and the apply queue's consumer (manifest.yml). */
const RESOLVER_MODULE = 'goalkeeper-issue-panel';
const APPLY_CONSUMER_MODULE = 'apply-consumer';
const STORED_FEW = 100;
const STORED_MANY = 10_000;
const OPEN_PROPOSALS = 100;
const AT = '2026-11-24T10:00:00.000Z';

const DANA = SEED_ACCOUNTS.devDana;
const PRIYA = SEED_ACCOUNTS.productOwner;

export interface Measured {
  readonly invocation: string;
  readonly size: number;
  readonly cost: Cost;
  /** The error the invocation answered, when it failed (the cost is what it spent failing). */
  readonly failed?: string;
}

/** An invocation that answered an error, with what it cost. */
export class FailedInvocation extends Error {
  constructor(
    message: string,
    readonly cost: Cost,
  ) {
    super(message);
  }
}

/** One big board, its app and a meter on the runtime's back ends. */
export interface MeteredBoard {
  readonly app: ForgeApp;
  readonly meter: CallMeter;
  readonly site: JiraSite;
  /** An issue in the middle of the sprint's rank order (not a sub-task). */
  readonly sprintKey: string;
  readonly backlogKeys: readonly string[];
  close(): Promise<void>;
}

export async function openMeteredBoard(items: number): Promise<MeteredBoard> {
  const app = await startForgeApp({ sandbox: { bigBoardItems: items, persistStorage: false } });
  const meter = new CallMeter();
  const { sandbox } = app;
  installForgeRuntime(meter.wrap({ jira: jiraBackend(sandbox.jira), kvs: sandbox.kvs.backend, queue: sandbox.queue.backend }));
  const site = app.site();
  const keys = bigBoardSprintKeys(site);
  return {
    app,
    meter,
    site,
    sprintKey: keys[Math.floor(keys.length / 2)]!,
    backlogKeys: bigBoardBacklogKeys(site),
    close: () => app.close(),
  };
}

/** Calls the resolver and counts what that invocation cost; fails on an error answer. */
export async function measureCall<T = unknown>(
  board: MeteredBoard,
  functionKey: string,
  payload: unknown,
  accountId: string,
  extension?: object,
): Promise<{ data: T; cost: Cost }> {
  await board.app.sandbox.idle();
  const { result, cost } = await board.meter.measure([RESOLVER_MODULE], () =>
    board.app.callUnknownFunction(functionKey, payload, accountId, extension ? { extension } : {}),
  );
  if (result.error) throw new FailedInvocation(`${result.error.code}: ${result.error.message}`, cost);
  return { data: result.data as T, cost };
}

/** Waits for the apply worker the decision queued, counting what it cost. */
export async function measureApply(board: MeteredBoard, decide: () => Promise<unknown>): Promise<{ decide: Cost; apply: Cost }> {
  const decided = await board.meter.measure([RESOLVER_MODULE], decide);
  const applied = await board.meter.measure([APPLY_CONSUMER_MODULE], () => board.app.sandbox.idle());
  return { decide: decided.cost, apply: applied.cost };
}

function storedEvent(proposal: Proposal): AuditEvent {
  return {
    proposalId: proposal.id,
    sequence: proposal.version,
    action: 'proposed',
    actorAccountId: proposal.proposerAccountId,
    at: proposal.createdAt,
    status: proposal.status,
    detail: '',
  };
}

function proposalOn(site: JiraSite, issueKey: string, sprintId: number, createdAt: string): Proposal {
  const issue = site.issueByKeyOrId(issueKey);
  if (!issue) throw new Error(`No issue ${issueKey}`);
  return openProposal({
    id: randomUUID(),
    issueKey,
    issueId: issue.id,
    projectKey: BIG_BOARD.projectKey,
    boardId: BIG_BOARD.boardId,
    sprintId,
    proposerAccountId: DANA,
    change: { kind: 'add' },
    reason: { category: 'stakeholder-request', text: 'A customer escalation needs this in the sprint.' },
    createdAt,
    pointsAtProposal: { [issueKey]: issue.points },
    needsProductOwner: true,
    assessment: null,
    threatAcknowledged: true,
  });
}

/** Writes proposals straight through the app's own store (as proposing would, without the per-person limit). */
async function store(board: MeteredBoard, proposals: readonly Proposal[]): Promise<void> {
  await board.app.asApp(async () => {
    const proposalStore = createProposalStore();
    const batch = 50;
    for (let start = 0; start < proposals.length; start += batch) {
      await Promise.all(proposals.slice(start, start + batch).map((proposal) => proposalStore.create(proposal, storedEvent(proposal))));
    }
  });
}

/** Decided-and-gone proposals of the closed sprints: what a board accumulates over a year. */
export async function storeClosedProposals(board: MeteredBoard, count: number, offset = 0): Promise<void> {
  const closedIssues = [...board.site.issues.values()].filter((issue) =>
    issue.sprintIds.some((id) => (BIG_BOARD.closedSprintIds as readonly number[]).includes(id)),
  );
  const proposals = Array.from({ length: count }, (_, index) => {
    const issue = closedIssues[(index + offset) % closedIssues.length]!;
    const proposal = proposalOn(board.site, issue.key, issue.sprintIds[0]!, AT);
    return { ...proposal, status: 'withdrawn' as const, version: 2 };
  });
  await store(board, proposals);
}

/** Open "add" proposals in the active sprint, each on its own backlog issue. */
export async function storeOpenProposals(board: MeteredBoard, count: number): Promise<void> {
  const keys = board.backlogKeys.slice(10, 10 + count);
  if (keys.length < count) throw new Error(`The big board's backlog holds only ${keys.length} issues for ${count} open proposals.`);
  await store(
    board,
    keys.map((key, index) => proposalOn(board.site, key, BIG_BOARD.activeSprintId, new Date(Date.parse(AT) + index * 1000).toISOString())),
  );
}

/** The views a person opens: each opened twice (first open, then every later one). */
async function measureViews(
  board: MeteredBoard,
  label: string,
  attempt: (invocation: string, work: () => Promise<Cost>) => Promise<void>,
): Promise<void> {
  const views: [string, string, unknown, string][] = [
    ['panel state', 'getIssuePanelState', { issueKey: board.sprintKey }, DANA],
    ['live preview', 'previewProposal', { issueKey: board.backlogKeys[0], change: { kind: 'add' } }, DANA],
    ['sprint view', 'getSprintViewState', { boardId: BIG_BOARD.boardId }, DANA],
  ];
  for (const [name, functionKey, payload, accountId] of views) {
    await attempt(`${name}${label} (first open)`, async () => (await measureCall(board, functionKey, payload, accountId)).cost);
    await attempt(`${name}${label}`, async () => (await measureCall(board, functionKey, payload, accountId)).cost);
  }
}

/** Every invocation at one sprint size, in the order a team meets them. */
export async function measureSize(items: number, log: (line: string) => void = () => {}): Promise<Measured[]> {
  const measured: Measured[] = [];
  const recordCost = (invocation: string, cost: Cost) => measured.push({ invocation, size: items, cost });
  const board = await openMeteredBoard(items);
  // A failed view is a figure too (a 5,000-item sprint failed every view before issue 12): noted, and the run goes on.
  const attempt = async (invocation: string, work: () => Promise<Cost>) => {
    try {
      recordCost(invocation, await work());
    } catch (error) {
      if (!(error instanceof FailedInvocation)) throw error;
      measured.push({ invocation, size: items, cost: error.cost, failed: error.message });
    }
  };
  const record = (invocation: string, cost: Cost) => recordCost(invocation, cost);
  try {
    log(`  ${items} items: ${STORED_FEW} stored proposals`);
    await storeClosedProposals(board, STORED_FEW);
    await measureViews(board, '', attempt);

    try {
      const proposed = await measureCall<Proposal>(
        board,
        'createProposal',
        {
          issueKey: board.backlogKeys[1],
          change: { kind: 'add' },
          reason: { category: 'stakeholder-request', text: 'A customer escalation needs this in the sprint.' },
          acknowledgeThreat: true,
        },
        DANA,
      );
      record('propose', proposed.cost);
      const decided = await measureApply(board, () =>
        board.app.ok(
          'decideProposal',
          {
            proposalId: proposed.data.id,
            verdict: 'approve',
            rationale: 'Approved: the escalation outweighs the risk to the goal.',
            expectedVersion: proposed.data.version,
          },
          PRIYA,
        ),
      );
      record('decide', decided.decide);
      record('apply worker', decided.apply);
    } catch (error) {
      if (!(error instanceof FailedInvocation)) throw error;
      measured.push({ invocation: 'propose', size: items, cost: error.cost, failed: error.message });
    }
    await attempt(
      'sprint view after the apply',
      async () => (await measureCall(board, 'getSprintViewState', { boardId: BIG_BOARD.boardId }, DANA)).cost,
    );

    log(`  ${items} items: ${OPEN_PROPOSALS} open proposals`);
    await storeOpenProposals(board, OPEN_PROPOSALS);
    await measureViews(board, `, ${OPEN_PROPOSALS} open`, attempt);

    log(`  ${items} items: ${STORED_MANY} stored proposals`);
    await storeClosedProposals(board, STORED_MANY - STORED_FEW - OPEN_PROPOSALS - 1, STORED_FEW);
    await measureViews(board, `, ${OPEN_PROPOSALS} open, ${STORED_MANY.toLocaleString('en')} stored`, attempt);
  } finally {
    await board.close();
  }
  return measured;
}

function cell(measured: Measured | undefined): string {
  if (!measured) return '—';
  const { cost } = measured;
  return `${measured.failed ? 'fails after ' : ''}${cost.jira} / ${cost.storage} / ${(cost.modelledMs / 1000).toFixed(1)} s`;
}

/** The table the issue reports, one row per invocation, one column per sprint size. */
export function tableOf(measured: readonly Measured[], sizes: readonly number[]): string {
  const invocations = [...new Set(measured.map((m) => m.invocation))];
  const header = `| invocation | ${sizes.map((size) => `${size.toLocaleString('en')} items`).join(' | ')} |`;
  const rows = invocations.map(
    (invocation) =>
      `| ${invocation} | ${sizes.map((size) => cell(measured.find((m) => m.invocation === invocation && m.size === size))).join(' | ')} |`,
  );
  return [header, `|---|${sizes.map(() => '---|').join('')}`, ...rows].join('\n');
}

/**
 * Every budget, met or over. The Jira-call budgets hold for every later open (issue 12: at every
 * size and queue length). A first open — nothing kept yet, or the sprint changed since its snapshot
 * was stored — reads the whole sprint once, in parallel pages; its own budget is time: at most
 * 5 s modelled at the largest size, like every other invocation.
 */
export function budgetVerdicts(measured: readonly Measured[], sizes: readonly number[]): string[] {
  const verdicts: string[] = [];
  const check = (ok: boolean, what: string) => verdicts.push(`${ok ? 'met ' : 'OVER'} ${what}`);
  const isFirstOpen = (m: Measured) => m.invocation.endsWith('(first open)');
  const later = measured.filter((m) => !isFirstOpen(m));
  for (const failure of measured.filter((m) => m.failed))
    check(false, `${failure.invocation} at ${failure.size.toLocaleString('en')} items failed: ${failure.failed}`);
  for (const [prefix, budget] of [
    ['panel state', BUDGETS.panelJira],
    ['live preview', BUDGETS.previewJira],
    ['sprint view', BUDGETS.sprintViewJira],
  ] as const) {
    const worst = later.filter((m) => m.invocation.startsWith(prefix)).sort((a, b) => b.cost.jira - a.cost.jira)[0];
    if (worst)
      check(
        worst.cost.jira <= budget,
        `${prefix}, every later open: at most ${worst.cost.jira} Jira calls (budget ${budget}; worst: ${worst.invocation} at ${worst.size.toLocaleString('en')} items)`,
      );
  }
  const largest = Math.max(...sizes);
  const slowestOf = (of: readonly Measured[]) =>
    of.filter((m) => m.size === largest).sort((a, b) => b.cost.modelledMs - a.cost.modelledMs)[0];
  const seconds = (m: Measured) => `${(m.cost.modelledMs / 1000).toFixed(1)} s`;
  const slowest = slowestOf(later);
  if (slowest)
    check(
      slowest.cost.modelledMs <= BUDGETS.maxModelledMsAtLargest,
      `every invocation but first opens at ${largest.toLocaleString('en')} items ≤ 5 s modelled (slowest: ${slowest.invocation}, ${seconds(slowest)})`,
    );
  const slowestFirst = slowestOf(measured.filter(isFirstOpen));
  if (slowestFirst)
    check(
      slowestFirst.cost.modelledMs <= BUDGETS.maxModelledMsAtLargest,
      `first opens at ${largest.toLocaleString('en')} items ≤ 5 s modelled (slowest: ${slowestFirst.invocation}, ${seconds(slowestFirst)})`,
    );
  let worstRatio: { ratio: number; what: string } | null = null;
  for (const size of sizes) {
    for (const view of ['panel state', 'live preview', 'sprint view']) {
      const few = later.find((m) => m.size === size && m.invocation === `${view}, ${OPEN_PROPOSALS} open`);
      const many = later.find(
        (m) => m.size === size && m.invocation === `${view}, ${OPEN_PROPOSALS} open, ${STORED_MANY.toLocaleString('en')} stored`,
      );
      if (!few || !many) continue;
      const ratio = (many.cost.jira * 200 + many.cost.storage * 30) / Math.max(1, few.cost.jira * 200 + few.cost.storage * 30);
      if (!worstRatio || ratio > worstRatio.ratio) worstRatio = { ratio, what: `${view} at ${size.toLocaleString('en')} items` };
    }
  }
  if (worstRatio)
    check(
      worstRatio.ratio <= BUDGETS.storedProposalsRatio,
      `10,000 stored proposals cost ≤ ${BUDGETS.storedProposalsRatio}× 100 (worst: ${worstRatio.ratio.toFixed(2)}×, ${worstRatio.what})`,
    );
  return verdicts;
}

export async function runJiraCallsBench(args: readonly string[] = []): Promise<void> {
  const sizesArg = args.find((arg) => arg.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [...SPRINT_SIZES];
  console.log(
    '\nJira calls / storage calls / modelled time per invocation (200 ms a Jira call, 30 ms a storage call, along the chain waited for)',
  );
  const measured: Measured[] = [];
  for (const size of sizes) measured.push(...(await measureSize(size, (line) => console.log(line))));
  console.log(`\n${tableOf(measured, sizes)}\n`);
  for (const verdict of budgetVerdicts(measured, sizes)) console.log(verdict);
}

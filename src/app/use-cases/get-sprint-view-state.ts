/**
 * Everything the sprint gadget (and the board/sprint actions) show for one board, in one call:
 * the goal, the risk now and its trend, the queue re-assessed against today's sprint, the
 * decision log, honest churn and the burn-up's scope line.
 */
import { ownProposalRule, type OwnProposalRule } from '../../domain/approval-policy';
import type { Assessment } from '../../domain/assessment';
import { doneByDay, type DoneByDay } from '../../domain/burn-up';
import type { Calibration } from '../../domain/calibration';
import { CHANGE_KIND_RULES } from '../../domain/change-kinds';
import { changesSinceBaseline, computeChurn, scopeLine, type ChurnFigures, type ScopeStep } from '../../domain/churn';
import { counterChangeIn, type Proposal } from '../../domain/proposal';
import { settingsForBoard } from '../../domain/settings';
import { scopeChangesOf, type ScopeChange } from '../../domain/scope-change';
import type { Sprint, SprintIssue, SprintSnapshot } from '../../domain/sprint';
import { scopePoints, type BypassedChange, type SprintCapacity, type SprintOutcome } from '../../domain/sprint-record';
import { isProductOwner, productOwnerAccountIds } from '../support/access';
import { calibrationOfBoard } from '../support/board-calibration';
import type { Caller } from '../support/caller';
import { displayNamesOf, peopleOf, sprintCoverageOf, sprintView, type SprintCoverage, type SprintView } from '../support/view-parts';
import { assessOnSprint, loadSettings, noteEstimationFallback, snapshotOf, type SprintFacts } from '../support/issue-situation';
import { MissingParts, type MissingPart } from '../support/missing-parts';
import { loadTeamHistory } from '../support/team-history';
import { readBackSprintStart, type ReadBackSprint } from '../support/sprint-baseline';
import { requireVisibleBoard } from '../support/board-access';
import { DECISION_LOG_PAGE_SIZE, firstPage, QUEUE_PAGE_SIZE } from '../support/sprint-view-limits';
import type { Ports } from '../ports';
import { askSight, issueRefsOf, type CallerSight, type HiddenFromCaller } from '../support/visible-to-caller';

/** One point of the P(goal) trend: after a decision (what the decider saw), or now. */
export type TrendPoint =
  | {
      readonly kind: 'decision';
      readonly at: string;
      readonly pGoal: number;
      readonly issueKey: string;
      readonly verdict: 'approved' | 'rejected';
    }
  | { readonly kind: 'now'; readonly at: string; readonly pGoal: number };

export interface QueuedProposal {
  readonly proposal: Proposal;
  /** Re-assessed against the sprint as it is now, not as it was when proposed. */
  readonly assessmentNow: Assessment;
}

export interface RankedItem {
  readonly key: string;
  readonly summary: string;
  readonly points: number | null;
  readonly goalCritical: boolean;
  readonly statusCategory: SprintIssue['statusCategory'];
  readonly aboveCapacityLine: boolean;
}

export interface ReadySprintView {
  readonly kind: 'ready';
  readonly board: { readonly id: number; readonly name: string };
  readonly sprint: SprintView;
  readonly goalItems: { readonly done: number; readonly inProgress: number; readonly todo: number };
  readonly risk: Assessment;
  readonly trend: readonly TrendPoint[];
  readonly ranked: readonly RankedItem[];
  /** The oldest waiting proposals (a page: see sprint-view-limits.ts); `queueTotal` counts them all. */
  readonly queue: readonly QueuedProposal[];
  readonly queueTotal: number;
  /** The newest decisions (a page); `decisionsTotal` counts them all. */
  readonly decisions: readonly Proposal[];
  readonly decisionsTotal: number;
  readonly churn: ChurnFigures;
  /**
   * Where the committed scope comes from: the sprint-started event; read back from Jira's history of
   * the issues ('changelog'); Goalkeeper's first look ('first-seen', changes before it not counted);
   * or, with none kept, today's scope with the known changes undone ('reconstructed').
   */
  readonly baselineSource: 'sprint-start' | 'changelog' | 'first-seen' | 'reconstructed';
  /** When the kept baseline describes the sprint (its start, or the first look); null when none is kept. */
  readonly baselineTakenAt: string | null;
  /** The scope line (a step per change), the points done now, and points done by the end of each working day so far. */
  readonly burnUp: {
    readonly scope: readonly ScopeStep[];
    readonly donePoints: number;
    readonly doneByDay: readonly DoneByDay[];
    readonly now: string;
  };
  readonly bypassed: readonly BypassedChange[];
  readonly outcomes: readonly SprintOutcome[];
  /** How often goals were met when Goalkeeper said 30%, 50%, 80% on this board. */
  readonly calibration: Calibration;
  /** What the team declared for the rest of the sprint; null: the usual capacity on every working day. */
  readonly capacity: SprintCapacity | null;
  readonly minRationaleChars: number;
  readonly allowSelfApproval: boolean;
  readonly viewer: Viewer;
  readonly productOwnerIds: readonly string[];
  readonly people: Readonly<Record<string, string>>;
  /** Parts Jira refused or failed to give; the rest of the view stands without them. */
  readonly unavailable: readonly MissingPart[];
  /** Issues the caller may not browse, left out and counted (src/app/support/visible-to-caller.ts). */
  readonly hidden: HiddenFromCaller;
  /** Set when the sprint is larger than Goalkeeper reads: the view covers its top issues by rank only. */
  readonly sprintCoverage: SprintCoverage | null;
}

interface Viewer {
  readonly accountId: string;
  readonly isProductOwner: boolean;
  /** How a Product Owner's own proposals in the queue are decided (as in the issue panel); null for everyone else. */
  readonly ownProposals: OwnProposalRule | null;
}

export type SprintViewState =
  | ReadySprintView
  | { readonly kind: 'not-scrum'; readonly board: { readonly id: number; readonly name: string } }
  | {
      readonly kind: 'no-active-sprint';
      readonly board: { readonly id: number; readonly name: string };
      readonly outcomes: readonly SprintOutcome[];
      readonly calibration: Calibration;
      readonly viewer: Viewer;
      readonly productOwnerIds: readonly string[];
      readonly people: Readonly<Record<string, string>>;
      readonly unavailable: readonly MissingPart[];
    };

export interface SprintViewRequest {
  readonly boardId: number;
  /** The gadget's own goal-label override (only changes what this gadget shows). */
  readonly goalLabels?: readonly string[];
}

const NO_CHANGE = { kind: 'tweak', note: '' } as const;
const DECIDED = new Set(['approved', 'auto-approved', 'rejected', 'applied', 'apply-failed', 'stale']);

export async function getSprintViewState(ports: Ports, caller: Caller, request: SprintViewRequest): Promise<SprintViewState> {
  const board = await requireVisibleBoard(ports, caller, request.boardId);
  const boardRef = { id: board.id, name: board.name };
  if (board.type !== 'scrum') return { kind: 'not-scrum', board: boardRef };
  const projectKey = board.projectKey ?? '';
  const [sprint, outcomes, boardSettings] = await Promise.all([
    ports.jira.activeSprint(board.id),
    ports.sprints.outcomesOfBoard(board.id),
    loadSettings(ports, projectKey).then((s) => settingsForBoard(s, board.id)),
    queueReconciliation(ports, board.id),
  ]);
  const calibrationRead = calibrationOfBoard(ports, outcomes);
  const [viewerIsPo, productOwnerIds] = await Promise.all([
    isProductOwner(ports.jira, boardSettings, projectKey, caller.accountId),
    productOwnerAccountIds(ports.jira, boardSettings, projectKey),
  ]);
  const viewer = {
    accountId: caller.accountId,
    isProductOwner: viewerIsPo,
    ownProposals: viewerIsPo ? ownProposalRule(boardSettings.policy, caller.accountId, productOwnerIds) : null,
  };
  const missing = new MissingParts();
  if (!sprint) {
    const people = await displayNamesOf(
      ports,
      [caller.accountId, ...productOwnerIds, ...outcomes.flatMap((o) => (o.recordedBy ? [o.recordedBy] : []))],
      missing,
    );
    return {
      kind: 'no-active-sprint',
      board: boardRef,
      outcomes,
      calibration: await calibrationRead,
      viewer,
      productOwnerIds,
      people: Object.fromEntries(people),
      unavailable: missing.list(),
    };
  }
  const settings = request.goalLabels?.length
    ? { ...boardSettings, goalCritical: { ...boardSettings.goalCritical, labels: request.goalLabels } }
    : boardSettings;
  const estimationRead = ports.jira.estimationOf(board.id);
  const [snapshot, history, allProposals, storedBaseline, storedBypassed, estimation, capacity, calibration, timeZone] = await Promise.all([
    snapshotOf(ports, sprint, settings.goalCritical, missing),
    missing.read('history', async () => loadTeamHistory(ports, board.id, settings.historySprints, await estimationRead, sprint.id), []),
    ports.proposals.listBySprint(sprint.id),
    ports.sprints.baseline(sprint.id),
    ports.sprints.bypassedChanges(sprint.id),
    estimationRead,
    ports.sprints.capacity(sprint.id),
    calibrationRead,
    ports.jira.siteTimeZone(),
  ]);
  noteEstimationFallback(estimation, missing);
  const readBack = storedBaseline ? null : await readBackOnce(ports, sprint, snapshot, allProposals, storedBypassed);
  const baseline = storedBaseline ?? readBack?.baseline;
  const allBypassed = readBack?.bypassed ?? storedBypassed;
  // One check as the caller for every issue the view would name; the board was checked above.
  const sight = await askSight(ports, {
    issues: [...allProposals.flatMap(issueRefsOf), ...allBypassed.map((change) => ({ key: change.issueKey }))],
    sprint: { id: snapshot.sprint.id, issues: snapshot.issues },
    seenBoardIds: [board.id],
  });
  const proposals = sight.proposals([...allProposals].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  const bypassed = sight.scopeChanges(allBypassed);
  const facts: SprintFacts = {
    snapshot,
    history,
    settings,
    capacity: capacity ? { availability: capacity.availability, daysOff: capacity.daysOff } : null,
    timeZone,
  };
  const risk = assessOnSprint(ports, facts, '', NO_CHANGE);
  const waiting = firstPage(
    proposals.filter((p) => p.status === 'proposed'),
    QUEUE_PAGE_SIZE,
  );
  // The issues the queue would bring in, in one search rather than one read per proposal (issue 12).
  // Goal-critical by labels and epics: the rule's JQL was already judged for the sprint itself.
  const incoming = await ports.jira.issuesByKeys(
    waiting.items.filter(bringsIssueIn).map((p) => p.issueKey),
    estimation,
    { ...settings.goalCritical, jql: null },
  );
  const queue = waiting.items.map((p) => reassess(ports, facts, p, sight, incoming));
  const decided = firstPage(
    proposals.filter((p) => DECIDED.has(p.status)).sort((a, b) => (b.decision?.decidedAt ?? '').localeCompare(a.decision?.decidedAt ?? '')),
    DECISION_LOG_PAGE_SIZE,
  );
  // Totals count every change, seen or not: they are the sprint's, and name no issue.
  const changes: ScopeChange[] = changesSinceBaseline(baseline, [...allProposals.flatMap(scopeChangesOf), ...allBypassed]);
  const committed = baseline ? scopePoints(baseline) : reconstructCommitted(snapshot.issues, changes);
  const now = ports.clock.now().toISOString();
  const people = await displayNamesOf(
    ports,
    [
      caller.accountId,
      ...productOwnerIds,
      ...proposals.flatMap(peopleOf),
      ...bypassed.flatMap((b) => (b.actorAccountId ? [b.actorAccountId] : [])),
    ],
    missing,
  );
  const above = new Set(risk.before.capacityLine.aboveKeys);
  const goalIssues = snapshot.issues.filter((i) => i.goalCritical);
  return {
    kind: 'ready',
    board: boardRef,
    sprint: sprintView(sprint, ports.clock.now(), settings.workingDays, timeZone),
    goalItems: {
      done: goalIssues.filter((i) => i.statusCategory === 'done').length,
      inProgress: goalIssues.filter((i) => i.statusCategory === 'in-progress').length,
      todo: goalIssues.filter((i) => i.statusCategory === 'todo').length,
    },
    risk: sight.assessment(risk),
    trend: pGoalTrend(proposals, risk, now),
    ranked: sight.issues(snapshot.issues).map((i) => ({
      key: i.key,
      summary: i.summary,
      points: i.points,
      goalCritical: i.goalCritical,
      statusCategory: i.statusCategory,
      aboveCapacityLine: i.statusCategory === 'done' || above.has(i.key),
    })),
    queue,
    queueTotal: waiting.total,
    decisions: decided.items,
    decisionsTotal: decided.total,
    churn: computeChurn(committed, changes, baseline !== undefined),
    baselineSource: baseline?.source ?? 'reconstructed',
    baselineTakenAt: baseline?.takenAt ?? null,
    burnUp: {
      scope: sight.scopeSteps(
        scopeLine(baseline?.source === 'first-seen' ? baseline.takenAt : (sprint.startDate ?? now), committed.points, changes),
      ),
      donePoints: snapshot.issues.filter((i) => i.statusCategory === 'done').reduce((sum, i) => sum + (i.points ?? 0), 0),
      // A total per day that names no issue, like the churn totals: every issue counts, seen or not.
      doneByDay: doneByDay(snapshot.issues, sprint.startDate, sprint.endDate, now, settings.workingDays, timeZone),
      now,
    },
    bypassed,
    outcomes,
    calibration,
    capacity: capacity ?? null,
    minRationaleChars: settings.policy.minRationaleChars,
    allowSelfApproval: settings.policy.allowSelfApproval,
    viewer,
    productOwnerIds,
    people: Object.fromEntries(people),
    unavailable: missing.list(),
    hidden: sight.hidden(),
    sprintCoverage: sprintCoverageOf(snapshot),
  };
}

/**
 * The first view of a sprint met late reads it back to its start (src/app/support/sprint-baseline.ts),
 * once: later views read the kept baseline. Jira's history refused or failing must not hide the
 * sprint: the view then undoes the known changes, as before, and the reconciliation it queued
 * keeps Goalkeeper's first look instead.
 */
async function readBackOnce(
  ports: Ports,
  sprint: Sprint,
  snapshot: SprintSnapshot,
  proposals: readonly Proposal[],
  bypassed: readonly BypassedChange[],
): Promise<ReadBackSprint | null> {
  try {
    return await readBackSprintStart(ports, sprint, snapshot, proposals, bypassed);
  } catch (error) {
    console.warn(`Reading sprint ${sprint.id} back to its start failed`, error);
    return null;
  }
}

function bringsIssueIn(proposal: Proposal): boolean {
  return CHANGE_KIND_RULES[proposal.change.kind].bringsIssueIn;
}

function reassess(
  ports: Ports,
  facts: SprintFacts,
  proposal: Proposal,
  sight: CallerSight,
  incomingIssues: ReadonlyMap<string, SprintIssue>,
): QueuedProposal {
  const incoming = bringsIssueIn(proposal) ? incomingIssues.get(proposal.issueKey) : undefined;
  return {
    proposal,
    assessmentNow: sight.assessment(assessOnSprint(ports, facts, proposal.issueKey, proposal.change, incoming, counterChangeIn(proposal))),
  };
}

/**
 * Without a baseline from the sprint-started event, the committed scope is today's scope with
 * the known changes undone. Changes made in Jira before Goalkeeper watched stay invisible, which
 * is why bypassed churn then reads "not tracked".
 */
function reconstructCommitted(issues: readonly SprintIssue[], changes: readonly ScopeChange[]): { points: number; count: number } {
  let points = issues.reduce((sum, i) => sum + (i.points ?? 0), 0);
  let count = issues.length;
  for (const change of changes) {
    points -= (change.pointsAfter ?? 0) - (change.pointsBefore ?? 0);
    if (change.kind === 'added') count -= 1;
    if (change.kind === 'removed' || change.kind === 'deferred') count += 1;
  }
  return { points: Math.max(0, points), count: Math.max(0, count) };
}

/** One point per decision (the P(goal) the decider saw afterwards) and one for now. */
function pGoalTrend(proposals: readonly Proposal[], now: Assessment, at: string): TrendPoint[] {
  const decided = proposals.flatMap((p): TrendPoint[] => {
    const decision = p.decision;
    if (!decision?.assessment) return [];
    const pGoal = decision.verdict === 'approved' ? decision.assessment.after.pGoal : decision.assessment.before.pGoal;
    return [{ kind: 'decision', at: decision.decidedAt, pGoal, issueKey: p.issueKey, verdict: decision.verdict }];
  });
  return [...decided.sort((a, b) => a.at.localeCompare(b.at)), { kind: 'now', at, pGoal: now.before.pGoal }];
}

/**
 * Looking at the sprint also reconciles it: a change made directly on the board shows as bypassed
 * at the next refresh, even if Jira's event is late or never fires (re-ranks). The view never waits
 * for it (issue 12: a large change took 17 s): the board's reconciliation is queued
 * (src/events/reconcile-consumer.ts). Failing to queue it must not hide the sprint: logged, and
 * the hourly reconciliation still comes.
 */
async function queueReconciliation(ports: Ports, boardId: number): Promise<void> {
  try {
    await ports.reconcileQueue.enqueue({ boardId });
  } catch (error) {
    console.warn(`Queueing the reconciliation of board ${boardId} failed`, error);
  }
}

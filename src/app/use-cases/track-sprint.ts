/**
 * Watches sprints from the outside: snapshots the committed scope when a sprint starts, turns
 * Jira's change events and a periodic diff into bypassed-change records, and closes the books
 * when a sprint closes. Every handler is idempotent: Forge may deliver an event twice, late or
 * out of order.
 */
import { changesSinceBaseline, computeChurn } from '../../domain/churn';
import { diffScopes, unexplainedChanges, type ObservedChange } from '../../domain/reconcile';
import { scopeChangesOf } from '../../domain/scope-change';
import { settingsForBoard } from '../../domain/settings';
import type { Sprint, SprintSnapshot } from '../../domain/sprint';
import { scopePoints, type SprintScope } from '../../domain/sprint-record';
import { loadSettings, refreshStoredSnapshot } from '../support/issue-situation';
import { readBackSprintStart } from '../support/sprint-baseline';
import type { Ports } from '../ports';

function scopeOf(snapshot: SprintSnapshot, takenAt: string): SprintScope {
  return {
    sprintId: snapshot.sprint.id,
    boardId: snapshot.sprint.boardId,
    goal: snapshot.sprint.goal,
    issues: snapshot.issues.map((issue) => ({ key: issue.key, points: issue.points })),
    takenAt,
  };
}

async function projectKeyOfBoard(ports: Ports, boardId: number): Promise<string> {
  return (await ports.jira.getBoard(boardId))?.projectKey ?? '';
}

async function snapshotNow(ports: Ports, sprint: Sprint): Promise<SprintSnapshot> {
  const settings = settingsForBoard(await loadSettings(ports, await projectKeyOfBoard(ports, sprint.boardId)), sprint.boardId);
  // The change mark is read before the pages, so a change made while they are read makes the stored snapshot stale, never wrong.
  const changeMark = await ports.jira.sprintChangeMark(sprint.id).catch(() => null);
  const snapshot = await ports.jira.sprintSnapshot(sprint, settings.goalCritical);
  if (changeMark !== null) await refreshStoredSnapshot(ports, snapshot, changeMark, settings.goalCritical);
  return snapshot;
}

/** Sprint started: the committed scope becomes the churn baseline (first writer wins). */
export async function onSprintStarted(ports: Ports, sprintId: number): Promise<void> {
  const sprint = await ports.jira.getSprint(sprintId);
  if (!sprint || sprint.state !== 'active') return;
  const scope = scopeOf(await snapshotNow(ports, sprint), sprint.startDate ?? ports.clock.now().toISOString());
  await ports.sprints.saveBaseline({ ...scope, source: 'sprint-start' });
  await ports.sprints.saveLastSeen(scope);
  await ports.sprints.watchBoard(sprint.boardId);
}

/**
 * A sprint of the board created, edited, started, completed or deleted: the board's open sprints
 * as kept for views (src/jira/kept-config.ts) are read afresh by the next view, so a new goal or a
 * sprint just started shows at once rather than when the kept list ages out.
 */
export async function onSprintChanged(ports: Ports, boardId: number): Promise<void> {
  await ports.jira.forgetOpenSprints(boardId);
}

/** Sprint closed: keep its churn and ask the PO (in the gadget) whether the goal was met. */
export async function onSprintClosed(ports: Ports, sprintId: number): Promise<void> {
  const sprint = await ports.jira.getSprint(sprintId);
  if (!sprint || sprint.state !== 'closed' || (await ports.sprints.outcome(sprintId))) return;
  const [baseline, proposals, bypassed] = await Promise.all([
    ports.sprints.baseline(sprintId),
    ports.proposals.listBySprint(sprintId),
    ports.sprints.bypassedChanges(sprintId),
  ]);
  const committed = baseline ? scopePoints(baseline) : null;
  const churn = computeChurn(
    committed,
    changesSinceBaseline(baseline, [...proposals.flatMap(scopeChangesOf), ...bypassed]),
    baseline !== undefined,
  );
  await ports.sprints.saveOutcome({
    sprintId,
    boardId: sprint.boardId,
    sprintName: sprint.name,
    goal: sprint.goal,
    outcome: null,
    note: '',
    recordedBy: null,
    closedAt: sprint.endDate ?? ports.clock.now().toISOString(),
    committedPoints: committed?.points ?? null,
    grossChurn: churn.grossChurn,
  });
}

export interface IssueSprintChange {
  /** Stable id of the Jira change (issue id + changelog id), for de-duplication. */
  readonly changeId: string;
  readonly issueKey: string;
  readonly actorAccountId: string | null;
  readonly at: string;
  /** Sprint ids before and after, from the changelog's Sprint field. */
  readonly sprintsBefore: readonly number[] | null;
  readonly sprintsAfter: readonly number[] | null;
  /** Other fields the changelog touched, by field id, read as numbers where they are; one may be a board's estimate. */
  readonly fieldChanges: readonly FieldChange[];
}

/** A changed field, by id (changelog items carry `fieldId`); values are null when blank or not numbers. */
export interface FieldChange {
  readonly fieldId: string;
  readonly before: number | null;
  readonly after: number | null;
}

type EstimateChange = { readonly before: number | null; readonly after: number | null } | null;

/** The estimate change on a board: the changed field whose id is the board's estimation field, matched by id, never by name. */
async function estimateChangeOn(ports: Ports, boardId: number, fieldChanges: readonly FieldChange[]): Promise<EstimateChange> {
  if (fieldChanges.length === 0) return null;
  const estimation = await ports.jira.estimationOf(boardId);
  if (estimation.kind !== 'points') return null;
  const change = fieldChanges.find((candidate) => candidate.fieldId === estimation.fieldId);
  return change ? { before: change.before, after: change.after } : null;
}

/** An issue changed in Jira: record sprint moves and re-estimates no proposal explains. */
export async function onIssueChanged(ports: Ports, change: IssueSprintChange): Promise<number> {
  if ((await ports.sprints.markEventSeen(change.changeId)) === 'duplicate') return 0;
  const touched = new Set([...(change.sprintsBefore ?? []), ...(change.sprintsAfter ?? [])]);
  // The event names the sprints but not the estimate; the issue's points are what moved.
  const issue = await ports.jira.getIssue(change.issueKey);
  if (change.fieldChanges.length > 0) for (const id of issue?.openSprintIds ?? []) touched.add(id);
  // The stored snapshots of the sprints it touched are out of date (an issue that left a sprint
  // changes no issue still in it, so the views' change mark cannot see that): the next view reads afresh.
  await Promise.all([...touched].map((sprintId) => ports.sprintSnapshots.forget(sprintId)));
  let recorded = 0;
  for (const sprintId of touched) {
    const sprint = await ports.jira.getSprint(sprintId);
    if (!sprint || sprint.state !== 'active') continue;
    const estimate = await estimateChangeOn(ports, sprint.boardId, change.fieldChanges);
    const observed = observedIn(sprintId, change, estimate, issue?.points ?? null, await futureSprintIds(ports, sprint.boardId));
    if (observed.length === 0) continue;
    const proposals = await ports.proposals.listByIssue(change.issueKey);
    const swapsOut = (await ports.proposals.listBySprint(sprintId)).filter(
      (p) => p.change.kind === 'swap' && p.change.outIssueKey === change.issueKey,
    );
    const bypasses = unexplainedChanges(observed, [...proposals, ...swapsOut], {
      sprintId,
      at: change.at,
      actorAccountId: change.actorAccountId,
      detectedBy: 'event',
      idPrefix: `event:${change.changeId}:${sprintId}`,
    });
    for (const bypass of bypasses) if ((await ports.sprints.recordBypassed(bypass)) === 'written') recorded++;
  }
  return recorded;
}

/** Issues that left the sprint for one of the board's future sprints were deferred, not removed. */
async function deferredAmong(ports: Ports, boardId: number, last: SprintScope, current: SprintScope): Promise<Set<string>> {
  const stillIn = new Set(current.issues.map((i) => i.key));
  const left = last.issues.filter((i) => !stillIn.has(i.key));
  if (left.length === 0) return new Set();
  const future = await futureSprintIds(ports, boardId);
  return ports.jira.keysInSprints(
    left.map((i) => i.key),
    [...future],
  );
}

async function futureSprintIds(ports: Ports, boardId: number): Promise<Set<number>> {
  return new Set((await ports.jira.futureSprints(boardId)).map((s) => s.id));
}

function observedIn(
  sprintId: number,
  change: IssueSprintChange,
  estimate: EstimateChange,
  currentPoints: number | null,
  futureIds: ReadonlySet<number>,
): ObservedChange[] {
  const observed: ObservedChange[] = [];
  const wasIn = change.sprintsBefore?.includes(sprintId);
  const isIn = change.sprintsAfter?.includes(sprintId);
  const points = estimate ? estimate.after : currentPoints;
  if (change.sprintsAfter && isIn && !wasIn)
    observed.push({ issueKey: change.issueKey, kind: 'added', pointsBefore: null, pointsAfter: points });
  if (change.sprintsBefore && wasIn && !isIn) {
    const deferred = (change.sprintsAfter ?? []).some((id) => futureIds.has(id));
    observed.push({ issueKey: change.issueKey, kind: deferred ? 'deferred' : 'removed', pointsBefore: points, pointsAfter: null });
  }
  if (estimate && (isIn ?? true) && !(change.sprintsAfter && isIn && !wasIn)) {
    observed.push({ issueKey: change.issueKey, kind: 're-estimated', pointsBefore: estimate.before, pointsAfter: estimate.after });
  }
  return observed;
}

/**
 * Diffs the active sprint against the last scope Goalkeeper saw and records what no proposal
 * and no event already explained. Meeting a sprint for the first time reads it back to its start
 * from Jira's history (src/app/support/sprint-baseline.ts); where that history cannot be read, the
 * first look becomes a 'first-seen' baseline. Either way, bypassed churn is tracked from then on.
 */
export async function reconcileBoard(ports: Ports, boardId: number): Promise<number> {
  const sprint = await ports.jira.activeSprint(boardId);
  if (!sprint) return 0;
  const now = ports.clock.now().toISOString();
  const snapshot = await snapshotNow(ports, sprint);
  const current = scopeOf(snapshot, now);
  const last = await ports.sprints.lastSeen(sprint.id);
  if (!(await ports.sprints.baseline(sprint.id))) await baselineAtFirstLook(ports, sprint, snapshot, current);
  if (!last) {
    await ports.sprints.saveLastSeen(current);
    return 0;
  }
  // Nothing changed, nothing written: most reconciliations find the sprint as it was.
  if (sameScope(last, current)) return 0;
  const observed = diffScopes(last, current, await deferredAmong(ports, boardId, last, current));
  if (observed.length === 0) {
    await ports.sprints.saveLastSeen(current);
    return 0;
  }
  const [proposals, known] = await Promise.all([ports.proposals.listBySprint(sprint.id), ports.sprints.bypassedChanges(sprint.id)]);
  const alreadyRecorded = (change: ObservedChange) =>
    known.some((k) => k.issueKey === change.issueKey && k.kind === change.kind && k.at >= last.takenAt);
  const bypasses = unexplainedChanges(
    observed.filter((c) => !alreadyRecorded(c)),
    proposals,
    {
      sprintId: sprint.id,
      at: now,
      actorAccountId: null,
      detectedBy: 'reconciliation',
      idPrefix: `recon:${sprint.id}:${last.takenAt}`,
    },
  );
  // Each record is its own conditional write (idempotent by id); they go out together, not one after another.
  const outcomes = await Promise.all(bypasses.map((bypass) => ports.sprints.recordBypassed(bypass)));
  await ports.sprints.saveLastSeen(current);
  return outcomes.filter((outcome) => outcome === 'written').length;
}

async function baselineAtFirstLook(ports: Ports, sprint: Sprint, snapshot: SprintSnapshot, current: SprintScope): Promise<void> {
  try {
    const [proposals, bypassed] = await Promise.all([ports.proposals.listBySprint(sprint.id), ports.sprints.bypassedChanges(sprint.id)]);
    if (await readBackSprintStart(ports, sprint, snapshot, proposals, bypassed)) return;
  } catch (error) {
    console.warn(`Reading sprint ${sprint.id} back to its start failed; its baseline is this first look`, error);
  }
  await ports.sprints.saveBaseline({ ...current, source: 'first-seen' });
  await ports.sprints.watchBoard(sprint.boardId);
}

/** The same issues, in the same order, with the same points, under the same goal. */
function sameScope(last: SprintScope, current: SprintScope): boolean {
  return (
    last.goal === current.goal &&
    last.issues.length === current.issues.length &&
    last.issues.every((issue, index) => issue.key === current.issues[index]?.key && issue.points === current.issues[index]?.points)
  );
}

/** The scheduled reconciliation: every watched board, each failure isolated from the others. */
export async function reconcileWatchedBoards(ports: Ports): Promise<{ boards: number; recorded: number; failed: number }> {
  let recorded = 0;
  let failed = 0;
  const boards = await ports.sprints.watchedBoards();
  for (const boardId of boards) {
    try {
      recorded += await reconcileBoard(ports, boardId);
    } catch (error) {
      failed++;
      console.warn(`Reconciliation of board ${boardId} failed`, error);
    }
  }
  return { boards: boards.length, recorded, failed };
}

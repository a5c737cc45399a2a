/**
 * A sprint Goalkeeper meets late (installed mid-sprint, or the sprint-started event lost) is read
 * back to its start from Jira's history of its issues, once, and kept: the baseline is what was in
 * the sprint at its start ('changelog'), and every change since that no proposal explains is
 * recorded as a bypassed change under the id Goalkeeper's issue-updated trigger gives the same Jira
 * change — a change the trigger already recorded is not recorded twice. Churn then counts from the
 * start, and committed + changes is the scope Jira has now. Where Jira's history cannot be read,
 * the caller falls back to the first look ('first-seen'), and churn counts from then, saying so.
 */
import { unexplainedChanges } from '../../domain/reconcile';
import { counterChangeIn, type Proposal } from '../../domain/proposal';
import type { Sprint, SprintSnapshot } from '../../domain/sprint';
import type { BypassedChange, SprintBaseline } from '../../domain/sprint-record';
import { sprintStartScope } from '../../domain/sprint-start-scope';
import type { Ports } from '../ports';

export interface ReadBackSprint {
  readonly baseline: SprintBaseline;
  /** The sprint's bypassed changes, those found in the history included. */
  readonly bypassed: readonly BypassedChange[];
}

/** Issues Goalkeeper knows were in the sprint but may have left it: `sprint = N` no longer finds those. */
function knownIssueKeys(proposals: readonly Proposal[], bypassed: readonly BypassedChange[]): string[] {
  return [
    ...proposals.flatMap((proposal) => [
      proposal.issueKey,
      ...(proposal.change.kind === 'swap' ? [proposal.change.outIssueKey] : []),
      ...(counterChangeIn(proposal)?.issueKeys ?? []),
    ]),
    ...bypassed.map((change) => change.issueKey),
  ];
}

/**
 * Reads the sprint back to its start and keeps the result (first writer wins: a baseline kept
 * meanwhile, by the sprint-started event or a concurrent read-back, is the one returned).
 * Throws when Jira's history cannot be read; the caller decides what to fall back to.
 */
export async function readBackSprintStart(
  ports: Ports,
  sprint: Sprint,
  snapshot: SprintSnapshot,
  proposals: readonly Proposal[],
  bypassed: readonly BypassedChange[],
): Promise<ReadBackSprint | null> {
  if (!sprint.startDate) return null;
  const inSprint = new Set(snapshot.issues.map((issue) => issue.key));
  const others = [...new Set(knownIssueKeys(proposals, bypassed))].filter((key) => !inSprint.has(key));
  const [estimation, future] = await Promise.all([ports.jira.estimationOf(sprint.boardId), ports.jira.futureSprints(sprint.boardId)]);
  const histories = await ports.jira.sprintIssueHistories(sprint, others, estimation);
  const scope = sprintStartScope(histories, sprint.id, sprint.startDate, new Set(future.map((s) => s.id)));
  const found = scope.changes.flatMap((change) =>
    unexplainedChanges([change], proposals, {
      sprintId: sprint.id,
      at: change.at,
      actorAccountId: change.actorAccountId,
      detectedBy: 'changelog',
      idPrefix: `event:${change.changeId}:${sprint.id}`,
    }),
  );
  // In rank order where the issue is still in the sprint, then the ones that left.
  const rank = new Map(snapshot.issues.map((issue, index) => [issue.key, index]));
  const committed = [...scope.committed].sort(
    (a, b) => (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) || a.key.localeCompare(b.key),
  );
  const baseline: SprintBaseline = {
    sprintId: sprint.id,
    boardId: sprint.boardId,
    goal: sprint.goal,
    issues: committed,
    takenAt: sprint.startDate,
    source: 'changelog',
  };
  // The changes first: whoever sees the baseline sees them too.
  await Promise.all(found.map((change) => ports.sprints.recordBypassed(change)));
  const outcome = await ports.sprints.saveBaseline(baseline);
  await ports.sprints.watchBoard(sprint.boardId);
  const [kept, all] = await Promise.all([
    outcome === 'written' ? baseline : ports.sprints.baseline(sprint.id),
    ports.sprints.bypassedChanges(sprint.id),
  ]);
  return kept ? { baseline: kept, bypassed: all } : null;
}

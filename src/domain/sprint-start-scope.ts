/**
 * The sprint as it was at its start, read back from its issues' history when Goalkeeper meets a
 * sprint late (installed mid-sprint, or the sprint-started event lost): which issues were in it at
 * the start and at what estimate — the velocity chart's "Commitment" — and every change of the
 * Sprint field and the estimate since, with when and who. Churn then counts from the start:
 * committed + changes = the scope Jira has now, with nothing counted twice.
 *
 * Jira's changelog holds changes, not creations: an issue created straight into the sprint has no
 * Sprint-field entry, so its creation date tells whether it was there at the start. What the
 * history cannot show is an issue that left the sprint before anyone watched and that Goalkeeper
 * never heard of (Jira's JQL has no `sprint WAS`): the caller passes every issue it knows of.
 */
import type { ObservedChange } from './reconcile';
import type { ScopeItem } from './sprint-record';

/** One changelog entry of an issue, as far as the Sprint field and the estimate go. */
export interface IssueHistoryEntry {
  /** Jira's id of the changelog entry: the issue-updated event of the same change carries it. */
  readonly id: string;
  readonly at: string;
  readonly actorAccountId: string | null;
  /** Sprint ids before and after, where the entry changed the Sprint field. */
  readonly sprints?: { readonly from: readonly number[]; readonly to: readonly number[] };
  /** The estimate before and after, where the entry changed the board's estimation field. */
  readonly points?: { readonly from: number | null; readonly to: number | null };
}

/** An issue's Sprint field and estimate now, and their changes, oldest first. */
export interface IssueHistory {
  readonly issueKey: string;
  readonly issueId: string;
  readonly createdAt: string | null;
  readonly sprintIdsNow: readonly number[];
  readonly pointsNow: number | null;
  readonly entries: readonly IssueHistoryEntry[];
}

/** A change to the sprint's scope found in the history, with the id of the Jira change it was. */
export interface LoggedScopeChange extends ObservedChange {
  /** `<issue id>:<changelog id>`, as Goalkeeper's issue-updated trigger names the same change; `<issue id>:created` for a creation. */
  readonly changeId: string;
  readonly at: string;
  readonly actorAccountId: string | null;
}

export interface SprintStartScope {
  /** The issues in the sprint at its start, in no particular order, at their estimates then. */
  readonly committed: readonly ScopeItem[];
  /** Changes of the sprint's scope after its start, oldest first. */
  readonly changes: readonly LoggedScopeChange[];
}

/** A value at instant `at`: what the last change up to then set; before any change, what the first later one started from; without changes, today's. */
function valueAt<T>(changes: readonly { at: number; from: T; to: T }[], at: number, now: T): T {
  const before = changes.filter((change) => change.at <= at).pop();
  if (before) return before.to;
  return changes.find((change) => change.at > at)?.from ?? now;
}

export function sprintStartScope(
  histories: readonly IssueHistory[],
  sprintId: number,
  startAt: string,
  futureSprintIds: ReadonlySet<number>,
): SprintStartScope {
  const start = Date.parse(startAt);
  const committed: ScopeItem[] = [];
  const changes: LoggedScopeChange[] = [];
  for (const history of histories) {
    const created = Date.parse(history.createdAt ?? '');
    const timed = history.entries.map((entry) => ({ ...entry, ms: Date.parse(entry.at) })).sort((a, b) => a.ms - b.ms);
    const sprintChanges = timed.flatMap((entry) =>
      entry.sprints ? [{ at: entry.ms, from: entry.sprints.from, to: entry.sprints.to }] : [],
    );
    const pointChanges = timed.flatMap((entry) => (entry.points ? [{ at: entry.ms, from: entry.points.from, to: entry.points.to }] : []));
    const existsAt = (at: number) => !Number.isFinite(created) || created <= at;
    const inSprintAt = (at: number) => existsAt(at) && valueAt(sprintChanges, at, history.sprintIdsNow).includes(sprintId);
    const pointsAt = (at: number) => valueAt(pointChanges, at, history.pointsNow);
    if (inSprintAt(start)) committed.push({ key: history.issueKey, points: pointsAt(start) });
    else if (Number.isFinite(created) && created > start && inSprintAt(created) && !sprintChanges.some((change) => change.at <= created)) {
      // Created straight into the sprint after it started: added then, though no changelog entry says so.
      changes.push({
        changeId: `${history.issueId}:created`,
        issueKey: history.issueKey,
        kind: 'added',
        pointsBefore: null,
        pointsAfter: pointsAt(created),
        at: new Date(created).toISOString(),
        actorAccountId: null,
      });
    }
    for (const entry of timed) {
      if (!(entry.ms > start)) continue;
      const logged = (change: ObservedChange): LoggedScopeChange => ({
        ...change,
        changeId: `${history.issueId}:${entry.id}`,
        at: entry.at,
        actorAccountId: entry.actorAccountId,
      });
      const wasIn = entry.sprints ? entry.sprints.from.includes(sprintId) : inSprintAt(entry.ms);
      const isIn = entry.sprints ? entry.sprints.to.includes(sprintId) : wasIn;
      const pointsBefore = entry.points ? entry.points.from : pointsAt(entry.ms);
      const pointsAfter = entry.points ? entry.points.to : pointsAt(entry.ms);
      if (!wasIn && isIn) changes.push(logged({ issueKey: history.issueKey, kind: 'added', pointsBefore: null, pointsAfter }));
      if (wasIn && !isIn) {
        const deferred = (entry.sprints?.to ?? []).some((id) => futureSprintIds.has(id));
        changes.push(logged({ issueKey: history.issueKey, kind: deferred ? 'deferred' : 'removed', pointsBefore, pointsAfter: null }));
      }
      if (entry.points && wasIn && isIn && entry.points.from !== entry.points.to) {
        changes.push(
          logged({ issueKey: history.issueKey, kind: 're-estimated', pointsBefore: entry.points.from, pointsAfter: entry.points.to }),
        );
      }
    }
  }
  return { committed, changes: changes.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.changeId.localeCompare(b.changeId)) };
}

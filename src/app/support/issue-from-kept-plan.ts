/**
 * The panel's issue as the stored snapshot of its project's active sprint holds it, so a later
 * panel open need not read the issue from Jira (issue 12: at most 4 Jira calls per panel open at
 * any sprint size; at 5,000 items the caller's sight of the sprint already takes a search).
 *
 * Trusted only as far as Jira vouches for it: the project's kept plan (src/jira/project-plan.ts)
 * names the sprint, the board's open sprints say it is still the active one, and the panel then
 * takes the issue from the snapshot Jira's change mark validates (issue-situation.ts snapshotOf),
 * or reads the issue after all. Nothing here says the caller may see the issue: the panel asks
 * Browse on it in its one permission check, which honours issue security levels
 * (src/jira/permissions.ts).
 */
import { projectKeyOf } from '../../domain/issue-key';
import type { SprintIssue, SprintSnapshot } from '../../domain/sprint';
import type { IssueFacts, Ports } from '../ports';

/** The issue as the kept plan's active sprint holds it, or null: then the issue is read from Jira. */
export async function issueFromKeptPlan(ports: Ports, issueKey: string): Promise<IssueFacts | null> {
  const projectKey = projectKeyOf(issueKey);
  const plan = projectKey ? await ports.jira.keptPlanOfProject(projectKey) : null;
  if (!projectKey || !plan) return null;
  const stored = await Promise.all(plan.sprints.map((planned) => ports.sprintSnapshots.get(planned.sprintId).catch(() => undefined)));
  const index = stored.findIndex((entry) => entry?.snapshot.issues.some((issue) => issue.key === issueKey));
  const planned = plan.sprints[index];
  const issue = stored[index]?.snapshot.issues.find((candidate) => candidate.key === issueKey);
  if (!planned || !issue) return null;
  // The board's open sprints as kept for views: a sprint completed since is not taken for active.
  const { active } = await ports.jira.openSprintsForView(planned.boardId);
  if (active?.id !== planned.sprintId) return null;
  // A snapshot holds no sub-tasks (src/jira/sprints.ts) and keeps no parent; the panel reads none.
  return { ...issue, projectKey, projectId: plan.projectId, openSprintIds: [active.id], openSprints: [active], parentKey: null };
}

/** The issue as the validated snapshot holds it (fresh fields), or null when the sprint no longer holds it. */
export function issueInSnapshot(planned: IssueFacts, snapshot: SprintSnapshot | null): IssueFacts | null {
  const current: SprintIssue | undefined = snapshot?.issues.find((issue) => issue.key === planned.key);
  return current ? { ...planned, ...current } : null;
}

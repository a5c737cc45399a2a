/**
 * Where a project's issues were last found planned: the active sprints (and their boards) a panel
 * found them in, kept as the app's own pointer (src/jira/kept-config.ts, kind 'project-plan').
 * Issue 12: a later panel open finds its issue in such a sprint's stored snapshot instead of
 * reading the issue from Jira. Never an answer by itself, and never read from Jira: a pointer
 * that is missing, old or wrong only sends the panel back to reading the issue.
 */
import type { ProjectPlan } from '../app/ports';
import type { JiraClient } from './jira-client';

/** A project planned on more boards than this (several teams) keeps the ones it was found on last. */
const MAX_PLANNED_SPRINTS = 4;

export async function keptPlanOfProject(client: JiraClient, projectKey: string): Promise<ProjectPlan | null> {
  const plan = await client.peekKept<ProjectPlan>('project-plan', projectKey);
  return isPlan(plan) ? plan : null;
}

/** Points the project at `sprint` first; nothing is written when it already is. */
export async function keepPlanOfProject(
  client: JiraClient,
  projectKey: string,
  projectId: string,
  sprint: ProjectPlan['sprints'][number],
): Promise<void> {
  const kept = await keptPlanOfProject(client, projectKey);
  const first = kept?.sprints[0];
  if (kept?.projectId === projectId && first?.sprintId === sprint.sprintId && first.boardId === sprint.boardId) return;
  const others = (kept?.projectId === projectId ? kept.sprints : []).filter((planned) => planned.sprintId !== sprint.sprintId);
  await client.putKept<ProjectPlan>('project-plan', projectKey, { projectId, sprints: [sprint, ...others].slice(0, MAX_PLANNED_SPRINTS) });
}

function isPlan(value: unknown): value is ProjectPlan {
  const plan = value as Partial<ProjectPlan> | undefined;
  return (
    typeof plan?.projectId === 'string' &&
    Array.isArray(plan.sprints) &&
    plan.sprints.every((sprint) => Number.isSafeInteger(sprint?.sprintId) && Number.isSafeInteger(sprint?.boardId))
  );
}

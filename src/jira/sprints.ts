/**
 * Sprints of a board and the active sprint's issues in rank order. Sub-tasks are left out of
 * a snapshot: they ride with their parent, and Jira's sprint report and velocity chart count
 * only the parent's estimate, so counting theirs would count work twice.
 */
import { route } from '@forge/api';
import type { BoardEstimation, GoalCriticalRule } from '../app/ports';
import { GoalkeeperError } from '../domain/errors';
import type { Sprint, SprintSnapshot } from '../domain/sprint';
import { AGILE_PAGE_SIZE, estimationOf } from './boards';
import { keysMatchingRuleJql } from './goal-critical';
import { isGoalCritical, ISSUE_FIELDS, isSubtask, toSprintIssue } from './issues';
import type { JiraClient } from './jira-client';
import { sprintIssuesPageShape, sprintPageShape, sprintShape, type SprintJson } from './jira-shapes';
import { collectOffsetPages } from './paging';

/** A sprint shared by several boards belongs to the board it was created on (`originBoardId`). */
export function toSprint(sprint: SprintJson): Sprint {
  return {
    id: sprint.id,
    boardId: sprint.originBoardId,
    name: sprint.name,
    state: sprint.state,
    goal: sprint.goal ?? '',
    startDate: sprint.startDate ?? null,
    endDate: sprint.endDate ?? null,
  };
}

/**
 * The board's sprints in the given state, in the board's order. A board that does not exist or
 * does not do sprints (Kanban answers 400) has none.
 */
export async function sprintsOfBoard(client: JiraClient, boardId: number, state: Sprint['state']): Promise<SprintJson[]> {
  return collectOffsetPages(async (startAt) => {
    const query = new URLSearchParams({ state, startAt: String(startAt), maxResults: String(AGILE_PAGE_SIZE) });
    return (await client.read(route`/rest/agile/1.0/board/${boardId}/sprint?${query}`, sprintPageShape, { absentOn: [400] })) ?? { values: [] };
  });
}

/** The active sprint; with parallel sprints enabled a board can have several, and the first one wins. */
export async function activeSprint(client: JiraClient, boardId: number): Promise<Sprint | null> {
  const [first] = await sprintsOfBoard(client, boardId, 'active');
  return first ? toSprint(first) : null;
}

/** Future sprints in the board's planning order: the first is "the next sprint". */
export async function futureSprints(client: JiraClient, boardId: number): Promise<Sprint[]> {
  return (await sprintsOfBoard(client, boardId, 'future')).map(toSprint);
}

export async function getSprint(client: JiraClient, sprintId: number): Promise<Sprint | null> {
  const sprint = await client.read(route`/rest/agile/1.0/sprint/${sprintId}`, sprintShape);
  return sprint ? toSprint(sprint) : null;
}

/**
 * How the sprint's origin board estimates. A sprint outlives its board: deleting a board leaves
 * its sprints, whose `originBoardId` then names nothing (GET board/{id}/configuration answers
 * 404). Such a sprint is still read, counted by issue, rather than failing the whole read.
 */
async function estimationOfSprint(client: JiraClient, sprint: Sprint): Promise<BoardEstimation> {
  try {
    return await estimationOf(client, sprint.boardId);
  } catch (error) {
    if (error instanceof GoalkeeperError && error.code === 'not-found') return { kind: 'issue-count' };
    throw error;
  }
}

/** The sprint's issues in rank order (Jira's default order for this endpoint), goal-critical marked. */
export async function sprintSnapshot(client: JiraClient, sprint: Sprint, rule: GoalCriticalRule): Promise<SprintSnapshot> {
  const estimation = await estimationOfSprint(client, sprint);
  const fields = [...ISSUE_FIELDS, ...(estimation.kind === 'points' ? [estimation.fieldId] : [])].join(',');
  const issues = await collectOffsetPages(async (startAt) => {
    const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(AGILE_PAGE_SIZE), fields });
    const page = await client.require(route`/rest/agile/1.0/sprint/${sprint.id}/issue?${query}`, sprintIssuesPageShape);
    return { values: page.issues, total: page.total };
  });
  const jqlMatches = rule.jql ? await keysMatchingRuleJql(client, rule.jql, `sprint = ${sprint.id}`) : new Set<string>();
  return {
    sprint,
    estimation: estimation.kind,
    issues: issues.filter((issue) => !isSubtask(issue)).map((issue) => toSprintIssue(issue, estimation, isGoalCritical(rule, issue, jqlMatches))),
  };
}

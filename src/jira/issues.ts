/**
 * Jira issues as Goalkeeper sees them: status category, epic, points from the board's own
 * estimation field, the open sprint. Issues are read through the agile API, which adds Jira
 * Software's fields (sprint, closedSprints, flagged, epic) under stable names, whereas the
 * platform API's Sprint custom field id differs from site to site.
 */
import { route } from '@forge/api';
import type { BoardEstimation, GoalCriticalRule, IssueFacts } from '../app/ports';
import { matchesGoalRule } from '../domain/goal-critical';
import type { SprintIssue, StatusCategory } from '../domain/sprint';
import { estimationOf, estimationOfProject, ISSUE_COUNT } from './boards';
import { keysMatchingRuleJql } from './goal-critical';
import { routeOrNull, type JiraClient } from './jira-client';
import { issueShape, searchPageShape, type IssueFieldsJson, type IssueJson } from './jira-shapes';
import { chunksOf } from './paging';
import { toSprint } from './sprint-json';
import { isIssueKey } from '../domain/issue-key';

/**
 * What Goalkeeper reads of an issue; asking for less keeps pages of 50 issues small. The two dates
 * say when a done issue was done (the burn-up's daily done line, src/domain/burn-up.ts), read with
 * the sprint's pages rather than by a call of their own.
 */
export const ISSUE_FIELDS = [
  'summary',
  'status',
  'issuetype',
  'priority',
  'labels',
  'parent',
  'project',
  'flagged',
  'epic',
  'sprint',
  'closedSprints',
  'subtasks',
  'statuscategorychangedate',
  'resolutiondate',
] as const;

/** Jira's epic level in the issue hierarchy (1 epic, 0 standard, -1 sub-task). */
const EPIC_HIERARCHY_LEVEL = 1;

export function statusCategoryOf(fields: IssueFieldsJson): StatusCategory {
  switch (fields.status?.statusCategory.key) {
    case 'done':
      return 'done';
    case 'indeterminate':
      return 'in-progress';
    default:
      return 'todo';
  }
}

/** The epic: company-managed Epic Link (agile `epic`), else a parent that is an epic (team-managed, and Jira Cloud's unified parent). */
export function epicKeyOf(fields: IssueFieldsJson): string | null {
  if (fields.epic?.key) return fields.epic.key;
  const parentType = fields.parent?.fields?.issuetype;
  const parentIsEpic = parentType?.hierarchyLevel === EPIC_HIERARCHY_LEVEL || parentType?.name === 'Epic';
  return parentIsEpic && fields.parent ? fields.parent.key : null;
}

/** Points in the board's estimation field; boards counting issues have no points (the domain counts 1 each). */
export function pointsOf(fields: IssueFieldsJson, estimation: BoardEstimation): number | null {
  if (estimation.kind !== 'points') return null;
  const value = fields[estimation.fieldId];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function isSubtask(issue: IssueJson): boolean {
  return issue.fields.issuetype?.subtask === true;
}

export function toSprintIssue(issue: IssueJson, estimation: BoardEstimation, goalCritical: boolean): SprintIssue {
  const { fields } = issue;
  return {
    key: issue.key,
    id: issue.id,
    summary: fields.summary ?? '',
    points: pointsOf(fields, estimation),
    statusCategory: statusCategoryOf(fields),
    goalCritical,
    labels: fields.labels ?? [],
    epicKey: epicKeyOf(fields),
    priorityName: fields.priority?.name ?? null,
    issueType: fields.issuetype?.name ?? 'Issue',
    ...subtaskProgressOf(fields),
    ...doneAtOf(fields),
    ...inProgressSinceOf(fields),
  };
}

/**
 * When an in-progress issue entered In Progress: its last status-category change. Moves between
 * statuses of one category (In Progress → In Review) leave it unchanged, as an item's age should.
 */
function inProgressSinceOf(fields: IssueFieldsJson): Pick<SprintIssue, 'inProgressSince'> {
  if (statusCategoryOf(fields) !== 'in-progress' || !fields.statuscategorychangedate) return {};
  return { inProgressSince: fields.statuscategorychangedate };
}

/**
 * When a done issue reached Done: its last status-category change, else its resolution date, as
 * team history reads closed sprints (src/jira/history.ts). Absent for work not done.
 */
function doneAtOf(fields: IssueFieldsJson): Pick<SprintIssue, 'doneAt'> {
  if (statusCategoryOf(fields) !== 'done') return {};
  const doneAt = fields.statuscategorychangedate ?? fields.resolutiondate;
  return doneAt ? { doneAt } : {};
}

/**
 * How far along an issue is by its sub-tasks, from the `subtasks` field the issue already carries:
 * each sub-task's reference includes its status and status category, so no read per issue is
 * needed. Absent when it has none (the forecast then assumes a stated default).
 */
function subtaskProgressOf(fields: IssueFieldsJson): Pick<SprintIssue, 'subtaskProgress'> {
  const subtasks = fields.subtasks ?? [];
  if (subtasks.length === 0) return {};
  return {
    subtaskProgress: {
      done: subtasks.filter((subtask) => subtask.fields?.status?.statusCategory.key === 'done').length,
      total: subtasks.length,
    },
  };
}

/** Goal-critical by the rule's labels, epics and flags, or because the rule's JQL matched it. */
export function isGoalCritical(rule: GoalCriticalRule, issue: IssueJson, jqlMatches: ReadonlySet<string>): boolean {
  return (
    matchesGoalRule(rule, { key: issue.key, labels: issue.fields.labels ?? [], epicKey: epicKeyOf(issue.fields) }) ||
    jqlMatches.has(issue.key)
  );
}

/**
 * One issue wherever it is. Points come from the estimation field of the board its open sprint
 * belongs to, or of the project's first Scrum board when it sits in the backlog. Without a rule
 * the issue is reported as not goal-critical. The issue itself is read by `reader`: the app, or the
 * person calling (asUser), for whom Jira answers 404 when they may not browse it — one call that
 * is both the Browse check and the read (issue 12). Its board's configuration is read as the app.
 */
export async function readIssueFacts(
  client: JiraClient,
  issueKey: string,
  rule?: GoalCriticalRule,
  reader: JiraClient = client,
): Promise<IssueFacts | null> {
  const path = routeOrNull(() => route`/rest/agile/1.0/issue/${issueKey}`);
  if (!path) return null;
  const issue = await reader.read(path, issueShape);
  if (!issue) return null;
  const { fields } = issue;
  const projectKey = fields.project?.key ?? issue.key.split('-')[0] ?? '';
  const boardId = fields.sprint?.originBoardId;
  const estimation = boardId
    ? await estimationOf(client, boardId)
    : projectKey
      ? await estimationOfProject(client, projectKey)
      : ISSUE_COUNT;
  // The key in this JQL is the one Jira just returned, never the caller's text.
  const jqlMatches = rule?.jql ? await keysMatchingRuleJql(client, rule.jql, `issuekey = ${issue.key}`) : new Set<string>();
  return {
    ...toSprintIssue(issue, estimation, rule ? isGoalCritical(rule, issue, jqlMatches) : false),
    projectKey,
    projectId: fields.project?.id ?? '',
    openSprintIds: fields.sprint && fields.sprint.state !== 'closed' ? [fields.sprint.id] : [],
    // The sprint as this read gave it (Jira Software's issue read carries it whole), so no second read asks for it.
    openSprints: fields.sprint && fields.sprint.state !== 'closed' ? [toSprint(fields.sprint)] : [],
    parentKey: fields.parent?.key ?? null,
  };
}

/** POST /rest/api/3/search/jql answers at most 100 issues a page when fields are asked for. */
export const ISSUES_PER_KEY_SEARCH = 100;

/**
 * Several issues by key in one search per 100 (POST /rest/api/3/search/jql, read:jira-work) with
 * the fields an assessment needs, points from `estimation`, goal-critical per `rule`: the sprint
 * view re-assesses its queue with this instead of one issue read per waiting proposal. An issue
 * that no longer exists (or the app cannot see) is absent from the answer.
 */
export async function readIssuesByKeys(
  client: JiraClient,
  issueKeys: readonly string[],
  estimation: BoardEstimation,
  rule: GoalCriticalRule,
): Promise<Map<string, SprintIssue>> {
  const keys = [...new Set(issueKeys)].filter((key) => isIssueKey(key));
  const fields = [...ISSUE_FIELDS, ...(estimation.kind === 'points' ? [estimation.fieldId] : [])];
  const found = new Map<string, SprintIssue>();
  await Promise.all(
    chunksOf(keys, ISSUES_PER_KEY_SEARCH).map(async (chunk) => {
      const scope = `issuekey in (${chunk.join(', ')})`;
      const [page, jqlMatches] = await Promise.all([
        client.require(route`/rest/api/3/search/jql`, searchPageShape, { post: { jql: scope, fields, maxResults: ISSUES_PER_KEY_SEARCH } }),
        rule.jql ? keysMatchingRuleJql(client, rule.jql, scope) : Promise.resolve(new Set<string>()),
      ]);
      for (const issue of page.issues) found.set(issue.key, toSprintIssue(issue, estimation, isGoalCritical(rule, issue, jqlMatches)));
    }),
  );
  return found;
}

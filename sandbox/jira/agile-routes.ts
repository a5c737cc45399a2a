/**
 * Jira Software's agile REST API 1.0: boards, their configuration and sprints, a sprint's issues
 * in rank order, moving issues into a sprint or the backlog, and ranking.
 * https://developer.atlassian.com/cloud/jira/software/rest/intro/
 */
import { fieldSelection, renderBoard, renderBoardConfiguration, renderIssue, renderSprint } from './jira-json';
import type { JiraBoard, JiraIssue, JiraSprint, ProjectPermission, SprintState } from './jira-model';
import { matchesJql } from './jql';
import {
  endpoint,
  ISSUE_NOT_VISIBLE,
  jiraError,
  NO_CONTENT,
  objectBody,
  offsetPage,
  ok,
  parsedJql,
  stringList,
  visibleIssue,
  type Endpoint,
  type StandInAnswer,
  type StandInRequest,
} from './routing';

/** Agile list endpoints answer at most 50 items per page. */
export const AGILE_MAX_PAGE_SIZE = 50;
/** "The maximum number of issues that can be moved in one operation is 50." (agile API docs) */
export const AGILE_MAX_ISSUES_PER_OPERATION = 50;

const BOARD_NOT_VISIBLE = 'Board does not exist or you do not have permission to see it.';
const SPRINT_NOT_VISIBLE = 'Sprint does not exist or you do not have permission to see it.';

function visibleBoard(request: StandInRequest, id: string): JiraBoard | undefined {
  const board = request.site.boards.get(Number(id));
  return board && request.site.canSeeBoard(request.actor, board) ? board : undefined;
}

function visibleSprint(request: StandInRequest, id: string): JiraSprint | undefined {
  const sprint = request.site.sprints.get(Number(id));
  return sprint && request.site.canSeeBoard(request.actor, request.site.boardOf(sprint)) ? sprint : undefined;
}

function listBoards(request: StandInRequest): StandInAnswer {
  const { site, query } = request;
  const types = query
    .get('type')
    ?.split(',')
    .map((type) => type.trim());
  const name = query.get('name')?.toLowerCase();
  const projectRef = query.get('projectKeyOrId');
  const project = projectRef ? site.projectByKeyOrId(projectRef) : undefined;
  if (projectRef && (!project || !site.can(request.actor, 'BROWSE_PROJECTS', project))) {
    return jiraError(400, [`No project could be found with key or id '${projectRef}'.`]);
  }
  const boards = [...site.boards.values()]
    .filter(
      (board) =>
        site.canSeeBoard(request.actor, board) &&
        (!types || types.includes(board.type)) &&
        (!name || board.name.toLowerCase().includes(name)) &&
        (!project || board.projectId === project.id),
    )
    .sort((a, b) => a.id - b.id);
  const page = offsetPage(boards, query, AGILE_MAX_PAGE_SIZE);
  return ok({ ...page, values: page.values.map((board) => renderBoard(request.render, board)) });
}

function boardSprints(request: StandInRequest, boardId: string): StandInAnswer {
  const board = visibleBoard(request, boardId);
  if (!board) return jiraError(404, [BOARD_NOT_VISIBLE]);
  if (board.type !== 'scrum') return jiraError(400, ['The board does not support sprints']);
  const states = request.query
    .get('state')
    ?.split(',')
    .map((state) => state.trim() as SprintState);
  const sprints = [...request.site.sprints.values()]
    .filter((sprint) => sprint.boardId === board.id && (!states || states.includes(sprint.state)))
    .sort((a, b) => a.id - b.id);
  // Jira's sprint list carries no total, only isLast.
  const { startAt, maxResults, isLast, values } = offsetPage(sprints, request.query, AGILE_MAX_PAGE_SIZE);
  return ok({ startAt, maxResults, isLast, values: values.map((sprint) => renderSprint(request.render, sprint)) });
}

function sprintIssues(request: StandInRequest, sprintId: string): StandInAnswer {
  const sprint = visibleSprint(request, sprintId);
  if (!sprint) return jiraError(404, [SPRINT_NOT_VISIBLE]);
  const { site, actor, query } = request;
  let issues = site.sprintIssues(sprint.id).filter((issue) => site.canSeeIssue(actor, issue));
  const jql = query.get('jql');
  if (jql) {
    const parsed = parsedJql(request, jql);
    if (isAnswer(parsed)) return parsed;
    issues = issues.filter((issue) => matchesJql(parsed.where, issue, site));
  }
  const page = offsetPage(issues, query, AGILE_MAX_PAGE_SIZE);
  const selection = fieldSelection(query.getAll('fields'), 'all');
  return ok({
    expand: 'schema,names',
    startAt: page.startAt,
    maxResults: page.maxResults,
    total: page.total,
    issues: page.values.map((issue) => renderIssue(request.render, issue, selection, 'agile')),
  });
}

/**
 * Resolves the issues of a move or rank request as Jira does: every key must exist and be
 * visible (an invisible issue reads as a missing one), and the caller needs `permissions` on each.
 */
function issuesToChange(
  request: StandInRequest,
  keys: readonly string[],
  permissions: readonly ProjectPermission[],
): JiraIssue[] | StandInAnswer {
  const { site, actor } = request;
  const issues: JiraIssue[] = [];
  for (const key of keys) {
    const issue = visibleIssue(request, key);
    if (!issue) return jiraError(404, [`Issue ${key} does not exist or you do not have permission to see it.`]);
    const project = site.projectOf(issue);
    const missing = permissions.find((permission) => !site.can(actor, permission, project));
    if (missing)
      return jiraError(403, [`You do not have the '${missing}' permission in project ${project.key}, so you cannot change ${issue.key}.`]);
    issues.push(issue);
  }
  return issues;
}

function subtaskRefusal(request: StandInRequest, issues: readonly JiraIssue[]): StandInAnswer | undefined {
  const subtask = issues.find((issue) => request.site.typeOf(issue).subtask);
  return subtask ? jiraError(400, [`${subtask.key} is a sub-task; sub-tasks move with their parent.`]) : undefined;
}

function issueKeysOf(body: Record<string, unknown>): string[] | StandInAnswer {
  const keys = stringList(body.issues);
  if (!keys || keys.length === 0) return jiraError(400, [], { issues: 'At least one issue must be given.' });
  if (keys.length > AGILE_MAX_ISSUES_PER_OPERATION) {
    return jiraError(400, [`The maximum number of issues that can be moved in one operation is ${AGILE_MAX_ISSUES_PER_OPERATION}.`]);
  }
  return keys;
}

type RankAnchor = { readonly position: 'before' | 'after'; readonly anchor: JiraIssue } | null;

/** The rankBeforeIssue / rankAfterIssue pair: at most one, and it must be an issue the caller can see. */
function rankAnchorOf(request: StandInRequest, body: Record<string, unknown>, required: boolean): RankAnchor | StandInAnswer {
  const before = body.rankBeforeIssue;
  const after = body.rankAfterIssue;
  if (before !== undefined && after !== undefined) return jiraError(400, ['Only one of rankBeforeIssue and rankAfterIssue can be given.']);
  const target = before ?? after;
  if (target === undefined) return required ? jiraError(400, ['One of rankBeforeIssue or rankAfterIssue is required.']) : null;
  const anchor = typeof target === 'string' || typeof target === 'number' ? visibleIssue(request, String(target)) : undefined;
  if (!anchor) {
    return jiraError(400, [`Cannot rank relative to ${String(target)}: the issue does not exist or you do not have permission to see it.`]);
  }
  if (body.rankCustomFieldId !== undefined && body.rankCustomFieldId !== 10019) {
    return jiraError(400, [`The custom field ${String(body.rankCustomFieldId)} is not a rank field.`]);
  }
  return { position: before !== undefined ? 'before' : 'after', anchor };
}

function isAnswer(value: unknown): value is StandInAnswer {
  return typeof value === 'object' && value !== null && 'status' in value && !Array.isArray(value);
}

function moveToSprint(request: StandInRequest, sprintId: string): StandInAnswer {
  const sprint = visibleSprint(request, sprintId);
  if (!sprint) return jiraError(404, [SPRINT_NOT_VISIBLE]);
  const body = objectBody(request.body);
  const keys = issueKeysOf(body);
  if (isAnswer(keys)) return keys;
  if (sprint.state === 'closed') {
    return jiraError(400, [`Sprint '${sprint.name}' is closed. Issues can only be moved to open or active sprints.`]);
  }
  const issues = issuesToChange(request, keys, ['EDIT_ISSUES', 'SCHEDULE_ISSUES']);
  if (isAnswer(issues)) return issues;
  const refusal = subtaskRefusal(request, issues);
  if (refusal) return refusal;
  const anchor = rankAnchorOf(request, body, false);
  if (isAnswer(anchor)) return anchor;
  request.site.moveToSprint(issues, sprint, request.actor);
  if (anchor) request.site.rank(issues, anchor.position, anchor.anchor, request.actor);
  return NO_CONTENT;
}

function moveToBacklog(request: StandInRequest): StandInAnswer {
  const keys = issueKeysOf(objectBody(request.body));
  if (isAnswer(keys)) return keys;
  const issues = issuesToChange(request, keys, ['EDIT_ISSUES', 'SCHEDULE_ISSUES']);
  if (isAnswer(issues)) return issues;
  const refusal = subtaskRefusal(request, issues);
  if (refusal) return refusal;
  request.site.moveToBacklog(issues, request.actor);
  return NO_CONTENT;
}

interface RankEntry {
  readonly issueId?: number;
  readonly issueKey: string;
  readonly status: number;
  readonly errors: readonly string[];
}

/**
 * PUT /issue/rank: ranks what it can and reports each issue; any per-issue failure turns the
 * whole answer into 207 Multi-Status, as Jira documents.
 */
function rankIssues(request: StandInRequest): StandInAnswer {
  const { site, actor } = request;
  const body = objectBody(request.body);
  const keys = issueKeysOf(body);
  if (isAnswer(keys)) return keys;
  const anchor = rankAnchorOf(request, body, true);
  if (isAnswer(anchor)) return anchor;
  if (!anchor) return jiraError(400, ['One of rankBeforeIssue or rankAfterIssue is required.']);
  const entries: RankEntry[] = [];
  const rankable: JiraIssue[] = [];
  for (const key of keys) {
    const issue = visibleIssue(request, key);
    if (!issue) {
      entries.push({ issueKey: key, status: 404, errors: [ISSUE_NOT_VISIBLE] });
    } else if (!site.can(actor, 'SCHEDULE_ISSUES', site.projectOf(issue))) {
      entries.push({
        issueId: Number(issue.id),
        issueKey: issue.key,
        status: 403,
        errors: ['You do not have permission to rank this issue.'],
      });
    } else if (issue.id === anchor.anchor.id) {
      entries.push({
        issueId: Number(issue.id),
        issueKey: issue.key,
        status: 400,
        errors: ['An issue cannot be ranked relative to itself.'],
      });
    } else {
      entries.push({ issueId: Number(issue.id), issueKey: issue.key, status: 200, errors: [] });
      rankable.push(issue);
    }
  }
  if (rankable.length > 0) site.rank(rankable, anchor.position, anchor.anchor, actor);
  return entries.every((entry) => entry.status === 200) ? NO_CONTENT : ok({ entries }, 207);
}

export const agileEndpoints: readonly Endpoint<StandInRequest>[] = [
  endpoint('GET', /^\/rest\/agile\/1\.0\/board$/, listBoards),
  endpoint('GET', /^\/rest\/agile\/1\.0\/board\/([^/]+)$/, (request, [id]) => {
    const board = visibleBoard(request, id ?? '');
    return board ? ok(renderBoard(request.render, board)) : jiraError(404, [BOARD_NOT_VISIBLE]);
  }),
  endpoint('GET', /^\/rest\/agile\/1\.0\/board\/([^/]+)\/configuration$/, (request, [id]) => {
    const board = visibleBoard(request, id ?? '');
    return board ? ok(renderBoardConfiguration(request.render, board)) : jiraError(404, [BOARD_NOT_VISIBLE]);
  }),
  endpoint('GET', /^\/rest\/agile\/1\.0\/board\/([^/]+)\/sprint$/, (request, [id]) => boardSprints(request, id ?? '')),
  endpoint('GET', /^\/rest\/agile\/1\.0\/sprint\/([^/]+)$/, (request, [id]) => {
    const sprint = visibleSprint(request, id ?? '');
    return sprint ? ok(renderSprint(request.render, sprint)) : jiraError(404, [SPRINT_NOT_VISIBLE]);
  }),
  endpoint('GET', /^\/rest\/agile\/1\.0\/sprint\/([^/]+)\/issue$/, (request, [id]) => sprintIssues(request, id ?? '')),
  endpoint('POST', /^\/rest\/agile\/1\.0\/sprint\/([^/]+)\/issue$/, (request, [id]) => moveToSprint(request, id ?? '')),
  endpoint('POST', /^\/rest\/agile\/1\.0\/backlog\/issue$/, moveToBacklog),
  endpoint('PUT', /^\/rest\/agile\/1\.0\/issue\/rank$/, rankIssues),
  endpoint('GET', /^\/rest\/agile\/1\.0\/issue\/([^/]+)$/, (request, [key]) => {
    const issue = visibleIssue(request, key ?? '');
    if (!issue) return jiraError(404, [ISSUE_NOT_VISIBLE]);
    return ok(renderIssue(request.render, issue, fieldSelection(request.query.getAll('fields'), 'all'), 'agile'));
  }),
];

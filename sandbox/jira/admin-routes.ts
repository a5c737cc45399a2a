/**
 * The sandbox's own JSON API under /__sandbox/, for the sandbox pages and tests: read a board
 * with its sprints and ranked issues, act "in Jira" as a person (move, rank), arm faults, watch
 * changes, reset. It is not Jira's API and shares nothing with the REST routes but the model.
 */
import type { Fault, FaultSwitch } from './faults';
import {
  PROJECT_PERMISSIONS,
  type Actor,
  type JiraBoard,
  type JiraChangeRecord,
  type JiraIssue,
  type JiraSite,
  type JiraStandInModel,
} from './jira-model';
import { endpoint, jiraError, NO_CONTENT, objectBody, ok, type Endpoint, type StandInAnswer } from './routing';

export interface AdminRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly site: JiraSite;
  readonly model: JiraStandInModel;
  readonly faults: FaultSwitch;
  readonly changes: readonly JiraChangeRecord[];
}

/** What the sandbox board and issue pages show of an issue. */
export function issueCard(site: JiraSite, issue: JiraIssue): object {
  const type = site.typeOf(issue);
  return {
    key: issue.key,
    id: issue.id,
    summary: issue.summary,
    type: type.name,
    subtask: type.subtask,
    status: issue.status.name,
    statusCategory: issue.status.category,
    points: issue.points,
    priority: issue.priorityName,
    labels: issue.labels,
    flagged: issue.flagged,
    epicKey: site.epicOf(issue)?.key ?? null,
    parentKey: site.parentOf(issue)?.key ?? null,
    assignee: issue.assigneeAccountId ? (site.users.get(issue.assigneeAccountId)?.displayName ?? null) : null,
    projectKey: site.projectOf(issue).key,
    sprintId: site.openSprintOf(issue)?.id ?? null,
  };
}

function boardSummary(site: JiraSite, board: JiraBoard): object {
  const project = site.projects.get(board.projectId);
  return { id: board.id, name: board.name, type: board.type, projectKey: project?.key ?? null, estimation: board.estimation };
}

function boardView(request: AdminRequest, id: string): StandInAnswer {
  const { site } = request;
  const board = site.boards.get(Number(id));
  if (!board) return jiraError(404, [`No board ${id}`]);
  const sprints = [...site.sprints.values()].filter((sprint) => sprint.boardId === board.id).sort((a, b) => a.id - b.id);
  return ok({
    board: boardSummary(site, board),
    sprints: sprints
      .filter((sprint) => sprint.state !== 'closed')
      .map((sprint) => ({ ...sprint, issues: site.sprintIssues(sprint.id).map((issue) => issueCard(site, issue)) })),
    closedSprints: sprints
      .filter((sprint) => sprint.state === 'closed')
      .map(({ id: sprintId, name, goal, startDate, endDate, completeDate }) => ({
        id: sprintId,
        name,
        goal,
        startDate,
        endDate,
        completeDate,
      })),
    backlog: site.backlogOf(board).map((issue) => issueCard(site, issue)),
  });
}

/** A person acting "in Jira" from the sandbox pages; by default the project lead. */
function personActing(request: AdminRequest, issue: JiraIssue): Actor | StandInAnswer {
  const accountId = objectBody(request.body).actorAccountId;
  if (accountId === undefined) return { kind: 'user', accountId: request.site.projectOf(issue).leadAccountId };
  if (typeof accountId !== 'string' || !request.site.users.has(accountId))
    return jiraError(400, [`Unknown actorAccountId ${String(accountId)}`]);
  return { kind: 'user', accountId };
}

function issueOf(request: AdminRequest, key: string): JiraIssue | StandInAnswer {
  return request.site.issueByKeyOrId(key) ?? jiraError(404, [`No issue ${key}`]);
}

function isAnswer(value: Actor | JiraIssue | StandInAnswer): value is StandInAnswer {
  return 'status' in value && typeof value.status === 'number';
}

function moveIssue(request: AdminRequest, key: string): StandInAnswer {
  const issue = issueOf(request, key);
  if (isAnswer(issue)) return issue;
  const actor = personActing(request, issue);
  if (isAnswer(actor)) return actor;
  const sprintId = objectBody(request.body).sprintId;
  if (request.site.typeOf(issue).subtask) return jiraError(400, [`${issue.key} is a sub-task; sub-tasks move with their parent.`]);
  if (sprintId === null) {
    request.site.moveToBacklog([issue], actor);
    return NO_CONTENT;
  }
  const sprint = request.site.sprints.get(Number(sprintId));
  if (!sprint) return jiraError(404, [`No sprint ${String(sprintId)}`]);
  if (sprint.state === 'closed')
    return jiraError(400, [`Sprint '${sprint.name}' is closed. Issues can only be moved to open or active sprints.`]);
  request.site.moveToSprint([issue], sprint, actor);
  return NO_CONTENT;
}

function rankIssue(request: AdminRequest, key: string): StandInAnswer {
  const issue = issueOf(request, key);
  if (isAnswer(issue)) return issue;
  const actor = personActing(request, issue);
  if (isAnswer(actor)) return actor;
  const body = objectBody(request.body);
  const anchor = typeof body.anchorKey === 'string' ? request.site.issueByKeyOrId(body.anchorKey) : undefined;
  if (!anchor || anchor.id === issue.id) return jiraError(400, ['anchorKey must name another issue.']);
  if (body.position !== 'before' && body.position !== 'after') return jiraError(400, ["position must be 'before' or 'after'."]);
  request.site.rank([issue], body.position, anchor, actor);
  return NO_CONTENT;
}

function parseFault(value: unknown): Fault | undefined {
  const fault = objectBody(value);
  switch (fault.kind) {
    case 'rate-limit':
      return { kind: 'rate-limit', retryAfterSeconds: Number(fault.retryAfterSeconds ?? 1) };
    case 'server-error':
      return { kind: 'server-error', status: Number(fault.status ?? 500) };
    case 'delay':
      return { kind: 'delay', ms: Number(fault.ms ?? 1000) };
    case 'drop-connection':
      return { kind: 'drop-connection' };
    default:
      return undefined;
  }
}

function armFault(request: AdminRequest): StandInAnswer {
  const body = objectBody(request.body);
  const fault = parseFault(body.fault);
  if (!fault) return jiraError(400, ["fault.kind must be 'rate-limit', 'server-error', 'delay' or 'drop-connection'."]);
  const pattern = typeof body.pathPattern === 'string' ? new RegExp(body.pathPattern) : undefined;
  request.faults.inject(fault, {
    times: Number(body.times ?? 1),
    method: typeof body.method === 'string' ? body.method : undefined,
    path: pattern,
  });
  return ok({ armed: request.faults.armed() });
}

function users(request: AdminRequest): StandInAnswer {
  const { site } = request;
  return ok(
    [...site.users.values()].map((user) => ({
      ...user,
      roles: Object.fromEntries(
        [...site.projects.values()].map((project) => [
          project.key,
          project.roles.filter((role) => role.memberAccountIds.includes(user.accountId)).map((role) => role.name),
        ]),
      ),
      permissions: Object.fromEntries(
        [...site.projects.values()].map((project) => [
          project.key,
          PROJECT_PERMISSIONS.filter((permission) => site.can({ kind: 'user', accountId: user.accountId }, permission, project)),
        ]),
      ),
    })),
  );
}

/** The emails Jira's notify API queued for one person, newest first, as their notifications drawer shows them. */
function notificationsOf(request: AdminRequest): StandInAnswer {
  const accountId = request.query.get('accountId');
  if (!accountId || !request.site.users.has(accountId)) return jiraError(400, [`Unknown accountId ${String(accountId)}`]);
  const senderName = (sender: Actor) =>
    sender.kind === 'app' ? 'Goalkeeper (app)' : (request.site.users.get(sender.accountId)?.displayName ?? 'Former user');
  return ok(
    request.site.notifications
      .filter((notification) => notification.recipientAccountId === accountId)
      .reverse()
      .map(({ id, issueKey, subject, body, format, sentAt, sender }) => ({
        id,
        issueKey,
        subject,
        body,
        format,
        sentAt,
        from: senderName(sender),
      })),
  );
}

export const adminEndpoints: readonly Endpoint<AdminRequest>[] = [
  endpoint('GET', /^\/__sandbox\/notifications$/, notificationsOf),
  endpoint('GET', /^\/__sandbox\/users$/, users),
  endpoint('GET', /^\/__sandbox\/boards$/, (request) =>
    ok([...request.site.boards.values()].map((board) => boardSummary(request.site, board))),
  ),
  endpoint('GET', /^\/__sandbox\/boards\/([^/]+)$/, (request, [id]) => boardView(request, id ?? '')),
  endpoint('GET', /^\/__sandbox\/issues\/([^/]+)$/, (request, [key]) => {
    const issue = issueOf(request, key ?? '');
    if (isAnswer(issue)) return issue;
    return ok({ ...issueCard(request.site, issue), comments: issue.comments, created: issue.created, updated: issue.updated });
  }),
  endpoint('POST', /^\/__sandbox\/issues\/([^/]+)\/move$/, (request, [key]) => moveIssue(request, key ?? '')),
  endpoint('POST', /^\/__sandbox\/issues\/([^/]+)\/rank$/, (request, [key]) => rankIssue(request, key ?? '')),
  endpoint('GET', /^\/__sandbox\/faults$/, (request) => ok({ armed: request.faults.armed() })),
  endpoint('POST', /^\/__sandbox\/faults$/, armFault),
  endpoint('DELETE', /^\/__sandbox\/faults$/, (request) => {
    request.faults.clear();
    return NO_CONTENT;
  }),
  endpoint('GET', /^\/__sandbox\/changes$/, (request) => {
    const since = Number(request.query.get('since') ?? 0) || 0;
    return ok({
      changes: request.changes.slice(since).filter((record) => record.siteId === request.site.id),
      next: request.changes.length,
    });
  }),
  endpoint('POST', /^\/__sandbox\/reset$/, (request) => {
    request.model.reset();
    request.faults.clear();
    return NO_CONTENT;
  }),
];

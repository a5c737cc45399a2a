/**
 * Renders the model the way Jira Cloud's REST API does (platform v3 and Jira Software agile
 * 1.0), from Atlassian's documented response shapes. Only this file knows those shapes on the
 * stand-in side; the adapter in src/jira knows them on the app side.
 */
import {
  FIELD_IDS,
  pointsFieldOf,
  type Actor,
  type ChangeHistory,
  type IssueComment,
  type IssueStatus,
  type IssueType,
  type JiraBoard,
  type JiraIssue,
  type JiraProject,
  type JiraSite,
  type JiraSprint,
  type Priority,
  type SecurityLevel,
} from './jira-model';

/** The account Jira shows for the app's own actions (Forge apps get an "app" account). */
export const APP_ACCOUNT = { accountId: '712020:goalkeeper-app', displayName: 'Goalkeeper' } as const;

export interface RenderContext {
  readonly site: JiraSite;
  /** Where `self` links point: the stand-in's own address. */
  readonly baseUrl: string;
}

/** Which fields the caller asked for: Jira's `fields` parameter (names, *all, *navigable, -name). */
export interface FieldSelection {
  readonly all: boolean;
  readonly include: ReadonlySet<string>;
  readonly exclude: ReadonlySet<string>;
}

export function fieldSelection(requested: readonly string[] | undefined, byDefault: 'all' | 'none'): FieldSelection {
  const names = (requested ?? [])
    .flatMap((entry) => entry.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  const all = names.length === 0 ? byDefault === 'all' : names.some((name) => name === '*all' || name === '*navigable');
  return {
    all,
    include: new Set(names.filter((name) => !name.startsWith('-') && !name.startsWith('*'))),
    exclude: new Set(names.filter((name) => name.startsWith('-')).map((name) => name.slice(1))),
  };
}

const CATEGORY_JSON = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

/**
 * GET /rest/api/3/serverInfo, shaped as Atlassian's platform OpenAPI's ServerInformation schema
 * (getServerInfo): the fields a Jira Cloud site fills in, `serverTimeZone` among them.
 */
export function renderServerInfo(context: RenderContext, serverTimeZone: string): object {
  return {
    baseUrl: context.baseUrl,
    displayUrl: context.baseUrl,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100286,
    buildDate: '2026-12-01T00:00:00.000+0000',
    serverTime: context.site.now().toISOString().replace('Z', '+0000'),
    scmInfo: 'c3f8a1a1f0d6b1e2a7c4d9e8f7a6b5c4d3e2f1a0',
    serverTitle: 'Jira',
    serverTimeZone,
  };
}

export function renderAccount(context: RenderContext, actor: Actor): object {
  if (actor.kind === 'app') {
    return {
      self: `${context.baseUrl}/rest/api/3/user?accountId=${APP_ACCOUNT.accountId}`,
      ...APP_ACCOUNT,
      accountType: 'app',
      active: true,
    };
  }
  const user = context.site.users.get(actor.accountId);
  return {
    self: `${context.baseUrl}/rest/api/3/user?accountId=${actor.accountId}`,
    accountId: actor.accountId,
    accountType: 'atlassian',
    displayName: user?.displayName ?? 'Former user',
    emailAddress: user?.emailAddress,
    avatarUrls: { '48x48': `${context.baseUrl}/__sandbox/avatar/${actor.accountId}` },
    active: user !== undefined,
    timeZone: user?.timeZone,
  };
}

export function renderStatus(context: RenderContext, status: IssueStatus): object {
  const category = CATEGORY_JSON[status.category];
  return {
    self: `${context.baseUrl}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${context.baseUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: { self: `${context.baseUrl}/rest/api/3/statuscategory/${category.id}`, ...category },
  };
}

export function renderIssueType(context: RenderContext, type: IssueType): object {
  return {
    self: `${context.baseUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: '',
    iconUrl: `${context.baseUrl}/images/icons/issuetypes/${type.name.toLowerCase()}.svg`,
    name: type.name,
    subtask: type.subtask,
    hierarchyLevel: type.hierarchyLevel,
  };
}

export function renderPriority(context: RenderContext, priority: Priority): object {
  return {
    self: `${context.baseUrl}/rest/api/3/priority/${priority.id}`,
    statusColor: priority.statusColor,
    description: priority.description,
    iconUrl: `${context.baseUrl}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
  };
}

export function renderProjectRef(context: RenderContext, project: JiraProject): object {
  return {
    self: `${context.baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: project.style === 'team-managed',
    avatarUrls: { '48x48': `${context.baseUrl}/__sandbox/avatar/project-${project.key}` },
  };
}

export function renderProject(context: RenderContext, project: JiraProject): object {
  return {
    ...renderProjectRef(context, project),
    description: '',
    lead: renderAccount(context, { kind: 'user', accountId: project.leadAccountId }),
    style: project.style === 'team-managed' ? 'next-gen' : 'classic',
    isPrivate: false,
    issueTypes: project.issueTypes.map((type) => renderIssueType(context, type)),
    roles: Object.fromEntries(project.roles.map((role) => [role.name, roleUrl(context, project, role.id)])),
  };
}

export function roleUrl(context: RenderContext, project: JiraProject, roleId: number): string {
  return `${context.baseUrl}/rest/api/3/project/${project.id}/role/${roleId}`;
}

/** A sprint as the agile API answers it; Jira leaves out dates a sprint does not have. */
export function renderSprint(context: RenderContext, sprint: JiraSprint): object {
  return {
    id: sprint.id,
    self: `${context.baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
    ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
    ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
    createdDate: sprint.createdDate,
    originBoardId: sprint.boardId,
    goal: sprint.goal,
  };
}

/** A sprint inside the Sprint custom field (customfield_10020) of the platform API. */
function renderSprintFieldValue(sprint: JiraSprint): object {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.boardId,
    goal: sprint.goal,
    ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
    ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
    ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
  };
}

export function renderBoard(context: RenderContext, board: JiraBoard): object {
  const project = context.site.projects.get(board.projectId);
  return {
    id: board.id,
    self: `${context.baseUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    location: project
      ? {
          projectId: Number(project.id),
          displayName: `${project.name} (${project.key})`,
          projectName: project.name,
          projectKey: project.key,
          projectTypeKey: 'software',
          avatarURI: `/__sandbox/avatar/project-${project.key}`,
          name: `${project.name} (${project.key})`,
        }
      : undefined,
  };
}

export function renderBoardConfiguration(context: RenderContext, board: JiraBoard): object {
  const project = context.site.projects.get(board.projectId);
  return {
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${context.baseUrl}/rest/agile/1.0/board/${board.id}/configuration`,
    location: {
      type: 'project',
      key: project?.key,
      id: project?.id,
      self: `${context.baseUrl}/rest/api/3/project/${project?.id}`,
      name: project?.name,
    },
    filter: { id: String(10000 + board.id), self: `${context.baseUrl}/rest/api/3/filter/${10000 + board.id}` },
    subQuery: { query: 'resolution = EMPTY OR resolution changed after -2w' },
    columnConfig: {
      columns: [
        { name: 'To Do', statuses: [{ id: '10000', self: `${context.baseUrl}/rest/api/3/status/10000` }] },
        {
          name: 'In Progress',
          statuses: [
            { id: '3', self: `${context.baseUrl}/rest/api/3/status/3` },
            { id: '10002', self: `${context.baseUrl}/rest/api/3/status/10002` },
          ],
        },
        { name: 'Done', statuses: [{ id: '10001', self: `${context.baseUrl}/rest/api/3/status/10001` }] },
      ],
      constraintType: 'issueCount',
    },
    estimation: board.estimation
      ? { type: 'field', field: { fieldId: board.estimation.fieldId, displayName: board.estimation.displayName } }
      : { type: 'none' },
    ranking: { rankCustomFieldId: Number(FIELD_IDS.rank.replace('customfield_', '')) },
  };
}

function renderIssueRef(context: RenderContext, issue: JiraIssue): object {
  const priority = context.site.priorities.find((candidate) => candidate.name === issue.priorityName);
  return {
    id: issue.id,
    key: issue.key,
    self: `${context.baseUrl}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      status: renderStatus(context, issue.status),
      priority: priority ? renderPriority(context, priority) : undefined,
      issuetype: renderIssueType(context, context.site.typeOf(issue)),
    },
  };
}

export function renderComment(context: RenderContext, issue: JiraIssue, comment: IssueComment): object {
  return {
    self: `${context.baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: renderAccount(context, comment.author),
    body: comment.body,
    updateAuthor: renderAccount(context, comment.author),
    created: comment.created,
    updated: comment.created,
    jsdPublic: true,
  };
}

/** The `security` field (SecurityLevel in Atlassian's platform OpenAPI: self, id, name, description); null without a level. */
function renderSecurityLevel(context: RenderContext, level: SecurityLevel | undefined): object | null {
  return level
    ? { self: `${context.baseUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, name: level.name, description: level.description }
    : null;
}

/** Lexorank-looking values: Jira's Rank field is an opaque string that sorts in rank order. */
function rankValue(index: number): string {
  return `0|i${index.toString(36).padStart(5, '0')}:`;
}

/**
 * An issue as GET /rest/api/3/issue answers it (`platform`) or as the agile API does (`agile`),
 * which adds Jira Software's own fields: sprint, closedSprints, flagged and epic.
 */
export function renderIssue(context: RenderContext, issue: JiraIssue, selection: FieldSelection, flavour: 'platform' | 'agile'): object {
  const { site } = context;
  const project = site.projectOf(issue);
  const type = site.typeOf(issue);
  const parent = site.parentOf(issue);
  const epic = site.epicOf(issue);
  const sprints = issue.sprintIds.map((id) => site.sprints.get(id)).filter((sprint): sprint is JiraSprint => sprint !== undefined);
  const priority = site.priorities.find((candidate) => candidate.name === issue.priorityName);
  const fields: Record<string, unknown> = {
    summary: issue.summary,
    status: renderStatus(context, issue.status),
    issuetype: renderIssueType(context, type),
    priority: priority ? renderPriority(context, priority) : null,
    labels: issue.labels,
    project: renderProjectRef(context, project),
    reporter: renderAccount(context, { kind: 'user', accountId: issue.reporterAccountId }),
    assignee: issue.assigneeAccountId ? renderAccount(context, { kind: 'user', accountId: issue.assigneeAccountId }) : null,
    created: issue.created,
    updated: issue.updated,
    statuscategorychangedate: issue.statusCategoryChangeDate,
    resolutiondate: issue.resolutionDate,
    resolution: issue.status.category === 'done' ? { id: '10000', name: 'Done' } : null,
    subtasks: site
      .childrenOf(issue)
      .filter((child) => site.typeOf(child).subtask)
      .map((child) => renderIssueRef(context, child)),
    comment: {
      comments: issue.comments.map((comment) => renderComment(context, issue, comment)),
      self: `${context.baseUrl}/rest/api/3/issue/${issue.id}/comment`,
      maxResults: issue.comments.length,
      total: issue.comments.length,
      startAt: 0,
    },
    [FIELD_IDS.sprint]: sprints.length > 0 ? sprints.map(renderSprintFieldValue) : null,
    [FIELD_IDS.rank]: rankValue(site.rankIndexOf(issue)),
    [FIELD_IDS.flagged]: issue.flagged
      ? [{ self: `${context.baseUrl}/rest/api/3/customFieldOption/10019`, value: 'Impediment', id: '10019' }]
      : null,
    [pointsFieldOf(project).fieldId]: issue.points,
    security: renderSecurityLevel(context, site.securityLevelOf(issue)),
  };
  if (parent) fields.parent = renderIssueRef(context, parent);
  if (project.style === 'company-managed') fields[FIELD_IDS.epicLink] = epic?.key ?? null;
  if (flavour === 'agile') {
    const open = site.openSprintOf(issue);
    fields.sprint = open ? renderSprint(context, open) : null;
    fields.closedSprints = sprints.filter((sprint) => sprint.state === 'closed').map((sprint) => renderSprint(context, sprint));
    fields.flagged = issue.flagged;
    // The agile API fills `epic` only for company-managed projects' Epic Link.
    fields.epic =
      epic && project.style === 'company-managed'
        ? {
            id: Number(epic.id),
            key: epic.key,
            self: `${context.baseUrl}/rest/agile/1.0/epic/${epic.id}`,
            name: epic.summary,
            summary: epic.summary,
            color: { key: 'color_4' },
            done: epic.status.category === 'done',
          }
        : null;
  }
  const chosen = Object.fromEntries(
    Object.entries(fields).filter(([name]) => (selection.all || selection.include.has(name)) && !selection.exclude.has(name)),
  );
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${context.baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: chosen,
  };
}

/**
 * One issue's changelog entry (Changelog / ChangeDetails in Atlassian's jira-platform OpenAPI, as
 * POST /rest/api/3/changelog/bulkfetch, getBulkChangelogs, answers it).
 */
export function renderChangeHistory(context: RenderContext, history: ChangeHistory): object {
  return {
    id: history.id,
    author: renderAccount(context, history.author),
    created: history.created,
    items: history.items.map((item) => ({ ...item })),
  };
}

/**
 * The edit metadata of an issue (IssueUpdateMetadata / FieldMetadata in the platform OpenAPI,
 * GET /rest/api/3/issue/{issueIdOrKey}/editmeta, getEditIssueMeta): the fields the caller may
 * edit, with the priorities the issue's priority scheme allows.
 */
export function renderEditMeta(context: RenderContext, issue: JiraIssue): object {
  const points = pointsFieldOf(context.site.projectOf(issue));
  return {
    fields: {
      summary: { required: true, schema: { type: 'string', system: 'summary' }, name: 'Summary', key: 'summary', operations: ['set'] },
      priority: {
        required: false,
        schema: { type: 'priority', system: 'priority' },
        name: 'Priority',
        key: 'priority',
        operations: ['set'],
        allowedValues: context.site.priorities.map((priority) => renderPriority(context, priority)),
      },
      labels: {
        required: false,
        schema: { type: 'array', items: 'string', system: 'labels' },
        name: 'Labels',
        key: 'labels',
        autoCompleteUrl: `${context.baseUrl}/rest/api/1.0/labels/suggest?query=`,
        operations: ['add', 'set', 'remove'],
      },
      [points.fieldId]: {
        required: false,
        schema: {
          type: 'number',
          custom:
            points.fieldId === FIELD_IDS.storyPointEstimate
              ? 'com.pyxis.greenhopper.jira:jsw-story-points'
              : 'com.atlassian.jira.plugin.system.customfieldtypes:float',
          customId: Number(points.fieldId.replace('customfield_', '')),
        },
        name: points.displayName,
        key: points.fieldId,
        operations: ['set'],
      },
    },
  };
}

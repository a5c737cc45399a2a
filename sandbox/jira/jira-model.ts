/**
 * The in-memory Jira behind the stand-in: sites holding users, projects (with roles and a
 * permission scheme), boards, sprints, issues in one rank order, and the frozen sprint reports
 * Jira keeps for closed sprints. It knows Jira's rules (who may do what, what a sprint accepts)
 * but no HTTP and no JSON shapes; the routes render it the way Atlassian's REST API does.
 */
import { APP_USER_PROJECT_PERMISSIONS } from './app-user';

export const SANDBOX_CLOUD_ID = 'goalkeeper-sandbox-site';

/** Who is asking Jira: the app itself (asApp) or a person (asUser, or a click "in Jira"). */
export type Actor = { readonly kind: 'app' } | { readonly kind: 'user'; readonly accountId: string };

export const PROJECT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'EDIT_ISSUES',
  'SCHEDULE_ISSUES',
  'ADMINISTER_PROJECTS',
  'ADD_COMMENTS',
  'CREATE_ISSUES',
  'MANAGE_SPRINTS_PERMISSION',
] as const;
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

export interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly emailAddress: string;
  readonly timeZone: string;
  /** Their Jira language, as GET /rest/api/3/user answers it (e.g. "de_DE"); English when not set. */
  readonly locale?: string;
  /** Their personal email notification settings; Jira's defaults (on, HTML) when not set. */
  readonly notifications?: NotificationSettings;
}

/** A person's Jira email settings, which Jira applies to every mail it sends them, the app's included. */
export interface NotificationSettings {
  readonly email: boolean;
  readonly format: 'html' | 'text';
}

/** One email Jira queued for a person (POST /issue/{key}/notify), as the sandbox shows it in their drawer. */
export interface SentNotification {
  readonly id: string;
  readonly issueKey: string;
  readonly recipientAccountId: string;
  readonly sender: Actor;
  readonly subject: string;
  /** The body in the person's chosen format, and which one it is. */
  readonly body: string;
  readonly format: 'html' | 'text';
  readonly sentAt: string;
}

/** Team-managed projects ("next-gen", simplified) and company-managed ones ("classic") differ in fields. */
export type ProjectStyle = 'team-managed' | 'company-managed';

export interface ProjectRole {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  /** What the project's permission scheme grants this role. */
  readonly grants: readonly ProjectPermission[];
  readonly memberAccountIds: string[];
}

export interface IssueType {
  readonly id: string;
  readonly name: string;
  readonly subtask: boolean;
  /** Jira's hierarchy: 1 epic, 0 standard issue, -1 sub-task. */
  readonly hierarchyLevel: 1 | 0 | -1;
}

/**
 * A level of the project's issue security scheme: an issue set to it is seen only by the level's
 * members, and only by those who may also browse the project ("Issue-level security … within the
 * bounds of the project's permissions": Jira's permissions overview). The app user sees such an
 * issue only when the level names the role Jira gives apps ("atlassian-addons-project-access").
 */
export interface SecurityLevel {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly memberAccountIds: readonly string[];
  readonly includesAppRole: boolean;
}

export interface JiraProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly style: ProjectStyle;
  readonly leadAccountId: string;
  readonly roles: readonly ProjectRole[];
  readonly issueTypes: readonly IssueType[];
  /** The levels of the project's issue security scheme; none when it has no scheme. */
  readonly securityLevels?: readonly SecurityLevel[];
}

export interface JiraBoard {
  readonly id: number;
  readonly name: string;
  readonly type: 'scrum' | 'kanban';
  readonly projectId: string;
  /** The board's estimation statistic; null when the board does not estimate (issue count). */
  readonly estimation: { readonly fieldId: string; readonly displayName: string } | null;
}

export type SprintState = 'future' | 'active' | 'closed';

export interface JiraSprint {
  readonly id: number;
  readonly boardId: number;
  name: string;
  state: SprintState;
  goal: string;
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  readonly createdDate: string;
}

export interface IssueStatus {
  readonly id: string;
  readonly name: string;
  readonly category: 'new' | 'indeterminate' | 'done';
}

export const STATUSES = {
  todo: { id: '10000', name: 'To Do', category: 'new' },
  inProgress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  inReview: { id: '10002', name: 'In Review', category: 'indeterminate' },
  done: { id: '10001', name: 'Done', category: 'done' },
} as const satisfies Record<string, IssueStatus>;

export interface Priority {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly statusColor: string;
}

export interface IssueComment {
  readonly id: string;
  readonly author: Actor;
  readonly body: unknown;
  readonly created: string;
  /** Comment properties (EntityProperty in Atlassian's platform OpenAPI), set when the comment was added. */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** One changed field in an issue's changelog, as Jira records it (ChangeDetails in Atlassian's platform OpenAPI). */
export interface ChangeItem {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId: string;
  /** Ids (sprints, statuses) as text; null for number fields, whose values are in the strings. */
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

/** One entry of an issue's changelog: who changed which fields, when (Changelog in the platform OpenAPI). */
export interface ChangeHistory {
  readonly id: string;
  readonly created: string;
  readonly author: Actor;
  readonly items: readonly ChangeItem[];
}

export interface JiraIssue {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  summary: string;
  readonly typeId: string;
  status: IssueStatus;
  priorityName: string;
  labels: string[];
  /** Epic of a standard issue, or the parent of a sub-task (Jira Cloud's unified `parent`). */
  readonly parentId: string | null;
  /** Every sprint the issue has been in; at most one of them is open (active or future). */
  sprintIds: number[];
  /** Story points in the project's own points field. */
  points: number | null;
  flagged: boolean;
  readonly reporterAccountId: string;
  assigneeAccountId: string | null;
  readonly created: string;
  updated: string;
  /** When the status last moved to another category (Jira's `statuscategorychangedate`). */
  statusCategoryChangeDate: string;
  /** When the issue was resolved (Done); null while it is not. */
  resolutionDate: string | null;
  readonly comments: IssueComment[];
  /** Changes of the Sprint, story-point, status and resolution fields, oldest first. */
  readonly changelog: ChangeHistory[];
  /** Issue properties (EntityProperty), set on creation; absent on issues created without any. */
  properties?: Record<string, unknown>;
  /** The issue's security level (an id of its project's `securityLevels`); absent or null: none. */
  securityLevelId?: string | null;
}

/** One issue in the sprint report Jira freezes when a sprint closes. */
export interface SprintReportLine {
  readonly issueId: string;
  /** The estimate when the sprint started (or when the issue was added). */
  readonly estimateAtStart: number | null;
  readonly estimateAtEnd: number | null;
  readonly outcome: 'completed' | 'not-completed' | 'punted';
  readonly addedDuringSprint: boolean;
}

export type JiraChange =
  | {
      readonly kind: 'sprint-membership';
      readonly issueKey: string;
      readonly fromSprintId: number | null;
      readonly toSprintId: number | null;
    }
  | { readonly kind: 'rank'; readonly issueKeys: readonly string[]; readonly position: 'before' | 'after'; readonly anchorKey: string }
  | {
      readonly kind: 'estimate';
      readonly issueKey: string;
      readonly fieldId: string;
      readonly from: number | null;
      readonly to: number | null;
    }
  | { readonly kind: 'priority'; readonly issueKey: string; readonly from: string; readonly to: string }
  | { readonly kind: 'issue-created'; readonly issueKey: string; readonly parentKey: string | null }
  | { readonly kind: 'comment-added'; readonly issueKey: string; readonly commentId: string };

/** What a later issue turns into Forge events: which change, on which site, by whom, when. */
export interface JiraChangeRecord {
  readonly siteId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly change: JiraChange;
}

export type ChangeListener = (record: JiraChangeRecord) => void;

/** Custom field ids as a typical Jira Cloud site numbers them. */
export const FIELD_IDS = {
  epicLink: 'customfield_10014',
  storyPointEstimate: 'customfield_10016', // team-managed "Story point estimate"
  rank: 'customfield_10019',
  sprint: 'customfield_10020',
  flagged: 'customfield_10021',
  storyPoints: 'customfield_10028', // company-managed "Story Points"
} as const;

/** The points field each project style uses: both exist on a site, each project shows one. */
export function pointsFieldOf(project: JiraProject): { fieldId: string; displayName: string } {
  return project.style === 'team-managed'
    ? { fieldId: FIELD_IDS.storyPointEstimate, displayName: 'Story point estimate' }
    : { fieldId: FIELD_IDS.storyPoints, displayName: 'Story Points' };
}

export interface NewIssue {
  readonly projectKey: string;
  readonly summary: string;
  readonly typeName: string;
  readonly status?: IssueStatus;
  readonly priorityName?: string;
  readonly labels?: readonly string[];
  readonly parentKey?: string | null;
  readonly sprintIds?: readonly number[];
  readonly points?: number | null;
  readonly flagged?: boolean;
  readonly reporterAccountId?: string;
  readonly assigneeAccountId?: string | null;
  readonly created?: string;
  /** When the issue reached its status, if not when it was created. */
  readonly statusSince?: string;
  /** Issue properties set on creation (POST /rest/api/3/issue `properties`). */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** Scope changes of an active sprint after it started, for its live sprint report. */
interface ActiveSprintScope {
  readonly added: Set<string>;
  readonly punted: Set<string>;
}

export class JiraSite {
  readonly users = new Map<string, JiraUser>();
  readonly projects = new Map<string, JiraProject>();
  readonly boards = new Map<number, JiraBoard>();
  readonly sprints = new Map<number, JiraSprint>();
  readonly issues = new Map<string, JiraIssue>();
  readonly priorities: Priority[] = [];
  /** Issue ids, top rank first: one global order, as Jira's Rank field is global. */
  readonly rankOrder: string[] = [];
  readonly sprintReports = new Map<number, readonly SprintReportLine[]>();
  /** People holding the *Administer Jira* global permission; the app user never does (app-user.ts). */
  readonly jiraAdministrators = new Set<string>();
  /** The site's default time zone (System › General configuration), as serverInfo gives it. */
  serverTimeZone = 'UTC';
  /** Permissions a site admin took from the app's role in a project (by project key), to play a narrowed app user. */
  readonly appPermissionsWithdrawn = new Map<string, Set<ProjectPermission>>();
  /** Emails Jira queued through the notify API, oldest first (not Jira's own change notifications). */
  readonly notifications: SentNotification[] = [];
  private readonly activeScope = new Map<number, ActiveSprintScope>();
  private readonly issueIdByKey = new Map<string, string>();
  private readonly issueCounters = new Map<string, number>();
  private nextIssueId = 10001;
  private nextCommentId = 10500;
  private nextChangelogId = 20000;
  private nextNotificationId = 1;

  constructor(
    readonly id: string,
    private readonly emit: (record: JiraChangeRecord) => void,
    private readonly clock: () => Date,
    /** Told of each email queued, for the sandbox to keep across restarts (not a Jira change: Jira raises no event for it). */
    private readonly notified: (siteId: string, notification: SentNotification) => void = () => undefined,
  ) {}

  /** The site's clock reading now (the sandbox's, which tests may pin). */
  now(): Date {
    return this.clock();
  }

  addUser(user: JiraUser): void {
    this.users.set(user.accountId, user);
  }

  addProject(project: JiraProject): void {
    this.projects.set(project.id, project);
    this.issueCounters.set(project.key, 0);
  }

  addBoard(board: JiraBoard): void {
    this.boards.set(board.id, board);
  }

  addSprint(sprint: JiraSprint): void {
    this.sprints.set(sprint.id, sprint);
  }

  /** Freezes what Jira's sprint report shows for a closed sprint. */
  recordSprintReport(sprintId: number, lines: readonly SprintReportLine[]): void {
    this.sprintReports.set(sprintId, lines);
  }

  createIssue(input: NewIssue, actor: Actor = { kind: 'app' }): JiraIssue {
    const project = this.projectByKeyOrId(input.projectKey);
    if (!project) throw new Error(`No project ${input.projectKey}`);
    const type = project.issueTypes.find((candidate) => candidate.name.toLowerCase() === input.typeName.toLowerCase());
    if (!type) throw new Error(`Project ${project.key} has no issue type ${input.typeName}`);
    const parent = input.parentKey ? this.issueByKeyOrId(input.parentKey) : undefined;
    if (input.parentKey && !parent) throw new Error(`No parent issue ${input.parentKey}`);
    const number = (this.issueCounters.get(project.key) ?? 0) + 1;
    this.issueCounters.set(project.key, number);
    const created = input.created ?? this.clock().toISOString();
    const issue: JiraIssue = {
      id: String(this.nextIssueId++),
      key: `${project.key}-${number}`,
      projectId: project.id,
      summary: input.summary,
      typeId: type.id,
      status: input.status ?? STATUSES.todo,
      priorityName: input.priorityName ?? 'Medium',
      labels: [...(input.labels ?? [])],
      parentId: parent?.id ?? null,
      // A sub-task always sits in its parent's sprints: Jira does not let them differ.
      sprintIds: type.subtask && parent ? [...parent.sprintIds] : [...(input.sprintIds ?? [])],
      points: input.points ?? null,
      flagged: input.flagged ?? false,
      reporterAccountId: input.reporterAccountId ?? project.leadAccountId,
      assigneeAccountId: input.assigneeAccountId ?? null,
      created,
      updated: created,
      statusCategoryChangeDate: input.statusSince ?? created,
      resolutionDate: (input.status ?? STATUSES.todo).category === 'done' ? (input.statusSince ?? created) : null,
      comments: [],
      changelog: [],
      ...(input.properties ? { properties: { ...input.properties } } : {}),
    };
    this.issues.set(issue.id, issue);
    this.issueIdByKey.set(issue.key, issue.id);
    this.rankOrder.push(issue.id);
    this.record(actor, { kind: 'issue-created', issueKey: issue.key, parentKey: parent?.key ?? null });
    return issue;
  }

  issueByKeyOrId(keyOrId: string): JiraIssue | undefined {
    const id = this.issueIdByKey.get(keyOrId.toUpperCase()) ?? keyOrId;
    return this.issues.get(id);
  }

  projectByKeyOrId(keyOrId: string): JiraProject | undefined {
    const byId = this.projects.get(keyOrId);
    if (byId) return byId;
    for (const project of this.projects.values()) if (project.key === keyOrId.toUpperCase()) return project;
    return undefined;
  }

  projectOf(issue: JiraIssue): JiraProject {
    const project = this.projects.get(issue.projectId);
    if (!project) throw new Error(`Issue ${issue.key} has no project`);
    return project;
  }

  typeOf(issue: JiraIssue): IssueType {
    const type = this.projectOf(issue).issueTypes.find((candidate) => candidate.id === issue.typeId);
    if (!type) throw new Error(`Issue ${issue.key} has an unknown type`);
    return type;
  }

  parentOf(issue: JiraIssue): JiraIssue | undefined {
    return issue.parentId ? this.issues.get(issue.parentId) : undefined;
  }

  /** The epic an issue belongs to: its parent when that parent is an epic. */
  epicOf(issue: JiraIssue): JiraIssue | undefined {
    const parent = this.parentOf(issue);
    return parent && this.typeOf(parent).hierarchyLevel === 1 ? parent : undefined;
  }

  childrenOf(issue: JiraIssue): JiraIssue[] {
    return [...this.issues.values()].filter((candidate) => candidate.parentId === issue.id);
  }

  /** The active or future sprint the issue is in, if any. */
  openSprintOf(issue: JiraIssue): JiraSprint | undefined {
    return issue.sprintIds.map((id) => this.sprints.get(id)).find((sprint) => sprint !== undefined && sprint.state !== 'closed');
  }

  boardOf(sprint: JiraSprint): JiraBoard {
    const board = this.boards.get(sprint.boardId);
    if (!board) throw new Error(`Sprint ${sprint.id} has no board`);
    return board;
  }

  rankIndexOf(issue: JiraIssue): number {
    return this.rankOrder.indexOf(issue.id);
  }

  byRank(issues: Iterable<JiraIssue>): JiraIssue[] {
    const position = new Map(this.rankOrder.map((id, index) => [id, index]));
    return [...issues].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  }

  sprintIssues(sprintId: number): JiraIssue[] {
    return this.byRank([...this.issues.values()].filter((issue) => issue.sprintIds.includes(sprintId)));
  }

  /** The board backlog: the project's issues in no open sprint, neither epics nor sub-tasks nor done. */
  backlogOf(board: JiraBoard): JiraIssue[] {
    return this.byRank(
      [...this.issues.values()].filter(
        (issue) =>
          issue.projectId === board.projectId &&
          this.typeOf(issue).hierarchyLevel === 0 &&
          issue.status.category !== 'done' &&
          this.openSprintOf(issue) === undefined,
      ),
    );
  }

  /**
   * The project permissions an actor holds: the app user what the "atlassian-addons-project-access"
   * role gives an app without admin scopes (app-user.ts); a person what the permission scheme
   * grants the project roles they are in.
   */
  permissionsIn(actor: Actor, project: JiraProject): Set<ProjectPermission> {
    if (actor.kind === 'app') {
      const withdrawn = this.appPermissionsWithdrawn.get(project.key);
      return new Set(APP_USER_PROJECT_PERMISSIONS.filter((permission) => !withdrawn?.has(permission)));
    }
    const granted = new Set<ProjectPermission>();
    for (const role of project.roles) {
      if (role.memberAccountIds.includes(actor.accountId)) role.grants.forEach((permission) => granted.add(permission));
    }
    return granted;
  }

  /** The *Administer Jira* global permission. */
  administersJira(actor: Actor): boolean {
    return actor.kind === 'user' && this.jiraAdministrators.has(actor.accountId);
  }

  can(actor: Actor, permission: ProjectPermission, project: JiraProject): boolean {
    return this.permissionsIn(actor, project).has(permission);
  }

  canSeeIssue(actor: Actor, issue: JiraIssue): boolean {
    const project = this.projectOf(issue);
    if (!this.can(actor, 'BROWSE_PROJECTS', project)) return false;
    const level = this.securityLevelOf(issue);
    if (!level) return true;
    return actor.kind === 'app' ? level.includesAppRole : level.memberAccountIds.includes(actor.accountId);
  }

  /** The security level the issue is set to, if any; a level its project does not have is an error of the seed. */
  securityLevelOf(issue: JiraIssue): SecurityLevel | undefined {
    if (!issue.securityLevelId) return undefined;
    const level = this.projectOf(issue).securityLevels?.find((candidate) => candidate.id === issue.securityLevelId);
    if (!level) throw new Error(`Issue ${issue.key} has a security level its project does not have`);
    return level;
  }

  /** Sets the issue's security level (Jira's Set Issue Security), as an edit of the issue. */
  setSecurityLevel(issue: JiraIssue, levelId: string | null): void {
    issue.securityLevelId = levelId;
    this.securityLevelOf(issue);
    this.touch([issue]);
  }

  canSeeBoard(actor: Actor, board: JiraBoard): boolean {
    const project = this.projects.get(board.projectId);
    return project !== undefined && this.can(actor, 'BROWSE_PROJECTS', project);
  }

  /** Puts issues into an open sprint, leaving their closed sprints as history (as Jira does). */
  moveToSprint(issues: readonly JiraIssue[], sprint: JiraSprint, actor: Actor): void {
    for (const issue of issues) this.changeOpenSprint(issue, sprint, actor);
  }

  /** Takes issues out of their active or future sprint. */
  moveToBacklog(issues: readonly JiraIssue[], actor: Actor): void {
    for (const issue of issues) this.changeOpenSprint(issue, null, actor);
  }

  /** Moves `issues` (in the given order) directly before or after `anchor`. */
  rank(issues: readonly JiraIssue[], position: 'before' | 'after', anchor: JiraIssue, actor: Actor): void {
    const moving = new Set(issues.map((issue) => issue.id));
    if (moving.has(anchor.id)) throw new Error(`${anchor.key} cannot be ranked relative to itself`);
    const remaining = this.rankOrder.filter((id) => !moving.has(id));
    const anchorIndex = remaining.indexOf(anchor.id);
    remaining.splice(position === 'before' ? anchorIndex : anchorIndex + 1, 0, ...issues.map((issue) => issue.id));
    this.rankOrder.splice(0, this.rankOrder.length, ...remaining);
    this.touch(issues);
    this.record(actor, { kind: 'rank', issueKeys: issues.map((issue) => issue.key), position, anchorKey: anchor.key });
  }

  setPoints(issue: JiraIssue, points: number | null, actor: Actor, at: string = this.clock().toISOString()): void {
    const from = issue.points;
    issue.points = points;
    const field = pointsFieldOf(this.projectOf(issue));
    const asText = (value: number | null): string | null => (value === null ? null : String(value));
    this.recordHistory(issue, at, actor, [
      {
        field: field.displayName,
        fieldtype: 'custom',
        fieldId: field.fieldId,
        from: null,
        fromString: asText(from),
        to: null,
        toString: asText(points),
      },
    ]);
    this.touch([issue]);
    this.record(actor, { kind: 'estimate', issueKey: issue.key, fieldId: pointsFieldOf(this.projectOf(issue)).fieldId, from, to: points });
  }

  setPriority(issue: JiraIssue, priority: Priority, actor: Actor): void {
    const from = issue.priorityName;
    issue.priorityName = priority.name;
    this.touch([issue]);
    this.record(actor, { kind: 'priority', issueKey: issue.key, from, to: priority.name });
  }

  /**
   * Queues a notification email the way Jira's mail queue delivers it: by the recipient's own
   * settings — nothing for a person who turned email off, the HTML or the text body by the format
   * they chose (the other when only one was given). Returns whether it was delivered.
   */
  deliverNotification(
    issue: JiraIssue,
    recipientAccountId: string,
    sender: Actor,
    mail: { subject: string; textBody: string | null; htmlBody: string | null },
  ): boolean {
    const settings = this.users.get(recipientAccountId)?.notifications ?? { email: true, format: 'html' };
    if (!settings.email) return false;
    const html = settings.format === 'html' ? (mail.htmlBody ?? null) : null;
    const body = html ?? mail.textBody ?? mail.htmlBody ?? '';
    const format = html !== null || mail.textBody === null ? 'html' : 'text';
    const notification: SentNotification = {
      id: String(this.nextNotificationId++),
      issueKey: issue.key,
      recipientAccountId,
      sender,
      subject: mail.subject,
      body,
      format,
      sentAt: this.clock().toISOString(),
    };
    this.notifications.push(notification);
    this.notified(this.id, notification);
    return true;
  }

  /** Puts back an email queued before a restart (sandbox/jira-journal.ts), keeping later ids after it. */
  restoreNotification(notification: SentNotification): void {
    this.notifications.push(notification);
    this.nextNotificationId = Math.max(this.nextNotificationId, Number(notification.id) + 1);
  }

  addComment(issue: JiraIssue, body: unknown, actor: Actor, properties?: Readonly<Record<string, unknown>>): IssueComment {
    const comment: IssueComment = {
      id: String(this.nextCommentId++),
      author: actor,
      body,
      created: this.clock().toISOString(),
      ...(properties ? { properties } : {}),
    };
    issue.comments.push(comment);
    this.touch([issue]);
    this.record(actor, { kind: 'comment-added', issueKey: issue.key, commentId: comment.id });
    return comment;
  }

  /** Issues added to / removed from the active sprint after it started. */
  activeSprintScope(sprintId: number): ActiveSprintScope {
    let scope = this.activeScope.get(sprintId);
    if (!scope) {
      scope = { added: new Set(), punted: new Set() };
      this.activeScope.set(sprintId, scope);
    }
    return scope;
  }

  /**
   * Moves an issue to another status; the status category's change date and the resolution follow,
   * as in Jira. `at` lets the seed write history in the past.
   */
  transition(issue: JiraIssue, status: IssueStatus, actor: Actor, at: string = this.clock().toISOString()): void {
    const before = issue.status;
    if (before.id === status.id) return;
    const items: ChangeItem[] = [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: before.id,
        fromString: before.name,
        to: status.id,
        toString: status.name,
      },
    ];
    if (before.category !== status.category) issue.statusCategoryChangeDate = at;
    if (status.category === 'done' && before.category !== 'done') {
      issue.resolutionDate = at;
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: null,
        fromString: null,
        to: '10000',
        toString: 'Done',
      });
    } else if (status.category !== 'done' && before.category === 'done') {
      issue.resolutionDate = null;
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: '10000',
        fromString: 'Done',
        to: null,
        toString: null,
      });
    }
    issue.status = status;
    this.recordHistory(issue, at, actor, items);
    this.touch([issue]);
  }

  /**
   * Sets the issue's sprints (closed ones included) and records the Sprint field's change the way
   * Jira's changelog shows it: ids and names, comma-separated.
   */
  setSprints(issue: JiraIssue, sprintIds: readonly number[], actor: Actor, at: string = this.clock().toISOString()): void {
    const before = issue.sprintIds;
    if (before.length === sprintIds.length && before.every((id, index) => id === sprintIds[index])) return;
    const names = (ids: readonly number[]): string | null =>
      ids.length === 0 ? null : ids.map((id) => this.sprints.get(id)?.name ?? String(id)).join(', ');
    const idText = (ids: readonly number[]): string | null => (ids.length === 0 ? null : ids.join(', '));
    issue.sprintIds = [...sprintIds];
    this.recordHistory(issue, at, actor, [
      {
        field: 'Sprint',
        fieldtype: 'custom',
        fieldId: FIELD_IDS.sprint,
        from: idText(before),
        fromString: names(before),
        to: idText(sprintIds),
        toString: names(sprintIds),
      },
    ]);
  }

  private recordHistory(issue: JiraIssue, at: string, actor: Actor, items: readonly ChangeItem[]): void {
    issue.changelog.push({ id: String(this.nextChangelogId++), created: at, author: actor, items });
  }

  private changeOpenSprint(issue: JiraIssue, target: JiraSprint | null, actor: Actor): void {
    const from = this.openSprintOf(issue);
    if (from?.id === target?.id) return;
    const keep = issue.sprintIds.filter((id) => this.sprints.get(id)?.state === 'closed');
    const moved = [issue, ...this.childrenOf(issue).filter((child) => this.typeOf(child).subtask)];
    for (const each of moved) this.setSprints(each, target ? [...keep, target.id] : keep, actor);
    if (from?.state === 'active') this.activeSprintScope(from.id).punted.add(issue.id);
    if (target?.state === 'active') this.activeSprintScope(target.id).added.add(issue.id);
    this.touch(moved);
    this.record(actor, { kind: 'sprint-membership', issueKey: issue.key, fromSprintId: from?.id ?? null, toSprintId: target?.id ?? null });
  }

  private touch(issues: readonly JiraIssue[]): void {
    const now = this.clock().toISOString();
    for (const issue of issues) issue.updated = now;
  }

  private record(actor: Actor, change: JiraChange): void {
    this.emit({ siteId: this.id, at: this.clock().toISOString(), actor, change });
  }
}

/** Fills a fresh site; the seed runs once per site, the first time the site is used. */
export type SiteSeed = (site: JiraSite) => void;

/**
 * All sites of the stand-in. Each cloudId gets its own copy of the seed on first use, so a test
 * can prove that one warm runtime serving two sites keeps them apart.
 */
export class JiraStandInModel {
  private readonly sites = new Map<string, JiraSite>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly notificationListeners = new Set<(siteId: string, notification: SentNotification) => void>();
  private seeding = false;

  constructor(
    private readonly seed: SiteSeed,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  site(cloudId: string = SANDBOX_CLOUD_ID): JiraSite {
    let site = this.sites.get(cloudId);
    if (!site) {
      site = new JiraSite(
        cloudId,
        (record) => this.publish(record),
        this.clock,
        (siteId, notification) => {
          for (const listener of this.notificationListeners) listener(siteId, notification);
        },
      );
      this.seeding = true;
      try {
        this.seed(site);
      } finally {
        this.seeding = false;
      }
      this.sites.set(cloudId, site);
    }
    return site;
  }

  /** Forgets every site; the next request re-seeds it. */
  reset(): void {
    this.sites.clear();
  }

  /** Subscribes to changes on any site; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to the emails the notify API queues on any site; returns the unsubscribe function. */
  onNotification(listener: (siteId: string, notification: SentNotification) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  private publish(record: JiraChangeRecord): void {
    // The seed is the starting state, not a change anyone made.
    if (this.seeding) return;
    for (const listener of this.listeners) listener(record);
  }
}

/**
 * Jira Cloud platform REST API v3: issues (read, edit, create, comment, bulk fetch), the
 * enhanced JQL search, permissions, priorities, projects and their roles, JQL parsing.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/
 */
import {
  fieldSelection,
  renderAccount,
  renderChangeHistory,
  renderComment,
  renderEditMeta,
  renderIssue,
  renderPriority,
  renderProject,
  renderServerInfo,
  roleUrl,
} from './jira-json';
import { FIELD_IDS, PROJECT_PERMISSIONS, pointsFieldOf, type JiraIssue, type JiraProject, type ProjectPermission } from './jira-model';
import { JqlError, matchesJql, orderIssues, parseJql, validateJql, type JqlNode } from './jql';
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

/** POST /search/jql: 5,000 per page when only ids/keys are asked for, far fewer with fields. */
export const SEARCH_MAX_PAGE_SIZE_IDS_ONLY = 5_000;
export const SEARCH_MAX_PAGE_SIZE_WITH_FIELDS = 100;
/** POST /issue/bulkfetch: "By default you can request up to 100 issues in a single call." */
export const BULK_FETCH_MAX_ISSUES = 100;
export const PRIORITY_PAGE_SIZE = 50;
export const USER_PAGE_SIZE = 50;
/** Jira's summary field holds at most 255 characters. */
const SUMMARY_MAX_CHARS = 255;

function visibleProject(request: StandInRequest, keyOrId: string): JiraProject | undefined {
  const project = request.site.projectByKeyOrId(keyOrId);
  return project && request.site.can(request.actor, 'BROWSE_PROJECTS', project) ? project : undefined;
}

const projectNotFound = (keyOrId: string): StandInAnswer => jiraError(404, [`No project could be found with key '${keyOrId}'.`]);

function getIssue(request: StandInRequest, keyOrId: string): StandInAnswer {
  const issue = visibleIssue(request, keyOrId);
  if (!issue) return jiraError(404, [ISSUE_NOT_VISIBLE]);
  return ok(renderIssue(request.render, issue, fieldSelection(request.query.getAll('fields'), 'all'), 'platform'));
}

const NOT_ON_SCREEN = (fieldId: string): string => `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

/** PUT /issue/{key}: the fields Goalkeeper edits (summary, priority, labels, story points). */
function editIssue(request: StandInRequest, keyOrId: string): StandInAnswer {
  const { site, actor } = request;
  const issue = visibleIssue(request, keyOrId);
  if (!issue) return jiraError(404, [ISSUE_NOT_VISIBLE]);
  const project = site.projectOf(issue);
  if (!site.can(actor, 'EDIT_ISSUES', project)) return jiraError(403, ['You do not have permission to edit issues in this project.']);
  const fields = objectBody(objectBody(request.body).fields);
  const pointsField = pointsFieldOf(project).fieldId;
  const errors: Record<string, string> = {};
  const edits: (() => void)[] = [];
  for (const [fieldId, value] of Object.entries(fields)) {
    if (fieldId === 'summary') {
      if (typeof value !== 'string' || value.trim() === '') errors.summary = 'You must specify a summary of the issue.';
      else if (value.length > SUMMARY_MAX_CHARS) errors.summary = `Summary must be less than ${SUMMARY_MAX_CHARS} characters.`;
      else edits.push(() => (issue.summary = value));
    } else if (fieldId === 'priority') {
      const ref = objectBody(value);
      const priority = site.priorities.find((candidate) => candidate.id === ref.id || candidate.name === ref.name);
      if (!priority) errors.priority = 'The priority selected is invalid.';
      else edits.push(() => site.setPriority(issue, priority, actor));
    } else if (fieldId === 'labels') {
      const labels = stringList(value);
      if (!labels || labels.some((label) => /\s/.test(label))) errors.labels = 'Labels must be a list of words without spaces.';
      else edits.push(() => (issue.labels = labels));
    } else if (fieldId === pointsField) {
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
        errors[fieldId] = 'Operation value must be a number';
      else edits.push(() => site.setPoints(issue, value as number | null, actor));
    } else {
      errors[fieldId] = NOT_ON_SCREEN(fieldId);
    }
  }
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
  edits.forEach((edit) => edit());
  return NO_CONTENT;
}

/** Entity properties: "The maximum length is 32768 characters" of a value; a key is at most 255 characters (Jira platform REST, issue and comment properties). */
const PROPERTY_VALUE_MAX_CHARS = 32768;
const PROPERTY_KEY_MAX_CHARS = 255;

/**
 * The `properties` of a create request (IssueUpdateDetails, Comment: arrays of EntityProperty
 * `{ key, value }` with `additionalProperties: false`), or Jira's 400 for a malformed one.
 */
function entityProperties(raw: unknown): Record<string, unknown> | StandInAnswer | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return jiraError(400, [], { properties: 'Properties must be a list.' });
  const properties: Record<string, unknown> = {};
  for (const entry of raw.map(objectBody)) {
    const { key, value, ...rest } = entry;
    if (Object.keys(rest).length > 0) return jiraError(400, [`Unrecognized field "${Object.keys(rest)[0]}".`]);
    if (typeof key !== 'string' || key === '' || key.length > PROPERTY_KEY_MAX_CHARS)
      return jiraError(400, [`The property key must be between 1 and ${PROPERTY_KEY_MAX_CHARS} characters.`]);
    if (value === undefined || JSON.stringify(value).length > PROPERTY_VALUE_MAX_CHARS)
      return jiraError(400, [`The property value must be a valid JSON of at most ${PROPERTY_VALUE_MAX_CHARS} characters.`]);
    properties[key] = value;
  }
  return properties;
}

const isAnswer = (value: unknown): value is StandInAnswer =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/** GET …/properties/{propertyKey} (EntityProperty), or Jira's 404 for a property the entity does not have. */
function propertyAnswer(properties: Readonly<Record<string, unknown>> | undefined, key: string): StandInAnswer {
  if (!properties || !(key in properties)) return jiraError(404, [`The property with key '${key}' does not exist.`]);
  return ok({ key, value: properties[key] });
}

/** POST /issue: creates an issue; Goalkeeper uses it for the parts of a split (siblings of the issue split). */
function createIssue(request: StandInRequest): StandInAnswer {
  const { site, actor } = request;
  const fields = objectBody(objectBody(request.body).fields);
  const projectRef = objectBody(fields.project);
  const project = visibleProject(request, String(projectRef.id ?? projectRef.key ?? ''));
  if (!project) return jiraError(400, [], { project: 'valid project is required' });
  if (!site.can(actor, 'CREATE_ISSUES', project)) return jiraError(403, ['You do not have permission to create issues in this project.']);
  const typeRef = objectBody(fields.issuetype);
  const type = project.issueTypes.find((candidate) => candidate.id === typeRef.id || candidate.name === typeRef.name);
  const errors: Record<string, string> = {};
  if (!type) errors.issuetype = 'Specify a valid issue type';
  const summary = fields.summary;
  if (typeof summary !== 'string' || summary.trim() === '') errors.summary = 'You must specify a summary of the issue.';
  else if (summary.length > SUMMARY_MAX_CHARS) errors.summary = `Summary must be less than ${SUMMARY_MAX_CHARS} characters.`;
  const parentRef = objectBody(fields.parent);
  const parentKey = parentRef.key ?? parentRef.id;
  const parent = parentKey === undefined ? undefined : visibleIssue(request, String(parentKey));
  if (parentKey !== undefined && !parent) errors.parent = `Could not find issue by id or key.`;
  if (type?.subtask && !parent) errors.parent = 'A sub-task needs a parent issue.';
  if (type?.subtask && parent && site.typeOf(parent).hierarchyLevel !== 0)
    errors.parent = 'Given parent work item does not belong to appropriate hierarchy.';
  // An issue's parent sits one level up (a story's is an epic), as Jira's issue hierarchy requires.
  if (type && !type.subtask && parent && site.typeOf(parent).hierarchyLevel !== type.hierarchyLevel + 1)
    errors.parent = 'Given parent work item does not belong to appropriate hierarchy.';
  const pointsField = pointsFieldOf(project).fieldId;
  const points = fields[pointsField];
  if (points !== undefined && points !== null && (typeof points !== 'number' || points < 0))
    errors[pointsField] = 'Operation value must be a number';
  const known = new Set(['project', 'issuetype', 'summary', 'parent', 'labels', 'priority', pointsField, 'description']);
  for (const fieldId of Object.keys(fields)) if (!known.has(fieldId)) errors[fieldId] = NOT_ON_SCREEN(fieldId);
  const priorityRef = objectBody(fields.priority);
  const priority =
    fields.priority === undefined
      ? undefined
      : site.priorities.find((candidate) => candidate.id === priorityRef.id || candidate.name === priorityRef.name);
  if (fields.priority !== undefined && !priority) errors.priority = 'The priority selected is invalid.';
  if (Object.keys(errors).length > 0 || !type || typeof summary !== 'string') return jiraError(400, [], errors);
  const properties = entityProperties(objectBody(request.body).properties);
  if (isAnswer(properties)) return properties;
  const issue = site.createIssue(
    {
      projectKey: project.key,
      summary,
      typeName: type.name,
      parentKey: parent?.key ?? null,
      labels: stringList(fields.labels) ?? [],
      priorityName: priority?.name,
      points: typeof points === 'number' ? points : null,
      reporterAccountId: actor.kind === 'user' ? actor.accountId : project.leadAccountId,
      ...(properties ? { properties } : {}),
    },
    actor,
  );
  return ok({ id: issue.id, key: issue.key, self: `${request.render.baseUrl}/rest/api/3/issue/${issue.id}` }, 201);
}

/** The minimum Jira checks of an Atlassian Document Format body. */
function isAdfDocument(body: unknown): boolean {
  const document = objectBody(body);
  return document.type === 'doc' && document.version === 1 && Array.isArray(document.content);
}

function addComment(request: StandInRequest, keyOrId: string): StandInAnswer {
  const issue = visibleIssue(request, keyOrId);
  if (!issue) return jiraError(404, [ISSUE_NOT_VISIBLE]);
  if (!request.site.can(request.actor, 'ADD_COMMENTS', request.site.projectOf(issue))) {
    return jiraError(403, ['You do not have the permission to comment on this issue.']);
  }
  const body = objectBody(request.body).body;
  if (!isAdfDocument(body)) return jiraError(400, [], { comment: 'Comment body is not valid!' });
  const properties = entityProperties(objectBody(request.body).properties);
  if (isAnswer(properties)) return properties;
  const comment = request.site.addComment(issue, body, request.actor, properties);
  return ok(renderComment(request.render, issue, comment), 201);
}

/** The flags of NotificationRecipients that name people by their part in the issue. */
type RecipientFlag = 'reporter' | 'assignee' | 'watchers' | 'voters';
/** `restrict` and each `to.users` entry allow no other keys (additionalProperties: false in the contract). */
const RESTRICT_KEYS = new Set(['groupIds', 'groups', 'permissions']);
const USER_DETAILS_KEYS = new Set([
  'accountId',
  'accountType',
  'active',
  'avatarUrls',
  'displayName',
  'emailAddress',
  'key',
  'name',
  'self',
  'timeZone',
]);

/**
 * POST /issue/{key}/notify (operation `notify`, Atlassian's platform OpenAPI): queues an email
 * for the recipients named, filtered by `restrict`, each delivered by their own settings
 * (JiraSite.deliverNotification). Answers the contract's 400s: a recipient who is the calling
 * user, or who is invalid (an unknown account, the assignee of an unassigned issue), and an
 * invalid request. The contract gives the recipient flags no default; the stand-in reads a missing
 * flag as true, the widest reading, so an app must say false to keep a notice to those it names.
 * The stand-in keeps no watchers, voters or groups: those name nobody here (a named group is invalid).
 */
function notifyAboutIssue(request: StandInRequest, keyOrId: string): StandInAnswer {
  const { site, actor } = request;
  const issue = visibleIssue(request, keyOrId);
  if (!issue) return jiraError(404, [ISSUE_NOT_VISIBLE]);
  const body = objectBody(request.body);
  const text = (value: unknown): string | null | undefined => (value === undefined ? null : typeof value === 'string' ? value : undefined);
  const subject = text(body.subject);
  const textBody = text(body.textBody);
  const htmlBody = text(body.htmlBody);
  if (subject === undefined || textBody === undefined || htmlBody === undefined)
    return jiraError(400, [], { notification: 'subject, textBody and htmlBody must be text.' });
  if (textBody === null && htmlBody === null) return jiraError(400, [], { notification: 'Provide a textBody or an htmlBody.' });
  const to = body.to === undefined ? {} : objectBody(body.to);
  const recipients = new Set<string>();
  const flag = (name: RecipientFlag): boolean => to[name] === undefined || to[name] === true;
  if (flag('reporter')) recipients.add(issue.reporterAccountId);
  if (flag('assignee')) {
    if (!issue.assigneeAccountId) return jiraError(400, ['The recipient is invalid: the issue is unassigned.']);
    recipients.add(issue.assigneeAccountId);
  }
  const users = to.users === undefined ? [] : to.users;
  if (!Array.isArray(users)) return jiraError(400, [], { to: 'users must be a list.' });
  for (const entry of users) {
    const user = objectBody(entry);
    if (Object.keys(user).some((key) => !USER_DETAILS_KEYS.has(key))) return jiraError(400, [], { to: 'Unrecognized field in users.' });
    if (typeof user.accountId !== 'string' || !site.users.has(user.accountId))
      return jiraError(400, [`The recipient is invalid: no user with account ID ${String(user.accountId)}.`]);
    recipients.add(user.accountId);
  }
  const groups = [...(Array.isArray(to.groups) ? to.groups : []), ...(Array.isArray(to.groupIds) ? to.groupIds : [])];
  if (groups.length > 0) return jiraError(400, ['The recipient is invalid: no such group.']);
  if (actor.kind === 'user' && recipients.has(actor.accountId)) return jiraError(400, ['The recipient is the same as the calling user.']);
  const restrict = body.restrict === undefined ? {} : objectBody(body.restrict);
  if (Object.keys(restrict).some((key) => !RESTRICT_KEYS.has(key)))
    return jiraError(400, [], { restrict: 'Unrecognized field in restrict.' });
  const required: ProjectPermission[] = [];
  for (const entry of Array.isArray(restrict.permissions) ? restrict.permissions : []) {
    // The contract's own example restricts by "BROWSE", the older key of BROWSE_PROJECTS.
    const key = objectBody(entry).key === 'BROWSE' ? 'BROWSE_PROJECTS' : String(objectBody(entry).key ?? '');
    if (!isProjectPermission(key)) return jiraError(400, [], { restrict: `Unrecognized permission key: ${key}` });
    required.push(key);
  }
  const project = site.projectOf(issue);
  const mail = { subject: subject ?? `[${issue.key}] ${issue.summary}`, textBody, htmlBody };
  for (const accountId of recipients) {
    const person = { kind: 'user' as const, accountId };
    if (required.every((permission) => site.can(person, permission, project))) site.deliverNotification(issue, accountId, actor, mail);
  }
  return NO_CONTENT;
}

/** GET /user?accountId=: one account, with the locale the bulk read leaves out. */
function getUser(request: StandInRequest): StandInAnswer {
  const accountId = request.query.get('accountId');
  if (!accountId) return jiraError(400, ['The accountId query parameter is required.']);
  const user = request.site.users.get(accountId);
  if (!user) return jiraError(404, [`Specified user does not exist or you do not have required permissions`]);
  return ok({ ...renderAccount(request.render, { kind: 'user', accountId }), locale: user.locale ?? 'en_US' });
}

function bulkFetch(request: StandInRequest): StandInAnswer {
  const body = objectBody(request.body);
  const refs = stringList(body.issueIdsOrKeys);
  if (!refs || refs.length === 0) return jiraError(400, [], { issueIdsOrKeys: 'Provide at least one issue id or key.' });
  if (refs.length > BULK_FETCH_MAX_ISSUES)
    return jiraError(400, [`You can request up to ${BULK_FETCH_MAX_ISSUES} issues in a single call.`]);
  const selection = fieldSelection(stringList(body.fields), 'all');
  // Missing and invisible issues are left out silently; issueErrors is for retriable trouble only.
  const issues = refs
    .map((ref) => visibleIssue(request, ref))
    .filter((issue): issue is JiraIssue => issue !== undefined)
    .filter((issue, index, all) => all.findIndex((other) => other.id === issue.id) === index)
    .sort((a, b) => Number(a.id) - Number(b.id));
  return ok({ expand: '', issues: issues.map((issue) => renderIssue(request.render, issue, selection, 'platform')), issueErrors: [] });
}

interface SearchCursor {
  readonly offset: number;
  readonly jql: string;
}

function decodeCursor(token: string): SearchCursor | undefined {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<SearchCursor>;
    return typeof cursor.offset === 'number' && typeof cursor.jql === 'string' ? { offset: cursor.offset, jql: cursor.jql } : undefined;
  } catch {
    return undefined;
  }
}

/** POST /search/jql, the enhanced search: bounded queries only, paged by nextPageToken. */
function searchJql(request: StandInRequest): StandInAnswer {
  const body = objectBody(request.body);
  const jql = typeof body.jql === 'string' ? body.jql : '';
  const query = parsedJql(request, jql);
  if ('status' in query) return query;
  if (!query.where) return jiraError(400, ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
  let offset = 0;
  if (typeof body.nextPageToken === 'string') {
    const cursor = decodeCursor(body.nextPageToken);
    if (!cursor || cursor.jql !== jql) return jiraError(400, ['The nextPageToken is invalid or does not belong to this query.']);
    offset = cursor.offset;
  }
  const requestedFields = stringList(body.fields);
  const selection = fieldSelection(requestedFields, 'none');
  const idsOnly = !selection.all && [...selection.include].every((field) => field === 'id' || field === 'key');
  const pageLimit = idsOnly ? SEARCH_MAX_PAGE_SIZE_IDS_ONLY : SEARCH_MAX_PAGE_SIZE_WITH_FIELDS;
  const pageSize = Math.min(Math.max(1, Number(body.maxResults ?? 50) || 50), pageLimit);
  const matching = orderIssues(
    [...request.site.issues.values()].filter(
      (issue) => request.site.canSeeIssue(request.actor, issue) && matchesJql(query.where, issue, request.site),
    ),
    query.orderBy,
    request.site,
  );
  const page = matching.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= matching.length;
  return ok({
    issues: page.map((issue) => renderIssue(request.render, issue, selection, 'platform')),
    isLast,
    // Jira leaves the token out on the last page (JRACLOUD-92184).
    ...(isLast ? {} : { nextPageToken: Buffer.from(JSON.stringify({ offset: offset + page.length, jql }), 'utf8').toString('base64url') }),
  });
}

/** POST /changelog/bulkfetch: "up to 1000 issues", "up to 10 field IDs", maxResults default 1000, at most 10000. */
export const CHANGELOG_MAX_ISSUES = 1000;
export const CHANGELOG_MAX_FIELD_IDS = 10;
export const CHANGELOG_MAX_PAGE_SIZE = 10_000;

/**
 * POST /rest/api/3/changelog/bulkfetch (getBulkChangelogs): the changelogs of the issues asked
 * for, optionally only the items of some fields, "sorted by changelog date and issue IDs, starting
 * from the oldest changelog and smallest issue ID", paged by nextPageToken over changelog entries.
 * Issues the caller cannot see are left out.
 */
function bulkChangelogs(request: StandInRequest): StandInAnswer {
  const body = objectBody(request.body);
  const refs = stringList(body.issueIdsOrKeys);
  if (!refs || refs.length === 0) return jiraError(400, [], { issueIdsOrKeys: 'Provide at least one issue ID or key.' });
  if (refs.length > CHANGELOG_MAX_ISSUES)
    return jiraError(400, [`You can request the changelogs of up to ${CHANGELOG_MAX_ISSUES} issues.`]);
  const fieldIds = body.fieldIds === undefined ? undefined : stringList(body.fieldIds);
  if (body.fieldIds !== undefined && !fieldIds) return jiraError(400, [], { fieldIds: 'The field IDs must be a list of strings.' });
  if (fieldIds && fieldIds.length > CHANGELOG_MAX_FIELD_IDS)
    return jiraError(400, [`You can filter changelogs by up to ${CHANGELOG_MAX_FIELD_IDS} field IDs.`]);
  const pageSize = Math.min(Math.max(1, Number(body.maxResults ?? 1000) || 1000), CHANGELOG_MAX_PAGE_SIZE);
  const issues = refs
    .map((ref) => visibleIssue(request, ref))
    .filter((issue): issue is JiraIssue => issue !== undefined)
    .filter((issue, index, all) => all.findIndex((other) => other.id === issue.id) === index);
  const entries = issues
    .flatMap((issue) =>
      issue.changelog.flatMap((history) => {
        const items = fieldIds ? history.items.filter((item) => fieldIds.includes(item.fieldId)) : history.items;
        return items.length > 0 ? [{ issue, history: { ...history, items } }] : [];
      }),
    )
    .sort((a, b) => a.history.created.localeCompare(b.history.created) || Number(a.issue.id) - Number(b.issue.id));
  const cursorKey = JSON.stringify([issues.map((issue) => issue.id), fieldIds ?? null]);
  let offset = 0;
  if (typeof body.nextPageToken === 'string') {
    const cursor = decodeCursor(body.nextPageToken);
    if (!cursor || cursor.jql !== cursorKey) return jiraError(400, ['The nextPageToken is invalid or does not belong to this request.']);
    offset = cursor.offset;
  }
  const page = entries.slice(offset, offset + pageSize);
  const byIssue = new Map<string, object[]>();
  for (const { issue, history } of page)
    byIssue.set(issue.id, [...(byIssue.get(issue.id) ?? []), renderChangeHistory(request.render, history)]);
  const isLast = offset + page.length >= entries.length;
  return ok({
    issueChangeLogs: [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
    ...(isLast
      ? {}
      : { nextPageToken: Buffer.from(JSON.stringify({ offset: offset + page.length, jql: cursorKey }), 'utf8').toString('base64url') }),
  });
}

/** GET /issue/{key}/editmeta: the fields the caller may edit; none without Edit Issues (Jira answers an empty `fields`). */
function editMeta(request: StandInRequest, keyOrId: string): StandInAnswer {
  const issue = visibleIssue(request, keyOrId);
  if (!issue) return jiraError(404, [ISSUE_NOT_VISIBLE]);
  if (!request.site.can(request.actor, 'EDIT_ISSUES', request.site.projectOf(issue))) return ok({ fields: {} });
  return ok(renderEditMeta(request.render, issue));
}

function isProjectPermission(value: string): value is ProjectPermission {
  return (PROJECT_PERMISSIONS as readonly string[]).includes(value);
}

/**
 * POST /permissions/check: for each requested permission, the ids of the issues and projects the
 * account holds it in. Ids the account lacks the permission for are simply absent.
 */
function bulkPermissions(request: StandInRequest): StandInAnswer {
  const { site, actor } = request;
  const body = objectBody(request.body);
  const accountId = typeof body.accountId === 'string' ? body.accountId : undefined;
  // Checking someone else needs Administer Jira: permission-gate.ts refuses it before this answers.
  const subject = accountId !== undefined ? { kind: 'user' as const, accountId } : actor;
  if (subject.kind === 'user' && !site.users.has(subject.accountId))
    return jiraError(400, [], { accountId: `The user with account ID ${subject.accountId} does not exist.` });
  const requests = Array.isArray(body.projectPermissions) ? body.projectPermissions.map(objectBody) : [];
  const grants: { permission: string; issues: number[]; projects: number[] }[] = [];
  for (const entry of requests) {
    const permissions = stringList(entry.permissions) ?? [];
    const unknown = permissions.find((permission) => !isProjectPermission(permission));
    if (unknown) return jiraError(400, [], { projectPermissions: `Unrecognized permission key: ${unknown}` });
    const issueIds = stringList(entry.issues) ?? [];
    const projectIds = stringList(entry.projects) ?? [];
    for (const permission of permissions.filter(isProjectPermission)) {
      const issues = issueIds
        .map((id) => site.issues.get(id))
        .filter(
          (issue): issue is JiraIssue =>
            issue !== undefined && site.canSeeIssue(subject, issue) && site.can(subject, permission, site.projectOf(issue)),
        )
        .map((issue) => Number(issue.id));
      const projects = projectIds
        .map((id) => site.projects.get(id))
        .filter((project): project is JiraProject => project !== undefined && site.can(subject, permission, project))
        .map((project) => Number(project.id));
      const grant = grants.find((existing) => existing.permission === permission);
      if (grant) {
        grant.issues.push(...issues);
        grant.projects.push(...projects);
      } else {
        grants.push({ permission, issues, projects });
      }
    }
  }
  return ok({ globalPermissions: [], projectPermissions: grants.filter((grant) => grant.issues.length > 0 || grant.projects.length > 0) });
}

/** Jira's key of the global *Administer Jira* permission (GET /rest/api/3/permissions lists it with type GLOBAL). */
const ADMINISTER_JIRA = 'ADMINISTER';

/** GET /mypermissions: the caller's own permissions in a project or issue context. */
function myPermissions(request: StandInRequest): StandInAnswer {
  const { query, site, actor } = request;
  const wanted = query
    .get('permissions')
    ?.split(',')
    .map((permission) => permission.trim())
    .filter(Boolean);
  if (!wanted || wanted.length === 0) return jiraError(400, ['The permissions parameter is required.']);
  let project: JiraProject | undefined;
  const issueRef = query.get('issueKey') ?? query.get('issueId');
  const projectRef = query.get('projectKey') ?? query.get('projectId');
  if (issueRef) {
    const issue = visibleIssue(request, issueRef);
    if (!issue) return jiraError(404, [ISSUE_NOT_VISIBLE]);
    project = site.projectOf(issue);
  } else if (projectRef) {
    project = visibleProject(request, projectRef);
    if (!project) return projectNotFound(projectRef);
  }
  const held = project ? site.permissionsIn(actor, project) : new Set<ProjectPermission>();
  const permissions: Record<string, object> = {};
  for (const key of wanted) {
    // The global *Administer Jira* permission answers in any context (type GLOBAL), as Jira's does.
    if (key === ADMINISTER_JIRA) {
      permissions[key] = {
        id: '0',
        key,
        name: 'Administer Jira',
        type: 'GLOBAL',
        description: '',
        havePermission: site.administersJira(actor),
      };
      continue;
    }
    if (!isProjectPermission(key)) return jiraError(404, [`The permission key '${key}' does not exist.`]);
    permissions[key] = {
      id: String(PROJECT_PERMISSIONS.indexOf(key) + 10),
      key,
      name: key,
      type: 'PROJECT',
      description: '',
      havePermission: held.has(key),
    };
  }
  return ok({ permissions });
}

/** GET /user/picker: "maxResults … default 50" (findUsersForPicker, Atlassian's platform OpenAPI). */
const USER_PICKER_DEFAULT_MAX = 50;

/**
 * GET /user/picker, Jira's own user picker: people whose name (any word of it) or email address
 * starts with the query, in FoundUsers' shape. Every seeded person holds *Browse users and
 * groups* (Jira's default for product users), so the full search applies, never the exact-name
 * match Jira gives callers without it.
 */
function userPicker(request: StandInRequest): StandInAnswer {
  const query = request.query.get('query');
  if (query === null) return jiraError(400, ["The 'query' parameter is required."]);
  const wanted = query.trim().toLowerCase();
  const max = Number(request.query.get('maxResults') ?? USER_PICKER_DEFAULT_MAX);
  if (!Number.isInteger(max) || max < 0) return jiraError(400, ["The 'maxResults' parameter must be a whole number."]);
  const excluded = new Set(request.query.getAll('excludeAccountIds').flatMap((ids) => ids.split(',')));
  const matches = (text: string) =>
    text
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(wanted)) || text.toLowerCase().startsWith(wanted);
  const found =
    wanted === ''
      ? []
      : [...request.site.users.values()].filter(
          (user) => !excluded.has(user.accountId) && (matches(user.displayName) || user.emailAddress.toLowerCase().startsWith(wanted)),
        );
  const shown = found.slice(0, max);
  return ok({
    header: `Showing ${shown.length} of ${found.length} matching users`,
    total: found.length,
    users: shown.map((user) => ({
      accountId: user.accountId,
      accountType: 'atlassian',
      displayName: user.displayName,
      html: escapeHtml(`${user.displayName} - ${user.emailAddress}`),
      avatarUrl: `${request.render.baseUrl}/__sandbox/avatar/${user.accountId}`,
    })),
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function projectRoles(request: StandInRequest, keyOrId: string): JiraProject | StandInAnswer {
  const project = visibleProject(request, keyOrId);
  if (!project) return projectNotFound(keyOrId);
  if (!request.site.can(request.actor, 'ADMINISTER_PROJECTS', project))
    return jiraError(403, ['You cannot edit the configuration of this project.']);
  return project;
}

function projectRole(request: StandInRequest, keyOrId: string, roleId: string): StandInAnswer {
  const project = projectRoles(request, keyOrId);
  if ('status' in project) return project;
  const role = project.roles.find((candidate) => String(candidate.id) === roleId);
  if (!role) return jiraError(404, [`Can not retrieve project role with id ${roleId}.`]);
  return ok({
    self: roleUrl(request.render, project, role.id),
    name: role.name,
    id: role.id,
    description: role.description,
    actors: role.memberAccountIds.map((accountId, index) => {
      const user = request.site.users.get(accountId);
      return {
        id: 10100 + index,
        displayName: user?.displayName ?? 'Former user',
        type: 'atlassian-user-role-actor',
        actorUser: { accountId },
      };
    }),
    scope: { type: 'PROJECT', project: { id: project.id, key: project.key, name: project.name } },
  });
}

/** A structure close to Jira's for parsed queries; clients mostly read only `errors`. */
function jqlStructure(node: JqlNode): object {
  switch (node.kind) {
    case 'clause': {
      const operand =
        node.operand.kind === 'value'
          ? { value: node.operand.value }
          : node.operand.kind === 'list'
            ? { values: node.operand.values.map((value) => ({ value })) }
            : node.operand.kind === 'empty'
              ? { keyword: 'EMPTY' }
              : { function: node.operand.name, arguments: [] };
      return { field: { name: node.field }, operator: node.operator, operand };
    }
    case 'not':
      return { operator: 'not', clauses: [jqlStructure(node.child)] };
    case 'and':
    case 'or':
      return { operator: node.kind, clauses: node.children.map(jqlStructure) };
  }
}

function parseQueries(request: StandInRequest): StandInAnswer {
  const queries = stringList(objectBody(request.body).queries);
  if (!queries) return jiraError(400, [], { queries: 'The queries to parse are required.' });
  const strict = (request.query.get('validation') ?? 'strict') === 'strict';
  return ok({
    queries: queries.map((text) => {
      try {
        const parsed = parseJql(text);
        const errors = strict ? validateJql(parsed, request.site, request.actor) : [];
        if (errors.length > 0) return { query: text, errors };
        return {
          query: text,
          structure: {
            ...(parsed.where ? { where: jqlStructure(parsed.where) } : {}),
            ...(parsed.orderBy.length > 0
              ? { orderBy: { fields: parsed.orderBy.map((order) => ({ field: { name: order.field }, direction: order.direction })) } }
              : {}),
          },
        };
      } catch (error) {
        if (error instanceof JqlError) return { query: text, errors: [error.message] };
        throw error;
      }
    }),
  });
}

const FIELD_DEFINITIONS = [
  { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
  { id: 'priority', name: 'Priority', custom: false, schema: { type: 'priority', system: 'priority' } },
  { id: 'labels', name: 'Labels', custom: false, schema: { type: 'array', items: 'string', system: 'labels' } },
  { id: 'parent', name: 'Parent', custom: false, schema: { type: 'issuelink', system: 'parent' } },
  {
    id: FIELD_IDS.epicLink,
    name: 'Epic Link',
    custom: true,
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-epic-link', customId: 10014 },
  },
  {
    id: FIELD_IDS.storyPointEstimate,
    name: 'Story point estimate',
    custom: true,
    schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 },
  },
  {
    id: FIELD_IDS.rank,
    name: 'Rank',
    custom: true,
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: 10019 },
  },
  {
    id: FIELD_IDS.sprint,
    name: 'Sprint',
    custom: true,
    schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
  },
  {
    id: FIELD_IDS.flagged,
    name: 'Flagged',
    custom: true,
    schema: {
      type: 'array',
      items: 'option',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
      customId: 10021,
    },
  },
  {
    id: FIELD_IDS.storyPoints,
    name: 'Story Points',
    custom: true,
    schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10028 },
  },
];

export const platformEndpoints: readonly Endpoint<StandInRequest>[] = [
  endpoint('POST', /^\/rest\/api\/3\/issue$/, createIssue),
  endpoint('POST', /^\/rest\/api\/3\/issue\/bulkfetch$/, bulkFetch),
  endpoint('GET', /^\/rest\/api\/3\/issue\/([^/]+)$/, (request, [key]) => getIssue(request, key ?? '')),
  endpoint('PUT', /^\/rest\/api\/3\/issue\/([^/]+)$/, (request, [key]) => editIssue(request, key ?? '')),
  endpoint('GET', /^\/rest\/api\/3\/issue\/([^/]+)\/editmeta$/, (request, [key]) => editMeta(request, key ?? '')),
  endpoint('POST', /^\/rest\/api\/3\/changelog\/bulkfetch$/, bulkChangelogs),
  endpoint('POST', /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/, (request, [key]) => addComment(request, key ?? '')),
  // GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey} (getIssueProperty): Browse projects.
  endpoint('GET', /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/, (request, [key, propertyKey]) => {
    const issue = visibleIssue(request, key ?? '');
    return issue ? propertyAnswer(issue.properties, decodeURIComponent(propertyKey ?? '')) : jiraError(404, [ISSUE_NOT_VISIBLE]);
  }),
  // GET /rest/api/3/comment/{commentId}/properties/{propertyKey} (getCommentProperty): Browse projects of the comment's issue.
  endpoint('GET', /^\/rest\/api\/3\/comment\/([^/]+)\/properties\/([^/]+)$/, (request, [commentId, propertyKey]) => {
    for (const issue of request.site.issues.values()) {
      const comment = issue.comments.find((candidate) => candidate.id === commentId);
      if (comment && request.site.canSeeIssue(request.actor, issue))
        return propertyAnswer(comment.properties, decodeURIComponent(propertyKey ?? ''));
    }
    return jiraError(404, [`Can not find a comment for the id: ${commentId}.`]);
  }),
  endpoint('POST', /^\/rest\/api\/3\/issue\/([^/]+)\/notify$/, (request, [key]) => notifyAboutIssue(request, key ?? '')),
  endpoint('GET', /^\/rest\/api\/3\/user$/, getUser),
  endpoint('POST', /^\/rest\/api\/3\/search\/jql$/, searchJql),
  endpoint('POST', /^\/rest\/api\/3\/permissions\/check$/, bulkPermissions),
  endpoint('GET', /^\/rest\/api\/3\/mypermissions$/, myPermissions),
  endpoint('GET', /^\/rest\/api\/3\/priority$/, (request) =>
    ok(request.site.priorities.map((priority) => renderPriority(request.render, priority))),
  ),
  endpoint('GET', /^\/rest\/api\/3\/priority\/search$/, (request) => {
    const page = offsetPage(request.site.priorities, request.query, PRIORITY_PAGE_SIZE);
    return ok({
      self: `${request.render.baseUrl}/rest/api/3/priority/search`,
      ...page,
      values: page.values.map((priority) => renderPriority(request.render, priority)),
    });
  }),
  endpoint('GET', /^\/rest\/api\/3\/project\/([^/]+)$/, (request, [key]) => {
    const project = visibleProject(request, key ?? '');
    return project ? ok(renderProject(request.render, project)) : projectNotFound(key ?? '');
  }),
  endpoint('GET', /^\/rest\/api\/3\/project\/([^/]+)\/role$/, (request, [key]) => {
    const project = projectRoles(request, key ?? '');
    if ('status' in project) return project;
    return ok(Object.fromEntries(project.roles.map((role) => [role.name, roleUrl(request.render, project, role.id)])));
  }),
  endpoint('GET', /^\/rest\/api\/3\/project\/([^/]+)\/role\/([^/]+)$/, (request, [key, roleId]) =>
    projectRole(request, key ?? '', roleId ?? ''),
  ),
  endpoint('POST', /^\/rest\/api\/3\/jql\/parse$/, parseQueries),
  endpoint('GET', /^\/rest\/api\/3\/field$/, () => ok(FIELD_DEFINITIONS)),
  endpoint('GET', /^\/rest\/api\/3\/user\/bulk$/, (request) => {
    const accountIds = request.query.getAll('accountId');
    if (accountIds.length === 0) return jiraError(400, ['At least one accountId is required.']);
    // Unknown or closed accounts are simply not in the answer.
    const known = accountIds.filter((accountId) => request.site.users.has(accountId));
    const page = offsetPage(known, request.query, USER_PAGE_SIZE);
    return ok({
      self: `${request.render.baseUrl}/rest/api/3/user/bulk`,
      ...page,
      values: page.values.map((accountId) => renderAccount(request.render, { kind: 'user', accountId })),
    });
  }),
  endpoint('GET', /^\/rest\/api\/3\/user\/picker$/, userPicker),
  endpoint('GET', /^\/rest\/api\/3\/myself$/, (request) => ok(renderAccount(request.render, request.actor))),
  endpoint('GET', /^\/rest\/api\/3\/serverInfo$/, (request) => ok(renderServerInfo(request.render, request.site.serverTimeZone))),
];

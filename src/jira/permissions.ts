/**
 * What someone may do, asked of Jira *as that someone*: the client's actor is the subject. A
 * user client asks for the person who invoked the app, an app client for the app's own user.
 * Never with another person's accountId: Jira allows that only to callers holding *Administer
 * Jira*, which an app user does not hold on a real site (POST /rest/api/3/permissions/check:
 * "If no account ID is provided, the operation returns details for the logged in user" and
 * "Administer Jira … to check the permissions for other users, otherwise none").
 *
 * Jira answers only the ids the subject holds a permission on, so anything missing from the
 * answer — unknown issue, invisible issue, permission not held — is a "no". Never cached:
 * permissions change in Jira at any time.
 */
import { route } from '@forge/api';
import type { CallerGrants, IssueRef, SprintIssueKeys } from '../app/ports';
import type { JiraPermission } from '../domain/held-permissions';
import type { JiraClient } from './jira-client';
import { issueIdsMatching, MAX_ISSUES_PER_BULK_FETCH } from './issue-search';
import { bulkFetchShape, myPermissionsShape, permissionGrantsShape, type PermissionGrantsJson } from './jira-shapes';
import { chunksOf } from './paging';

/** POST /rest/api/3/permissions/check: "A maximum of 1000 projects and 1000 issues can be checked." */
export const MAX_IDS_PER_PERMISSION_CHECK = 1000;

/**
 * Issue id → key, for the keys that exist *and the client's actor can see*; the bulk permissions
 * API takes ids. An issue the subject cannot see is left out, which is already the right answer.
 */
async function issueKeysById(client: JiraClient, issueKeys: readonly string[]): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  // Chunks asked together: one round trip however many keys.
  const answers = await Promise.all(
    chunksOf(issueKeys, MAX_ISSUES_PER_BULK_FETCH).map((chunk) =>
      client.require(route`/rest/api/3/issue/bulkfetch`, bulkFetchShape, { post: { issueIdsOrKeys: chunk, fields: ['project'] } }),
    ),
  );
  for (const answer of answers) for (const issue of answer.issues) keys.set(issue.id, issue.key);
  return keys;
}

/** The subject's grants of `permissions` on `ids` (issues or projects), one bulk check per 1000 ids. */
async function grantedIds(
  client: JiraClient,
  permissions: readonly JiraPermission[],
  of: 'issues' | 'projects',
  ids: readonly string[],
): Promise<Map<JiraPermission, Set<string>>> {
  const granted = new Map<JiraPermission, Set<string>>();
  for (const chunk of chunksOf(ids, MAX_IDS_PER_PERMISSION_CHECK)) {
    const answer = await client.require(route`/rest/api/3/permissions/check`, permissionGrantsShape, {
      post: { globalPermissions: [], projectPermissions: [{ permissions, [of]: chunk.map(Number) }] },
    });
    for (const grant of answer.projectPermissions) {
      const permission = permissions.find((wanted) => wanted === grant.permission);
      if (!permission) continue;
      const held = granted.get(permission) ?? new Set<string>();
      for (const id of grant[of] ?? []) held.add(String(id));
      granted.set(permission, held);
    }
  }
  return granted;
}

/** Per issue key, which of `permissions` the client's actor holds; an issue absent from the map has none. */
export async function permissionsOf(
  client: JiraClient,
  issueKeys: readonly string[],
  permissions: readonly JiraPermission[],
): Promise<Map<string, Set<JiraPermission>>> {
  const held = new Map<string, Set<JiraPermission>>();
  const unique = [...new Set(issueKeys)];
  if (unique.length === 0 || permissions.length === 0) return held;
  if (unique.length === 1) return permissionsOnIssue(client, unique[0]!, permissions);
  const keyById = await issueKeysById(client, unique);
  if (keyById.size === 0) return held;
  for (const [permission, ids] of await grantedIds(client, [...new Set(permissions)], 'issues', [...keyById.keys()])) {
    for (const id of ids) {
      const key = keyById.get(id);
      if (!key) continue;
      const onIssue = held.get(key) ?? new Set<JiraPermission>();
      onIssue.add(permission);
      held.set(key, onIssue);
    }
  }
  return held;
}

/**
 * Which of `permissions` the client's actor holds on each issue, and which projects it may browse,
 * in one bulk check (one more call first only for issues given without their id). An id the app
 * read that the actor may not see is simply not granted: the check is the actor's, not the app's.
 *
 * A check holds 1,000 issues, so a sprint of 5,000 items needed five (issue 12). Past that, the
 * sprint's issues that need only Browse (`sprint`) are asked with one search as the actor instead
 * (issue-search.ts, ids only, 5,000 a page): "Issues are included in the response where the user
 * has Browse projects … and, if issue-level security is configured, issue-level security
 * permission to view the issue" (POST /rest/api/3/search/jql in Atlassian's platform OpenAPI) —
 * Jira's own per-issue answer, as its board shows the sprint to them. Not a per-project check: a
 * person is reported as holding a project permission "for a project, where the project permission
 * is determined using issue data, if the user meets the permission's criteria for any issue in the
 * project" (GET /rest/api/3/mypermissions) — Browse granted to Reporter or Assignee is Browse of
 * the project for anyone who reported one issue in it, not Browse of each issue. The search and the
 * check of the rest leave together.
 */
export async function sightOf(
  client: JiraClient,
  issues: readonly IssueRef[],
  projectIds: readonly string[],
  permissions: readonly JiraPermission[],
  sprint?: SprintIssueKeys,
): Promise<CallerGrants> {
  const keyById = new Map<string, string>();
  for (const issue of issues) if (issue.id) keyById.set(issue.id, issue.key);
  const known = new Set(keyById.values());
  const unknown = [...new Set(issues.filter((issue) => !issue.id && !known.has(issue.key)).map((issue) => issue.key))];
  if (unknown.length > 0) for (const [id, key] of await issueKeysById(client, unknown)) keyById.set(id, key);
  const asked = [...new Set<JiraPermission>(['BROWSE_PROJECTS', ...permissions])];
  const held = new Map<string, Set<JiraPermission>>();
  const browsableProjectIds = new Set<string>();
  const bySearch =
    sprint && Number.isInteger(sprint.sprintId) && sprint.sprintId > 0 && keyById.size > MAX_IDS_PER_PERMISSION_CHECK ? sprint : null;
  const issueIds = [...keyById].filter(([, key]) => !bySearch?.keys.has(key)).map(([id]) => id);
  if (issueIds.length === 0 && projectIds.length === 0 && !bySearch) return { issues: held, browsableProjectIds };
  const issueChunks = issueIds.length > 0 ? chunksOf(issueIds, MAX_IDS_PER_PERMISSION_CHECK) : projectIds.length > 0 ? [[]] : [];
  const [seenInSprint, ...answers] = await Promise.all([
    // Sub-tasks are not in a snapshot (sprints.ts), so not asked: 5,000 sprint items stay one page.
    bySearch ? issueIdsMatching(client, `sprint = ${bySearch.sprintId} AND issuetype in standardIssueTypes()`) : Promise.resolve([]),
    // A sprint of more than 1,000 items needs several checks: asked together, one round trip.
    ...issueChunks.map((chunk, index) => {
      const projects = index === 0 ? projectIds.slice(0, MAX_IDS_PER_PERMISSION_CHECK) : [];
      return client.require(route`/rest/api/3/permissions/check`, permissionGrantsShape, {
        post: {
          globalPermissions: [],
          projectPermissions: [{ permissions: asked, issues: chunk.map(Number), projects: projects.map(Number) }],
        },
      });
    }),
  ]);
  for (const id of seenInSprint as string[]) {
    const key = keyById.get(id);
    if (key && bySearch?.keys.has(key)) held.set(key, new Set<JiraPermission>(['BROWSE_PROJECTS']));
  }
  for (const answer of answers as PermissionGrantsJson[]) {
    for (const grant of answer.projectPermissions) {
      const permission = asked.find((wanted) => wanted === grant.permission);
      if (!permission) continue;
      for (const id of grant.issues ?? []) {
        const key = keyById.get(String(id));
        if (!key) continue;
        held.set(key, (held.get(key) ?? new Set<JiraPermission>()).add(permission));
      }
      if (permission === 'BROWSE_PROJECTS') for (const id of grant.projects ?? []) browsableProjectIds.add(String(id));
    }
  }
  return { issues: held, browsableProjectIds };
}

/** Project ids among `projectIds` where the client's actor holds `permission`. */
export async function projectsWithPermission(
  client: JiraClient,
  projectIds: readonly string[],
  permission: JiraPermission,
): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  return (await grantedIds(client, [permission], 'projects', projectIds)).get(permission) ?? new Set();
}

/**
 * The actor's permissions on one issue in one call (issue 12): GET /rest/api/3/mypermissions in
 * the issue's context ("Permissions required: None", scope read:jira-work), which answers for the
 * issue as its security level lets the actor see it; an issue the actor cannot see answers 404
 * (none held). A key Jira could not route names no issue either.
 */
async function permissionsOnIssue(
  client: JiraClient,
  issueKey: string,
  permissions: readonly JiraPermission[],
): Promise<Map<string, Set<JiraPermission>>> {
  const query = new URLSearchParams({ issueKey, permissions: [...new Set(permissions)].join(',') });
  const answer = await client.read(route`/rest/api/3/mypermissions?${query}`, myPermissionsShape, { absentOn: [400, 404] });
  const granted = new Set(permissions.filter((permission) => answer?.permissions[permission]?.havePermission === true));
  return granted.size > 0 ? new Map([[issueKey, granted]]) : new Map();
}

/**
 * One project permission of the client's actor: GET /rest/api/3/mypermissions in the project's
 * context (one call, "Permissions required: None", scope read:jira-work). A project the actor
 * cannot see answers 404, which is a "no" too.
 */
export async function hasProjectPermission(client: JiraClient, projectKey: string, permission: JiraPermission): Promise<boolean> {
  // In the query string, encoded: a key like `ONB/../BIL` names no project and Jira answers 404.
  const query = new URLSearchParams({ projectKey, permissions: permission });
  const answer = await client.read(route`/rest/api/3/mypermissions?${query}`, myPermissionsShape);
  return answer?.permissions[permission]?.havePermission === true;
}

/**
 * Whether the client's actor holds the global *Administer Jira* permission: GET
 * /rest/api/3/mypermissions without a project context ("Permissions required: None", scope
 * read:jira-work), which answers global permissions such as ADMINISTER.
 */
export async function administersJira(client: JiraClient): Promise<boolean> {
  const answer = await client.read(
    route`/rest/api/3/mypermissions?${new URLSearchParams({ permissions: 'ADMINISTER' })}`,
    myPermissionsShape,
  );
  return answer?.permissions.ADMINISTER?.havePermission === true;
}

/**
 * What a person may do, asked of Jira for that person: the bulk permissions API, called as the
 * app with the person's accountId. Jira answers only the ids the person holds a permission on,
 * so anything missing from the answer — unknown issue, invisible issue, permission not held —
 * is a "no". Never cached: permissions change in Jira at any time.
 */
import { route } from '@forge/api';
import type { JiraPermission } from '../app/ports';
import { routeOrNull, type JiraClient } from './jira-client';
import { bulkFetchShape, permissionGrantsShape, projectShape } from './jira-shapes';
import { chunksOf } from './paging';

/** POST /rest/api/3/issue/bulkfetch: "By default you can request up to 100 issues in a single call." */
export const MAX_ISSUES_PER_BULK_FETCH = 100;

/** Issue id by key, for the keys that exist; the bulk permissions API takes ids. */
async function issueIdsByKey(client: JiraClient, issueKeys: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const chunk of chunksOf(issueKeys, MAX_ISSUES_PER_BULK_FETCH)) {
    const answer = await client.require(route`/rest/api/3/issue/bulkfetch`, bulkFetchShape, { post: { issueIdsOrKeys: chunk, fields: ['project'] } });
    for (const issue of answer.issues) ids.set(issue.id, issue.key);
  }
  return ids;
}

async function grantsFor(client: JiraClient, accountId: string, permissions: readonly JiraPermission[], subject: { issues?: number[]; projects?: number[] }) {
  return client.require(route`/rest/api/3/permissions/check`, permissionGrantsShape, {
    post: { accountId, globalPermissions: [], projectPermissions: [{ permissions, ...subject }] },
  });
}

export async function permissionsOf(
  client: JiraClient,
  accountId: string,
  issueKeys: readonly string[],
  permissions: readonly JiraPermission[],
): Promise<Map<string, Set<JiraPermission>>> {
  const granted = new Map<string, Set<JiraPermission>>();
  const unique = [...new Set(issueKeys)];
  if (unique.length === 0 || permissions.length === 0) return granted;
  const keyById = await issueIdsByKey(client, unique);
  if (keyById.size === 0) return granted;
  const answer = await grantsFor(client, accountId, permissions, { issues: [...keyById.keys()].map(Number) });
  for (const grant of answer.projectPermissions) {
    const permission = permissions.find((wanted) => wanted === grant.permission);
    if (!permission) continue;
    for (const id of grant.issues ?? []) {
      const key = keyById.get(String(id));
      if (!key) continue;
      const held = granted.get(key) ?? new Set<JiraPermission>();
      held.add(permission);
      granted.set(key, held);
    }
  }
  return granted;
}

/** Project ids among `projectIds` where the account holds `permission`. */
export async function projectsWithPermission(client: JiraClient, accountId: string, projectIds: readonly string[], permission: JiraPermission): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  const answer = await grantsFor(client, accountId, [permission], { projects: projectIds.map(Number) });
  return new Set(answer.projectPermissions.filter((grant) => grant.permission === permission).flatMap((grant) => (grant.projects ?? []).map(String)));
}

export async function hasProjectPermission(client: JiraClient, accountId: string, projectKey: string, permission: JiraPermission): Promise<boolean> {
  const path = routeOrNull(() => route`/rest/api/3/project/${projectKey}`);
  const project = path ? await client.read(path, projectShape) : null;
  if (!project) return false;
  return (await projectsWithPermission(client, accountId, [project.id], permission)).has(project.id);
}

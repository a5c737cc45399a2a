/**
 * What the settings page and the priority change need from Jira's configuration: priorities,
 * a project's roles and their members, and Jira's own verdict on a JQL query.
 */
import { route } from '@forge/api';
import { routeOrNull, type JiraClient } from './jira-client';
import { jqlParseShape, priorityPageShape, projectRoleShape, projectRolesShape } from './jira-shapes';
import { collectOffsetPages } from './paging';

/** GET /rest/api/3/priority/search pages by 50 by default. */
export const PRIORITY_PAGE_SIZE = 50;

/** Jira gives installed apps this role; it is plumbing, not a team role a PO could be chosen from. */
const APP_ACCESS_ROLE = 'atlassian-addons-project-access';

export async function priorityNames(client: JiraClient): Promise<string[]> {
  const priorities = await collectOffsetPages(async (startAt) => {
    const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PRIORITY_PAGE_SIZE) });
    return client.require(route`/rest/api/3/priority/search?${query}`, priorityPageShape);
  });
  return priorities.map((priority) => priority.name);
}

/** Role name → role URL; empty when the project does not exist. */
async function rolesOf(client: JiraClient, projectKey: string): Promise<Record<string, string>> {
  const path = routeOrNull(() => route`/rest/api/3/project/${projectKey}/role`);
  return (path ? await client.read(path, projectRolesShape) : null) ?? {};
}

export async function projectRoleNames(client: JiraClient, projectKey: string): Promise<string[]> {
  return Object.keys(await rolesOf(client, projectKey))
    .filter((name) => name !== APP_ACCESS_ROLE)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Account ids of the people in a role. Jira can also grant a role to a group; group actors are
 * not expanded here, so a PO role given through a group yields no one — say so in the settings.
 */
export async function projectRoleMembers(client: JiraClient, projectKey: string, roleName: string): Promise<string[]> {
  const roleUrl = (await rolesOf(client, projectKey))[roleName];
  const roleId = roleUrl?.split('/').pop();
  const path = roleId ? routeOrNull(() => route`/rest/api/3/project/${projectKey}/role/${roleId}`) : null;
  const role = path ? await client.read(path, projectRoleShape) : null;
  return (role?.actors ?? []).flatMap((actor) => (actor.type === 'atlassian-user-role-actor' && actor.actorUser ? [actor.actorUser.accountId] : []));
}

export async function validateJql(client: JiraClient, jql: string): Promise<{ valid: true } | { valid: false; errors: string[] }> {
  const query = new URLSearchParams({ validation: 'strict' });
  const answer = await client.require(route`/rest/api/3/jql/parse?${query}`, jqlParseShape, { post: { queries: [jql] } });
  const errors = answer.queries[0]?.errors ?? [];
  return errors.length === 0 ? { valid: true } : { valid: false, errors };
}

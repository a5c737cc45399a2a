/**
 * What the settings page and the priority change need from Jira's configuration: an issue's allowed priorities,
 * a project's roles and their members, and Jira's own verdict on a JQL query.
 */
import { route } from '@forge/api';
import type { RoleMembers } from '../app/ports';
import { routeOrNull, type JiraClient } from './jira-client';
import { editMetaShape, jqlParseShape, priorityValueShape, projectRoleShape, projectRolesShape } from './jira-shapes';

/** Jira gives installed apps this role; it is plumbing, not a team role a PO could be chosen from. */
const APP_ACCESS_ROLE = 'atlassian-addons-project-access';

/**
 * The priorities this issue may be set to, from its edit metadata (GET
 * /rest/api/3/issue/{key}/editmeta, getEditIssueMeta, read:jira-work): the priority scheme of the
 * issue's project decides them, and GET /rest/api/3/priority/search needs an admin scope and is
 * deprecated. Empty when the edit screen has no priority field; null when the issue is not there.
 */
export async function allowedPriorities(client: JiraClient, issueKey: string): Promise<string[] | null> {
  const path = routeOrNull(() => route`/rest/api/3/issue/${issueKey}/editmeta`);
  const meta = path ? await client.read(path, editMetaShape) : null;
  if (!meta) return null;
  return (meta.fields.priority?.allowedValues ?? []).flatMap((value) => {
    const priority = priorityValueShape.safeParse(value);
    return priority.success ? [priority.data.name] : [];
  });
}

/** Role name → role URL; empty when the project does not exist; 'refused' when Jira will not tell the client's actor. */
async function rolesOf(client: JiraClient, projectKey: string): Promise<Record<string, string> | 'refused'> {
  // Jira lets only project admins list a project's roles and read their members (GET /rest/api/3/project/{key}/role
  // and …/role/{id}: "Administer Projects … or Administer Jira"); an app user on a real site holds neither.
  const path = routeOrNull(() => route`/rest/api/3/project/${projectKey}/role`);
  return (path ? await client.readUnlessRefused(path, projectRolesShape) : null) ?? {};
}

/** The project's role names, as the client's actor may list them (the settings page asks as the person); none when refused. */
export async function projectRoleNames(client: JiraClient, projectKey: string): Promise<string[]> {
  const roles = await rolesOf(client, projectKey);
  return Object.keys(roles === 'refused' ? {} : roles)
    .filter((name) => name !== APP_ACCESS_ROLE)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Account ids of the people in a role, or Jira's refusal to tell the client's actor. Jira can also
 * grant a role to a group; group actors are not expanded here, so a PO role given through a group
 * yields no one — say so in the settings.
 */
export async function projectRoleMembers(client: JiraClient, projectKey: string, roleName: string): Promise<RoleMembers> {
  // A refusal is remembered a while (src/jira/kept-config.ts): on a real site Jira refuses the app
  // every time, and asking on every view costs a round trip that answers nothing.
  let read: Awaited<ReturnType<typeof rolesOf>> | undefined;
  const refused = await client.keep(
    'role-refused',
    projectKey,
    async () => (read = await rolesOf(client, projectKey)) === 'refused',
    (wasRefused) => wasRefused,
  );
  const roles = refused ? 'refused' : (read ?? (await rolesOf(client, projectKey)));
  if (roles === 'refused') return { readable: false, roleName };
  const roleId = roles[roleName]?.split('/').pop();
  const path = roleId ? routeOrNull(() => route`/rest/api/3/project/${projectKey}/role/${roleId}`) : null;
  const role = path ? await client.readUnlessRefused(path, projectRoleShape) : null;
  if (role === 'refused') return { readable: false, roleName };
  const accountIds = (role?.actors ?? []).flatMap((actor) =>
    actor.type === 'atlassian-user-role-actor' && actor.actorUser ? [actor.actorUser.accountId] : [],
  );
  return { readable: true, accountIds };
}

export async function validateJql(client: JiraClient, jql: string): Promise<{ valid: true } | { valid: false; errors: string[] }> {
  const query = new URLSearchParams({ validation: 'strict' });
  const answer = await client.require(route`/rest/api/3/jql/parse?${query}`, jqlParseShape, { post: { queries: [jql] } });
  const errors = answer.queries[0]?.errors ?? [];
  return errors.length === 0 ? { valid: true } : { valid: false, errors };
}

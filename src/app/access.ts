/**
 * Authorization as Jira sees it, checked for the *calling user* before the app acts as itself.
 * Anything the caller cannot browse is reported as not found, so a probe learns nothing.
 */
import { GoalkeeperError } from '../domain/errors';
import type { ProjectSettings } from '../domain/settings';
import type { JiraPermission, JiraPort } from './ports';

export const SCHEDULE_PERMISSIONS: readonly JiraPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES'];
export const EDIT_PERMISSIONS: readonly JiraPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES'];

export function notFound(issueKey: string): GoalkeeperError {
  return new GoalkeeperError('not-found', `Issue ${issueKey} does not exist or you do not have permission to see it.`);
}

/**
 * Requires `needed` on every issue in `issueKeys` for `accountId`. Missing browse → not-found;
 * browse but not the rest → forbidden, naming what is missing.
 */
export async function requireIssuePermissions(
  jira: JiraPort,
  accountId: string,
  issueKeys: readonly string[],
  needed: readonly JiraPermission[],
): Promise<void> {
  const unique = [...new Set(issueKeys)];
  const granted = await jira.permissionsOf(accountId, unique, [...new Set<JiraPermission>(['BROWSE_PROJECTS', ...needed])]);
  for (const key of unique) {
    const held = granted.get(key);
    if (!held?.has('BROWSE_PROJECTS')) throw notFound(key);
    const missing = needed.filter((permission) => !held.has(permission));
    if (missing.length > 0) {
      throw new GoalkeeperError('forbidden', `You need the Jira permission(s) ${missing.map(describePermission).join(', ')} on ${key} to do this.`);
    }
  }
}

function describePermission(permission: JiraPermission): string {
  switch (permission) {
    case 'BROWSE_PROJECTS':
      return 'Browse projects';
    case 'EDIT_ISSUES':
      return 'Edit issues';
    case 'SCHEDULE_ISSUES':
      return 'Schedule issues';
    case 'ADMINISTER_PROJECTS':
      return 'Administer projects';
  }
}

/** A Product Owner is a named user in the settings or a member of the configured project role. */
export async function isProductOwner(jira: JiraPort, settings: ProjectSettings, projectKey: string, accountId: string): Promise<boolean> {
  if (settings.productOwners.accountIds.includes(accountId)) return true;
  const roleName = settings.productOwners.roleName;
  if (!roleName) return false;
  const members = await jira.projectRoleMembers(projectKey, roleName);
  return members.includes(accountId);
}

/** Every account that may decide, for "who must decide" hints in the UI. */
export async function productOwnerAccountIds(jira: JiraPort, settings: ProjectSettings, projectKey: string): Promise<string[]> {
  const fromRole = settings.productOwners.roleName ? await jira.projectRoleMembers(projectKey, settings.productOwners.roleName) : [];
  return [...new Set([...settings.productOwners.accountIds, ...fromRole])];
}

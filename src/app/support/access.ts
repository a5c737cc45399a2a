/**
 * Authorization as Jira sees it, checked with Jira *as the calling user* (asUser) before the app
 * acts as itself; the apply worker, which has no user, judges by the rights recorded when the
 * change was decided and by the app's own rights now. Anything the caller cannot browse is
 * reported as not found, so a probe learns nothing.
 */
import { GoalkeeperError } from '../../domain/errors';
import { missingPermissions, recordHeld, type HeldPermissions } from '../../domain/held-permissions';
import type { ProjectSettings } from '../../domain/settings';
import type { JiraPermission, JiraPort } from '../ports';

export function notFound(issueKey: string): GoalkeeperError {
  return new GoalkeeperError('not-found', `Issue ${issueKey} does not exist or you do not have permission to see it.`);
}

/**
 * Requires `needed` on every issue in `issueKeys` for the person calling, asked of Jira as them.
 * Missing browse → not-found; browse but not the rest → forbidden, naming what is missing.
 * Returns what they hold, to be recorded with a decision for the apply worker; `alsoAsked` are
 * asked in the same call and recorded, not required (e.g. Add comments, which only decides
 * whether the decision comment is posted).
 */
export async function requireCallerPermissions(
  jira: JiraPort,
  issueKeys: readonly string[],
  needed: readonly JiraPermission[],
  alsoAsked: readonly JiraPermission[] = [],
): Promise<HeldPermissions> {
  return requireCallerPermissionsFor(jira, [{ issueKeys, needed }], alsoAsked);
}

/** Permissions required on some issues: a change's on its issues, a counter-change's on its own. */
export interface PermissionNeed {
  readonly issueKeys: readonly string[];
  readonly needed: readonly JiraPermission[];
}

/** As `requireCallerPermissions`, for several needs at once, asked of Jira in one call. */
export async function requireCallerPermissionsFor(
  jira: JiraPort,
  needs: readonly PermissionNeed[],
  alsoAsked: readonly JiraPermission[] = [],
): Promise<HeldPermissions> {
  const requiredOf = (need: PermissionNeed) => [...new Set<JiraPermission>(['BROWSE_PROJECTS', ...need.needed])];
  const issueKeys = [...new Set(needs.flatMap((need) => need.issueKeys))];
  const held = recordHeld(await jira.permissionsOfCaller(issueKeys, [...new Set([...needs.flatMap(requiredOf), ...alsoAsked])]));
  for (const need of needs) {
    const gap = missingPermissions(held, need.issueKeys, requiredOf(need))[0];
    if (gap?.missing.includes('BROWSE_PROJECTS')) throw notFound(gap.issueKey);
    if (gap)
      throw new GoalkeeperError('forbidden', `You need the Jira permission(s) ${describeAll(gap.missing)} on ${gap.issueKey} to do this.`);
  }
  return held;
}

/**
 * For the apply worker: the person whose decision it carries out must have held `needed` on every
 * issue when they decided (recorded then, asked of Jira as them), and the app must hold it now.
 * Returns why not, in words for the apply journal, or null.
 */
export async function refusalByRights(
  jira: JiraPort,
  recorded: HeldPermissions | undefined,
  issueKeys: readonly string[],
  needed: readonly JiraPermission[],
): Promise<string | null> {
  const gap = await gapInRights(jira, recorded, issueKeys, needed);
  if (!gap) return null;
  return gap.unrecorded ? `Apply refused: ${gap.why}. Propose it again.` : `Apply refused: ${gap.why}.`;
}

/**
 * The same judgement for something the apply may leave out (the decision comment): null when the
 * decider held `needed` when deciding and the app holds it now; else why not, as a clause.
 */
export async function gapInRights(
  jira: JiraPort,
  recorded: HeldPermissions | undefined,
  issueKeys: readonly string[],
  needed: readonly JiraPermission[],
): Promise<{ readonly why: string; readonly unrecorded: boolean } | null> {
  if (!recorded) return { why: "this change was decided before Goalkeeper recorded the decider's Jira rights", unrecorded: true };
  const personGap = missingPermissions(recorded, issueKeys, needed)[0];
  if (personGap)
    return {
      why: `the person who approved this change did not hold ${describeAll(personGap.missing)} on ${personGap.issueKey} in Jira`,
      unrecorded: false,
    };
  const appGap = missingPermissions(recordHeld(await jira.permissionsOfApp(issueKeys, needed)), issueKeys, needed)[0];
  if (appGap)
    return {
      why: `Goalkeeper itself does not hold ${describeAll(appGap.missing)} on ${appGap.issueKey} in Jira; a Jira admin can grant it to the app`,
      unrecorded: false,
    };
  return null;
}

export function describeAll(permissions: readonly JiraPermission[]): string {
  return permissions.map(describePermission).join(', ');
}

function describePermission(permission: JiraPermission): string {
  switch (permission) {
    case 'BROWSE_PROJECTS':
      return 'Browse projects';
    case 'EDIT_ISSUES':
      return 'Edit issues';
    case 'SCHEDULE_ISSUES':
      return 'Schedule issues';
    case 'CREATE_ISSUES':
      return 'Create issues';
    case 'ADD_COMMENTS':
      return 'Add comments';
    case 'ADMINISTER_PROJECTS':
      return 'Administer projects';
  }
}

/**
 * A Product Owner is a named user in the settings or a member of the configured project role.
 * When Jira will not tell the app who is in the role, only the named people count (the settings
 * page says so); a refusal never takes a view down.
 */
export async function isProductOwner(jira: JiraPort, settings: ProjectSettings, projectKey: string, accountId: string): Promise<boolean> {
  return (await productOwnerAccountIds(jira, settings, projectKey)).includes(accountId);
}

/** Every account that may decide, for "who must decide" hints in the UI. */
export async function productOwnerAccountIds(jira: JiraPort, settings: ProjectSettings, projectKey: string): Promise<string[]> {
  const roleName = settings.productOwners.roleName;
  const fromRole = roleName ? await jira.projectRoleMembers(projectKey, roleName) : null;
  return [...new Set([...settings.productOwners.accountIds, ...(fromRole?.readable ? fromRole.accountIds : [])])];
}

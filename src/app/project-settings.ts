/**
 * The settings page's use cases. Anyone who can browse the project may read the settings (the
 * team should know the rules); only project admins may save them, checked here with Jira, not
 * by trusting the page. JQL is checked by Jira's own parser before it is stored.
 */
import { GoalkeeperError } from '../domain/errors';
import { RULE_VALIDATION_SCOPE, ruleJqlInScope } from '../domain/goal-critical';
import type { ProjectSettings } from '../domain/settings';
import type { Caller } from './caller';
import { loadSettings } from './issue-situation';
import type { Ports, SettingsVersion } from './ports';

/** Roles Jira keeps for itself (apps' access), never meaningful as "Product Owner". */
const JIRA_INTERNAL_ROLES = new Set(['atlassian-addons-project-access']);

export interface SettingsPageState {
  readonly projectKey: string;
  readonly settings: ProjectSettings;
  readonly canEdit: boolean;
  readonly projectRoles: readonly string[];
  /**
   * The Product Owner role whose members Jira will not show the app (reading them needs
   * Administer Projects, which an app user does not hold on a real site), or null. Then only the
   * named people count as Product Owners, and the page says so.
   */
  readonly unreadableProductOwnerRole: string | null;
  readonly history: readonly SettingsVersion[];
  readonly boards: readonly { readonly id: number; readonly name: string }[];
  readonly people: Readonly<Record<string, string>>;
}

/** The editable part of the settings; version and authorship are the app's to set. */
export type EditableSettings = Omit<ProjectSettings, 'version' | 'updatedBy' | 'updatedAt'>;

async function requireProjectAccess(ports: Ports, projectKey: string, mustAdminister: boolean): Promise<void> {
  if (!(await ports.jira.callerHasProjectPermission(projectKey, 'BROWSE_PROJECTS'))) {
    throw new GoalkeeperError('not-found', 'This project does not exist or you do not have permission to see it.');
  }
  if (mustAdminister && !(await ports.jira.callerHasProjectPermission(projectKey, 'ADMINISTER_PROJECTS'))) {
    throw new GoalkeeperError('forbidden', 'Only project administrators can change Goalkeeper settings.');
  }
}

export async function getProjectSettings(ports: Ports, caller: Caller, request: { projectKey: string }): Promise<SettingsPageState> {
  await requireProjectAccess(ports, request.projectKey, false);
  const [settings, canEdit, projectRoles, history, boards] = await Promise.all([
    loadSettings(ports, request.projectKey),
    ports.jira.callerHasProjectPermission(request.projectKey, 'ADMINISTER_PROJECTS'),
    ports.jira.projectRoleNames(request.projectKey),
    ports.settings.history(request.projectKey),
    ports.jira.boardsOfProject(request.projectKey),
  ]);
  const named = [...settings.productOwners.accountIds, ...history.flatMap((v) => [v.changedBy, ...v.settings.productOwners.accountIds])];
  const [people, unreadableProductOwnerRole] = await Promise.all([ports.jira.displayNames([...new Set(named)]), unreadableRole(ports, request.projectKey, settings)]);
  return {
    projectKey: request.projectKey,
    settings,
    canEdit,
    projectRoles: projectRoles.filter((role) => !JIRA_INTERNAL_ROLES.has(role)),
    unreadableProductOwnerRole,
    history,
    boards: boards.filter((b) => b.type === 'scrum').map((b) => ({ id: b.id, name: b.name })),
    people: Object.fromEntries(people),
  };
}

export async function saveProjectSettings(
  ports: Ports,
  caller: Caller,
  request: { projectKey: string; settings: EditableSettings; expectedVersion: number },
): Promise<SettingsPageState> {
  await requireProjectAccess(ports, request.projectKey, true);
  await requireValidJql(ports, request.settings);
  const roleName = request.settings.productOwners.roleName;
  if (roleName && !(await ports.jira.projectRoleNames(request.projectKey)).includes(roleName)) {
    throw new GoalkeeperError('invalid-input', `The project has no role named "${roleName}".`, { 'productOwners.roleName': 'unknown-role' });
  }
  const current = await loadSettings(ports, request.projectKey);
  const now = ports.clock.now().toISOString();
  const next: ProjectSettings = { ...request.settings, version: request.expectedVersion + 1, updatedBy: caller.accountId, updatedAt: now };
  if (current.version !== request.expectedVersion || (await ports.settings.save(request.projectKey, next, request.expectedVersion, caller.accountId, now)) === 'conflict') {
    throw new GoalkeeperError('conflict', 'Someone saved these settings a moment ago. Reload to see their changes, then apply yours again.');
  }
  return getProjectSettings(ports, caller, { projectKey: request.projectKey });
}

/** The configured PO role, when the app (which decides who is a PO on every panel) cannot read its members. */
async function unreadableRole(ports: Ports, projectKey: string, settings: ProjectSettings): Promise<string | null> {
  const roleName = settings.productOwners.roleName;
  if (!roleName) return null;
  return (await ports.jira.projectRoleMembers(projectKey, roleName)).readable ? null : roleName;
}

async function requireValidJql(ports: Ports, settings: EditableSettings): Promise<void> {
  const rules = [
    ['goalCritical.jql', settings.goalCritical.jql],
    ...Object.entries(settings.boardOverrides).map(([boardId, override]) => [`boardOverrides.${boardId}.goalCritical.jql`, override.goalCritical?.jql ?? null] as const),
  ] as const;
  for (const [field, jql] of rules) {
    if (!jql) continue;
    // Validated as it will run (embedded in the sprint query), so ORDER BY and the like are refused now, not in every view later.
    const verdict = await ports.jira.validateJql(ruleJqlInScope(RULE_VALIDATION_SCOPE, jql));
    if (!verdict.valid) {
      const ordering = /\border\s+by\b/i.test(jql) ? ' A goal rule only selects issues: remove ORDER BY (Goalkeeper keeps the sprint’s rank order).' : '';
      throw new GoalkeeperError('invalid-input', `Jira cannot parse the JQL as part of the sprint’s query: ${verdict.errors.join(' ')}${ordering}`, { [field]: 'invalid-jql' });
    }
  }
}

/**
 * The settings page's use cases. Anyone who can browse the project may read the settings (the
 * team should know the rules); project admins and Jira admins may save them, and — where the
 * settings say so — the project's Product Owners may change the approval policy, all checked here
 * with Jira as the caller, not by trusting the page. JQL is checked by Jira's own parser and the
 * named people by Jira's user records before anything is stored.
 */
import { GoalkeeperError } from '../../domain/errors';
import { RULE_VALIDATION_SCOPE, ruleJqlInScope } from '../../domain/goal-critical';
import { DEFAULT_SETTINGS, policyEditorsOf, type ProjectSettings } from '../../domain/settings';
import { isProductOwner } from '../support/access';
import type { Caller } from '../support/caller';
import { loadSettings } from '../support/issue-situation';
import type { PersonFound, Ports, SettingsVersion } from '../ports';

/** Roles Jira keeps for itself (apps' access), never meaningful as "Product Owner". */
const JIRA_INTERNAL_ROLES = new Set(['atlassian-addons-project-access']);

export interface SettingsPageState {
  readonly projectKey: string;
  readonly settings: ProjectSettings;
  readonly canEdit: boolean;
  /**
   * What the caller may change: everything (project or Jira admins), only the approval policy (a
   * Product Owner where the settings let Product Owners edit it), or nothing.
   */
  readonly editScope: EditScope;
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

export type EditScope = 'all' | 'policy' | 'none';

/** The editable part of the settings; version and authorship are the app's to set. */
export type EditableSettings = Omit<ProjectSettings, 'version' | 'updatedBy' | 'updatedAt'>;

async function requireProjectAccess(ports: Ports, projectKey: string): Promise<void> {
  if (!(await ports.jira.callerHasProjectPermission(projectKey, 'BROWSE_PROJECTS'))) {
    throw new GoalkeeperError('not-found', 'This project does not exist or you do not have permission to see it.');
  }
}

/**
 * What the caller may change, asked of Jira as them: project administrators (Administer
 * Projects) and Jira administrators (Administer Jira) everything; the project's Product Owners
 * the approval policy, when the settings let them.
 */
async function editScopeOf(ports: Ports, caller: Caller, projectKey: string, settings: ProjectSettings): Promise<EditScope> {
  if (await ports.jira.callerHasProjectPermission(projectKey, 'ADMINISTER_PROJECTS')) return 'all';
  if (await ports.jira.callerAdministersJira()) return 'all';
  if (
    policyEditorsOf(settings) === 'admins-and-product-owners' &&
    (await isProductOwner(ports.jira, settings, projectKey, caller.accountId))
  )
    return 'policy';
  return 'none';
}

export async function getProjectSettings(ports: Ports, caller: Caller, request: { projectKey: string }): Promise<SettingsPageState> {
  await requireProjectAccess(ports, request.projectKey);
  const settings = await loadSettings(ports, request.projectKey);
  const [editScope, projectRoles, history, boards] = await Promise.all([
    editScopeOf(ports, caller, request.projectKey, settings),
    ports.jira.projectRoleNames(request.projectKey),
    ports.settings.history(request.projectKey),
    ports.jira.boardsOfProject(request.projectKey),
  ]);
  const named = [...settings.productOwners.accountIds, ...history.flatMap((v) => [v.changedBy, ...v.settings.productOwners.accountIds])];
  const [people, unreadableProductOwnerRole] = await Promise.all([
    ports.jira.displayNames([...new Set(named)]),
    unreadableRole(ports, request.projectKey, settings),
  ]);
  return {
    projectKey: request.projectKey,
    settings,
    canEdit: editScope !== 'none',
    editScope,
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
  await requireProjectAccess(ports, request.projectKey);
  const current = await loadSettings(ports, request.projectKey);
  const scope = await editScopeOf(ports, caller, request.projectKey, current);
  if (scope === 'none')
    throw new GoalkeeperError('forbidden', 'Only project administrators and Jira administrators can change Goalkeeper settings.');
  if (scope === 'policy' && !onlyPolicyDiffers(current, request.settings)) {
    throw new GoalkeeperError(
      'forbidden',
      'As a Product Owner you may change the approval policy only; the other settings are for project administrators.',
    );
  }
  await requireValidJql(ports, request.settings);
  const roleName = request.settings.productOwners.roleName;
  // A Product Owner's save leaves the role as it was (checked above); Jira lists roles to project admins only.
  if (scope === 'all' && roleName && !(await ports.jira.projectRoleNames(request.projectKey)).includes(roleName)) {
    throw new GoalkeeperError('invalid-input', `The project has no role named "${roleName}".`, {
      'productOwners.roleName': 'unknown-role',
    });
  }
  await requireKnownPeople(ports, request.settings.productOwners.accountIds);
  const now = ports.clock.now().toISOString();
  const next: ProjectSettings = { ...request.settings, version: request.expectedVersion + 1, updatedBy: caller.accountId, updatedAt: now };
  if (
    current.version !== request.expectedVersion ||
    (await ports.settings.save(request.projectKey, next, request.expectedVersion, caller.accountId, now)) === 'conflict'
  ) {
    throw new GoalkeeperError(
      'conflict',
      'Someone saved these settings a moment ago. Reload to see their changes, then apply yours again.',
    );
  }
  return getProjectSettings(ports, caller, { projectKey: request.projectKey });
}

/**
 * People for the settings page's user picker: Jira's own picker, asked as the caller (so Jira
 * applies their rights and people's profile visibility). Only for people who may see the project.
 */
export async function searchPeople(
  ports: Ports,
  caller: Caller,
  request: { projectKey: string; query: string },
): Promise<readonly PersonFound[]> {
  await requireProjectAccess(ports, request.projectKey);
  return ports.jira.searchPeople(request.query);
}

/** An account id Jira does not know as a person (a typo such as `mei`, a closed account, an app) is refused, not saved for ever. */
async function requireKnownPeople(ports: Ports, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  const known = await ports.jira.existingPeople(accountIds);
  const unknown = accountIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new GoalkeeperError(
      'invalid-input',
      `Jira knows no person with the account id ${unknown.join(', ')}. Pick Product Owners by name with the search.`,
      {
        'productOwners.accountIds': 'unknown-person',
      },
    );
  }
}

/** Whether `edited` changes nothing but the approval policy (compared key by key, whatever the order). */
function onlyPolicyDiffers(current: ProjectSettings, edited: EditableSettings): boolean {
  const { version: _v, updatedBy: _b, updatedAt: _a, policy: _p, ...kept } = current;
  const { policy: _q, ...asked } = edited;
  return canonical({ ...DEFAULT_EDITABLE_EXTRAS, ...kept }) === canonical({ ...DEFAULT_EDITABLE_EXTRAS, ...asked });
}

/** Fields settings stored before they existed lack, as the page sends them: the same value either way. */
const DEFAULT_EDITABLE_EXTRAS = {
  policyEditors: DEFAULT_SETTINGS.policyEditors,
  openProposalsPerPerson: DEFAULT_SETTINGS.openProposalsPerPerson,
  retentionDays: DEFAULT_SETTINGS.retentionDays,
};

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
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
    ...Object.entries(settings.boardOverrides).map(
      ([boardId, override]) => [`boardOverrides.${boardId}.goalCritical.jql`, override.goalCritical?.jql ?? null] as const,
    ),
  ] as const;
  for (const [field, jql] of rules) {
    if (!jql) continue;
    // Validated as it will run (embedded in the sprint query), so ORDER BY and the like are refused now, not in every view later.
    const verdict = await ports.jira.validateJql(ruleJqlInScope(RULE_VALIDATION_SCOPE, jql));
    if (!verdict.valid) {
      const ordering = /\border\s+by\b/i.test(jql)
        ? ' A goal rule only selects issues: remove ORDER BY (Goalkeeper keeps the sprint’s rank order).'
        : '';
      throw new GoalkeeperError(
        'invalid-input',
        `Jira cannot parse the JQL as part of the sprint’s query: ${verdict.errors.join(' ')}${ordering}`,
        { [field]: 'invalid-jql' },
      );
    }
  }
}

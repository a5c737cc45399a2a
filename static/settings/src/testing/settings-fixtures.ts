/**
 * Realistic settings-page data for component tests, after the sandbox seed's ONB project and its
 * people (static/shared/testing/people.ts): Priya is the Product Owner, Ada the project admin who
 * has saved settings twice, Dana a developer.
 */
import { DEFAULT_SETTINGS, type ProjectSettings, type SettingsPageState } from '@goalkeeper/contract';
import { ADA_SITE_ADMIN, DANA_DEVELOPER, PRIYA_PRODUCT_OWNER, peopleMap } from '../../../shared/testing/people';

/** Names the backend sends: the named Product Owners and whoever saved a version. */
export const PEOPLE: Readonly<Record<string, string>> = peopleMap(PRIYA_PRODUCT_OWNER, ADA_SITE_ADMIN);

export const BOARDS: SettingsPageState['boards'] = [
  { id: 1, name: 'ONB board' },
  { id: 5, name: 'ONB Mobile board' },
];

/**
 * Version 2 as Ada saved it: Goalkeeper's defaults (DEFAULT_SETTINGS, so the fixture follows them), Priya
 * named, a JQL rule, a threat drop of 20 points, and working days of their own on the ONB board.
 */
export function savedSettings(overrides: Partial<ProjectSettings> = {}): ProjectSettings {
  return {
    ...DEFAULT_SETTINGS,
    version: 2,
    productOwners: { roleName: 'Product Owner', accountIds: [PRIYA_PRODUCT_OWNER] },
    goalCritical: { labels: ['sprint-goal'], epicKeys: ['ONB-1'], flaggedIssueKeys: [], jql: 'project = ONB AND priority = Highest' },
    thresholds: { ...DEFAULT_SETTINGS.thresholds, threatDrop: 0.2 },
    boardOverrides: { '1': { workingDays: [1, 2, 3, 4] } },
    updatedBy: ADA_SITE_ADMIN,
    updatedAt: '2026-03-02T09:15:00Z',
    ...overrides,
  };
}

/** The store sends what each save changed (`changedFields`), which `SettingsVersion` does not declare. */
type RecordedVersion = SettingsPageState['history'][number] & { readonly changedFields?: readonly string[] };

export function settingsPage(overrides: Partial<SettingsPageState> = {}): SettingsPageState {
  const settings = overrides.settings ?? savedSettings();
  const history: RecordedVersion[] = [
    {
      version: 2,
      settings,
      changedBy: ADA_SITE_ADMIN,
      changedAt: '2026-03-02T09:15:00Z',
      changedFields: ['boardOverrides.1', 'goalCritical.jql'],
    },
    {
      version: 1,
      settings: { ...settings, version: 1, boardOverrides: {} },
      changedBy: ADA_SITE_ADMIN,
      changedAt: '2026-02-16T10:00:00Z',
      changedFields: ['productOwners.accountIds'],
    },
  ];
  return {
    projectKey: 'ONB',
    settings,
    canEdit: overrides.canEdit ?? true,
    editScope: overrides.canEdit === false ? 'none' : 'all',
    projectRoles: ['Administrators', 'Product Owner', 'Developers', 'Viewers'],
    unreadableProductOwnerRole: null,
    history,
    boards: BOARDS,
    people: PEOPLE,
    ...overrides,
  };
}

/** The page after Dana, made admin for the day, saved version 3 over Ada's: Saturday became a working day. */
export function pageAfterDanaSaved(): SettingsPageState {
  const before = settingsPage();
  const settings = savedSettings({
    version: 3,
    workingDays: [1, 2, 3, 4, 5, 6],
    updatedBy: DANA_DEVELOPER,
    updatedAt: '2026-03-03T08:00:00Z',
  });
  const danaVersion: RecordedVersion = {
    version: 3,
    settings,
    changedBy: DANA_DEVELOPER,
    changedAt: '2026-03-03T08:00:00Z',
    changedFields: ['workingDays'],
  };
  return { ...before, settings, history: [danaVersion, ...before.history], people: { ...before.people, ...peopleMap(DANA_DEVELOPER) } };
}

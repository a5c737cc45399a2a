/**
 * What an admin of the seeded site has already set up in Goalkeeper: the ONB project names its
 * Product Owner (Priya) in Goalkeeper's settings. A real site needs this too: Jira shows the
 * members of a project role only to project administrators ("Get project role for project":
 * *Administer Projects* or *Administer Jira*, Atlassian's platform OpenAPI), which the app user
 * is not, so the settings page asks the admin to name the Product Owners. The default role stays
 * in the settings: where a site lets the app read it, its members count too.
 *
 * Written through the app's own settings repository, inside an app invocation, so the record is
 * exactly what the settings page would have saved.
 */
import { DEFAULT_SETTINGS, type ProjectSettings } from '../src/domain/settings';
import { createSettingsRepository } from '../src/store/settings-repository';
import { runInvocation } from './forge-host/forge-runtime';
import { SEED_ACCOUNTS } from './jira/seed';

/** The project whose settings the seed configures, and the version its first save gives them. */
export const SEEDED_SETTINGS_PROJECT = 'ONB';
export const SEEDED_SETTINGS_VERSION = 1;

/** When the seed's admin saved them: before any sprint the seed holds, so history reads the same. */
const SEEDED_AT = '2026-01-05T09:00:00.000Z';

export const SEEDED_ONB_SETTINGS: ProjectSettings = {
  ...DEFAULT_SETTINGS,
  productOwners: { roleName: DEFAULT_SETTINGS.productOwners.roleName, accountIds: [SEED_ACCOUNTS.productOwner] },
};

export interface AppSite {
  readonly cloudId: string;
  readonly installationId: string;
}

/** Saves the seeded settings unless the project has settings already (a restart keeps what people saved). */
export async function seedAppStorage(site: AppSite, projectKeys: readonly string[] = [SEEDED_SETTINGS_PROJECT]): Promise<void> {
  await runInvocation({ cloudId: site.cloudId, installationId: site.installationId, moduleKey: 'sandbox-seed' }, async () => {
    const settings = createSettingsRepository({ now: () => new Date(SEEDED_AT) });
    for (const projectKey of projectKeys) {
      if (await settings.get(projectKey)) continue;
      await settings.save(projectKey, SEEDED_ONB_SETTINGS, DEFAULT_SETTINGS.version, SEED_ACCOUNTS.siteAdmin, SEEDED_AT);
    }
  });
}

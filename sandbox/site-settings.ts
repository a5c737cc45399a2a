/**
 * What the sandbox's Jira keeps besides issues and what Forge keeps besides app storage: whether
 * the app's licence is active on the site, and the configuration of each dashboard gadget (Jira
 * stores it with the dashboard and hands it to the gadget as `extension.gadgetConfiguration`).
 * Kept in one small JSON file next to the storage file, so both survive a restart together.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SiteSettingsData {
  readonly licenseActive: boolean;
  readonly gadgetConfigurations: Readonly<Record<string, Record<string, unknown>>>;
}

export interface SiteSettings {
  current(): SiteSettingsData;
  setLicenseActive(active: boolean): void;
  setGadgetConfiguration(gadgetId: string, configuration: Record<string, unknown>): void;
  /** Back to an active licence and unconfigured gadgets. */
  reset(): void;
}

const INITIAL: SiteSettingsData = { licenseActive: true, gadgetConfigurations: {} };

export function openSiteSettings(filePath: string): SiteSettings {
  let data = load(filePath);

  function save(next: SiteSettingsData): void {
    data = next;
    mkdirSync(dirname(filePath), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file.
    writeFileSync(`${filePath}.tmp`, JSON.stringify(data, null, 2));
    renameSync(`${filePath}.tmp`, filePath);
  }

  return {
    current: () => data,
    setLicenseActive(active) {
      save({ ...data, licenseActive: active });
    },
    setGadgetConfiguration(gadgetId, configuration) {
      save({ ...data, gadgetConfigurations: { ...data.gadgetConfigurations, [gadgetId]: configuration } });
    },
    reset() {
      data = INITIAL;
      rmSync(filePath, { force: true });
    },
  };
}

function load(filePath: string): SiteSettingsData {
  if (!existsSync(filePath)) return INITIAL;
  const stored = JSON.parse(readFileSync(filePath, 'utf8')) as Partial<SiteSettingsData>;
  return { licenseActive: stored.licenseActive ?? true, gadgetConfigurations: stored.gadgetConfigurations ?? {} };
}

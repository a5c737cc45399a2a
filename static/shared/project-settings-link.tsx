/**
 * "Open Goalkeeper settings": takes the person to the project's Goalkeeper settings page through
 * the host (Forge bridge `router.navigate` with a NavigationLocation of target `module`, which
 * @forge/bridge's `NavigationTarget.Module` documents as "the page within a specific module.
 * Takes a moduleKey", with the project's key), so no Jira URL is built by hand. A host that
 * cannot navigate answers with an error, which is shown rather than swallowed.
 */
import { router } from '@forge/bridge';
import { useState } from 'react';
import { Button } from './components/Button';

/** manifest.yml's jira:projectSettingsPage module. */
export const SETTINGS_MODULE_KEY = 'goalkeeper-settings';

export function openProjectSettings(projectKey: string): Promise<void> {
  return router.navigate({ target: 'module', moduleKey: SETTINGS_MODULE_KEY, projectKey });
}

export function ProjectSettingsLink({ projectKey, label, failedLabel }: { projectKey: string; label: string; failedLabel: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <span className="gk-stack gk-stack--tight">
      <span>
        <Button
          onClick={() =>
            void openProjectSettings(projectKey).catch((error: unknown) =>
              setFailed(error instanceof Error ? error.message : String(error)),
            )
          }
        >
          {label}
        </Button>
      </span>
      {failed !== null && (
        <span className="gk-small" role="alert">
          {failedLabel}: {failed}
        </span>
      )}
    </span>
  );
}

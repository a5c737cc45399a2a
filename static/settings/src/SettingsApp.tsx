/**
 * The project settings page (jira:projectSettingsPage). For now it shows, read-only, the rules
 * Goalkeeper applies in this project; editing them here is issue 7.
 */
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorBanner } from '../../shared/components/ErrorBanner';
import { Loading } from '../../shared/components/Loading';
import type { ForgeContext } from '../../shared/forge-host';
import { ProjectSettingsSummary } from './ProjectSettingsSummary';
import { useSettingsI18n } from './messages/catalogue';
import { useProjectSettings } from './use-project-settings';

function projectKeyOf(context: ForgeContext): string | null {
  const key: unknown = context.extension?.project?.key;
  return typeof key === 'string' && key !== '' ? key : null;
}

export default function SettingsApp({ context }: { context: ForgeContext }) {
  const { t } = useSettingsI18n();
  const projectKey = projectKeyOf(context);
  if (!projectKey) return <EmptyState headingLevel={2} title={t('settings.noProject.title')} description={t('settings.noProject.description')} />;
  return <SettingsPage projectKey={projectKey} />;
}

function SettingsPage({ projectKey }: { projectKey: string }) {
  const { t } = useSettingsI18n();
  const { load, reload } = useProjectSettings(projectKey);
  return (
    <section className="gk-settings gk-stack" aria-labelledby="gk-settings-heading">
      <h2 id="gk-settings-heading">{t('settings.heading', { project: projectKey })}</h2>
      <p>{t('settings.intro')}</p>
      {load.phase === 'loading' && <Loading label={t('settings.loading')} />}
      {load.phase === 'failed' && <ErrorBanner error={load.error} onRetry={() => void reload()} />}
      {load.phase === 'ready' && <ProjectSettingsSummary page={load.page} />}
    </section>
  );
}

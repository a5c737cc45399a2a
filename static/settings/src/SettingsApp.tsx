/**
 * The project settings page (jira:projectSettingsPage): project admins edit Goalkeeper's rules
 * for the project and its boards; everyone else reads them, with why they cannot change them.
 * Both see the history of who changed what, and when. Whether someone may save is the backend's
 * call (`canEdit`, and again on every save).
 */
import type { SettingsPageState } from '@goalkeeper/contract';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorBanner } from '../../shared/components/ErrorBanner';
import { Icon } from '../../shared/components/icons';
import { Loading } from '../../shared/components/Loading';
import type { ForgeContext } from '../../shared/forge-host';
import { SettingsForm } from './editor/SettingsForm';
import { SettingsHistory } from './history/SettingsHistory';
import { useSettingsI18n } from './messages/catalogue';
import { ProjectSettingsSummary } from './ProjectSettingsSummary';
import { personName } from './setting-wording';
import { useProjectSettings, type SettingsActions, type SettingsLoad } from './use-project-settings';

function projectKeyOf(context: ForgeContext): string | null {
  const key: unknown = context.extension?.project?.key;
  return typeof key === 'string' && key !== '' ? key : null;
}

export default function SettingsApp({ context }: { context: ForgeContext }) {
  const { t } = useSettingsI18n();
  const projectKey = projectKeyOf(context);
  if (!projectKey)
    return <EmptyState headingLevel={2} title={t('settings.noProject.title')} description={t('settings.noProject.description')} />;
  return <SettingsPage projectKey={projectKey} />;
}

function SettingsPage({ projectKey }: { projectKey: string }) {
  const { t } = useSettingsI18n();
  const { load, actions } = useProjectSettings(projectKey);
  return (
    <section className="gk-settings gk-stack" aria-labelledby="gk-settings-heading">
      <h2 id="gk-settings-heading">{t('settings.heading', { project: projectKey })}</h2>
      <p>{t('settings.intro')}</p>
      <SettingsBody load={load} actions={actions} />
    </section>
  );
}

function SettingsBody({ load, actions }: { load: SettingsLoad; actions: SettingsActions }) {
  const { t } = useSettingsI18n();
  switch (load.phase) {
    case 'loading':
      return <Loading label={t('settings.loading')} />;
    case 'failed':
      return <ErrorBanner error={load.error} onRetry={() => void actions.reload()} />;
    case 'ready':
      return (
        <>
          {load.refreshError && <ErrorBanner error={load.refreshError} onRetry={() => void actions.reload()} focusOnShow={false} />}
          <VersionLine page={load.page} />
          {load.page.canEdit ? (
            <SettingsForm page={load.page} actions={actions} />
          ) : (
            <>
              <ReadOnlyNotice />
              <ProjectSettingsSummary page={load.page} />
            </>
          )}
          <SettingsHistory page={load.page} />
        </>
      );
  }
}

function VersionLine({ page }: { page: SettingsPageState }) {
  const translator = useSettingsI18n();
  const { t, formatDateTime } = translator;
  const { version, updatedBy, updatedAt } = page.settings;
  if (updatedBy === null || updatedAt === null) return <p className="gk-muted">{t('settings.defaults')}</p>;
  return (
    <p className="gk-muted">
      {t('settings.version', { version, name: personName(translator, page.people, updatedBy), when: formatDateTime(updatedAt) })}
    </p>
  );
}

function ReadOnlyNotice() {
  const { t } = useSettingsI18n();
  return (
    <div className="gk-banner gk-banner--info" role="note">
      <Icon name="info" className="gk-banner__icon" />
      <div className="gk-banner__body">
        <p className="gk-banner__title">{t('settings.readOnly.title')}</p>
        <p>{t('settings.readOnly.body')}</p>
      </div>
    </div>
  );
}

/** The project's Goalkeeper rules in words: who decides, what waits for them, what is goal-critical. */
import type { ChangeKind } from '../../../src/domain/change';
import { KIND_LABELS } from '../../shared/proposal-wording';
import type { ResultOf } from '../../shared/resolver-client';
import { useSettingsI18n } from './messages/catalogue';

export function ProjectSettingsSummary({ page }: { page: ResultOf<'getProjectSettings'> }) {
  const { t, formatDateTime } = useSettingsI18n();
  const { settings, people } = page;
  const { productOwners, policy, goalCritical } = settings;
  const named = productOwners.accountIds.map((id) => people[id] ?? t('settings.unknownPerson'));
  const kinds = Object.keys(policy.byKind) as ChangeKind[];
  const listed = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : t('settings.none'));
  return (
    <div className="gk-stack">
      <h3>{t('settings.productOwners')}</h3>
      <dl className="gk-meta">
        <dt>{t('settings.productOwners.role')}</dt>
        <dd>{productOwners.roleName ?? t('settings.none')}</dd>
        <dt>{t('settings.productOwners.people')}</dt>
        <dd>{listed(named)}</dd>
      </dl>

      <h3>{t('settings.policy')}</h3>
      <dl className="gk-meta">
        {kinds.map((kind) => (
          <div key={kind} className="gk-meta__pair">
            <dt>{t(KIND_LABELS[kind])}</dt>
            <dd>{policy.byKind[kind] === 'product-owner' ? t('settings.policy.productOwner') : t('settings.policy.auto')}</dd>
          </div>
        ))}
      </dl>
      <ul className="gk-settings__list">
        {policy.goalCriticalRerankNeedsProductOwner && <li>{t('settings.policy.goalCriticalRerank')}</li>}
        <li>{policy.allowSelfApproval ? t('settings.policy.selfApprovalOn') : t('settings.policy.selfApprovalOff')}</li>
        <li>{t('settings.policy.minRationale', { count: policy.minRationaleChars })}</li>
      </ul>

      <h3>{t('settings.goalCritical')}</h3>
      <dl className="gk-meta">
        <dt>{t('settings.goalCritical.labels')}</dt>
        <dd>{listed(goalCritical.labels)}</dd>
        <dt>{t('settings.goalCritical.epics')}</dt>
        <dd>{listed(goalCritical.epicKeys)}</dd>
        <dt>{t('settings.goalCritical.jql')}</dt>
        <dd>{goalCritical.jql ? <code className="gk-user-text">{goalCritical.jql}</code> : t('settings.none')}</dd>
      </dl>

      <p className="gk-muted">
        {settings.updatedAt ? t('settings.updated', { at: formatDateTime(settings.updatedAt) }) : t('settings.defaults')}{' '}
        {page.canEdit ? t('settings.editingSoon') : t('settings.adminsOnly')}
      </p>
    </div>
  );
}

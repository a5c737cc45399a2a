/**
 * What stands in the team's way before anyone types (issue 15: no dead ends): Goalkeeper's
 * licence lapsed on this site (everything stays readable), or a project with no Product Owner
 * (what to set up, and a way to the settings page).
 */
import type { IssuePanelState, ProductOwnerSetup } from '@goalkeeper/contract';
import { Icon } from '../../../shared/components/icons';
import { ProjectSettingsLink } from '../../../shared/project-settings-link';
import { usePanelI18n } from '../messages/catalogue';

export function PanelNotices({ state }: { state: IssuePanelState }) {
  return (
    <>
      {!state.licenseActive && <UnlicensedNote />}
      {state.productOwnerSetup && <ProductOwnerSetupNote setup={state.productOwnerSetup} />}
    </>
  );
}

function UnlicensedNote() {
  const { t } = usePanelI18n();
  return (
    <div className="gk-banner gk-banner--warning" role="note" aria-labelledby="gk-unlicensed-title">
      <Icon name="caution" className="gk-banner__icon" />
      <div className="gk-banner__body">
        <p className="gk-banner__title" id="gk-unlicensed-title">
          {t('licence.inactive.title')}
        </p>
        <p>{t('licence.inactive.body')}</p>
      </div>
    </div>
  );
}

function ProductOwnerSetupNote({ setup }: { setup: ProductOwnerSetup }) {
  const { t } = usePanelI18n();
  const role = setup.roleName === null ? t('setup.noRole') : t('setup.role', { role: setup.roleName });
  return (
    <div className="gk-banner gk-banner--warning" role="note" aria-labelledby="gk-no-po-title">
      <Icon name="caution" className="gk-banner__icon" />
      <div className="gk-banner__body gk-stack">
        <p className="gk-banner__title" id="gk-no-po-title">
          {t('setup.noProductOwner.title', { project: setup.projectKey })}
        </p>
        <p>{setup.viewerMayConfigure ? t('setup.noProductOwner.admin') : t('setup.noProductOwner.team')}</p>
        <p className="gk-small">{role}</p>
        <ProjectSettingsLink projectKey={setup.projectKey} label={t('setup.openSettings')} failedLabel={t('setup.openFailed')} />
      </div>
    </div>
  );
}

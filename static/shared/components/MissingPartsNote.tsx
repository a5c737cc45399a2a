/** What a view is shown without, when Jira refused or failed a read the view can do without. */
import type { MissingPart } from '@goalkeeper/contract';
import { useI18n } from '../i18n/I18nProvider';
import type { SharedKey } from '../i18n/shared-messages';
import type { Translator } from '../i18n/translator';

export function MissingPartsNote({ parts }: { parts: readonly MissingPart[] }) {
  const { t } = useI18n<SharedKey>();
  if (parts.length === 0) return null;
  return (
    <aside className="gk-missing-parts" aria-label={t('shared.missing.title')}>
      <p className="gk-missing-parts__title">{t('shared.missing.title')}</p>
      <ul className="gk-missing-parts__list">
        {parts.map((missing) => (
          <li key={missing.part}>
            {whatIsMissing(t, missing)} <span className="gk-muted">{t(`shared.missing.reason.${missing.reason}`)}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function whatIsMissing(t: Translator<SharedKey>['t'], missing: MissingPart): string {
  switch (missing.part) {
    case 'history':
    case 'display-names':
    case 'goal-critical-jql':
    case 'priorities':
    case 'story-point-field':
      return t(`shared.missing.${missing.part}`);
  }
}

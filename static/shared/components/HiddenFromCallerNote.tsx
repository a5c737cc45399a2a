/**
 * What a view left out because the person may not see it in Jira (src/app/support/visible-to-caller.ts):
 * only a count of issues, and whether the issue's board was withheld — never which.
 */
import type { HiddenFromCaller } from '@goalkeeper/contract';
import { useI18n } from '../i18n/I18nProvider';
import type { SharedKey } from '../i18n/shared-messages';

export function HiddenFromCallerNote({ hidden }: { hidden: HiddenFromCaller | undefined }) {
  const { t } = useI18n<SharedKey>();
  if (!hidden || (hidden.issues === 0 && !hidden.board)) return null;
  return (
    <aside className="gk-missing-parts" aria-label={t('shared.hidden.title')}>
      <p className="gk-missing-parts__title">{t('shared.hidden.title')}</p>
      <ul className="gk-missing-parts__list">
        {hidden.board && <li>{t('shared.hidden.board')}</li>}
        {hidden.issues > 0 && <li>{t('shared.hidden.issues', { count: hidden.issues })}</li>}
      </ul>
    </aside>
  );
}

/**
 * Said when the sprint holds more items than Goalkeeper reads (src/app/support/view-parts.ts
 * SprintCoverage): the assessment covers its top issues by rank, and how many items are left out.
 */
import type { SprintCoverage } from '@goalkeeper/contract';
import { useI18n } from '../i18n/I18nProvider';
import type { SharedKey } from '../i18n/shared-messages';

export function SprintCoverageNote({ coverage }: { coverage: SprintCoverage | null | undefined }) {
  const { t } = useI18n<SharedKey>();
  if (!coverage || coverage.itemsBeyondCap <= 0) return null;
  return (
    <aside className="gk-missing-parts" aria-label={t('shared.coverage.title')}>
      <p className="gk-missing-parts__title">{t('shared.coverage.title')}</p>
      <p>{t('shared.coverage.assessed', { count: coverage.assessedIssues, beyond: coverage.itemsBeyondCap })}</p>
    </aside>
  );
}

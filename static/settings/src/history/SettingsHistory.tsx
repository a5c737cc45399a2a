/** Who changed the settings, what, and when: the newest versions first, older ones on request. */
import { useId, useState } from 'react';
import type { SettingsPageState } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { useSettingsI18n } from '../messages/catalogue';
import { HistoryEntry } from './HistoryEntry';

/** Enough to see the recent changes without pushing the page far down. */
const VERSIONS_SHOWN_FIRST = 5;

export function SettingsHistory({ page }: { page: SettingsPageState }) {
  const { t } = useSettingsI18n();
  const headingId = useId();
  const listId = useId();
  const [showAll, setShowAll] = useState(false);
  const { history } = page;
  const shown = showAll ? history : history.slice(0, VERSIONS_SHOWN_FIRST);
  const older = history.length - VERSIONS_SHOWN_FIRST;
  return (
    <section className="gk-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('history.heading')}</h3>
      {history.length === 0 ? (
        <p className="gk-muted">{t('history.empty')}</p>
      ) : (
        <ol id={listId} className="gk-list gk-settings__history">
          {shown.map((version) => (
            <HistoryEntry key={version.version} version={version} page={page} />
          ))}
        </ol>
      )}
      {older > 0 && (
        <div>
          <Button appearance="subtle" aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll(!showAll)}>
            {showAll ? t('history.showFewer') : t('history.showAll', { count: older })}
          </Button>
        </div>
      )}
    </section>
  );
}

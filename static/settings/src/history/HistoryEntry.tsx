/** One saved version: who saved it, when, and what it changed (with the new values). */
import type { SettingsPageState } from '@goalkeeper/contract';
import { useSettingsI18n } from '../messages/catalogue';
import { describeSettingPath, personName, settingValueText, valueAt } from '../setting-wording';

/**
 * The store records the settings each save changed (`SettingsChange.changedFields` in
 * src/store/settings-repository.ts), but `SettingsVersion` in src/app/ports.ts does not declare
 * it, so it is read as optional: without it an entry says who and when only.
 */
type RecordedVersion = SettingsPageState['history'][number] & { readonly changedFields?: readonly string[] };

export function HistoryEntry({ version, page }: { version: RecordedVersion; page: SettingsPageState }) {
  const translator = useSettingsI18n();
  const { t, formatDateTime } = translator;
  const changed = version.changedFields;
  return (
    <li className="gk-stack gk-stack--tight">
      <p>
        <strong>{t('history.version', { version: version.version })}</strong>{' '}
        <span className="gk-muted">
          {t('history.by', { name: personName(translator, page.people, version.changedBy), when: formatDateTime(version.changedAt) })}
        </span>
      </p>
      {changed && changed.length === 0 && <p className="gk-small">{t('history.noChange')}</p>}
      {changed && changed.length > 0 && (
        <ul className="gk-settings__list">
          {changed.map((path) => (
            <li key={path}>
              {describeSettingPath(translator, path, page.boards)}:{' '}
              <span className="gk-user-text">{settingValueText(translator, path, valueAt(version.settings, path), page.people)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

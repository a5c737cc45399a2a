/** The settings page's catalogue (its own messages plus the shared components') and its hook. */
import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { SharedKey } from '../../../shared/i18n/shared-messages';
import type { Catalogues, Translator } from '../../../shared/i18n/translator';
import { de } from './de';
import { en, type SettingsKey } from './en';

export const settingsCatalogues: Catalogues<SettingsKey> = { en, de };

export type SettingsTranslator = Translator<SettingsKey | SharedKey>;

export function useSettingsI18n(): SettingsTranslator {
  return useI18n<SettingsKey | SharedKey>();
}

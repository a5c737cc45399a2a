/** The issue panel's catalogue (its own messages plus the shared components') and its hook. */
import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { SharedKey } from '../../../shared/i18n/shared-messages';
import type { Catalogues, Translator } from '../../../shared/i18n/translator';
import { de } from './de';
import { en, type PanelKey } from './en';

export const panelCatalogues: Catalogues<PanelKey> = { en, de };

export type PanelTranslator = Translator<PanelKey | SharedKey>;

export function usePanelI18n(): PanelTranslator {
  return useI18n<PanelKey | SharedKey>();
}

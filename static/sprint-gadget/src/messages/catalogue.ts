/** The sprint gadget's catalogue (its own messages plus the shared components') and its hook. */
import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { SharedKey } from '../../../shared/i18n/shared-messages';
import type { Catalogues, Translator } from '../../../shared/i18n/translator';
import { de } from './de';
import { en, type GadgetKey } from './en';

export const gadgetCatalogues: Catalogues<GadgetKey> = { en, de };

export function useGadgetI18n(): Translator<GadgetKey | SharedKey> {
  return useI18n<GadgetKey | SharedKey>();
}

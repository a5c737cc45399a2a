/** The issue context panel's catalogue (its own messages plus the shared components') and its hook. */
import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { SharedKey } from '../../../shared/i18n/shared-messages';
import type { Catalogues, Translator } from '../../../shared/i18n/translator';
import { de } from './de';
import { en, type ContextKey } from './en';

export const contextCatalogues: Catalogues<ContextKey> = { en, de };

export function useContextI18n(): Translator<ContextKey | SharedKey> {
  return useI18n<ContextKey | SharedKey>();
}

/** The sprint gadget's catalogue (its own messages, the proposal parts' and the shared components') and its hook. */
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { proposalPartCatalogues, type ProposalPartKey } from '../../../shared/i18n/proposal-part-messages';
import type { SharedKey } from '../../../shared/i18n/shared-messages';
import { mergeCatalogues, type Catalogues, type Translator } from '../../../shared/i18n/translator';
import { de } from './de';
import { en, type GadgetKey } from './en';

export const gadgetCatalogues: Catalogues<GadgetKey | ProposalPartKey> = mergeCatalogues(proposalPartCatalogues, { en, de });

export type GadgetTranslator = Translator<GadgetKey | ProposalPartKey | SharedKey>;

export function useGadgetI18n(): GadgetTranslator {
  return useI18n<GadgetKey | ProposalPartKey | SharedKey>();
}

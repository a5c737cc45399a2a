/** The issue panel's catalogue (its own messages, the proposal parts' and the shared components') and its hook. */
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { proposalPartCatalogues, type ProposalPartKey } from '../../../shared/i18n/proposal-part-messages';
import type { SharedKey } from '../../../shared/i18n/shared-messages';
import { mergeCatalogues, type Catalogues, type Translator } from '../../../shared/i18n/translator';
import { de } from './de';
import { en, type PanelKey } from './en';

export const panelCatalogues: Catalogues<PanelKey | ProposalPartKey> = mergeCatalogues(proposalPartCatalogues, { en, de });

export type PanelTranslator = Translator<PanelKey | ProposalPartKey | SharedKey>;

export function usePanelI18n(): PanelTranslator {
  return useI18n<PanelKey | ProposalPartKey | SharedKey>();
}

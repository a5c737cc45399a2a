/** Renders a component as an app does: inside its catalogue, for a Jira locale. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../i18n/I18nProvider';
import { sharedCatalogues } from '../i18n/shared-messages';
import { createTranslator, mergeCatalogues, type Catalogues } from '../i18n/translator';

export function renderInLocale<K extends string>(ui: ReactElement, catalogues: Catalogues<K>, locale = 'en-US'): RenderResult {
  return render(<I18nProvider translator={createTranslator(locale, mergeCatalogues(sharedCatalogues, catalogues))}>{ui}</I18nProvider>);
}

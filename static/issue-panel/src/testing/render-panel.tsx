import type { ReactElement } from 'react';
import { renderInLocale } from '../../../shared/testing/render-in-locale';
import { panelCatalogues } from '../messages/catalogue';

export function renderPanel(ui: ReactElement, locale?: string) {
  return renderInLocale(ui, panelCatalogues, locale);
}

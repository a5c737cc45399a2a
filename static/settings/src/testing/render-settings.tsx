import { forgeContext } from '../../../shared/testing/forge-context';
import { renderInLocale } from '../../../shared/testing/render-in-locale';
import { settingsCatalogues } from '../messages/catalogue';
import SettingsApp from '../SettingsApp';

/** The page as Jira opens it from the ONB project's settings. */
export function renderSettingsPage(locale?: string) {
  return renderInLocale(<SettingsApp context={forgeContext({ project: { key: 'ONB' } })} />, settingsCatalogues, locale);
}

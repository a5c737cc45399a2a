/**
 * Starts a Custom UI app: checks that it runs inside a Forge host, connects (theme, context),
 * picks the catalogue for the user's locale and renders the app. `@forge/bridge` throws while
 * loading when no host is present, so it and the app are loaded only after that check: outside
 * Jira the page says so instead of staying blank.
 */
import { StrictMode, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmptyState } from './components/EmptyState';
import { ErrorBanner } from './components/ErrorBanner';
import { Loading } from './components/Loading';
import type { ForgeContext } from './forge-host';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { sharedCatalogues, type SharedKey } from './i18n/shared-messages';
import { createTranslator, mergeCatalogues, type Catalogues } from './i18n/translator';

export interface AppModule {
  readonly default: ComponentType<{ context: ForgeContext }>;
}

export interface AppDefinition<K extends string> {
  readonly catalogues: Catalogues<K>;
  readonly load: () => Promise<AppModule>;
}

function hasForgeBridge(): boolean {
  return typeof (globalThis as { __bridge?: { callBridge?: unknown } }).__bridge?.callBridge === 'function';
}

export function bootApp<K extends string>({ catalogues, load }: AppDefinition<K>): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html needs <div id="root">');
  const root = createRoot(container);
  const allCatalogues = mergeCatalogues(sharedCatalogues, catalogues);
  const render = (locale: string | undefined, node: ReactNode) => {
    const translator = createTranslator(locale, allCatalogues);
    // Screen readers pick their voice from the document's language.
    document.documentElement.lang = translator.language;
    root.render(
      <StrictMode>
        <I18nProvider translator={translator}>{node}</I18nProvider>
      </StrictMode>,
    );
  };

  if (!hasForgeBridge()) {
    render(navigator.language, <OutsideJira />);
    return;
  }
  render(navigator.language, <Starting />);
  Promise.all([import('./forge-host'), load()])
    .then(async ([host, app]) => {
      const context = await host.connectToHost();
      render(context.locale, <app.default context={context} />);
    })
    .catch((error: unknown) => render(navigator.language, <StartFailed detail={error instanceof Error ? error.message : String(error)} />));
}

function Starting() {
  const { t } = useI18n<SharedKey>();
  return <Loading label={t('shared.loading')} />;
}

function OutsideJira() {
  const { t } = useI18n<SharedKey>();
  return <EmptyState headingLevel={2} title={t('shared.outsideJira.title')} description={t('shared.outsideJira.description')} />;
}

function StartFailed({ detail }: { detail: string }) {
  const { t } = useI18n<SharedKey>();
  return (
    <ErrorBanner error={{ code: 'unreachable', message: detail }} onRetry={() => window.location.reload()} retryLabel={t('shared.reload')} />
  );
}

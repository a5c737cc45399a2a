/**
 * Starts a Custom UI app: checks that it runs inside a Forge host, connects (theme, context),
 * picks the catalogue for the user's locale and renders the app. `@forge/bridge` throws while
 * loading when no host is present, so it and the app are loaded only after that check: outside
 * Jira the page says so instead of staying blank. Those `import()`s are no second request chain:
 * the build preloads their chunks with the entry (vite-config.ts). The context is asked for as
 * soon as the bridge is there, and the app's first backend call (its `prefetch`) goes out the
 * moment the context arrives, while React renders; the app's skeleton shows until then
 * (index.html has it from the first paint).
 */
import { StrictMode, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmptyState } from './components/EmptyState';
import { ErrorBanner } from './components/ErrorBanner';
import { Skeleton } from './components/Skeleton';
import type { ForgeContext } from './forge-host';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { sharedCatalogues, type SharedKey } from './i18n/shared-messages';
import { createTranslator, mergeCatalogues, type Catalogues } from './i18n/translator';
import type { SkeletonShape } from './skeleton-shapes';
import './styles/skeleton.css';

/** What an app's component gets: the host's context and what its `prefetch` started, if it has one. */
export interface AppProps<P = undefined> {
  readonly context: ForgeContext;
  readonly prefetched?: P;
}

export interface AppModule<P> {
  readonly default: ComponentType<AppProps<P>>;
  /** The app's first backend call, started from the context before the app renders. */
  readonly prefetch?: (context: ForgeContext) => P;
}

export interface AppDefinition<K extends string, P> {
  readonly catalogues: Catalogues<K>;
  /** The outline shown until the app has its data: the same as index.html's (static/<app>/vite.config.ts). */
  readonly skeleton: SkeletonShape;
  readonly load: () => Promise<AppModule<P>>;
}

function hasForgeBridge(): boolean {
  return typeof (globalThis as { __bridge?: { callBridge?: unknown } }).__bridge?.callBridge === 'function';
}

export function bootApp<K extends string, P>({ catalogues, skeleton, load }: AppDefinition<K, P>): void {
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
  render(navigator.language, <Starting shape={skeleton} />);
  const connection = import('./forge-host').then((host) => host.connectToHost());
  Promise.all([connection.then((host) => host.context), load()])
    .then(async ([context, app]) => {
      const prefetched = app.prefetch?.(context);
      // Rendered in the host's theme, not in a light flash before it.
      await (
        await connection
      ).themed;
      render(context.locale, <app.default context={context} prefetched={prefetched} />);
    })
    .catch((error: unknown) => render(navigator.language, <StartFailed detail={error instanceof Error ? error.message : String(error)} />));
}

function Starting({ shape }: { shape: SkeletonShape }) {
  const { t } = useI18n<SharedKey>();
  return <Skeleton shape={shape} label={t('shared.loading')} />;
}

function OutsideJira() {
  const { t } = useI18n<SharedKey>();
  return <EmptyState headingLevel={2} title={t('shared.outsideJira.title')} description={t('shared.outsideJira.description')} />;
}

function StartFailed({ detail }: { detail: string }) {
  const { t } = useI18n<SharedKey>();
  return (
    <ErrorBanner
      error={{ code: 'unreachable', message: detail }}
      onRetry={() => window.location.reload()}
      retryLabel={t('shared.reload')}
    />
  );
}

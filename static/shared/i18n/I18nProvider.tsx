/** Makes the app's translator available to every component below it. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Translator } from './translator';

const I18nContext = createContext<Translator | null>(null);

export function I18nProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/**
 * The translator of the nearest provider. `K` is the key type of the app's catalogue; each app
 * exports a hook fixed to its own keys so a misspelt key is a compile error.
 */
export function useI18n<K extends string>(): Translator<K> {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error('useI18n outside an I18nProvider');
  return translator as Translator<K>;
}

import type { PanelTranslator } from './messages/catalogue';

/** A person's display name from the panel's `people` map; the app itself when nobody acted. */
export function nameOf(translator: PanelTranslator, people: Readonly<Record<string, string>>, accountId: string | null): string {
  if (accountId === null) return translator.t('people.goalkeeper');
  return people[accountId] ?? translator.t('people.unknown');
}

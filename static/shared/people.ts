/** People as the backend names them: each state carries a `people` map of accountId → display name. */
import type { ProposalPartTranslator } from './i18n/proposal-part-messages';

/** A person's display name; the app itself when nobody acted (a policy auto-approval). */
export function nameOf(translator: ProposalPartTranslator, people: Readonly<Record<string, string>>, accountId: string | null): string {
  if (accountId === null) return translator.t('shared.people.goalkeeper');
  return people[accountId] ?? translator.t('shared.people.unknown');
}

/** Everyone who may decide, by name ("Priya Raman, Oliver Owens"), or `fallback` when nobody is named. */
export function namesOf(
  translator: ProposalPartTranslator,
  people: Readonly<Record<string, string>>,
  accountIds: readonly string[],
  fallback: string,
): string {
  return accountIds.length > 0 ? accountIds.map((id) => nameOf(translator, people, id)).join(', ') : fallback;
}

/**
 * Display names for accountIds, for labels in the UI only: Goalkeeper stores accountIds, never
 * names, and asks Jira each time (names change; closed accounts are left out by Jira).
 */
import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import type { PersonFound } from '../app/ports';
import { foundUsersShape, userPageShape } from './jira-shapes';
import { chunksOf, collectOffsetPages } from './paging';

/** Account ids per GET /rest/api/3/user/bulk call: Jira names no cap, 50 keeps the query string short and fits one page. */
export const ACCOUNTS_PER_USER_LOOKUP = 50;

/** Accounts Jira knows among `accountIds` (GET /rest/api/3/user/bulk: unknown and closed accounts are simply not in the answer). */
async function accountsOf(client: JiraClient, accountIds: readonly string[]) {
  const accounts = [];
  for (const chunk of chunksOf([...new Set(accountIds)], ACCOUNTS_PER_USER_LOOKUP)) {
    accounts.push(
      ...(await collectOffsetPages(async (startAt) => {
        const query = new URLSearchParams([
          ...chunk.map((accountId) => ['accountId', accountId]),
          ['startAt', String(startAt)],
          ['maxResults', String(ACCOUNTS_PER_USER_LOOKUP)],
        ]);
        return client.require(route`/rest/api/3/user/bulk?${query}`, userPageShape);
      })),
    );
  }
  return accounts;
}

export async function displayNames(client: JiraClient, accountIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const user of await accountsOf(client, accountIds)) if (user.displayName) names.set(user.accountId, user.displayName);
  return names;
}

/**
 * Jira's `accountType` of a person ("atlassian"); "app" and "customer" accounts cannot decide
 * anything in a Scrum team (UserPickerUser and User in Atlassian's platform OpenAPI).
 */
const PERSON = 'atlassian';
const isPerson = (accountType: string | null | undefined) => accountType === undefined || accountType === null || accountType === PERSON;

export async function existingPeople(client: JiraClient, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  return new Set((await accountsOf(client, accountIds)).filter((user) => isPerson(user.accountType)).map((user) => user.accountId));
}

/** Most people one picker search returns: a short list to choose from, as Jira's own picker shows. */
export const PICKER_MAX_RESULTS = 10;

/**
 * Jira's user picker (GET /rest/api/3/user/picker, "Find users for picker", scope read:jira-user):
 * matches names and, where profiles allow, email addresses, as the client's actor may see them.
 */
export async function searchPeople(client: JiraClient, query: string): Promise<PersonFound[]> {
  const params = new URLSearchParams({ query, maxResults: String(PICKER_MAX_RESULTS), excludeConnectUsers: 'true' });
  const found = await client.require(route`/rest/api/3/user/picker?${params}`, foundUsersShape);
  return found.users
    .filter((user) => isPerson(user.accountType))
    .map((user) => ({ accountId: user.accountId, displayName: user.displayName ?? null }));
}

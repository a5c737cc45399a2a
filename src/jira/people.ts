/**
 * Display names for accountIds, for labels in the UI only: Goalkeeper stores accountIds, never
 * names, and asks Jira each time (names change; closed accounts are left out by Jira).
 */
import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { userPageShape } from './jira-shapes';
import { chunksOf, collectOffsetPages } from './paging';

/** Account ids per GET /rest/api/3/user/bulk call: Jira names no cap, 50 keeps the query string short and fits one page. */
export const ACCOUNTS_PER_USER_LOOKUP = 50;

export async function displayNames(client: JiraClient, accountIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const chunk of chunksOf([...new Set(accountIds)], ACCOUNTS_PER_USER_LOOKUP)) {
    const users = await collectOffsetPages(async (startAt) => {
      const query = new URLSearchParams([...chunk.map((accountId) => ['accountId', accountId]), ['startAt', String(startAt)], ['maxResults', String(ACCOUNTS_PER_USER_LOOKUP)]]);
      return client.require(route`/rest/api/3/user/bulk?${query}`, userPageShape);
    });
    for (const user of users) if (user.displayName) names.set(user.accountId, user.displayName);
  }
  return names;
}

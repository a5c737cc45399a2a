/**
 * The JQL part of a goal-critical rule, which only Jira can evaluate. The admin's JQL (checked
 * by Jira's parser when settings are saved) is always narrowed to a scope Goalkeeper builds
 * from Jira's own ids and keys, so the search stays bounded and small.
 */
import { route } from '@forge/api';
import { GoalkeeperError } from '../domain/errors';
import { ruleJqlInScope } from '../domain/goal-critical';
import type { JiraClient } from './jira-client';
import { searchPageShape } from './jira-shapes';
import { collectTokenPages } from './paging';

/** Search pages asking only for keys may hold up to 5,000 issues (POST /rest/api/3/search/jql, maxResults). */
export const KEY_SEARCH_PAGE_SIZE = 5_000;

/** Keys of the issues in `scope` (e.g. `sprint = 7`) that the rule's JQL matches. */
export async function keysMatchingRuleJql(client: JiraClient, ruleJql: string, scope: string): Promise<Set<string>> {
  const jql = ruleJqlInScope(scope, ruleJql);
  try {
    const issues = await collectTokenPages(async (nextPageToken) => {
      const page = await client.require(route`/rest/api/3/search/jql`, searchPageShape, {
        post: { jql, fields: ['key'], maxResults: KEY_SEARCH_PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) },
      });
      return { values: page.issues, nextPageToken: page.nextPageToken };
    });
    return new Set(issues.map((issue) => issue.key));
  } catch (error) {
    if (error instanceof GoalkeeperError && error.code === 'invalid-input') {
      throw new GoalkeeperError('invalid-input', `The goal-critical JQL in the project settings no longer works in Jira: ${error.message}`);
    }
    throw error;
  }
}

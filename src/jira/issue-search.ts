/**
 * Issues matching a JQL query, with the fields history needs, read so that the pages go out
 * together: the enhanced search pages by nextPageToken, one page after another, and grants only
 * about 100 issues a page once fields are asked for, so 5,000 issues were 50 round trips in a row
 * (issue 12). Instead:
 *
 * - the ids in one search (POST /rest/api/3/search/jql, searchAndReconsileIssuesUsingJqlPost):
 *   "The greatest number of items returned per page is achieved when requesting `id` or `key`
 *   only. It returns max 5000 issues." (its `maxResults`, Atlassian's platform OpenAPI);
 * - their fields by id, 100 a call (POST /rest/api/3/issue/bulkfetch, bulkFetchIssues: "up to 100
 *   issues in a single call"), in parallel waves (paging.ts `inWaves`), with any issues asked for
 *   by key besides. Bulk fetch leaves out an issue that no longer exists instead of failing the
 *   call, as a key search (`issuekey in (…)`) would.
 */
import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { historyBulkFetchShape, issueIdPageShape, type HistoryIssueJson } from './jira-shapes';
import { chunksOf, collectTokenPages, inWaves } from './paging';

/** POST /rest/api/3/issue/bulkfetch: "By default you can request up to 100 issues in a single call." */
export const MAX_ISSUES_PER_BULK_FETCH = 100;
/** POST /search/jql `maxResults` when only ids are asked for (see above). */
export const ID_SEARCH_PAGE_SIZE = 5000;

/** Ids of the issues matching `jql` (ids and keys in it are Jira's own, never text from a person). */
export async function issueIdsMatching(client: JiraClient, jql: string): Promise<string[]> {
  return collectTokenPages(async (nextPageToken) => {
    const page = await client.require(route`/rest/api/3/search/jql`, issueIdPageShape, {
      post: { jql, fields: ['id'], maxResults: ID_SEARCH_PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) },
    });
    return { values: page.issues.map((issue) => issue.id), nextPageToken: page.nextPageToken };
  });
}

/** The issues matching `jql` and the issues `alsoIdsOrKeys` that still exist, each once, with `fields`. */
export async function issuesWithFields(
  client: JiraClient,
  jql: string,
  fields: readonly string[],
  alsoIdsOrKeys: readonly string[] = [],
): Promise<HistoryIssueJson[]> {
  const ids = await issueIdsMatching(client, jql);
  const wanted = [...new Set([...ids, ...alsoIdsOrKeys])];
  const pages = await inWaves(chunksOf(wanted, MAX_ISSUES_PER_BULK_FETCH), (chunk) =>
    client.require(route`/rest/api/3/issue/bulkfetch`, historyBulkFetchShape, { post: { issueIdsOrKeys: chunk, fields } }),
  );
  return [...new Map(pages.flatMap((page) => page.issues).map((issue) => [issue.id, issue])).values()];
}

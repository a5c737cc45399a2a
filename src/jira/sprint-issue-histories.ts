/**
 * The history of a sprint's issues, for reading the sprint back to its start when Goalkeeper meets
 * it late (src/domain/sprint-start-scope.ts), from the same public endpoints as team history
 * (history.ts), once per sprint:
 *
 * - the issues now in the sprint, and the ones Goalkeeper knows left it (by key: `sprint = N` no
 *   longer finds an issue that left, and Jira's JQL has no `sprint WAS`), fields created,
 *   issuetype, the Sprint field and the estimation field: issue-search.ts (ids by one search, the
 *   fields by bulk fetch in parallel waves);
 * - their changes of the Sprint and estimation fields with each change's id and author:
 *   POST /rest/api/3/changelog/bulkfetch (getBulkChangelogs), its calls in parallel waves.
 * Sub-tasks are left out, as from the sprint's snapshot (sprints.ts).
 */
import type { BoardEstimation } from '../app/ports';
import { GoalkeeperError } from '../domain/errors';
import type { IssueHistory, IssueHistoryEntry } from '../domain/sprint-start-scope';
import type { Sprint } from '../domain/sprint';
import { bulkChangelogs, numberField, pointsOfChange, sprintFieldId, sprintIdsOf } from './history';
import { issuesWithFields } from './issue-search';
import type { JiraClient } from './jira-client';
import { sprintFieldValueShape } from './jira-shapes';
import { isIssueKey } from '../domain/issue-key';

/** Issue id → its entries touching the fields, oldest first. */
async function entriesOf(
  client: JiraClient,
  issueIds: readonly string[],
  sprintField: string,
  estimateField: string | null,
): Promise<Map<string, IssueHistoryEntry[]>> {
  const entries = new Map<string, IssueHistoryEntry[]>();
  const fieldIds = [sprintField, ...(estimateField ? [estimateField] : [])];
  for (const log of await bulkChangelogs(client, issueIds, fieldIds)) {
    const list = entries.get(log.issueId) ?? [];
    for (const history of log.changeHistories) {
      const sprintItem = history.items.find((item) => item.fieldId === sprintField);
      const pointsItem = estimateField ? history.items.find((item) => item.fieldId === estimateField) : undefined;
      if ((!sprintItem && !pointsItem) || !history.id) continue;
      list.push({
        id: history.id,
        at: history.created,
        actorAccountId: history.author?.accountId ?? null,
        ...(sprintItem ? { sprints: { from: sprintIdsOf('from', sprintItem), to: sprintIdsOf('to', sprintItem) } } : {}),
        ...(pointsItem ? { points: { from: pointsOfChange('from', pointsItem), to: pointsOfChange('to', pointsItem) } } : {}),
      });
    }
    entries.set(log.issueId, list);
  }
  for (const list of entries.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return entries;
}

/**
 * The histories of the sprint's issues and of `otherKeys` (issues known to have been in it). A site
 * without Jira Software's Sprint field cannot say: that is an error, and the caller falls back.
 */
export async function sprintIssueHistories(
  client: JiraClient,
  sprint: Sprint,
  otherKeys: readonly string[],
  estimation: BoardEstimation,
): Promise<IssueHistory[]> {
  const sprintField = await sprintFieldId(client);
  if (!sprintField)
    throw new GoalkeeperError('not-found', 'Jira has no Sprint field, so the sprint’s start cannot be read back from its history.');
  const estimateField = estimation.kind === 'points' ? estimation.fieldId : null;
  const fields = ['created', 'issuetype', sprintField, ...(estimateField ? [estimateField] : [])];
  // The ids and keys in these queries are Jira's own, never text from a person.
  const keys = [...new Set(otherKeys)].filter((key) => isIssueKey(key));
  const issues = (await issuesWithFields(client, `sprint = ${sprint.id}`, fields, keys)).filter(
    (issue) => issue.fields.issuetype?.subtask !== true,
  );
  const entries =
    issues.length > 0
      ? await entriesOf(
          client,
          issues.map((issue) => issue.id),
          sprintField,
          estimateField,
        )
      : new Map<string, IssueHistoryEntry[]>();
  return issues.map((issue) => ({
    issueKey: issue.key,
    issueId: issue.id,
    createdAt: issue.fields.created ?? null,
    sprintIdsNow: (sprintFieldValueShape.safeParse(issue.fields[sprintField]).data ?? []).map((value) => value.id),
    // Boards that do not estimate count issues: the baseline then holds no points, as the snapshot does.
    pointsNow: estimateField ? numberField(issue, estimateField) : null,
    entries: entries.get(issue.id) ?? [],
  }));
}

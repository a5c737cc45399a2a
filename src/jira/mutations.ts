/**
 * The Jira changes an approved proposal makes, each returning a JiraStepResult for the apply
 * journal instead of throwing. A 2xx is success; a rank answered 207 (some issues not ranked)
 * is a failure, however many issues did move. Status 400 is also used for a call Goalkeeper
 * refused to send (a key that would change the path, a board without a points field): like
 * Jira's own 400, retrying it cannot help.
 */
import { route } from '@forge/api';
import type { ApplyMark, BoardEstimation, DecisionComment, JiraStepResult } from '../app/ports';
import { decisionCommentDocument } from './adf';
import { routeOrNull, succeeded, type JiraAnswer, type JiraClient } from './jira-client';
import { createdIssueShape, entityPropertyShape, issueCommentsShape, issueShape, projectShape } from './jira-shapes';
import { chunksOf } from './paging';

/** "The maximum number of issues that can be moved in one operation is 50." (POST /rest/agile/1.0/sprint/{id}/issue and /backlog/issue) */
export const MAX_ISSUES_PER_MOVE = 50;
/** "At most 50 issues may be ranked at once." (PUT /rest/agile/1.0/issue/rank) */
export const MAX_ISSUES_PER_RANK = 50;

const REFUSED = 400;

function refused(message: string): JiraStepResult {
  return { ok: false, status: REFUSED, message };
}

function resultOf(answer: JiraAnswer, done: string, failed: string): JiraStepResult {
  return succeeded(answer) ? { ok: true, status: answer.status, message: done } : { ok: false, status: answer.status, message: `${failed}: ${answer.problem}` };
}

/**
 * Sends one call per chunk of at most `size` keys, stopping at the first failure and saying how
 * far it got: the earlier chunks are done in Jira and the journal must know that.
 */
async function inChunks(
  keys: readonly string[],
  size: number,
  callFor: (chunk: string[], previous: string[] | undefined) => Promise<JiraAnswer>,
  failed: (chunk: string[]) => string,
  done: string,
): Promise<JiraStepResult> {
  const chunks = chunksOf(keys, size);
  let status = 204;
  for (const [index, chunk] of chunks.entries()) {
    const answer = await callFor(chunk, chunks[index - 1]);
    if (!succeeded(answer)) {
      const progress = index > 0 ? ` (${index * size} of ${keys.length} issues were changed before this)` : '';
      return { ok: false, status: answer.status, message: `${failed(chunk)}: ${answer.problem}${progress}` };
    }
    status = answer.status;
  }
  return { ok: true, status, message: done };
}

// Moving is repeatable: moving an issue into the sprint it is already in changes nothing.
export function moveToSprint(client: JiraClient, sprintId: number, issueKeys: readonly string[]): Promise<JiraStepResult> {
  return inChunks(
    issueKeys,
    MAX_ISSUES_PER_MOVE,
    (chunk) => client.call(route`/rest/agile/1.0/sprint/${sprintId}/issue`, { method: 'POST', body: { issues: chunk }, replay: 'repeatable' }),
    (chunk) => `Jira did not move ${chunk.join(', ')} to sprint ${sprintId}`,
    `Moved ${issueKeys.join(', ')} to sprint ${sprintId}.`,
  );
}

export function moveToBacklog(client: JiraClient, issueKeys: readonly string[]): Promise<JiraStepResult> {
  return inChunks(
    issueKeys,
    MAX_ISSUES_PER_MOVE,
    (chunk) => client.call(route`/rest/agile/1.0/backlog/issue`, { method: 'POST', body: { issues: chunk }, replay: 'repeatable' }),
    (chunk) => `Jira did not move ${chunk.join(', ')} to the backlog`,
    `Moved ${issueKeys.join(', ')} to the backlog.`,
  );
}

/**
 * Ranks the issues, in order, before or after the anchor. Past 50 issues each further chunk is
 * ranked right after the previous chunk's last issue, which keeps the whole list contiguous.
 */
export function rank(client: JiraClient, issueKeys: readonly string[], position: 'before' | 'after', anchorKey: string): Promise<JiraStepResult> {
  return inChunks(
    issueKeys,
    MAX_ISSUES_PER_RANK,
    (chunk, previous) => {
      const anchor = previous ? { rankAfterIssue: previous[previous.length - 1] } : position === 'before' ? { rankBeforeIssue: anchorKey } : { rankAfterIssue: anchorKey };
      return client.call(route`/rest/agile/1.0/issue/rank`, { method: 'PUT', body: { issues: chunk, ...anchor }, replay: 'repeatable' });
    },
    (chunk) => `Jira did not rank ${chunk.join(', ')} ${position} ${anchorKey}`,
    `Ranked ${issueKeys.join(', ')} ${position} ${anchorKey}.`,
  );
}

async function editFields(client: JiraClient, issueKey: string, fields: Record<string, unknown>, done: string, failed: string): Promise<JiraStepResult> {
  const path = routeOrNull(() => route`/rest/api/3/issue/${issueKey}`);
  if (!path) return refused(`${failed}: "${issueKey}" is not an issue key.`);
  return resultOf(await client.call(path, { method: 'PUT', body: { fields }, replay: 'repeatable' }), done, failed);
}

export function setPriority(client: JiraClient, issueKey: string, priorityName: string): Promise<JiraStepResult> {
  return editFields(client, issueKey, { priority: { name: priorityName } }, `Set the priority of ${issueKey} to ${priorityName}.`, `Jira did not set the priority of ${issueKey}`);
}

export async function setEstimate(client: JiraClient, issueKey: string, estimation: BoardEstimation, points: number): Promise<JiraStepResult> {
  if (estimation.kind !== 'points') return refused(`The board counts issues instead of estimating them, so ${issueKey} has no estimate to set.`);
  return editFields(client, issueKey, { [estimation.fieldId]: points }, `Set the estimate of ${issueKey} to ${points}.`, `Jira did not set the estimate of ${issueKey}`);
}

/** The project's sub-task issue type (called "Subtask" in team-managed and "Sub-task" in company-managed projects). */
async function subtaskTypeId(client: JiraClient, projectId: string): Promise<string | null> {
  const path = routeOrNull(() => route`/rest/api/3/project/${projectId}`);
  const project = path ? await client.read(path, projectShape) : null;
  return project?.issueTypes?.find((type) => type.subtask)?.id ?? null;
}

/**
 * The entity property an apply step writes on what it creates, in the create call itself
 * (`properties` of POST /rest/api/3/issue and of POST /rest/api/3/issue/{key}/comment, EntityProperty
 * in Atlassian's platform OpenAPI), so it is there from the entity's first moment. Only its marker
 * counts: the visible text may change (and anyone may write a look-alike).
 */
export const APPLY_MARK_PROPERTY = 'goalkeeper.apply-step';

function markProperties(mark: ApplyMark | undefined): { properties?: { key: string; value: ApplyMark }[] } {
  return mark ? { properties: [{ key: APPLY_MARK_PROPERTY, value: { proposalId: mark.proposalId, step: mark.step, marker: mark.marker } }] } : {};
}

function carries(value: unknown, mark: ApplyMark): boolean {
  const parsed = entityPropertyShape.safeParse(value);
  if (!parsed.success) return false;
  const stored = parsed.data.value as Partial<ApplyMark> | null;
  return stored?.marker === mark.marker && stored.proposalId === mark.proposalId && stored.step === mark.step;
}

/**
 * Creates one sub-task under the parent. Creating is not repeatable (a retry after a lost
 * answer could create it twice), so a 5xx or network failure comes back as a failure for the
 * journal to settle by reading `subIssues`.
 */
export async function createSubIssue(client: JiraClient, parentKey: string, summary: string, points: number, estimation: BoardEstimation, mark?: ApplyMark): Promise<JiraStepResult> {
  const failed = `Jira did not create the sub-task "${summary}" under ${parentKey}`;
  const parentPath = routeOrNull(() => route`/rest/api/3/issue/${parentKey}?fields=project`);
  const parent = parentPath ? await client.read(parentPath, issueShape) : null;
  if (!parent?.fields.project) return { ok: false, status: 404, message: `${failed}: the parent issue does not exist or the app cannot see it.` };
  const typeId = await subtaskTypeId(client, parent.fields.project.id);
  if (!typeId) return refused(`${failed}: project ${parent.fields.project.key} has no sub-task issue type.`);
  const fields = {
    project: { id: parent.fields.project.id },
    parent: { key: parent.key },
    issuetype: { id: typeId },
    summary,
    ...(estimation.kind === 'points' ? { [estimation.fieldId]: points } : {}),
  };
  const answer = await client.call(route`/rest/api/3/issue`, { method: 'POST', body: { fields, ...markProperties(mark) }, replay: 'once' });
  const result = resultOf(answer, '', failed);
  if (!result.ok) return result;
  const created = createdIssueShape.safeParse(answer.body);
  if (!created.success) return { ok: false, status: answer.status, message: `${failed}: Jira's answer did not name the new issue.` };
  return { ok: true, status: answer.status, message: `Created ${created.data.key} "${summary}" under ${parent.key}.`, createdKeys: [created.data.key] };
}

/** Posting a comment is not repeatable either: a lost answer could otherwise post it twice. */
export async function addDecisionComment(client: JiraClient, issueKey: string, comment: DecisionComment, mark?: ApplyMark): Promise<JiraStepResult> {
  const failed = `Jira did not add the decision comment to ${issueKey}`;
  const path = routeOrNull(() => route`/rest/api/3/issue/${issueKey}/comment`);
  if (!path) return refused(`${failed}: "${issueKey}" is not an issue key.`);
  return resultOf(await client.call(path, { method: 'POST', body: { body: decisionCommentDocument(comment), ...markProperties(mark) }, replay: 'once' }), `Commented the decision on ${issueKey}.`, failed);
}

/**
 * The parent's sub-task that carries `mark`, or null. Sub-tasks come from the parent's `subtasks`
 * field (read at once, unlike search); each one's mark from GET
 * /rest/api/3/issue/{key}/properties/{propertyKey} (getIssueProperty, read:jira-work), 404 when absent.
 */
export async function markedSubIssue(client: JiraClient, parentKey: string, mark: ApplyMark): Promise<string | null> {
  const path = routeOrNull(() => route`/rest/api/3/issue/${parentKey}?fields=subtasks`);
  const parent = path ? await client.read(path, issueShape) : null;
  for (const subtask of parent?.fields.subtasks ?? []) {
    const propertyPath = routeOrNull(() => route`/rest/api/3/issue/${subtask.key}/properties/${APPLY_MARK_PROPERTY}`);
    if (propertyPath && carries(await client.read(propertyPath, entityPropertyShape), mark)) return subtask.key;
  }
  return null;
}

/**
 * Whether a comment on the issue carries `mark`: a comment whose answer was lost (a timeout, a
 * dropped connection) may have been posted all the same. Only comments created since the step
 * started are candidates (Jira's `created`, with a margin for clock skew); each one's mark from GET
 * /rest/api/3/comment/{id}/properties/{propertyKey} (getCommentProperty, read:jira-work).
 */
export async function hasMarkedComment(client: JiraClient, issueKey: string, mark: ApplyMark, since: string): Promise<boolean> {
  const path = routeOrNull(() => route`/rest/api/3/issue/${issueKey}?fields=comment`);
  const issue = path ? await client.read(path, issueCommentsShape) : null;
  const from = Date.parse(since) - CLOCK_SKEW_MS;
  for (const comment of issue?.fields.comment?.comments ?? []) {
    if (!comment.id || (comment.created && Date.parse(comment.created) < from)) continue;
    const propertyPath = routeOrNull(() => route`/rest/api/3/comment/${comment.id!}/properties/${APPLY_MARK_PROPERTY}`);
    if (propertyPath && carries(await client.read(propertyPath, entityPropertyShape), mark)) return true;
  }
  return false;
}

/** Forge's clock and Jira's may differ: a comment a little "older" than the step's start is still looked at. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

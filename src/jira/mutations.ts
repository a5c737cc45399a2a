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
import { createdIssueShape, entityPropertyShape, issueCommentsShape, issueShape, searchPageShape } from './jira-shapes';
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
  return succeeded(answer)
    ? { ok: true, status: answer.status, message: done }
    : { ok: false, status: answer.status, message: `${failed}: ${answer.problem}` };
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
    (chunk) =>
      client.call(route`/rest/agile/1.0/sprint/${sprintId}/issue`, { method: 'POST', body: { issues: chunk }, replay: 'repeatable' }),
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
export function rank(
  client: JiraClient,
  issueKeys: readonly string[],
  position: 'before' | 'after',
  anchorKey: string,
): Promise<JiraStepResult> {
  return inChunks(
    issueKeys,
    MAX_ISSUES_PER_RANK,
    (chunk, previous) => {
      const anchor = previous
        ? { rankAfterIssue: previous[previous.length - 1] }
        : position === 'before'
          ? { rankBeforeIssue: anchorKey }
          : { rankAfterIssue: anchorKey };
      return client.call(route`/rest/agile/1.0/issue/rank`, { method: 'PUT', body: { issues: chunk, ...anchor }, replay: 'repeatable' });
    },
    (chunk) => `Jira did not rank ${chunk.join(', ')} ${position} ${anchorKey}`,
    `Ranked ${issueKeys.join(', ')} ${position} ${anchorKey}.`,
  );
}

async function editFields(
  client: JiraClient,
  issueKey: string,
  fields: Record<string, unknown>,
  done: string,
  failed: string,
): Promise<JiraStepResult> {
  const path = routeOrNull(() => route`/rest/api/3/issue/${issueKey}`);
  if (!path) return refused(`${failed}: "${issueKey}" is not an issue key.`);
  return resultOf(await client.call(path, { method: 'PUT', body: { fields }, replay: 'repeatable' }), done, failed);
}

export function setPriority(client: JiraClient, issueKey: string, priorityName: string): Promise<JiraStepResult> {
  return editFields(
    client,
    issueKey,
    { priority: { name: priorityName } },
    `Set the priority of ${issueKey} to ${priorityName}.`,
    `Jira did not set the priority of ${issueKey}`,
  );
}

export async function setEstimate(
  client: JiraClient,
  issueKey: string,
  estimation: BoardEstimation,
  points: number,
): Promise<JiraStepResult> {
  if (estimation.kind !== 'points')
    return refused(`The board counts issues instead of estimating them, so ${issueKey} has no estimate to set.`);
  return editFields(
    client,
    issueKey,
    { [estimation.fieldId]: points },
    `Set the estimate of ${issueKey} to ${points}.`,
    `Jira did not set the estimate of ${issueKey}`,
  );
}

/**
 * The entity property an apply step writes on what it creates, in the create call itself
 * (`properties` of POST /rest/api/3/issue and of POST /rest/api/3/issue/{key}/comment, EntityProperty
 * in Atlassian's platform OpenAPI), so it is there from the entity's first moment. Only its marker
 * counts: the visible text may change (and anyone may write a look-alike).
 */
export const APPLY_MARK_PROPERTY = 'goalkeeper.apply-step';

function markProperties(mark: ApplyMark | undefined): { properties?: { key: string; value: ApplyMark }[] } {
  return mark
    ? { properties: [{ key: APPLY_MARK_PROPERTY, value: { proposalId: mark.proposalId, step: mark.step, marker: mark.marker } }] }
    : {};
}

function carries(value: unknown, mark: ApplyMark): boolean {
  const parsed = entityPropertyShape.safeParse(value);
  if (!parsed.success) return false;
  const stored = parsed.data.value as Partial<ApplyMark> | null;
  return stored?.marker === mark.marker && stored.proposalId === mark.proposalId && stored.step === mark.step;
}

/**
 * Creates one part of a split the way Jira's own "Split issue" does: a sibling of the source
 * issue — the same project, the same issue type, the same parent (its epic, in team-managed and
 * company-managed projects alike Jira's `parent` field) — carrying its share of the estimate, then
 * moves it into the proposal's sprint (POST /rest/agile/1.0/sprint/{sprintId}/issue), since a new
 * issue starts in the backlog. Not a sub-task: Jira's sprint reports ignore sub-task estimates.
 * Creating is not repeatable (a retry after a lost answer could create it twice), so a 5xx or
 * network failure comes back as a failure for the journal to settle with `markedSplitPart`; the
 * move is, so a retry that finds the part moves it again.
 */
export async function createSplitPart(
  client: JiraClient,
  sourceKey: string,
  part: { readonly summary: string; readonly points: number },
  estimation: BoardEstimation,
  sprintId: number,
  mark?: ApplyMark,
): Promise<JiraStepResult> {
  const failed = `Jira did not create the split part "${part.summary}" of ${sourceKey}`;
  const sourcePath = routeOrNull(() => route`/rest/api/3/issue/${sourceKey}?fields=project,issuetype,parent`);
  const source = sourcePath ? await client.read(sourcePath, issueShape) : null;
  const project = source?.fields.project;
  const type = source?.fields.issuetype;
  if (!source || !project || !type?.id)
    return { ok: false, status: 404, message: `${failed}: the issue does not exist or the app cannot see it.` };
  const fields = {
    project: { id: project.id },
    issuetype: { id: type.id },
    summary: part.summary,
    ...(source.fields.parent ? { parent: { key: source.fields.parent.key } } : {}),
    ...(estimation.kind === 'points' ? { [estimation.fieldId]: part.points } : {}),
  };
  const answer = await client.call(route`/rest/api/3/issue`, { method: 'POST', body: { fields, ...markProperties(mark) }, replay: 'once' });
  const result = resultOf(answer, '', failed);
  if (!result.ok) return result;
  const created = createdIssueShape.safeParse(answer.body);
  if (!created.success) return { ok: false, status: answer.status, message: `${failed}: Jira's answer did not name the new issue.` };
  // A sub-task's sibling is a sub-task too, which Jira keeps in its parent's sprint.
  const placed = type.subtask ? null : await moveToSprint(client, sprintId, [created.data.key]);
  const createdKeys = [created.data.key];
  if (placed && !placed.ok) return { ...placed, message: `Created ${created.data.key}, but ${placed.message}`, createdKeys };
  return { ok: true, status: answer.status, message: `Created ${created.data.key} "${part.summary}" beside ${sourceKey}.`, createdKeys };
}

/** Posting a comment is not repeatable either: a lost answer could otherwise post it twice. */
export async function addDecisionComment(
  client: JiraClient,
  issueKey: string,
  comment: DecisionComment,
  mark?: ApplyMark,
): Promise<JiraStepResult> {
  const failed = `Jira did not add the decision comment to ${issueKey}`;
  const path = routeOrNull(() => route`/rest/api/3/issue/${issueKey}/comment`);
  if (!path) return refused(`${failed}: "${issueKey}" is not an issue key.`);
  return resultOf(
    await client.call(path, { method: 'POST', body: { body: decisionCommentDocument(comment), ...markProperties(mark) }, replay: 'once' }),
    `Commented the decision on ${issueKey}.`,
    failed,
  );
}

/** Issues created in the project since a split step started that are looked at for its marker: a split makes a handful. */
export const SPLIT_CANDIDATES = 50;

/**
 * The split part carrying `mark` (created by that very step), or null: settles an in-doubt split
 * step. Candidates are the project's newest issues (POST /rest/api/3/search/jql, read:jira-work,
 * newest first) created since the step started (Jira's `created`, with a margin for clock skew);
 * each one's mark from GET /rest/api/3/issue/{key}/properties/{propertyKey} (getIssueProperty).
 * Only the marker counts, never a look-alike summary.
 */
export async function markedSplitPart(client: JiraClient, sourceKey: string, mark: ApplyMark, since: string): Promise<string | null> {
  const sourcePath = routeOrNull(() => route`/rest/api/3/issue/${sourceKey}?fields=project`);
  const project = sourcePath ? (await client.read(sourcePath, issueShape))?.fields.project : null;
  if (!project) return null;
  const from = Date.parse(since) - CLOCK_SKEW_MS;
  // The project's id is digits only, so nothing typed by a person reaches the JQL.
  const jql = `project = ${Number(project.id)} ORDER BY created DESC`;
  const page = await client.require(route`/rest/api/3/search/jql`, searchPageShape, {
    post: { jql, fields: ['created'], maxResults: SPLIT_CANDIDATES },
  });
  for (const issue of page.issues) {
    if (issue.fields.created && Date.parse(issue.fields.created) < from) break;
    const propertyPath = routeOrNull(() => route`/rest/api/3/issue/${issue.key}/properties/${APPLY_MARK_PROPERTY}`);
    if (propertyPath && carries(await client.read(propertyPath, entityPropertyShape), mark)) return issue.key;
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

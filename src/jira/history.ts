/**
 * Team history per closed sprint, from public endpoints only (Jira's sprint report is internal,
 * `/rest/greenhopper/…`, and not enabled for OAuth 2.0):
 *
 * - the board's closed sprints: GET /rest/agile/1.0/board/{id}/sprint?state=closed (getAllSprints);
 * - the issues of the sprints: `sprint in (…)` (issue-search.ts: their ids by POST
 *   /rest/api/3/search/jql, then POST /rest/api/3/issue/bulkfetch in parallel), fields status
 *   (category), statuscategorychangedate, resolutiondate, created, issuetype, the Sprint field and
 *   the estimation field;
 * - the issues' changes of the Sprint and estimation fields: POST /rest/api/3/changelog/bulkfetch
 *   (getBulkChangelogs), oldest first. `expand=changelog` on a search would be shorter, but Jira
 *   cuts it to the most recent histories (40–100) with no paging; the bulk changelog pages.
 *
 * Where each figure comes from, and what it cannot see:
 * - committedPoints: issues in the sprint at its start (Sprint field as the changelog says it was
 *   then), at the estimate each had then — the velocity chart's "Commitment". An issue removed
 *   from the sprint before it closed no longer holds the sprint in its Sprint field, so `sprint = N`
 *   does not find it: its commitment is missing (Jira's JQL has no `sprint WAS`). Commitment is
 *   therefore a floor for sprints that lost issues mid-way.
 * - completedPoints: issues in the sprint at its completion whose status category was Done then,
 *   at their estimate then — the velocity chart's "Completed". "Done then" is read from the
 *   issue's last status-category change (statuscategorychangedate, else resolutiondate): an issue
 *   done in the sprint, later reopened and done again after it closed, counts in the later sprint.
 * - dailyCompletedPoints: the same completions placed on the working day their status category
 *   changed, a date on the site's clock (site.ts); work done before the start counts on day one, on
 *   a non-working day on the working day before it.
 * - workingDays: weekdays the sprint touched, counted as the domain counts the active sprint's.
 * Sub-tasks are left out, as Jira's velocity chart counts only their parents' estimates.
 */
import { route } from '@forge/api';
import type { BoardEstimation, ClosedSprint, RecentClosedSprints } from '../app/ports';
import type { SprintHistory } from '../domain/sprint';
import { instantAt, localDayOf } from '../domain/time-zone';
import { countWorkingDays } from '../domain/working-days';
import { AGILE_PAGE_SIZE } from './boards';
import type { JiraClient } from './jira-client';
import {
  bulkChangelogShape,
  fieldListShape,
  sprintFieldValueShape,
  sprintPageShape,
  type BulkChangelogJson,
  type ChangeItemJson,
  type HistoryIssueJson,
  type SprintJson,
} from './jira-shapes';
import { issuesWithFields } from './issue-search';
import { chunksOf, collectTokenPages, inWaves, MAX_PAGES } from './paging';
import { siteTimeZone } from './site';

/** Jira Software's Sprint field type (GET /rest/api/3/field, `schema.custom`); its id differs per site. */
export const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
/** POST /changelog/bulkfetch: "You can request the changelogs of up to 1000 issues". */
export const CHANGELOG_ISSUES_PER_CALL = 1000;
/** POST /changelog/bulkfetch `maxResults`: default 1000, at most 10000. */
export const CHANGELOG_PAGE_SIZE = 1000;

/** When the sprint really ended: its completion, or its planned end if Jira has no completion date. */
function endOf(sprint: Pick<SprintJson, 'completeDate' | 'endDate'>): string | null {
  return sprint.completeDate ?? sprint.endDate ?? null;
}

function toClosedSprint(sprint: SprintJson): ClosedSprint {
  return {
    id: sprint.id,
    name: sprint.name,
    startDate: sprint.startDate ?? null,
    endDate: sprint.endDate ?? null,
    completeDate: sprint.completeDate ?? null,
  };
}

/** One page of the board's closed sprints from `startAt`; a board without sprints (Kanban: 400) has none. */
async function closedSprintPage(
  client: JiraClient,
  boardId: number,
  startAt: number,
  maxResults: number,
): Promise<{ values: SprintJson[]; isLast: boolean }> {
  const query = new URLSearchParams({ state: 'closed', startAt: String(startAt), maxResults: String(maxResults) });
  const page = await client.read(route`/rest/agile/1.0/board/${boardId}/sprint?${query}`, sprintPageShape, { absentOn: [400] });
  const values = page?.values ?? [];
  return { values, isLast: !page || page.isLast === true || values.length === 0 };
}

/**
 * Jira lists closed sprints oldest first and gives no total, so reading from the start costs a
 * page per 50 sprints on every open. With the list's length seen last time, the read starts just
 * before the end and walks back a page at a time only if that did not yield enough of the board's
 * own sprints (sprints shared from other boards sit in the same list, and sprints may be deleted).
 */
export async function recentClosedSprints(
  client: JiraClient,
  boardId: number,
  count: number,
  listLengthHint = 0,
): Promise<RecentClosedSprints> {
  if (count <= 0) return { sprints: [], listLength: listLengthHint };
  let from = Math.max(0, listLengthHint - count);
  const listed: SprintJson[] = [];
  for (let pages = 0; ; pages++) {
    if (pages >= MAX_PAGES) break;
    const page = await closedSprintPage(client, boardId, from + listed.length, AGILE_PAGE_SIZE);
    listed.push(...page.values);
    if (page.isLast) break;
  }
  const own = () => listed.filter((sprint) => sprint.originBoardId === boardId);
  while (own().length < count && from > 0) {
    const start = Math.max(0, from - AGILE_PAGE_SIZE);
    const page = await closedSprintPage(client, boardId, start, from - start);
    listed.unshift(...page.values);
    from = start;
  }
  const newestFirst = own()
    .sort((a, b) => Date.parse(endOf(b) ?? '') - Date.parse(endOf(a) ?? '') || b.id - a.id)
    .slice(0, count)
    .map(toClosedSprint);
  return { sprints: newestFirst, listLength: from + listed.length };
}

export async function sprintFieldId(client: JiraClient): Promise<string | null> {
  // The same read as the estimation field's (boards.ts): made once per invocation.
  const fields = (await client.readStable(route`/rest/api/3/field`, fieldListShape)) ?? [];
  return fields.find((field) => field.schema?.custom === SPRINT_FIELD_TYPE)?.id ?? null;
}

/** A field's value set at a moment of the issue's history. */
interface FieldChange {
  readonly at: number;
  readonly item: ChangeItemJson;
}

/** Issue id → field id → its changes, oldest first. */
type ChangesByIssue = Map<string, Map<string, FieldChange[]>>;

/**
 * The issues' changes of `fieldIds` (POST /rest/api/3/changelog/bulkfetch, getBulkChangelogs):
 * 1,000 issues a call, the calls in parallel waves (paging.ts), each following its own pages.
 */
export async function bulkChangelogs(
  client: JiraClient,
  issueIds: readonly string[],
  fieldIds: readonly string[],
): Promise<BulkChangelogJson['issueChangeLogs']> {
  const perChunk = await inWaves(chunksOf(issueIds, CHANGELOG_ISSUES_PER_CALL), (chunk) =>
    collectTokenPages(async (nextPageToken) => {
      const page = await client.require(route`/rest/api/3/changelog/bulkfetch`, bulkChangelogShape, {
        post: { issueIdsOrKeys: chunk, fieldIds, maxResults: CHANGELOG_PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) },
      });
      return { values: page.issueChangeLogs, nextPageToken: page.nextPageToken };
    }),
  );
  return perChunk.flat();
}

async function changesOf(client: JiraClient, issueIds: readonly string[], fieldIds: readonly string[]): Promise<ChangesByIssue> {
  const changes: ChangesByIssue = new Map();
  if (fieldIds.length === 0) return changes;
  for (const log of await bulkChangelogs(client, issueIds, fieldIds)) {
    const byField = changes.get(log.issueId) ?? new Map<string, FieldChange[]>();
    for (const history of log.changeHistories) {
      for (const item of history.items) {
        if (!item.fieldId) continue;
        const list = byField.get(item.fieldId) ?? [];
        list.push({ at: Date.parse(history.created), item });
        byField.set(item.fieldId, list);
      }
    }
    changes.set(log.issueId, byField);
  }
  for (const byField of changes.values()) for (const list of byField.values()) list.sort((a, b) => a.at - b.at);
  return changes;
}

/**
 * A field's value at instant `at`: what the last change up to then set; before any change, what
 * the first later change started from; with no change at all, today's value.
 */
function valueAt<T>(
  changes: readonly FieldChange[] | undefined,
  at: number,
  current: T,
  parse: (side: 'from' | 'to', item: ChangeItemJson) => T,
): T {
  const list = changes ?? [];
  const before = list.filter((change) => change.at <= at).pop();
  if (before) return parse('to', before.item);
  const after = list.find((change) => change.at > at);
  return after ? parse('from', after.item) : current;
}

/** The Sprint field's change items hold sprint ids, comma-separated ("5, 6"). */
export function sprintIdsOf(side: 'from' | 'to', item: ChangeItemJson): number[] {
  const raw = side === 'from' ? item.from : item.to;
  return (raw ?? '')
    .split(',')
    .map((id) => Number(id.trim()))
    .filter((id) => Number.isInteger(id) && id > 0);
}

/** A number field's change items hold the number as text (`fromString` / `toString`). */
export function pointsOfChange(side: 'from' | 'to', item: ChangeItemJson): number | null {
  const raw = side === 'from' ? (item.fromString ?? item.from) : (item.toString ?? item.to);
  const value = raw === null || raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) ? value : null;
}

export function numberField(issue: HistoryIssueJson, fieldId: string): number | null {
  const value = issue.fields[fieldId];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

interface IssueTimeline {
  inSprintAt(sprintId: number, at: number): boolean;
  pointsAt(at: number): number;
  /** When the issue last entered the Done category, if it is done now. */
  readonly doneAt: number | null;
}

function timelineOf(
  issue: HistoryIssueJson,
  changes: Map<string, FieldChange[]> | undefined,
  sprintField: string | null,
  estimation: BoardEstimation,
): IssueTimeline {
  const created = Date.parse(issue.fields.created ?? '');
  const currentSprints = sprintField
    ? (sprintFieldValueShape.safeParse(issue.fields[sprintField]).data ?? []).map((sprint) => sprint.id)
    : [];
  const isDone = issue.fields.status?.statusCategory.key === 'done';
  const doneDate = issue.fields.statuscategorychangedate ?? issue.fields.resolutiondate ?? null;
  return {
    inSprintAt: (sprintId, at) => {
      if (Number.isFinite(created) && created > at) return false;
      const ids = valueAt(sprintField ? changes?.get(sprintField) : undefined, at, currentSprints, sprintIdsOf);
      return ids.includes(sprintId);
    },
    // Boards that do not estimate count each issue as 1, as the velocity chart's "Issue count".
    pointsAt: (at) =>
      estimation.kind === 'points'
        ? (valueAt(changes?.get(estimation.fieldId), at, numberField(issue, estimation.fieldId), pointsOfChange) ?? 0)
        : 1,
    doneAt: isDone && doneDate ? Date.parse(doneDate) : null,
  };
}

/** Index of the working day `at` falls on (or the last one before it), within the sprint's days, on the site's clock. */
function workingDayIndex(startMs: number, endMs: number, at: number, workingDays: number, timeZone: string): number {
  const clamped = Math.min(Math.max(at, startMs), endMs - 1);
  // Working dates from the start up to and including the date of `at`.
  const endOfThatDate = instantAt(localDayOf(clamped, timeZone) + 1, 0, timeZone);
  const upToThatDate = countWorkingDays(startMs, Math.min(endMs, endOfThatDate), undefined, timeZone);
  return Math.min(workingDays - 1, Math.max(0, upToThatDate - 1));
}

function historyOf(sprint: ClosedSprint, timelines: readonly IssueTimeline[], timeZone: string): SprintHistory {
  const end = endOf(sprint);
  const startMs = Date.parse(sprint.startDate ?? '');
  const endMs = Date.parse(end ?? '');
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
    return { sprintId: sprint.id, name: sprint.name, committedPoints: 0, completedPoints: 0, workingDays: 0, dailyCompletedPoints: [] };
  }
  const workingDays = countWorkingDays(startMs, endMs, undefined, timeZone);
  const daily = Array.from({ length: workingDays }, () => 0);
  let committedPoints = 0;
  let completedPoints = 0;
  for (const timeline of timelines) {
    if (timeline.inSprintAt(sprint.id, startMs)) committedPoints += timeline.pointsAt(startMs);
    const completed = timeline.doneAt !== null && timeline.doneAt <= endMs && timeline.inSprintAt(sprint.id, endMs);
    if (!completed || timeline.doneAt === null) continue;
    const points = timeline.pointsAt(endMs);
    completedPoints += points;
    if (workingDays > 0) {
      const day = workingDayIndex(startMs, endMs, timeline.doneAt, workingDays, timeZone);
      daily[day] = (daily[day] ?? 0) + points;
    }
  }
  return { sprintId: sprint.id, name: sprint.name, committedPoints, completedPoints, workingDays, dailyCompletedPoints: daily };
}

/** Histories of closed sprints, in the order given: one field list, one search and one changelog read for all of them. */
export async function closedSprintHistories(
  client: JiraClient,
  sprints: readonly ClosedSprint[],
  estimation: BoardEstimation,
): Promise<SprintHistory[]> {
  if (sprints.length === 0) return [];
  const [sprintField, timeZone] = await Promise.all([sprintFieldId(client), siteTimeZone(client)]);
  const estimateField = estimation.kind === 'points' ? [estimation.fieldId] : [];
  const fields = [
    'status',
    'issuetype',
    'created',
    'statuscategorychangedate',
    'resolutiondate',
    ...(sprintField ? [sprintField] : []),
    ...estimateField,
  ];
  // The ids are Jira's own numbers, never text from a person.
  const issues = (await issuesWithFields(client, `sprint in (${sprints.map((sprint) => sprint.id).join(', ')})`, fields)).filter(
    (issue) => issue.fields.issuetype?.subtask !== true,
  );
  const changes = await changesOf(
    client,
    issues.map((issue) => issue.id),
    [...new Set([...(sprintField ? [sprintField] : []), ...estimateField])],
  );
  const timelines = issues.map((issue) => timelineOf(issue, changes.get(issue.id), sprintField, estimation));
  return sprints.map((sprint) => historyOf(sprint, timelines, timeZone));
}

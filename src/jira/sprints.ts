/**
 * Sprints of a board and the active sprint's issues in rank order. Sub-tasks are left out of
 * a snapshot: they ride with their parent, and Jira's sprint report and velocity chart count
 * only the parent's estimate, so counting theirs would count work twice.
 */
import { route } from '@forge/api';
import type { BoardEstimation, GoalCriticalRule } from '../app/ports';
import { GoalkeeperError } from '../domain/errors';
import type { Sprint, SprintSnapshot } from '../domain/sprint';
import { AGILE_PAGE_SIZE, estimationOf } from './boards';
import { KEY_SEARCH_PAGE_SIZE, keysMatchingRuleJql } from './goal-critical';
import { isGoalCritical, ISSUE_FIELDS, isSubtask, toSprintIssue } from './issues';
import type { JiraClient } from './jira-client';
import { searchPageShape, sprintIssuesPageShape, sprintPageShape, sprintShape, type SprintJson } from './jira-shapes';
import { chunksOf, collectOffsetPages, collectOffsetPagesInParallel } from './paging';
import { toSprint } from './sprint-json';
import { isIssueKey } from '../domain/issue-key';

/**
 * The board's open sprints, active and future, in one read ("You can define multiple states
 * separated by commas", getAllSprints in Atlassian's Jira Software OpenAPI), shared within the
 * invocation: a view asks for the active sprint and the next one, and Goalkeeper never starts or
 * closes a sprint itself. A board that does not do sprints (Kanban answers 400) has none.
 */
async function openSprintsOfBoard(client: JiraClient, boardId: number): Promise<SprintJson[]> {
  return collectOffsetPages(async (startAt) => {
    const query = new URLSearchParams({ state: 'active,future', startAt: String(startAt), maxResults: String(AGILE_PAGE_SIZE) });
    return (
      (await client.readStable(route`/rest/agile/1.0/board/${boardId}/sprint?${query}`, sprintPageShape, { absentOn: [400] })) ?? {
        values: [],
      }
    );
  });
}

/** The active sprint; with parallel sprints enabled a board can have several, and the first one wins. */
export async function activeSprint(client: JiraClient, boardId: number): Promise<Sprint | null> {
  const first = (await openSprintsOfBoard(client, boardId)).find((sprint) => sprint.state === 'active');
  return first ? toSprint(first) : null;
}

/** Future sprints in the board's planning order: the first is "the next sprint". */
export async function futureSprints(client: JiraClient, boardId: number): Promise<Sprint[]> {
  return (await openSprintsOfBoard(client, boardId)).filter((sprint) => sprint.state === 'future').map(toSprint);
}

/** A board's active sprint (the first, with parallel sprints) and its future ones in planning order. */
export interface OpenSprints {
  readonly active: Sprint | null;
  readonly future: readonly Sprint[];
}

/**
 * The board's open sprints for a view (the panel, the live preview), kept two minutes
 * (src/jira/kept-config.ts) instead of read on every open; deciding and applying read them afresh
 * (`activeSprint`, `futureSprints`). `seen` are sprints the view has just read from Jira (the
 * issue's own open sprint): when one contradicts the kept list — an active sprint of this board
 * kept as future or not at all, or a kept active sprint now in another state — the list is read
 * afresh; otherwise a seen sprint replaces its kept copy, so its goal and dates are Jira's now.
 */
export async function openSprintsForView(client: JiraClient, boardId: number, seen: readonly Sprint[] = []): Promise<OpenSprints> {
  const read = () => openSprintsOfBoard(client, boardId);
  let sprints = await client.keep('open-sprints', String(boardId), read);
  const contradicted = seen.some((fresh) => {
    const kept = sprints.find((sprint) => sprint.id === fresh.id);
    return fresh.boardId === boardId && (kept ? kept.state !== fresh.state : fresh.state === 'active');
  });
  if (contradicted) {
    await client.forgetKept('open-sprints', String(boardId));
    sprints = await client.keep('open-sprints', String(boardId), read);
  }
  const open = sprints
    .map(toSprint)
    .map((sprint) => seen.find((fresh) => fresh.id === sprint.id && fresh.state === sprint.state) ?? sprint);
  return { active: open.find((sprint) => sprint.state === 'active') ?? null, future: open.filter((sprint) => sprint.state === 'future') };
}

/** Forgets the board's kept open sprints: the next view reads them from Jira. */
export async function forgetOpenSprints(client: JiraClient, boardId: number): Promise<void> {
  await client.forgetKept('open-sprints', String(boardId));
}

export async function getSprint(client: JiraClient, sprintId: number): Promise<Sprint | null> {
  const sprint = await client.read(route`/rest/agile/1.0/sprint/${sprintId}`, sprintShape);
  return sprint ? toSprint(sprint) : null;
}

/**
 * How the sprint's origin board estimates. A sprint outlives its board: deleting a board leaves
 * its sprints, whose `originBoardId` then names nothing (GET board/{id}/configuration answers
 * 404). Such a sprint is still read, counted by issue, rather than failing the whole read.
 */
async function estimationOfSprint(client: JiraClient, sprint: Sprint): Promise<BoardEstimation> {
  try {
    return await estimationOf(client, sprint.boardId);
  } catch (error) {
    if (error instanceof GoalkeeperError && error.code === 'not-found') return { kind: 'issue-count' };
    throw error;
  }
}

/**
 * Items of a sprint Goalkeeper reads (sub-tasks count, as Jira's list counts them): 200 pages of
 * 50, fetched ten at a time, are about 20 round trips (4 s on a real site) inside Forge's 25 s
 * invocation limit. A bigger sprint is assessed on its top items by rank, and the snapshot says
 * how many were left out (`itemsBeyondCap`).
 */
export const SPRINT_ITEMS_CAP = 10_000;

/** The sprint's issues in rank order (Jira's default order for this endpoint), goal-critical marked. */
export async function sprintSnapshot(
  client: JiraClient,
  sprint: Sprint,
  rule: GoalCriticalRule,
  itemsCap: number = SPRINT_ITEMS_CAP,
): Promise<SprintSnapshot> {
  const estimation = await estimationOfSprint(client, sprint);
  const fields = [...ISSUE_FIELDS, ...(estimation.kind === 'points' ? [estimation.fieldId] : [])].join(',');
  const [{ items, total }, jqlMatches] = await Promise.all([
    collectOffsetPagesInParallel(async (startAt) => {
      const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(AGILE_PAGE_SIZE), fields });
      const page = await client.require(route`/rest/agile/1.0/sprint/${sprint.id}/issue?${query}`, sprintIssuesPageShape);
      return { values: page.issues, total: page.total };
    }, itemsCap),
    rule.jql ? keysMatchingRuleJql(client, rule.jql, `sprint = ${sprint.id}`) : Promise.resolve(new Set<string>()),
  ]);
  // An issue re-ranked while the pages were read can arrive twice; it counts once.
  const issues = [...new Map(items.map((issue) => [issue.key, issue])).values()];
  return {
    sprint,
    estimation: estimation.kind,
    issues: issues
      .filter((issue) => !isSubtask(issue))
      .map((issue) => toSprintIssue(issue, estimation, isGoalCritical(rule, issue, jqlMatches))),
    ...(total > items.length ? { itemsBeyondCap: total - items.length } : {}),
  };
}

/** Issue keys per key search: a JQL `issuekey in (…)` of 100 keys stays far below Jira's query length limits. */
export const KEYS_PER_SPRINT_SEARCH = 100;

/**
 * Which of the issues are now in one of the sprints, asking for keys only (POST
 * /rest/api/3/search/jql, read:jira-work; up to 5,000 keys a page), one search per 100 issues, all
 * at once: reconciliation tells a deferral from a removal this way instead of reading each issue.
 */
export async function keysInSprints(client: JiraClient, issueKeys: readonly string[], sprintIds: readonly number[]): Promise<Set<string>> {
  const keys = [...new Set(issueKeys)].filter((key) => isIssueKey(key));
  const sprints = sprintIds.filter((id) => Number.isInteger(id) && id > 0);
  if (keys.length === 0 || sprints.length === 0) return new Set();
  const pages = await Promise.all(
    chunksOf(keys, KEYS_PER_SPRINT_SEARCH).map((chunk) =>
      client.require(route`/rest/api/3/search/jql`, searchPageShape, {
        post: {
          jql: `issuekey in (${chunk.join(', ')}) AND sprint in (${sprints.join(', ')})`,
          fields: ['key'],
          maxResults: KEY_SEARCH_PAGE_SIZE,
        },
      }),
    ),
  );
  return new Set(pages.flatMap((page) => page.issues.map((issue) => issue.key)));
}

/**
 * The sprint's newest change, in one search (POST /rest/api/3/search/jql, read:jira-work): the
 * most recently updated issue of `sprint = N` (sub-tasks included: theirs moves their parent's
 * progress), its key and `updated`. An estimate, status, label, summary or rank change, and an
 * issue added, updates an issue of the sprint; an issue that *left* the sprint no longer matches,
 * so removals are caught by the issue-updated event (src/events/jira-triggers.ts forgets the
 * snapshot) and by the reconciliation every sprint view queues (it stores the snapshot afresh).
 * Whether Jira Cloud bumps `updated` on a re-rank is not documented; the stand-in does, and the
 * same event and reconciliation cover it where Jira does not.
 */
export async function sprintChangeMark(client: JiraClient, sprintId: number): Promise<string> {
  const page = await client.require(route`/rest/api/3/search/jql`, searchPageShape, {
    post: { jql: `sprint = ${sprintId} ORDER BY updated DESC`, fields: ['updated'], maxResults: 1 },
  });
  const newest = page.issues[0];
  if (!newest) return 'empty';
  const updated = newest.fields['updated'];
  return `${newest.key}@${typeof updated === 'string' ? updated : ''}`;
}

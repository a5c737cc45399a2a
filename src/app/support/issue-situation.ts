/**
 * Everything a use case needs to judge a change on one issue: the issue, its board, the board's
 * active sprint as it is *now*, the team's history and the project's settings. Loaded afresh on
 * every call (no caches: one warm runtime serves many Jira sites).
 */
import type { AssessmentInput, Assessment, RestOfSprintCapacity } from '../../domain/assessment';
import type { Change, CounterChange } from '../../domain/change';
import { matchesGoalRule } from '../../domain/goal-critical';
import { DEFAULT_SETTINGS, settingsForBoard, type ProjectSettings } from '../../domain/settings';
import { UTC } from '../../domain/time-zone';
import type { Sprint, SprintHistory, SprintIssue, SprintSnapshot } from '../../domain/sprint';
import { notFound } from './access';
import { MissingParts, missingReasonOf, type MissingPart } from './missing-parts';
import type { BoardEstimation, BoardSummary, GoalCriticalRule, IssueFacts, Ports, StoredSprintSnapshot } from '../ports';
import { loadTeamHistory } from './team-history';

export interface IssueSituation {
  readonly settings: ProjectSettings;
  readonly issue: IssueFacts;
  readonly board: BoardSummary | null;
  readonly estimation: BoardEstimation;
  readonly activeSprint: Sprint | null;
  readonly snapshot: SprintSnapshot | null;
  readonly nextSprint: Sprint | null;
  readonly history: readonly SprintHistory[];
  /** What the team declared it can do for the rest of the active sprint (the gadget's capacity input). */
  readonly capacity: RestOfSprintCapacity | null;
  /** The site's time zone, whose clock working days are counted on (JiraPort.siteTimeZone). */
  readonly timeZone: string;
  /** Optional reads Jira refused or failed, so the view can say what it is missing. */
  readonly unavailable: readonly MissingPart[];
}

export async function loadSettings(ports: Ports, projectKey: string): Promise<ProjectSettings> {
  return (await ports.settings.get(projectKey)) ?? DEFAULT_SETTINGS;
}

/** The board an issue is planned on: its open sprint's board, else the project's first Scrum board. */
async function boardOf(ports: Ports, issue: IssueFacts): Promise<BoardSummary | null> {
  const openSprints =
    issue.openSprints ??
    (await Promise.all(issue.openSprintIds.map((id) => ports.jira.getSprint(id)))).filter((s): s is Sprint => s !== null);
  const planned = openSprints.find((s) => s.state === 'active') ?? openSprints[0];
  if (planned) return ports.jira.getBoard(planned.boardId);
  const boards = await ports.jira.boardsOfProject(issue.projectKey);
  return boards.find((b) => b.type === 'scrum') ?? null;
}

/**
 * The board's active sprint and the next one. A view reads them as kept a short while
 * (JiraPort.openSprintsForView), checked against the issue's own sprint just read; deciding and
 * applying read them from Jira afresh.
 */
async function openSprintsOf(
  ports: Ports,
  boardId: number,
  issue: IssueFacts,
  sprintRead: SprintRead,
): Promise<{ active: Sprint | null; next: Sprint | null }> {
  if (sprintRead === 'view') {
    const { active, future } = await ports.jira.openSprintsForView(boardId, issue.openSprints ?? []);
    return { active, next: future[0] ?? null };
  }
  const [active, future] = await Promise.all([ports.jira.activeSprint(boardId), ports.jira.futureSprints(boardId)]);
  return { active, next: future[0] ?? null };
}

/**
 * How a use case reads the active sprint. A view (the panel, the live preview) takes the board's
 * open sprints as kept a short while and the stored snapshot while Jira's change mark says it is
 * current ('view'). Proposing and deciding read the open sprints from Jira, since they record
 * and judge *which* sprint, and use the snapshot the change mark vouches for ('snapshot'): a
 * removal moves no mark, but the issue-updated event forgets the snapshot at once
 * (src/events/jira-triggers.ts), so only that event's delay separates the two. Applying judges the
 * sprint as Jira has it this moment ('fresh'), because it changes Jira.
 */
export type SprintRead = 'view' | 'snapshot' | 'fresh';

/**
 * Loads the situation; callers must have checked the user's permission on `issueKey` first, or
 * hand in the issue as read as the caller (`seenIssue`, JiraPort.issueSeenByCaller).
 */
export async function loadIssueSituation(
  ports: Ports,
  issueKey: string,
  sprintRead: SprintRead = 'fresh',
  seenIssue?: IssueFacts,
): Promise<IssueSituation> {
  const issue = seenIssue ?? (await ports.jira.getIssue(issueKey));
  if (!issue) throw notFound(issueKey);
  const [projectSettings, board] = await Promise.all([loadSettings(ports, issue.projectKey), boardOf(ports, issue)]);
  const settings = board ? settingsForBoard(projectSettings, board.id) : projectSettings;
  if (!board || board.type !== 'scrum') {
    return {
      settings,
      issue,
      board,
      estimation: { kind: 'issue-count' },
      activeSprint: null,
      snapshot: null,
      nextSprint: null,
      history: [],
      capacity: null,
      // No sprint to count working days of: the site's clock is not asked for.
      timeZone: UTC,
      unavailable: [],
    };
  }
  const missing = new MissingParts();
  const estimationRead = ports.jira.estimationOf(board.id);
  const sprintsRead = openSprintsOf(ports, board.id, issue, sprintRead);
  // The sprint is read as soon as it is known, beside team history rather than after it: on a
  // first open both page through Jira, and one after the other they were the longest wait (issue 12).
  const activeRead = sprintsRead.then(({ active }): Promise<[SprintSnapshot | null, RestOfSprintCapacity | null]> =>
    active
      ? Promise.all([snapshotOf(ports, active, settings.goalCritical, missing, sprintRead), declaredCapacity(ports, active.id)])
      : Promise.resolve([null, null]),
  );
  const [estimation, { active: activeSprint, next: nextSprint }, history, [snapshot, capacity], timeZone] = await Promise.all([
    estimationRead,
    sprintsRead,
    missing.read(
      'history',
      async () =>
        loadTeamHistory(
          ports,
          board.id,
          settings.historySprints,
          await estimationRead,
          (await sprintsRead.catch(() => null))?.active?.id ?? null,
        ),
      [],
    ),
    activeRead,
    ports.jira.siteTimeZone(),
  ]);
  noteEstimationFallback(estimation, missing);
  return {
    settings,
    issue,
    board,
    estimation,
    activeSprint,
    snapshot,
    nextSprint,
    history,
    capacity,
    timeZone,
    unavailable: missing.list(),
  };
}

/** A board whose configuration Jira would not give is estimated with the field named here instead. */
export function noteEstimationFallback(estimation: BoardEstimation, missing: MissingParts): void {
  if (estimation.fallback) missing.add({ part: 'story-point-field', reason: estimation.fallback.reason });
}

/**
 * The sprint's issues with goal-critical marked: the stored snapshot while Jira's one-call change
 * mark says the sprint is as it was read (issue 12: a view reads the snapshot instead of paging
 * the sprint), else read from Jira and stored. The snapshot is read as the app, like the pages it
 * replaces: every view still filters it by what the caller may browse (visible-to-caller.ts).
 */
export async function snapshotOf(
  ports: Ports,
  sprint: Sprint,
  rule: GoalCriticalRule,
  missing: MissingParts,
  sprintRead: SprintRead = 'snapshot',
): Promise<SprintSnapshot> {
  const [stored, changeMark] = await Promise.all([
    sprintRead !== 'fresh' ? ports.sprintSnapshots.get(sprint.id).catch(() => undefined) : undefined,
    ports.jira.sprintChangeMark(sprint.id).catch(() => null),
  ]);
  const reused = stored && changeMark !== null && stored.changeMark === changeMark ? snapshotUnderRule(stored, rule) : null;
  // The sprint's own fields (goal, dates) come from the read the caller just made, never from storage.
  if (reused) return { ...reused, sprint };
  // Its own list: other reads of the view (team history) fill the caller's at the same time.
  const jqlMissing = new MissingParts();
  const fresh = await snapshotFromJira(ports, sprint, rule, jqlMissing);
  jqlMissing.list().forEach((part) => missing.add(part));
  if (changeMark !== null && jqlMissing.list().length === 0) await storeSnapshot(ports, fresh, changeMark, rule);
  return fresh;
}

/** What names a goal-critical rule in a stored snapshot: flags set by another rule are not reused. */
export function ruleKeyOf(rule: GoalCriticalRule): string {
  return JSON.stringify([[...rule.labels].sort(), [...rule.epicKeys].sort(), [...rule.flaggedIssueKeys].sort(), rule.jql]);
}

/** The stored issues flagged by `rule`: as stored under the same rule; recomputed for a rule without JQL (labels, epics and flags are stored); else none. */
function snapshotUnderRule(stored: StoredSprintSnapshot, rule: GoalCriticalRule): SprintSnapshot | null {
  if (stored.ruleKey === ruleKeyOf(rule)) return stored.snapshot;
  if (rule.jql) return null;
  return { ...stored.snapshot, issues: stored.snapshot.issues.map((issue) => ({ ...issue, goalCritical: matchesGoalRule(rule, issue) })) };
}

/** Stores a snapshot read from Jira; a failed write costs the next view a read, never this answer. */
export async function storeSnapshot(ports: Ports, snapshot: SprintSnapshot, changeMark: string, rule: GoalCriticalRule): Promise<void> {
  try {
    await ports.sprintSnapshots.save({ snapshot, changeMark, ruleKey: ruleKeyOf(rule), savedAt: ports.clock.now().toISOString() });
  } catch (error) {
    console.warn(`Storing the snapshot of sprint ${snapshot.sprint.id} failed`, error);
  }
}

/** Stores what reconciliation read unless the store already holds the same (nothing is written when nothing changed). */
export async function refreshStoredSnapshot(
  ports: Ports,
  snapshot: SprintSnapshot,
  changeMark: string,
  rule: GoalCriticalRule,
): Promise<void> {
  const stored = await ports.sprintSnapshots.get(snapshot.sprint.id).catch(() => undefined);
  const same =
    stored?.changeMark === changeMark &&
    stored.ruleKey === ruleKeyOf(rule) &&
    JSON.stringify(stored.snapshot.issues) === JSON.stringify(snapshot.issues);
  if (!same) await storeSnapshot(ports, snapshot, changeMark, rule);
}

/**
 * The rule's JQL only Jira can evaluate; when that search is refused or fails, the sprint is read
 * again by labels, epics and flags alone and the view says the JQL part is missing. If the second
 * read fails too, the JQL was not the problem.
 */
async function snapshotFromJira(ports: Ports, sprint: Sprint, rule: GoalCriticalRule, missing: MissingParts): Promise<SprintSnapshot> {
  try {
    return await ports.jira.sprintSnapshot(sprint, rule);
  } catch (error) {
    const reason = missingReasonOf(error);
    if (!rule.jql || reason === null) throw error;
    const withoutJql = await ports.jira.sprintSnapshot(sprint, { ...rule, jql: null });
    missing.add({ part: 'goal-critical-jql', reason });
    return withoutJql;
  }
}

/** The subject issue as the sprint knows it, or as it would enter the sprint. */
export function subjectIsGoalCritical(situation: IssueSituation): boolean {
  const inSprint = situation.snapshot?.issues.find((i) => i.key === situation.issue.key);
  return inSprint ? inSprint.goalCritical : matchesGoalRule(situation.settings.goalCritical, situation.issue);
}

/** The capacity the team declared for the rest of this sprint, if it did (src/app/use-cases/set-sprint-capacity.ts). */
export async function declaredCapacity(ports: Ports, sprintId: number): Promise<RestOfSprintCapacity | null> {
  const stored = await ports.sprints.capacity(sprintId);
  return stored ? { availability: stored.availability, daysOff: stored.daysOff } : null;
}

/** The sprint facts any assessment needs, whichever view asks. */
export interface SprintFacts {
  readonly snapshot: SprintSnapshot;
  readonly history: readonly SprintHistory[];
  readonly settings: ProjectSettings;
  /** Declared for the rest of the sprint; null: the usual capacity on every working day. */
  readonly capacity: RestOfSprintCapacity | null;
  /** The site's time zone, whose clock working days are counted on. */
  readonly timeZone: string;
}

export function assessOnSprint(
  ports: Ports,
  facts: SprintFacts,
  issueKey: string,
  change: Change,
  incoming?: SprintIssue,
  counterChange?: CounterChange | null,
): Assessment {
  const input: AssessmentInput = {
    snapshot: facts.snapshot,
    history: facts.history,
    issueKey,
    change,
    ...(incoming ? { incoming } : {}),
    now: ports.clock.now().toISOString(),
    workingDays: facts.settings.workingDays,
    timeZone: facts.timeZone,
    thresholds: facts.settings.thresholds,
    ...(facts.capacity ? { capacity: facts.capacity } : {}),
    ...(counterChange ? { counterChange } : {}),
  };
  return ports.assess(input);
}

export function assessInSituation(
  ports: Ports,
  situation: IssueSituation,
  change: Change,
  counterChange?: CounterChange | null,
): Assessment | null {
  if (!situation.snapshot) return null;
  const facts: SprintFacts = {
    snapshot: situation.snapshot,
    history: situation.history,
    settings: situation.settings,
    capacity: situation.capacity,
    timeZone: situation.timeZone,
  };
  return assessOnSprint(
    ports,
    facts,
    situation.issue.key,
    change,
    { ...situation.issue, goalCritical: subjectIsGoalCritical(situation) },
    counterChange,
  );
}

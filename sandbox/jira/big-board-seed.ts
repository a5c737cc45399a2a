/**
 * A big board on demand (issue 12: "big sprints are normal"): the "Scale" project (SCL) with one
 * Scrum board whose active sprint holds `items` issues, sub-tasks counted as Jira's own sprint
 * issue list counts them, six closed sprints of history, a future sprint and a backlog with
 * enough issues for a hundred "add" proposals. The ONB and BIL seed is left as it is; the same
 * people act here (Priya the Product Owner, Dana, Kofi and Mei the Developers, Sam a Viewer).
 *
 * Used by `npm start -- --big-board[=N]` (or GOALKEEPER_BIG_BOARD=N) and by `npm run bench`.
 */
import { STATUSES, pointsFieldOf, type JiraIssue, type JiraSite } from './jira-model';
import { DAY_MS, issueTypes, onboardingTeamRoles, onWorkingDay, SEED_ACCOUNTS, seedGoalkeeperSite, sprintDates } from './seed';

/** Ids and keys of the big board; ids sit above everything the ONB/BIL seed uses. */
export const BIG_BOARD = {
  projectId: '10002',
  projectKey: 'SCL',
  boardId: 4,
  closedSprintIds: [20, 21, 22, 23, 24, 25],
  activeSprintId: 26,
  futureSprintId: 27,
  goalLabel: 'sprint-goal',
  /** Backlog issues: room for 100 open "add" proposals and a few more. */
  backlogSize: 120,
} as const;

/** The default size of `--big-board` without a number: the issue's 5,000-item sprint. */
export const DEFAULT_BIG_BOARD_ITEMS = 5_000;

/** Every fifth item of the active sprint is a sub-task of the story before it, as teams break stories down. */
const SUBTASK_EVERY = 5;
/** Closed sprints hold at most this many issues: enough history, and the first read of it stays quick. */
const MAX_CLOSED_SPRINT_ISSUES = 300;
const FIBONACCI = [1, 2, 3, 5, 8] as const;

/** Deterministic spread of points and goal labels (no randomness: every run seeds the same board). */
function pointsAt(index: number): number {
  return FIBONACCI[(index * 7 + 3) % FIBONACCI.length]!;
}

/** Adds the SCL project, board and sprints to a site seeded with the people of the ONB seed. */
export function seedBigBoard(site: JiraSite, now: Date, items: number): void {
  if (!Number.isInteger(items) || items < 1) throw new Error(`A big board needs a whole number of items, at least 1 (got ${items}).`);
  const project = {
    id: BIG_BOARD.projectId,
    key: BIG_BOARD.projectKey,
    name: 'Scale',
    style: 'team-managed',
    leadAccountId: SEED_ACCOUNTS.productOwner,
    issueTypes: issueTypes(10201, 'Subtask'),
    roles: onboardingTeamRoles(),
  } as const;
  site.addProject(project);
  site.addBoard({
    id: BIG_BOARD.boardId,
    name: 'SCL board',
    type: 'scrum',
    projectId: BIG_BOARD.projectId,
    estimation: pointsFieldOf(project),
  });
  const offsetOf = (sprintId: number) => sprintId - BIG_BOARD.activeSprintId;
  const create = (fields: Parameters<JiraSite['createIssue']>[0]): JiraIssue => site.createIssue(fields);

  // Parents (stories) carry the points; sub-tasks ride with them, as Jira's velocity chart counts them.
  const parents = items - Math.floor(items / SUBTASK_EVERY);
  const activePoints = Array.from({ length: parents }, (_, index) => pointsAt(index)).reduce((sum, points) => sum + points, 0);
  const closedSize = Math.max(1, Math.min(MAX_CLOSED_SPRINT_ISSUES, Math.ceil(parents / 2)));
  // Each closed sprint completed about 90% of what the active sprint holds, so the goal is plausible.
  const closedPoints = Math.max(1, Math.round((activePoints * 0.9) / closedSize));

  for (const sprintId of BIG_BOARD.closedSprintIds) {
    const { start, end } = sprintDates(now, offsetOf(sprintId));
    site.addSprint({
      id: sprintId,
      boardId: BIG_BOARD.boardId,
      name: `SCL Sprint ${sprintId - 19}`,
      state: 'closed',
      goal: `Scale goal ${sprintId - 19}`,
      startDate: start.toISOString(),
      endDate: end.toISOString(),
      completeDate: end.toISOString(),
      createdDate: new Date(start.getTime() - 3 * DAY_MS).toISOString(),
    });
    const created = new Date(start.getTime() - 2 * DAY_MS).toISOString();
    for (let index = 0; index < closedSize; index++) {
      create({
        projectKey: BIG_BOARD.projectKey,
        summary: `Closed work ${sprintId}-${index + 1}`,
        typeName: 'Story',
        points: closedPoints,
        sprintIds: [sprintId],
        status: STATUSES.done,
        created,
        statusSince: onWorkingDay(start, index % 10),
      });
    }
  }

  const active = sprintDates(now, 0);
  site.addSprint({
    id: BIG_BOARD.activeSprintId,
    boardId: BIG_BOARD.boardId,
    name: 'SCL Sprint 7',
    state: 'active',
    goal: 'Everything ranked in the top half ships',
    startDate: active.start.toISOString(),
    endDate: active.end.toISOString(),
    completeDate: null,
    createdDate: new Date(active.start.getTime() - 3 * DAY_MS).toISOString(),
  });
  const plannedAt = new Date(active.start.getTime() - 2 * DAY_MS).toISOString();
  let parent: JiraIssue | null = null;
  for (let index = 0; index < items; index++) {
    const share = index / items;
    // The top fifth is done and the next tenth in progress, as on a board mid-sprint.
    const status = share < 0.2 ? STATUSES.done : share < 0.3 ? STATUSES.inProgress : STATUSES.todo;
    if (parent && (index + 1) % SUBTASK_EVERY === 0) {
      create({
        projectKey: BIG_BOARD.projectKey,
        summary: `Part of ${parent.key}`,
        typeName: 'Subtask',
        parentKey: parent.key,
        status,
        created: plannedAt,
      });
      continue;
    }
    const goal = share < 0.5 && index % 3 === 0;
    parent = create({
      projectKey: BIG_BOARD.projectKey,
      summary: `Scale item ${index + 1}`,
      typeName: index % 4 === 3 ? 'Bug' : 'Story',
      points: pointsAt(index),
      status,
      labels: goal ? [BIG_BOARD.goalLabel] : [],
      sprintIds: [BIG_BOARD.activeSprintId],
      created: plannedAt,
    });
  }

  const future = sprintDates(now, 1);
  site.addSprint({
    id: BIG_BOARD.futureSprintId,
    boardId: BIG_BOARD.boardId,
    name: 'SCL Sprint 8',
    state: 'future',
    goal: '',
    startDate: future.start.toISOString(),
    endDate: future.end.toISOString(),
    completeDate: null,
    createdDate: plannedAt,
  });
  for (let index = 0; index < BIG_BOARD.backlogSize; index++) {
    create({
      projectKey: BIG_BOARD.projectKey,
      summary: `Backlog idea ${index + 1}`,
      typeName: 'Story',
      points: pointsAt(index),
      created: plannedAt,
    });
  }
}

/** The sandbox site with the big board added: the seed `npm start -- --big-board` and the benchmark use. */
export function bigBoardSiteSeed(items: number): (site: JiraSite, now: Date) => void {
  return (site, now) => {
    seedGoalkeeperSite(site, now);
    seedBigBoard(site, now, items);
  };
}

/** Keys of the big board's backlog issues, in creation order (the stand-in numbers issues per project). */
export function bigBoardBacklogKeys(site: JiraSite): string[] {
  return [...site.issues.values()]
    .filter((issue) => issue.projectId === BIG_BOARD.projectId && issue.sprintIds.length === 0 && issue.summary.startsWith('Backlog idea'))
    .map((issue) => issue.key);
}

/** Keys of the active sprint's parent issues (not sub-tasks), in rank order. */
export function bigBoardSprintKeys(site: JiraSite): string[] {
  return site
    .sprintIssues(BIG_BOARD.activeSprintId)
    .filter((issue) => !site.typeOf(issue).subtask)
    .map((issue) => issue.key);
}

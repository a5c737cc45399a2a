/**
 * Team history for velocity and throughput, per closed sprint: committed points (what the sprint
 * held when it started, at the estimates it had then) and completed points. Only Jira's sprint
 * report knows the scope at start; it is the source of the velocity chart, read here the way
 * reporting tools read it (GET /rest/greenhopper/1.0/rapid/charts/sprintreport). A sprint whose
 * report Jira will not give (404) is skipped rather than guessed.
 */
import { route } from '@forge/api';
import type { SprintHistory } from '../domain/sprint';
import { countWorkingDays } from '../domain/working-days';
import type { JiraClient } from './jira-client';
import { sprintReportShape, type SprintJson, type SprintReportIssueJson } from './jira-shapes';
import { sprintsOfBoard } from './sprints';

type EstimateStatistic = SprintReportIssueJson['estimateStatistic'];

function valueOf(statistic: EstimateStatistic): number {
  return statistic?.statFieldValue?.value ?? 0;
}

/** When the sprint really ended: its completion, or its planned end if Jira has no completion date. */
function endOf(sprint: SprintJson): string | null {
  return sprint.completeDate ?? sprint.endDate ?? null;
}

function workingDaysOf(sprint: SprintJson): number {
  const end = endOf(sprint);
  return sprint.startDate && end ? countWorkingDays(Date.parse(sprint.startDate), Date.parse(end)) : 0;
}

async function historyOf(client: JiraClient, boardId: number, sprint: SprintJson): Promise<SprintHistory | null> {
  const query = new URLSearchParams({ rapidViewId: String(boardId), sprintId: String(sprint.id) });
  const report = await client.read(route`/rest/greenhopper/1.0/rapid/charts/sprintreport?${query}`, sprintReportShape);
  if (!report) return null;
  const { contents } = report;
  const added = new Set(Object.keys(contents.issueKeysAddedDuringSprint ?? {}));
  // Committed is the velocity chart's "Commitment": every issue the sprint held at its start —
  // completed, not completed or removed later — at the estimate it had then.
  const everyIssue = [...contents.completedIssues, ...contents.issuesNotCompletedInCurrentSprint, ...contents.puntedIssues, ...(contents.issuesCompletedInAnotherSprint ?? [])];
  const committedPoints = everyIssue.filter((issue) => !added.has(issue.key)).reduce((sum, issue) => sum + valueOf(issue.estimateStatistic), 0);
  const completedPoints = contents.completedIssues.reduce((sum, issue) => sum + valueOf(issue.currentEstimateStatistic), 0);
  return { sprintId: sprint.id, name: sprint.name, committedPoints, completedPoints, workingDays: workingDaysOf(sprint) };
}

/** The last `count` closed sprints of the board, newest first. */
export async function boardHistory(client: JiraClient, boardId: number, count: number): Promise<SprintHistory[]> {
  if (count <= 0) return [];
  const closed = await sprintsOfBoard(client, boardId, 'closed');
  // A sprint shared onto this board from another one is that team's history, not this one's.
  const newestFirst = closed
    .filter((sprint) => sprint.originBoardId === boardId)
    .sort((a, b) => Date.parse(endOf(b) ?? '') - Date.parse(endOf(a) ?? '') || b.id - a.id)
    .slice(0, count);
  const histories = await Promise.all(newestFirst.map((sprint) => historyOf(client, boardId, sprint)));
  return histories.filter((history): history is SprintHistory => history !== null);
}

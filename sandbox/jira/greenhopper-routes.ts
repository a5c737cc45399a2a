/**
 * The sprint report behind Jira's "Sprint report" and velocity chart:
 * GET /rest/greenhopper/1.0/rapid/charts/sprintreport?rapidViewId=&sprintId=. It is not in the
 * documented REST API, yet it is the only place Jira exposes what a sprint committed to at its
 * start, so reporting tools read it. A closed sprint answers from the report Jira froze when it
 * closed; an active one is computed live, using current estimates as the start estimates.
 */
import { renderStatus } from './jira-json';
import type { JiraBoard, JiraIssue, JiraSite, JiraSprint, SprintReportLine } from './jira-model';
import { endpoint, jiraError, ok, type Endpoint, type StandInAnswer, type StandInRequest } from './routing';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The report's legacy date format, e.g. "05/Mar/25 9:00 AM" (rendered here in UTC). */
function legacyDate(iso: string | null): string {
  if (!iso) return 'None';
  const date = new Date(iso);
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${two(date.getUTCFullYear() % 100)} ${twelve}:${two(date.getUTCMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}

function liveReport(site: JiraSite, sprint: JiraSprint): SprintReportLine[] {
  const scope = site.activeSprintScope(sprint.id);
  const current = site.sprintIssues(sprint.id).filter((issue) => !site.typeOf(issue).subtask);
  const punted = [...scope.punted].map((id) => site.issues.get(id)).filter((issue): issue is JiraIssue => issue !== undefined && !issue.sprintIds.includes(sprint.id));
  return [
    ...current.map((issue) => ({
      issueId: issue.id,
      estimateAtStart: issue.points,
      estimateAtEnd: issue.points,
      outcome: issue.status.category === 'done' ? ('completed' as const) : ('not-completed' as const),
      addedDuringSprint: scope.added.has(issue.id),
    })),
    ...punted.map((issue) => ({ issueId: issue.id, estimateAtStart: issue.points, estimateAtEnd: issue.points, outcome: 'punted' as const, addedDuringSprint: scope.added.has(issue.id) })),
  ];
}

/** Boards that do not estimate count each issue as 1, as the velocity chart's "issue count". */
function statistic(board: JiraBoard, value: number | null): object {
  const statFieldId = board.estimation?.fieldId ?? 'issueCount';
  const counted = board.estimation ? value : 1;
  return { statFieldId, statFieldValue: counted === null ? {} : { value: counted } };
}

function estimateSum(board: JiraBoard, lines: readonly SprintReportLine[], pick: (line: SprintReportLine) => number | null): object {
  const values = lines.map((line) => (board.estimation ? pick(line) : 1)).filter((value): value is number => value !== null);
  if (values.length === 0) return { text: 'null' };
  const sum = values.reduce((total, value) => total + value, 0);
  return { value: sum, text: sum.toFixed(1) };
}

function reportIssue(request: StandInRequest, board: JiraBoard, line: SprintReportLine, issue: JiraIssue): object {
  const { site, render } = request;
  const type = site.typeOf(issue);
  return {
    id: Number(issue.id),
    key: issue.key,
    hidden: false,
    typeName: type.name,
    typeId: type.id,
    summary: issue.summary,
    typeUrl: `${render.baseUrl}/images/icons/issuetypes/${type.name.toLowerCase()}.svg`,
    priorityUrl: `${render.baseUrl}/images/icons/priorities/${issue.priorityName.toLowerCase()}.svg`,
    priorityName: issue.priorityName,
    done: line.outcome === 'completed',
    assignee: issue.assigneeAccountId ?? undefined,
    hasCustomUserAvatar: false,
    flagged: issue.flagged,
    epic: site.epicOf(issue)?.key,
    estimateStatisticRequired: false,
    estimateStatistic: statistic(board, line.estimateAtStart),
    currentEstimateStatistic: statistic(board, line.estimateAtEnd),
    statusId: issue.status.id,
    statusName: issue.status.name,
    status: renderStatus(render, issue.status),
    fixVersions: [],
    projectId: Number(issue.projectId),
    linkedPagesCount: 0,
  };
}

function sprintReport(request: StandInRequest): StandInAnswer {
  const { site, query } = request;
  const board = site.boards.get(Number(query.get('rapidViewId')));
  if (!board || !site.canSeeBoard(request.actor, board)) return jiraError(404, ['The requested board cannot be viewed because it either does not exist or you do not have permission to view it.']);
  const sprint = site.sprints.get(Number(query.get('sprintId')));
  if (!sprint || sprint.boardId !== board.id) return jiraError(404, ['The requested sprint does not exist on this board.']);
  if (sprint.state === 'future') return jiraError(400, ['The sprint has not started yet.']);
  const lines = sprint.state === 'closed' ? (site.sprintReports.get(sprint.id) ?? []) : liveReport(site, sprint);
  const withIssue = lines.flatMap((line) => {
    const issue = site.issues.get(line.issueId);
    return issue ? [{ line, issue }] : [];
  });
  const group = (outcome: SprintReportLine['outcome']) => withIssue.filter(({ line }) => line.outcome === outcome);
  const render = (entries: { line: SprintReportLine; issue: JiraIssue }[]) => entries.map(({ line, issue }) => reportIssue(request, board, line, issue));
  const linesOf = (outcome: SprintReportLine['outcome']) => group(outcome).map(({ line }) => line);
  return ok({
    contents: {
      completedIssues: render(group('completed')),
      issuesNotCompletedInCurrentSprint: render(group('not-completed')),
      puntedIssues: render(group('punted')),
      issuesCompletedInAnotherSprint: [],
      completedIssuesInitialEstimateSum: estimateSum(board, linesOf('completed'), (line) => line.estimateAtStart),
      completedIssuesEstimateSum: estimateSum(board, linesOf('completed'), (line) => line.estimateAtEnd),
      issuesNotCompletedInitialEstimateSum: estimateSum(board, linesOf('not-completed'), (line) => line.estimateAtStart),
      issuesNotCompletedEstimateSum: estimateSum(board, linesOf('not-completed'), (line) => line.estimateAtEnd),
      allIssuesEstimateSum: estimateSum(board, [...linesOf('completed'), ...linesOf('not-completed')], (line) => line.estimateAtEnd),
      puntedIssuesInitialEstimateSum: estimateSum(board, linesOf('punted'), (line) => line.estimateAtStart),
      puntedIssuesEstimateSum: estimateSum(board, linesOf('punted'), (line) => line.estimateAtEnd),
      issuesCompletedInAnotherSprintInitialEstimateSum: { text: 'null' },
      issuesCompletedInAnotherSprintEstimateSum: { text: 'null' },
      issueKeysAddedDuringSprint: Object.fromEntries(withIssue.filter(({ line }) => line.addedDuringSprint).map(({ issue }) => [issue.key, true])),
    },
    sprint: {
      id: sprint.id,
      sequence: sprint.id,
      name: sprint.name,
      state: sprint.state.toUpperCase(),
      linkedPagesCount: 0,
      goal: sprint.goal,
      startDate: legacyDate(sprint.startDate),
      endDate: legacyDate(sprint.endDate),
      completeDate: legacyDate(sprint.completeDate),
      isoStartDate: sprint.startDate,
      isoEndDate: sprint.endDate,
      isoCompleteDate: sprint.completeDate,
      canUpdateSprint: false,
      remoteLinks: [],
      daysRemaining: 0,
    },
  });
}

export const greenhopperEndpoints: readonly Endpoint<StandInRequest>[] = [endpoint('GET', /^\/rest\/greenhopper\/1\.0\/rapid\/charts\/sprintreport$/, sprintReport)];

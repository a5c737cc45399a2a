/**
 * The production JiraPort: Jira Cloud REST through @forge/api, as the app. Built per invocation
 * and holding nothing between calls, because one warm Forge runtime serves several Jira sites.
 */
import type { JiraPort } from '../app/ports';
import { allBoards, boardsOfProject, estimationOf, getBoard, projectIdOf, toBoardSummary } from './boards';
import { boardHistory } from './history';
import { readIssueFacts, subIssues } from './issues';
import { JiraClient, type JiraClientOptions } from './jira-client';
import { addDecisionComment, createSubIssue, hasDecisionComment, moveToBacklog, moveToSprint, rank, setEstimate, setPriority } from './mutations';
import { displayNames } from './people';
import { hasProjectPermission, permissionsOf, projectsWithPermission } from './permissions';
import { priorityNames, projectRoleMembers, projectRoleNames, validateJql } from './project-config';
import { activeSprint, futureSprints, getSprint, sprintSnapshot } from './sprints';

export type JiraAdapterOptions = JiraClientOptions;

export function createJiraAdapter(options: JiraAdapterOptions = {}): JiraPort {
  const client = new JiraClient(options);
  return {
    permissionsOf: (accountId, issueKeys, permissions) => permissionsOf(client, accountId, issueKeys, permissions),
    hasProjectPermission: (accountId, projectKey, permission) => hasProjectPermission(client, accountId, projectKey, permission),
    getIssue: (issueKey, rule) => readIssueFacts(client, issueKey, rule),
    boardsOfProject: async (projectKey) => (await boardsOfProject(client, projectKey)).map(toBoardSummary),
    boardsVisibleTo: async (accountId) => {
      const boards = await allBoards(client);
      const projectIds = [...new Set(boards.map(projectIdOf).filter((id): id is string => id !== null))];
      const browsable = await projectsWithPermission(client, accountId, projectIds, 'BROWSE_PROJECTS');
      // A board not tied to one project (a filter across projects) cannot be checked this way: left out.
      return boards.filter((board) => browsable.has(projectIdOf(board) ?? '')).map(toBoardSummary);
    },
    getBoard: async (boardId) => {
      const board = await getBoard(client, boardId);
      return board ? toBoardSummary(board) : null;
    },
    estimationOf: (boardId) => estimationOf(client, boardId),
    activeSprint: (boardId) => activeSprint(client, boardId),
    futureSprints: (boardId) => futureSprints(client, boardId),
    getSprint: (sprintId) => getSprint(client, sprintId),
    sprintSnapshot: (sprint, rule) => sprintSnapshot(client, sprint, rule),
    history: (boardId, count) => boardHistory(client, boardId, count),
    priorityNames: () => priorityNames(client),
    projectRoleMembers: (projectKey, roleName) => projectRoleMembers(client, projectKey, roleName),
    projectRoleNames: (projectKey) => projectRoleNames(client, projectKey),
    validateJql: (jql) => validateJql(client, jql),
    moveToSprint: (sprintId, issueKeys) => moveToSprint(client, sprintId, issueKeys),
    moveToBacklog: (issueKeys) => moveToBacklog(client, issueKeys),
    rank: (issueKeys, position, anchorKey) => rank(client, issueKeys, position, anchorKey),
    setPriority: (issueKey, priorityName) => setPriority(client, issueKey, priorityName),
    setEstimate: (issueKey, estimation, points) => setEstimate(client, issueKey, estimation, points),
    createSubIssue: (parentKey, summary, points, estimation) => createSubIssue(client, parentKey, summary, points, estimation),
    addDecisionComment: (issueKey, comment) => addDecisionComment(client, issueKey, comment),
    displayNames: (accountIds) => displayNames(client, accountIds),
    subIssues: (parentKey) => subIssues(client, parentKey),
    hasDecisionComment: (issueKey, proposalId) => hasDecisionComment(client, issueKey, proposalId),
  };
}

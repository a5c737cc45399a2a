/**
 * The production JiraPort: Jira Cloud REST through @forge/api. Everything goes as the app except
 * what must be the invoking person's own view — their permissions, the boards they may see, JQL
 * validated for an admin — which goes as that person (asUser). Built per invocation and holding
 * nothing between invocations, because one warm Forge runtime serves several Jira sites.
 */
import type { JiraPort, RoleMembers } from '../app/ports';
import { allBoards, boardsOfProject, estimationOf, getBoard, projectIdOf, toBoardSummary } from './boards';
import { closedSprintHistories, recentClosedSprints } from './history';
import { readIssueFacts, readIssuesByKeys } from './issues';
import { JiraClient, type JiraClientOptions } from './jira-client';
import {
  addDecisionComment,
  createSplitPart,
  hasMarkedComment,
  markedSplitPart,
  moveToBacklog,
  moveToSprint,
  rank,
  setEstimate,
  setPriority,
} from './mutations';
import { localesOf, notifyAboutIssue } from './notifications';
import { displayNames, existingPeople, searchPeople } from './people';
import { administersJira, hasProjectPermission, permissionsOf, projectsWithPermission, sightOf } from './permissions';
import { allowedPriorities, projectRoleMembers, projectRoleNames, validateJql } from './project-config';
import { keepPlanOfProject, keptPlanOfProject } from './project-plan';
import { siteTimeZone } from './site';
import { sprintIssueHistories } from './sprint-issue-histories';
import {
  activeSprint,
  forgetOpenSprints,
  futureSprints,
  getSprint,
  keysInSprints,
  openSprintsForView,
  sprintChangeMark,
  sprintSnapshot,
} from './sprints';

/** The clients' options; `kept` (configuration kept between invocations) applies to the app's client only. */
export type JiraAdapterOptions = JiraClientOptions;

export function createJiraAdapter(options: JiraAdapterOptions = {}): JiraPort {
  const client = new JiraClient({ ...options, actor: 'app' });
  const person = new JiraClient({ ...options, actor: 'user' });
  // One read of a role's members per invocation: a panel asks "is this a PO?" and "who are the POs?".
  const roleMembers = new Map<string, Promise<RoleMembers>>();
  return {
    permissionsOfCaller: (issueKeys, permissions) => permissionsOf(person, issueKeys, permissions),
    sightOfCaller: (issues, projectIds, permissions, sprint) => sightOf(person, issues, projectIds, permissions, sprint),
    callerHasProjectPermission: (projectKey, permission) => hasProjectPermission(person, projectKey, permission),
    callerAdministersJira: () => administersJira(person),
    permissionsOfApp: (issueKeys, permissions) => permissionsOf(client, issueKeys, permissions),
    getIssue: (issueKey, rule) => readIssueFacts(client, issueKey, rule),
    issueSeenByCaller: (issueKey) => readIssueFacts(client, issueKey, undefined, person),
    issuesByKeys: (issueKeys, estimation, rule) => readIssuesByKeys(client, issueKeys, estimation, rule),
    keptPlanOfProject: (projectKey) => keptPlanOfProject(client, projectKey),
    siteTimeZone: () => siteTimeZone(client),
    keepPlanOfProject: (projectKey, projectId, sprint) => keepPlanOfProject(client, projectKey, projectId, sprint),
    keysInSprints: (issueKeys, sprintIds) => keysInSprints(client, issueKeys, sprintIds),
    boardsOfProject: async (projectKey) => (await boardsOfProject(client, projectKey)).map(toBoardSummary),
    boardsVisibleToCaller: async () => {
      const boards = await allBoards(client);
      const projectIds = [...new Set(boards.map(projectIdOf).filter((id): id is string => id !== null))];
      const browsable = await projectsWithPermission(person, projectIds, 'BROWSE_PROJECTS');
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
    openSprintsForView: (boardId, seen) => openSprintsForView(client, boardId, seen),
    forgetOpenSprints: (boardId) => forgetOpenSprints(client, boardId),
    sprintSnapshot: (sprint, rule) => sprintSnapshot(client, sprint, rule),
    sprintChangeMark: (sprintId) => sprintChangeMark(client, sprintId),
    recentClosedSprints: (boardId, count, listLengthHint) => recentClosedSprints(client, boardId, count, listLengthHint),
    closedSprintHistories: (sprints, estimation) => closedSprintHistories(client, sprints, estimation),
    sprintIssueHistories: (sprint, otherKeys, estimation) => sprintIssueHistories(client, sprint, otherKeys, estimation),
    allowedPriorities: async (issueKey) => (await allowedPriorities(client, issueKey)) ?? [],
    projectRoleMembers: (projectKey, roleName) => {
      const key = JSON.stringify([projectKey, roleName]);
      const read = roleMembers.get(key) ?? projectRoleMembers(client, projectKey, roleName);
      roleMembers.set(key, read);
      return read;
    },
    projectRoleNames: (projectKey) => projectRoleNames(person, projectKey),
    validateJql: (jql) => validateJql(person, jql),
    moveToSprint: (sprintId, issueKeys) => moveToSprint(client, sprintId, issueKeys),
    moveToBacklog: (issueKeys) => moveToBacklog(client, issueKeys),
    rank: (issueKeys, position, anchorKey) => rank(client, issueKeys, position, anchorKey),
    setPriority: (issueKey, priorityName) => setPriority(client, issueKey, priorityName),
    setEstimate: (issueKey, estimation, points) => setEstimate(client, issueKey, estimation, points),
    createSplitPart: (sourceKey, part, estimation, sprintId, mark) => createSplitPart(client, sourceKey, part, estimation, sprintId, mark),
    addDecisionComment: (issueKey, comment, mark) => addDecisionComment(client, issueKey, comment, mark),
    displayNames: (accountIds) => displayNames(client, accountIds),
    searchPeople: (query) => searchPeople(person, query),
    existingPeople: (accountIds) => existingPeople(person, accountIds),
    markedSplitPart: (sourceKey, mark, since) => markedSplitPart(client, sourceKey, mark, since),
    hasMarkedComment: (issueKey, mark, since) => hasMarkedComment(client, issueKey, mark, since),
    notifyAboutIssue: (issueKey, notice) => notifyAboutIssue(person, issueKey, notice),
    localesOf: (accountIds) => localesOf(client, accountIds),
  };
}

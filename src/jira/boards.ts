/**
 * Boards and how they estimate. A board's configuration names its estimation statistic: the
 * team-managed "Story point estimate" and the company-managed "Story Points" are different
 * custom fields with site-specific ids, so the id is always read, never assumed.
 */
import { route } from '@forge/api';
import type { BoardEstimation, BoardSummary } from '../app/ports';
import { GoalkeeperError } from '../domain/errors';
import { routeOrNull, type JiraClient } from './jira-client';
import { boardPageShape, boardShape, fieldListShape, projectStyleShape, type BoardJson, type FieldJson } from './jira-shapes';
import { collectOffsetPages } from './paging';

/** Agile list endpoints answer at most 50 items per page (Jira Software REST, "Pagination"). */
export const AGILE_PAGE_SIZE = 50;

export const ISSUE_COUNT: BoardEstimation = { kind: 'issue-count' };

const BOARD_TYPES: readonly BoardSummary['type'][] = ['scrum', 'kanban', 'simple'];

export function toBoardSummary(board: BoardJson): BoardSummary {
  const type = BOARD_TYPES.find((known) => known === board.type) ?? 'simple';
  return { id: board.id, name: board.name, type, projectKey: board.location?.projectKey ?? null, projectId: projectIdOf(board) };
}

/** Project id of the board's location, for permission checks; null for boards not tied to one project. */
export function projectIdOf(board: BoardJson): string | null {
  return board.location?.projectId === undefined || board.location.projectId === null ? null : String(board.location.projectId);
}

async function listBoards(client: JiraClient, filter: Record<string, string>): Promise<BoardJson[]> {
  return collectOffsetPages(async (startAt) => {
    const query = new URLSearchParams({ ...filter, startAt: String(startAt), maxResults: String(AGILE_PAGE_SIZE) });
    // An unknown project answers 400 here; it simply has no boards. Read once per invocation: an
    // issue's board and its estimation both ask for the project's boards.
    return (await client.readStable(route`/rest/agile/1.0/board?${query}`, boardPageShape, { absentOn: [400] })) ?? { values: [] };
  });
}

/** The project's boards, kept a while (src/jira/kept-config.ts): a backlog issue's board is the project's first Scrum board. */
export function boardsOfProject(client: JiraClient, projectKey: string): Promise<BoardJson[]> {
  return client.keep('project-boards', projectKey, () => listBoards(client, { projectKeyOrId: projectKey }));
}

export function allBoards(client: JiraClient): Promise<BoardJson[]> {
  return listBoards(client, {});
}

/** A board as the app sees it, kept a while (src/jira/kept-config.ts); a board not found is asked again next time. */
export async function getBoard(client: JiraClient, boardId: number): Promise<BoardJson | null> {
  return client.keep(
    'board',
    String(boardId),
    () => client.readStable(route`/rest/agile/1.0/board/${boardId}`, boardShape),
    (board) => board !== null,
  );
}

const boardNotFound = (boardId: number): GoalkeeperError =>
  new GoalkeeperError('not-found', `Board ${boardId} does not exist or the app cannot see it.`);

/**
 * Where a board's story points live. Jira names the field in the board's configuration (GET
 * /rest/agile/1.0/board/{id}/configuration), but that operation needs the admin-level granular
 * scope read:board-scope.admin:jira-software (Atlassian's Jira Software OpenAPI), which a view a
 * team member opens must not depend on and which Goalkeeper does not declare. So the field is
 * found in public field metadata instead (read:jira-work) and the answer names it; only when no
 * story-point field exists is the sprint counted by issue, and the view says so.
 */
export async function estimationOf(client: JiraClient, boardId: number): Promise<BoardEstimation> {
  const board = await getBoard(client, boardId);
  if (!board) throw boardNotFound(boardId);
  return storyPointFieldOfProject(client, board.location?.projectKey ?? null);
}

/** Jira Software's story-point field type: team-managed projects' "Story point estimate". */
export const JSW_STORY_POINTS_TYPE = 'com.pyxis.greenhopper.jira:jsw-story-points';
/** Company-managed projects' "Story Points" is a plain number custom field found by its default name. */
const COMPANY_MANAGED_POINTS_NAME = 'story points';

/**
 * The project's story-point field, from GET /rest/api/3/field (getFields, read:jira-work): a
 * team-managed project estimates in Jira Software's story-point type, a company-managed one in
 * the number field named "Story Points" (newer sites use the former for both, hence the fallback
 * between them). Whether the project is team-managed comes from GET /rest/api/3/project/{key}.
 */
export function pickStoryPointField(fields: readonly FieldJson[], teamManaged: boolean): FieldJson | undefined {
  const jsw = fields.find((field) => field.schema?.custom === JSW_STORY_POINTS_TYPE);
  const named = fields.find(
    (field) => field.custom === true && field.schema?.type === 'number' && field.name.trim().toLowerCase() === COMPANY_MANAGED_POINTS_NAME,
  );
  return teamManaged ? (jsw ?? named) : (named ?? jsw);
}

/**
 * Kept per project (src/jira/kept-config.ts): the field list is the site's and a project's style
 * never changes. A fallback (no field found, or the read refused or failed) is not kept, so the
 * next view looks again.
 */
function storyPointFieldOfProject(client: JiraClient, projectKey: string | null): Promise<BoardEstimation> {
  if (!projectKey) return readStoryPointField(client, null);
  return client.keep(
    'estimation',
    projectKey,
    () => readStoryPointField(client, projectKey),
    (estimation) => estimation.fallback === undefined,
  );
}

async function readStoryPointField(client: JiraClient, projectKey: string | null): Promise<BoardEstimation> {
  try {
    const projectPath = projectKey ? routeOrNull(() => route`/rest/api/3/project/${projectKey}`) : null;
    const [fields, project] = await Promise.all([
      client.readStable(route`/rest/api/3/field`, fieldListShape),
      projectPath ? client.readStable(projectPath, projectStyleShape) : Promise.resolve(null),
    ]);
    const teamManaged = project?.simplified === true || project?.style === 'next-gen';
    const field = pickStoryPointField(fields ?? [], teamManaged);
    return field ? { kind: 'points', fieldId: field.id, fieldName: field.name } : { ...ISSUE_COUNT, fallback: { reason: 'not-found' } };
  } catch (error) {
    // Without any field metadata the sprint is still shown, counted by issue, and the note says so.
    if (error instanceof GoalkeeperError)
      return { ...ISSUE_COUNT, fallback: { reason: error.code === 'forbidden' ? 'refused' : 'failed' } };
    throw error;
  }
}

/** The estimation an issue's points are read with when no sprint names its board: the project's first Scrum board. */
export async function estimationOfProject(client: JiraClient, projectKey: string): Promise<BoardEstimation> {
  const scrum = (await boardsOfProject(client, projectKey)).find((board) => board.type === 'scrum');
  return scrum ? estimationOf(client, scrum.id) : ISSUE_COUNT;
}

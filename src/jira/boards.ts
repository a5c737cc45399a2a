/**
 * Boards and how they estimate. A board's configuration names its estimation statistic: the
 * team-managed "Story point estimate" and the company-managed "Story Points" are different
 * custom fields with site-specific ids, so the id is always read, never assumed.
 */
import { route } from '@forge/api';
import type { BoardEstimation, BoardSummary } from '../app/ports';
import { GoalkeeperError } from '../domain/errors';
import type { JiraClient } from './jira-client';
import { boardConfigurationShape, boardPageShape, boardShape, type BoardJson } from './jira-shapes';
import { collectOffsetPages } from './paging';

/** Agile list endpoints answer at most 50 items per page (Jira Software REST, "Pagination"). */
export const AGILE_PAGE_SIZE = 50;

export const ISSUE_COUNT: BoardEstimation = { kind: 'issue-count' };

const BOARD_TYPES: readonly BoardSummary['type'][] = ['scrum', 'kanban', 'simple'];

export function toBoardSummary(board: BoardJson): BoardSummary {
  const type = BOARD_TYPES.find((known) => known === board.type) ?? 'simple';
  return { id: board.id, name: board.name, type, projectKey: board.location?.projectKey ?? null };
}

/** Project id of the board's location, for permission checks; null for boards not tied to one project. */
export function projectIdOf(board: BoardJson): string | null {
  return board.location?.projectId === undefined || board.location.projectId === null ? null : String(board.location.projectId);
}

async function listBoards(client: JiraClient, filter: Record<string, string>): Promise<BoardJson[]> {
  return collectOffsetPages(async (startAt) => {
    const query = new URLSearchParams({ ...filter, startAt: String(startAt), maxResults: String(AGILE_PAGE_SIZE) });
    // An unknown project answers 400 here; it simply has no boards.
    return (await client.read(route`/rest/agile/1.0/board?${query}`, boardPageShape, { absentOn: [400] })) ?? { values: [] };
  });
}

export function boardsOfProject(client: JiraClient, projectKey: string): Promise<BoardJson[]> {
  return listBoards(client, { projectKeyOrId: projectKey });
}

export function allBoards(client: JiraClient): Promise<BoardJson[]> {
  return listBoards(client, {});
}

export async function getBoard(client: JiraClient, boardId: number): Promise<BoardJson | null> {
  return client.read(route`/rest/agile/1.0/board/${boardId}`, boardShape);
}

/**
 * Points when the board estimates with a number field (a custom field); otherwise issue count.
 * A board estimating in original time (`timeoriginalestimate`, seconds) is counted by issue too:
 * seconds are not points, and Goalkeeper's capacity arithmetic is in points.
 */
export async function estimationOf(client: JiraClient, boardId: number): Promise<BoardEstimation> {
  const configuration = await client.read(route`/rest/agile/1.0/board/${boardId}/configuration`, boardConfigurationShape);
  if (!configuration) throw new GoalkeeperError('not-found', `Board ${boardId} does not exist or the app cannot see it.`);
  const fieldId = configuration.estimation?.type === 'field' ? configuration.estimation.field?.fieldId : undefined;
  return fieldId?.startsWith('customfield_') ? { kind: 'points', fieldId } : ISSUE_COUNT;
}

/** The estimation an issue's points are read with when no sprint names its board: the project's first Scrum board. */
export async function estimationOfProject(client: JiraClient, projectKey: string): Promise<BoardEstimation> {
  const scrum = (await boardsOfProject(client, projectKey)).find((board) => board.type === 'scrum');
  return scrum ? estimationOf(client, scrum.id) : ISSUE_COUNT;
}

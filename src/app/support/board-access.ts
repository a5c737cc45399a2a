/**
 * A board exists for a caller only if Jira lets them see it: they may browse the board's project
 * (the test Jira's own board list applies to a project board). Checked with one call for that
 * board, asked as the caller (GET /rest/api/3/mypermissions in the project's context), never by
 * listing every board of the site. The board itself is read as the app, once per invocation
 * (the estimation read shares it). A board not tied to one project (a filter across projects)
 * cannot be checked this way and stays hidden, as before.
 */
import { GoalkeeperError } from '../../domain/errors';
import type { Caller } from './caller';
import type { BoardSummary, Ports } from '../ports';

export async function requireVisibleBoard(ports: Ports, _caller: Caller, boardId: number): Promise<BoardSummary> {
  const board = await ports.jira.getBoard(boardId);
  const visible = board?.projectKey ? await ports.jira.callerHasProjectPermission(board.projectKey, 'BROWSE_PROJECTS') : false;
  if (!board || !visible) throw new GoalkeeperError('not-found', 'This board does not exist or you do not have permission to see it.');
  return board;
}

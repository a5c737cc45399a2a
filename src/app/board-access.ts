/** A board exists for a caller only if Jira lets them see it. */
import { GoalkeeperError } from '../domain/errors';
import type { Caller } from './caller';
import type { BoardSummary, Ports } from './ports';

export async function requireVisibleBoard(ports: Ports, caller: Caller, boardId: number): Promise<BoardSummary> {
  const board = (await ports.jira.boardsVisibleToCaller()).find((b) => b.id === boardId);
  if (!board) throw new GoalkeeperError('not-found', 'This board does not exist or you do not have permission to see it.');
  return board;
}

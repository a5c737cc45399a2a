/** The proposals of a board's active sprint that the caller may see, oldest first. */
import type { Proposal, ProposalStatus } from '../../domain/proposal';
import { requireVisibleBoard } from '../support/board-access';
import type { Caller } from '../support/caller';
import type { Ports } from '../ports';
import { proposalsShownTo } from '../support/visible-to-caller';

export async function listSprintProposals(
  ports: Ports,
  caller: Caller,
  request: { boardId: number; status?: ProposalStatus },
): Promise<Proposal[]> {
  const board = await requireVisibleBoard(ports, caller, request.boardId);
  const sprint = await ports.jira.activeSprint(board.id);
  if (!sprint) return [];
  const all = await ports.proposals.listBySprint(sprint.id, request.status);
  return (await proposalsShownTo(ports, all, [board.id])).proposals.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
